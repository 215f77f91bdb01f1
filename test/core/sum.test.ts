import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompensatedSum, compensatedSum } from '../../src/core/sum';

describe('CompensatedSum', () => {
  it('starts at 0', () => {
    expect(new CompensatedSum().value).toBe(0);
  });

  it('keeps the 1 that naive summation loses in 1e16 + 1 - 1e16', () => {
    const s = new CompensatedSum();
    s.add(1e16).add(1).add(-1e16);
    expect(s.value).toBe(1);
    expect(1e16 + 1 - 1e16).toBe(0); // the naive sum, for contrast
  });

  it('keeps small terms when a large one comes later (the Neumaier branch)', () => {
    const s = new CompensatedSum();
    s.add(1).add(1e100).add(1).add(-1e100);
    expect(s.value).toBe(2);
  });

  it('sums ten 0.1 to exactly 1, which the naive sum misses', () => {
    const s = new CompensatedSum();
    for (let i = 0; i < 10; i++) s.add(0.1);
    expect(s.value).toBe(1);
    let naive = 0;
    for (let i = 0; i < 10; i++) naive += 0.1;
    expect(naive).not.toBe(1);
  });

  it('add returns the same accumulator, so calls chain', () => {
    const s = new CompensatedSum();
    expect(s.add(1)).toBe(s);
  });
});

describe('compensatedSum', () => {
  it('is 0 for an empty input', () => {
    expect(compensatedSum([])).toBe(0);
    expect(compensatedSum(new Float64Array(0))).toBe(0);
  });

  it('sums plain and typed arrays with compensation', () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
    expect(compensatedSum(Float64Array.from([1, 1e100, 1, -1e100]))).toBe(2);
    expect(compensatedSum(new Array(10).fill(0.1))).toBe(1);
  });

  it('equals the CompensatedSum class term by term for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 })), (xs) => {
        const s = new CompensatedSum();
        for (const x of xs) s.add(x);
        expect(Object.is(compensatedSum(xs), s.value) || compensatedSum(xs) === s.value).toBe(true);
      }),
    );
  });

  it('is exact for integers whose running sums stay below 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 }), (xs) => {
        expect(compensatedSum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('agrees with the exact sum of binary fractions of mixed magnitude', () => {
    // Terms k * 2^-e are exact in float64; their exact sum is computed with BigInt.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), fc.integer({ min: 0, max: 60 })), {
          minLength: 1,
          maxLength: 100,
        }),
        (terms) => {
          const xs = terms.map(([k, e]) => k * 2 ** -e);
          let exact = 0n;
          for (const [k, e] of terms) exact += BigInt(k) * 2n ** BigInt(60 - e);
          const expected = Number(exact) / 2 ** 60;
          // Neumaier's bound: |error| <= u|S| + 2nu^2 * sum|x| (u = 2^-53).
          const absSum = xs.reduce((a, b) => a + Math.abs(b), 0);
          const u = 2 ** -53;
          expect(Math.abs(compensatedSum(xs) - expected)).toBeLessThanOrEqual(u * Math.abs(expected) + 2 * xs.length * u * u * absSum);
        },
      ),
    );
  });
});
