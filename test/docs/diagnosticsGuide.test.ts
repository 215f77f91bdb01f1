import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/diagnostics.md runs against the source and prints what its `// =>` comments say.
describeGuide('diagnostics', { minBlocks: 6, timeout: 180_000 });
