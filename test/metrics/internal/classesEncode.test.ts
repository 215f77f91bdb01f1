import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeClasses } from '../../../src/metrics/internal/classesEncode';
import { classCounts, confusionCounts } from '../../../src/metrics/internal/classesCounts';

describe('encodeClasses', () => {
  it('gives every example the index of its label among the sorted labels, whatever path the label takes', () => {
    // small integers take the table, the others (negative, fractional, >= 4096) the Map
    const label = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 0.5, 4095, 4096, 1e6, -0));
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 50 }), (ex) => {
        const t = ex.map((e) => e[0]);
        const p = ex.map((e) => e[1]);
        const e = encodeClasses(t, p, 'f');
        const sorted = [...new Set([...t, ...p].map((v) => (v === 0 ? 0 : v)))].sort((a, b) => a - b);
        expect(e.labels).toEqual(sorted);
        expect(Array.from(e.trueCodes)).toEqual(t.map((v) => sorted.indexOf(v)));
        expect(Array.from(e.predCodes)).toEqual(p.map((v) => sorted.indexOf(v)));
        expect(e.present).toEqual(sorted);
      }),
    );
  });

  it('codes labels outside a given list as -1 and lists every label present', () => {
    const e = encodeClasses(['b', 'x', 'a'], ['a', 'a', 'y'], 'f', { labels: ['a', 'b', 'c'] });
    expect(e.labels).toEqual(['a', 'b', 'c']);
    expect(Array.from(e.trueCodes)).toEqual([1, -1, 0]);
    expect(Array.from(e.predCodes)).toEqual([0, 0, -1]);
    expect(e.present).toEqual(['a', 'b', 'x', 'y']);
  });
});

describe('classCounts and confusionCounts', () => {
  it('count one-vs-rest totals over every example but the matrix over listed labels only', () => {
    const e = encodeClasses([0, 1, 2, 2], [1, 1, 1, 2], 'f', { labels: [1, 2], sampleWeight: [1, 2, 3, 4] });
    const c = classCounts(e);
    expect(Array.from(c.tp)).toEqual([2, 4]);
    expect(Array.from(c.predSum)).toEqual([6, 4]); // the true-0 example predicted 1 counts
    expect(Array.from(c.trueSum)).toEqual([2, 7]);
    expect(Array.from(confusionCounts(e))).toEqual([2, 0, 3, 4]); // the true-0 example is left out
  });
});
