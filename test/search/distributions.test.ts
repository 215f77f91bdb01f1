import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoricalDistribution,
  containsValue,
  countValues,
  describeDistribution,
  distributionFromJSON,
  distributionsEqual,
  floatDistribution,
  fromUnit,
  intDistribution,
  isSingle,
  singleValue,
  toUnit,
} from '../../src/search/distributions';
import { SearchError } from '../../src/search/errors';
import { expectError } from '../core/expectError';

describe('distributions', () => {
  it('floatDistribution lowers high to the last step', () => {
    expect(floatDistribution(0, 1, { step: 0.3 })).toEqual({ type: 'float', low: 0, high: 0.9, log: false, step: 0.3 });
  });
  it('intDistribution lowers high to the last step', () => {
    expect(intDistribution(1, 10, { step: 4 })).toEqual({ type: 'int', low: 1, high: 9, log: false, step: 4 });
  });
  it('rejects bad ranges naming the argument', () => {
    expectError(() => floatDistribution(1, 0), SearchError, 'floatDistribution: low is 1 but high is 0, expected low <= high');
    expectError(() => floatDistribution(0, 1, { log: true }), SearchError, 'floatDistribution: low is 0, expected low > 0 with log');
    expectError(() => floatDistribution(1, 2, { log: true, step: 0.1 }), SearchError, 'floatDistribution: step and log cannot be used together');
    expectError(() => floatDistribution(NaN, 2), SearchError, 'floatDistribution: low is NaN, expected a finite number');
    expectError(() => intDistribution(0.5, 2), SearchError, 'intDistribution: low is 0.5, expected an integer');
    expectError(() => intDistribution(0, 2, { log: true }), SearchError, 'intDistribution: low is 0, expected low >= 1 with log');
    expectError(() => intDistribution(1, 9, { log: true, step: 2 }), SearchError, 'intDistribution: step is 2, expected 1 with log');
    expectError(() => categoricalDistribution([]), SearchError, 'categoricalDistribution: choices is empty');
    expectError(() => categoricalDistribution(['a', 'b', 'a']), SearchError, 'categoricalDistribution: choices[2] is "a" again, expected distinct values');
  });
  it('describes a distribution for error messages', () => {
    expect(describeDistribution(floatDistribution(0.001, 0.1, { log: true }))).toBe('float in [0.001, 0.1] (log)');
    expect(describeDistribution(intDistribution(1, 9, { step: 2 }))).toBe('int in [1, 9] step 2');
    expect(describeDistribution(categoricalDistribution(['a', 1]))).toBe('categorical of ["a", 1]');
  });
  it('compares distributions by value', () => {
    expect(distributionsEqual(floatDistribution(0, 1), floatDistribution(0, 1))).toBe(true);
    expect(distributionsEqual(floatDistribution(0, 1), floatDistribution(0, 2))).toBe(false);
    expect(distributionsEqual(intDistribution(0, 1), floatDistribution(0, 1))).toBe(false);
    expect(distributionsEqual(categoricalDistribution(['a', 'b']), categoricalDistribution(['b', 'a']))).toBe(false);
  });
  it('containsValue checks range, step, integrality and choices', () => {
    const f = floatDistribution(0, 1, { step: 0.25 });
    expect(containsValue(f, 0.75)).toBe(true);
    expect(containsValue(f, 0.7)).toBe(false);
    expect(containsValue(intDistribution(0, 10, { step: 2 }), 3)).toBe(false);
    expect(containsValue(intDistribution(0, 10), 3.5)).toBe(false);
    expect(containsValue(intDistribution(0, 10), 11)).toBe(false);
    expect(containsValue(categoricalDistribution([null, true]), null)).toBe(true);
    expect(containsValue(categoricalDistribution([null, true]), false)).toBe(false);
  });
  it('knows single-valued distributions and counts values', () => {
    expect(isSingle(floatDistribution(2, 2))).toBe(true);
    expect(singleValue(categoricalDistribution(['x']))).toBe('x');
    expect(countValues(floatDistribution(0, 1))).toBe(Infinity);
    expect(countValues(floatDistribution(0, 1, { step: 0.1 }))).toBe(11);
    expect(countValues(intDistribution(1, 9, { step: 2 }))).toBe(5);
  });
  it('fromUnit maps [0, 1) onto the distribution and toUnit inverts it', () => {
    const ds = [
      floatDistribution(-2, 3),
      floatDistribution(1e-4, 1, { log: true }),
      floatDistribution(0, 1, { step: 0.1 }),
      intDistribution(1, 1000, { log: true }),
      intDistribution(-3, 7, { step: 2 }),
      categoricalDistribution(['a', 'b', 'c']),
    ];
    for (const d of ds) {
      for (let i = 0; i < 200; i++) {
        const u = i / 200;
        const v = fromUnit(d, u);
        expect(containsValue(d, v)).toBe(true);
        expect(fromUnit(d, toUnit(d, v))).toBe(v);
      }
    }
    expect(fromUnit(floatDistribution(1e-4, 1, { log: true }), 0.5)).toBeCloseTo(0.01, 12);
    expect(fromUnit(intDistribution(0, 9), 0.999)).toBe(9);
  });
  it('reads distributions back from JSON', () => {
    const d = intDistribution(1, 9, { step: 2 });
    expect(distributionFromJSON(JSON.parse(JSON.stringify(d)), 'f')).toEqual(d);
    expectError(() => distributionFromJSON({ type: 'x' }, 'f'), SearchError, 'f: distribution type is "x", expected "float", "int" or "categorical"');
  });
});

describe('distributions (properties)', () => {
  const numeric = fc.oneof(
    fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })).map(([a, w]) => floatDistribution(a, a + w)),
    fc.tuple(fc.double({ min: 1e-8, max: 1e3, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true })).map(([a, f]) => floatDistribution(a, a * f, { log: true })),
    fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0.5, 0.1, 0.25, 2)).map(([a, k, st]) => floatDistribution(a, a + k * st, { step: st })),
    fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 7 })).map(([a, w, st]) => intDistribution(a, a + w, { step: st })),
    fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 100000 })).map(([a, w]) => intDistribution(a, a + w, { log: true })),
    fc.uniqueArray(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 8 }).map((c) => categoricalDistribution(c)),
  );
  it('fromUnit maps every u in [0, 1) to a value of the distribution, and toUnit lands back in the same value', () => {
    fc.assert(
      fc.property(numeric, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (d, u) => {
        const v = fromUnit(d, u);
        expect(containsValue(d, v)).toBe(true);
        const back = toUnit(d, v);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(1);
        if (countValues(d) !== Infinity) expect(fromUnit(d, Math.min(back, 1 - 2 ** -53))).toBe(v);
      }),
      { numRuns: 2000, seed: 1 },
    );
  });
  it('survives JSON and compares equal to itself', () => {
    fc.assert(
      fc.property(numeric, (d) => {
        const back = distributionFromJSON(JSON.parse(JSON.stringify(d)), 'f');
        expect(distributionsEqual(back, d)).toBe(true);
      }),
      { numRuns: 500, seed: 2 },
    );
  });
});

