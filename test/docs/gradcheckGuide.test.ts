import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeGuide, guideBlocks, materialise } from '../helpers/guideSnippets';

// Every ```ts block of docs/gradcheck.md runs against the source and prints
// what its `// =>` comments say; the ```ts vitest block (a complete test file)
// is imported here, so that its own describe/it blocks run in this suite.

const outDir = describeGuide('gradcheck', { minBlocks: 6 });
const testFiles = guideBlocks('gradcheck', 'ts vitest');

describe('docs/gradcheck.md test file', () => {
  it('is one complete vitest file importing tfjs-methodology/gradcheck', () => {
    expect(testFiles).toHaveLength(1);
    expect(testFiles[0]).toContain("from 'tfjs-methodology/gradcheck'");
  });
});

// The guide's complete test file registers its own tests here.
await import(pathToFileURL(materialise(outDir, testFiles[0], 'swish.test.ts')).href);
