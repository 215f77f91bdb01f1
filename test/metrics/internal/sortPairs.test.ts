import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPairs } from '../../../src/metrics/internal/sortByClass';

/** The reference: sort (value, weight) pairs by value with a comparator. */
function reference(values: number[], weights: number[]) {
  const idx = values.map((_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
  return { values: idx.map((i) => values[i]), weights: idx.map((i) => weights[i]) };
}

const doubles = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE),
  fc.integer({ min: -3, max: 3 }),
);

describe('sortPairs', () => {
  it('sorts the values ascending, as the typed-array sort does, and moves each weight with its value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(doubles, fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 300 }), (pairs) => {
        const values = pairs.map((p) => p[0]);
        const weights = pairs.map((p) => p[1]);
        const a = Float64Array.from(values);
        const w = Float64Array.from(weights);
        sortPairs(a, w);
        const expected = reference(values, weights);
        // -0 sorts just before 0; compare them as equal values, as the typed sort does.
        expect(Array.from(a, (v) => v + 0)).toEqual(expected.values.map((v) => v + 0));
        // Weights follow their values: the multiset of (value, weight) pairs is unchanged.
        const key = (v: number[], ws: number[]) => v.map((x, i) => `${x + 0}:${ws[i]}`).sort();
        expect(key(Array.from(a), Array.from(w))).toEqual(key(values, weights));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts more than 65536 values (the 16-bit digit path) like the typed-array sort', () => {
    const n = 70_000;
    const a = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      a[i] = (s / 2147483648 - 0.5) * 10 ** ((i % 7) - 3);
    }
    const expected = Float64Array.from(a).sort();
    const w = Float64Array.from(a, (v) => v * 2);
    sortPairs(a, w);
    expect(a).toEqual(expected);
    expect(w).toEqual(Float64Array.from(expected, (v) => v * 2));
  });
});
