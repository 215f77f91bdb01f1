import { describe, expect, it } from 'vitest';
import { InvalidOptionError, takeExamples, trainValidationTestSplit, twoMoons, withLabelNoise, syntheticNumbers } from '../../src/datasets/index';
import { expectError } from '../core/expectError';

describe('withLabelNoise', () => {
  it('withLabelNoise flips exactly round(rate · n) labels, each to a different class', () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => i % 4);
    const noisy = withLabelNoise(labels, 0.15, 9);
    let flipped = 0;
    for (let i = 0; i < 1000; i++) {
      if (noisy[i] !== labels[i]) flipped++;
      expect(noisy[i] >= 0 && noisy[i] < 4).toBe(true);
    }
    expect(flipped).toBe(150);
  });
  it('withLabelNoise spreads the flips uniformly over the other classes', () => {
    const noisy = withLabelNoise(new Int32Array(30000), 1, 1, { numClasses: 4 });
    const counts = [0, 0, 0, 0];
    for (const c of noisy) counts[c]++;
    expect(counts[0]).toBe(0);
    for (let c = 1; c < 4; c++) expect(Math.abs(counts[c] - 10000)).toBeLessThan(400);
  });
  it('withLabelNoise does not modify its input and is seeded', () => {
    const labels = Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]);
    const copy = labels.slice();
    expect(withLabelNoise(labels, 0.5, 3)).toEqual(withLabelNoise(labels, 0.5, 3));
    expect(labels).toEqual(copy);
  });
  it('withLabelNoise rejects fractional labels and a rate above 1', () => {
    expectError(() => withLabelNoise([0, 1, 1.5], 0.1), InvalidOptionError, 'withLabelNoise: labels[2] is 1.5, expected an integer class id >= 0');
    expectError(() => withLabelNoise([0, 1], 2), InvalidOptionError, 'withLabelNoise: rate is 2, expected a finite number >= 0 and <= 1');
    expectError(() => withLabelNoise([0, 3], 0, 0, { numClasses: 3 }), InvalidOptionError, 'withLabelNoise: labels contains class 3 but numClasses is 3');
  });
});

describe('trainValidationTestSplit', () => {
  it('trainValidationTestSplit returns disjoint sorted parts covering every index with largest-remainder counts', () => {
    const s = trainValidationTestSplit(11, [0.5, 0.25, 0.25], { seed: 2 });
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([5, 3, 3]); // 5.5, 2.75, 2.75: the two .75 remainders get the extra examples
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(Array.from(s.train)).toEqual([...s.train].sort((a, b) => a - b));
  });
  it('trainValidationTestSplit is seeded', () => {
    expect(trainValidationTestSplit(50, [0.6, 0.2, 0.2], { seed: 1 })).toEqual(trainValidationTestSplit(50, [0.6, 0.2, 0.2], { seed: 1 }));
    expect(trainValidationTestSplit(50, [0.6, 0.2, 0.2], { seed: 1 }).train).not.toEqual(trainValidationTestSplit(50, [0.6, 0.2, 0.2], { seed: 2 }).train);
  });
  it('a stratified split keeps the class proportions in every part', () => {
    const labels = Int32Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0));
    const s = trainValidationTestSplit(100, [0.6, 0.2, 0.2], { seed: 3, stratify: labels });
    const positives = (idx: Int32Array) => Array.from(idx).filter((i) => labels[i] === 1).length;
    expect([positives(s.train), positives(s.validation), positives(s.test)]).toEqual([6, 2, 2]);
  });
  it('trainValidationTestSplit rejects fractions that do not sum to 1', () => {
    expectError(() => trainValidationTestSplit(10, [0.5, 0.25, 0.2]), InvalidOptionError, "trainValidationTestSplit: fractions sum to 0.95, expected 1");
    expectError(() => trainValidationTestSplit(10, [1.2, -0.1, -0.1]), InvalidOptionError, 'trainValidationTestSplit: fractions[1] is -0.1, expected a finite number >= 0');
    expectError(() => trainValidationTestSplit(4, [1, 0, 0], { stratify: [0, 1] }), InvalidOptionError, 'trainValidationTestSplit: stratify has 2 entries but n is 4');
  });
});

describe('takeExamples', () => {
  it('takeExamples copies the selected rows of x and y in order', () => {
    const d = twoMoons({ n: 10, seed: 1 });
    const t = takeExamples(d, [3, 0]);
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.x)).toEqual([d.x[6], d.x[7], d.x[0], d.x[1]]);
    expect(Array.from(t.y)).toEqual([d.y[3], d.y[0]]);
    expect(t.numClasses).toBe(2);
  });
  it('takeExamples keeps multi-digit label rows together', () => {
    const d = syntheticNumbers({ n: 3, digits: 2, size: 8 });
    const t = takeExamples(d, [2]);
    expect(t.yShape).toEqual([1, 2]);
    expect(Array.from(t.y)).toEqual([d.y[4], d.y[5]]);
  });
  it('takeExamples rejects an index out of range', () => {
    expectError(() => takeExamples(twoMoons({ n: 10 }), [0, 10]), InvalidOptionError, 'takeExamples: indices[1] is 10, expected an integer in [0, 10)');
  });
});

describe('trainValidationTestSplit properties', () => {
  it('for any n, fractions and seed the parts partition 0 … n − 1 with each count within 1 of its share (per class when stratified)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        fc.boolean(),
        (n, a, b, c, seed, stratified) => {
          const total = a + b + c;
          const fractions = [a / total, b / total, 1 - a / total - b / total] as [number, number, number];
          const labels = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 3);
          const s = trainValidationTestSplit(n, fractions, { seed, stratify: stratified ? labels : undefined });
          const all = [...s.train, ...s.validation, ...s.test].sort((x, y) => x - y);
          expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
          const groups = stratified ? [0, 1, 2] : [-1];
          for (const g of groups) {
            const inGroup = (i: number) => g === -1 || labels[i] === g;
            const m = Array.from({ length: n }, (_, i) => i).filter(inGroup).length;
            [s.train, s.validation, s.test].forEach((part, p) => {
              const count = Array.from(part).filter(inGroup).length;
              expect(Math.abs(count - fractions[p] * m)).toBeLessThan(1 + 1e-9);
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
