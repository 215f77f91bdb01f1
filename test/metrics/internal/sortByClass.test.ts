import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByClass } from '../../../src/metrics/internal/sortByClass';

function check(labels: Uint8Array, scores: Float64Array) {
  let p = 0;
  for (const l of labels) p += l;
  const [pos, neg] = sortByClass(labels, scores, p, 0);
  const expPos = Float64Array.from(scores.filter((_, i) => labels[i] === 1)).sort();
  const expNeg = Float64Array.from(scores.filter((_, i) => labels[i] === 0)).sort();
  // Object.is would separate -0 and 0; the bucket sort keeps the typed sort's order within a bucket.
  expect(Array.from(pos)).toEqual(Array.from(expPos));
  expect(Array.from(neg)).toEqual(Array.from(expNeg));
}

describe('sortByClass', () => {
  it('sorts each class exactly as the typed-array sort, on heavy ties, signs and many magnitudes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1 }),
            fc.oneof(fc.integer({ min: -5, max: 5 }).map((v) => v / 4), fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.constant(-0)),
          ),
          { minLength: 2, maxLength: 300 },
        ),
        (rows) => check(Uint8Array.from(rows.map((r) => r[0])), Float64Array.from(rows.map((r) => r[1]))),
      ),
      { numRuns: 300 },
    );
  });

  it('sorts a large uniform sample across many buckets', () => {
    const n = 100_000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      labels[i] = x % 3 === 0 ? 1 : 0;
      scores[i] = (x / 2147483648) ** 3 - 0.1;
    }
    check(labels, scores);
  });
});
