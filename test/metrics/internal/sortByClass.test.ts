import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByClass, sortByClassWeighted } from '../../../src/metrics/internal/sortByClass';

function check(labels: Uint8Array, scores: Float64Array) {
  let p = 0;
  for (const l of labels) p += l;
  const [pos, neg] = sortByClass(labels, scores, p, 0);
  const expPos = Float64Array.from(scores.filter((_, i) => labels[i] === 1)).sort();
  const expNeg = Float64Array.from(scores.filter((_, i) => labels[i] === 0)).sort();
  // -0 and 0 compare equal, and the distribution sort may leave them in either order.
  const norm = (a: Float64Array) => Array.from(a, (v) => v + 0);
  expect(norm(pos)).toEqual(norm(expPos));
  expect(norm(neg)).toEqual(norm(expNeg));
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

  it('sorts clumps of equal high words and values of huge range (the typed-sort fallbacks)', () => {
    const n = 5000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 2;
      // 1 + tiny differences: every value shares its high 32 bits with many others.
      scores[i] = i % 7 === 0 ? (i % 2 ? 1e308 : -1e308) : 1 + ((i * 7919) % 1000) * 2 ** -50;
    }
    check(labels, scores);
  });

  it('sorts a clump larger than the scratch cap (all scores in one bucket) with the typed sort', () => {
    const n = 120_000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 3 === 0 ? 1 : 0;
      scores[i] = 0.5 + ((i * 7919) % 5000) * 2 ** -52;
    }
    check(labels, scores);
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
  it('sorts each class with the example index alongside, leaving zero weights out, on every path (small, distributed, clumped)', () => {
    const cases: Array<[number, (i: number) => number]> = [
      [300, (i) => ((i * 37) % 11) / 4],
      [120_000, (i) => 0.5 + ((i * 7919) % 5000) * 2 ** -52],
      [50_000, (i) => Math.pow(((i * 7919) % 10007) / 10007, 3) * (i % 3 ? 1 : -1e-3)],
    ];
    for (const [n, score] of cases) {
      const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
      const scores = Float64Array.from({ length: n }, (_, i) => score(i));
      const weights = Float64Array.from({ length: n }, (_, i) => (i % 10 === 9 ? 0 : i + 1));
      for (const small of [0, 1 << 14]) {
        const s = sortByClassWeighted(labels, scores, weights, small);
        for (const [v, w, cls] of [
          [s.pos, s.posI, 1],
          [s.neg, s.negI, 0],
        ] as const) {
          const expected = Array.from({ length: n }, (_, i) => i)
            .filter((i) => labels[i] === cls && weights[i] !== 0)
            .map((i) => scores[i] + 0)
            .sort((a, b) => a - b);
          expect(Array.from(v, (x) => x + 0)).toEqual(expected);
          for (let k = 0; k < v.length; k++) {
            expect(scores[w[k]]).toBe(v[k]);
            expect(labels[w[k]]).toBe(cls);
          }
          expect(new Set(w).size).toBe(w.length);
        }
      }
    }
  });
});
