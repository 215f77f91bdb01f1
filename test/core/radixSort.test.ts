import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSort } from '../../src/core/radixSort';

describe('radixSort', () => {
  it('sorts negative, positive, zero and infinite values in place', () => {
    const base = [0.5, -2, 3, -Infinity, 0, Infinity, -1e-300, 1e-300, Number.MAX_VALUE, -Number.MIN_VALUE];
    const v = Float64Array.from({ length: 1000 }, (_, i) => base[i % base.length] * (1 + (i % 7)));
    const want = Array.from(v).sort((a, b) => a - b);
    const out = radixSort(v);
    expect(out).toBe(v);
    expect(Array.from(v)).toEqual(want);
  });

  it('sorts in descending order on request', () => {
    const v = Float64Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 1e3);
    const want = Array.from(v).sort((a, b) => b - a);
    expect(Array.from(radixSort(v, true))).toEqual(want);
  });

  it('handles short arrays, constant arrays and subarrays', () => {
    expect(Array.from(radixSort(Float64Array.of(2, 1), true))).toEqual([2, 1]);
    expect(Array.from(radixSort(new Float64Array(1000).fill(0.25)))).toEqual(new Array(1000).fill(0.25));
    const big = Float64Array.from({ length: 1200 }, (_, i) => (i * 7919) % 1201);
    const sub = big.subarray(100, 1100);
    const want = Array.from(sub).sort((a, b) => a - b);
    radixSort(sub);
    expect(Array.from(sub)).toEqual(want);
    expect(big[0]).toBe(0);
  });

  it('agrees with a comparator sort on any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 500, maxLength: 1500 }), fc.boolean(), (xs, descending) => {
        const got = Array.from(radixSort(Float64Array.from(xs), descending));
        const want = [...xs].sort((a, b) => (descending ? b - a : a - b));
        got.forEach((x, i) => expect(x === want[i]).toBe(true));
      }),
      { numRuns: 30 },
    );
  });
});
