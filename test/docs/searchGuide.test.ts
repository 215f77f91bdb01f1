import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/search.md runs against the source and prints what its `// =>` comments say.
describeGuide('search', { minBlocks: 10, timeout: 120_000 });
