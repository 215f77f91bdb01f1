import { describeGuide } from '../helpers/guideSnippets';

// Every ```ts block of docs/selective.md runs against the source and prints what its `// =>` comments say.
describeGuide('selective', { minBlocks: 7 });
