import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixArgsort } from '../../src/core/radixArgsort';

describe('radixArgsort', () => {
  it('orders negative, positive, zero and infinite values', () => {
    const v = Float64Array.of(0.5, -2, 3, -Infinity, 0, Infinity, -1e-300, 1e-300);
    const order = Array.from(radixArgsort(v));
    expect(order.map((i) => v[i])).toEqual([-Infinity, -2, -1e-300, 0, 1e-300, 0.5, 3, Infinity]);
  });

  it('gives the descending order on request and is stable on ties', () => {
    const v = Float64Array.of(1, 2, 1, 2, 0);
    expect(Array.from(radixArgsort(v, true))).toEqual([1, 3, 0, 2, 4]);
    expect(Array.from(radixArgsort(v))).toEqual([4, 0, 2, 1, 3]);
  });

  it('handles empty and one-element input', () => {
    expect(radixArgsort(new Float64Array(0)).length).toBe(0);
    expect(Array.from(radixArgsort(Float64Array.of(7)))).toEqual([0]);
  });

  it('agrees with a comparator sort on any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 200 }), fc.boolean(), (xs, descending) => {
        const v = Float64Array.from(xs);
        const got = Array.from(radixArgsort(v, descending)).map((i) => v[i]);
        const want = [...xs].sort((a, b) => (descending ? b - a : a - b));
        // -0 and 0 compare equal in the reference: compare as numbers with ==.
        expect(got.length).toBe(want.length);
        got.forEach((x, i) => expect(x === want[i] || (Number.isNaN(x) && Number.isNaN(want[i]))).toBe(true));
      }),
    );
  });

  it('does not modify its input', () => {
    const v = Float64Array.of(3, 1, 2);
    radixArgsort(v);
    expect(Array.from(v)).toEqual([3, 1, 2]);
  });
});
