import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/plot.md runs against the source and prints what its `// =>` comments say.
describeGuide('plot', { minBlocks: 8, timeout: 120_000 });
