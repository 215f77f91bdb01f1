import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/baselines.md and docs/datasets.md runs against the
// source and prints what its `// =>` comments say.
describeGuide('baselines', { minBlocks: 7, timeout: 120_000 });
describeGuide('datasets', { minBlocks: 2, timeout: 120_000 });
