import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_TEST_TIMEOUT, REPO, consumer, nodeJson, writeFiles } from './helpers/packedPackage';

/** The README's example, run as written against the installed tarball. */
describe("the README's example", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await consumer('plain');
  }, PACKAGE_TEST_TIMEOUT);

  it(
    'runs in a Node ESM project and gives the values its comments state',
    async () => {
      const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
      const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
      expect(blocks.length).toBeGreaterThan(0);
      const example = blocks[0];
      expect(example).toContain("from 'tfjs-methodology/metrics'");
      await writeFiles(dir, {
        // The example uses no TypeScript-only syntax, so Node runs it as written.
        'readme.mjs': `${example}
console.log(JSON.stringify({
  ap: averagePrecision(yTrue, yScore),
  precision: [...precision], recall: [...recall], thresholds: [...thresholds],
  pick: { threshold: pick.threshold, precision: pick.precision, recall: pick.recall },
}));
`,
      });
      const out = await nodeJson<{
        ap: number;
        precision: number[];
        recall: number[];
        thresholds: number[];
        pick: { threshold: number; precision: number; recall: number };
      }>(dir, 'readme.mjs');
      expect(out.ap).toBeCloseTo(0.8333333333333333, 12);
      expect(out.precision.map((p) => Math.round(p * 1000) / 1000)).toEqual([0.5, 0.667, 0.5, 1, 1]);
      expect(out.recall).toEqual([1, 1, 0.5, 0.5, 0]);
      expect(out.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
      expect(out.pick).toEqual({ threshold: 0.8, precision: 1, recall: 0.5 });
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
