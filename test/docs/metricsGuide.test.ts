import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/metrics.md runs against the source and prints what its `// =>` comments say.
describeGuide('metrics', { minBlocks: 8, requireOutputs: false });
