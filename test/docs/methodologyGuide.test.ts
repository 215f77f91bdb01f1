import { describeGuide } from '../helpers/guideSnippets';

// The ```ts blocks of docs/methodology.md (the diagnosis and the decision
// steps) run against the source and print what their `// =>` comments say.
describeGuide('methodology', { minBlocks: 2, module: 'diagnostics' });
