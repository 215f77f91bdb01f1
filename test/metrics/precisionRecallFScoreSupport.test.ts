import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { precisionRecallFScoreSupport } from '../../src/metrics/precisionRecallFScoreSupport';
import { accuracy } from '../../src/metrics/accuracy';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

const prfs = precisionRecallFScoreSupport;
/** The binary average, spelled out: precisionRecallFScoreSupport defaults to 'none'. */
const bin = (
  yTrue: Parameters<typeof prfs>[0],
  yPred: Parameters<typeof prfs>[1],
  options: Omit<NonNullable<Parameters<typeof prfs>[2]>, 'average'> = {},
) => prfs(yTrue, yPred, { ...options, average: 'binary' });
const yTrueAnimals = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
const yPredAnimals = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];

function throwsInput(f: () => unknown, message: string) {
  expect(f).toThrow(MetricInputError);
  expect(f).toThrow(message);
}

describe('precisionRecallFScoreSupport', () => {
  it('matches the scikit-learn docstring example for macro, micro and weighted averages', () => {
    // cat: tp 2, predicted 3, true 2 → P 2/3, R 1, F 0.8; dog and pig: tp 0 → 0, 0, 0
    const macro = prfs(yTrueAnimals, yPredAnimals, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(2 / 9, 15);
    expect(macro.recall).toBeCloseTo(1 / 3, 15);
    expect(macro.fScore).toBeCloseTo(0.8 / 3, 15);
    expect(macro.support).toBeUndefined();
    const micro = prfs(yTrueAnimals, yPredAnimals, { average: 'micro' });
    expect([micro.precision, micro.recall, micro.fScore]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const weighted = prfs(yTrueAnimals, yPredAnimals, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo(2 / 9, 15);
    expect(weighted.recall).toBeCloseTo(1 / 3, 15);
    expect(weighted.fScore).toBeCloseTo(0.8 / 3, 15);
  });

  it('returns Float64Arrays per label, in the order of labels, for average none', () => {
    const r = prfs(yTrueAnimals, yPredAnimals, { average: 'none', labels: ['pig', 'dog', 'cat'] });
    expect(r.labels).toEqual(['pig', 'dog', 'cat']);
    expect(r.precision).toBeInstanceOf(Float64Array);
    expect(Array.from(r.precision)).toEqual([0, 0, 2 / 3]);
    expect(Array.from(r.recall)).toEqual([0, 0, 1]);
    expect(Array.from(r.fScore)).toEqual([0, 0, 0.8]);
    expect(Array.from(r.support)).toEqual([2, 2, 2]);
  });

  it('returns per-class values by default, as scikit-learn', () => {
    const r = prfs([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
    expect(r.labels).toEqual([0, 1]);
    // class 0: tp 1, predicted 2, true 2; class 1: tp 2, predicted 3, true 3
    expect(Array.from(r.precision)).toEqual([0.5, 2 / 3]);
    expect(Array.from(r.recall)).toEqual([0.5, 2 / 3]);
    expect(Array.from(r.support)).toEqual([2, 3]);
  });

  it('reports positive label 1 with average binary', () => {
    // tp 2 (indices 1, 4), fp 1 (index 0), fn 1 (index 2)
    const r = bin([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
    expect(r).toEqual({ labels: [1], precision: 2 / 3, recall: 2 / 3, fScore: 2 / 3, support: undefined });
  });

  it('computes F-beta from the counts: (1+β²)tp / ((1+β²)tp + β²fn + fp)', () => {
    // tp 3, fp 1, fn 1; β = 2: 15 / (15 + 4 + 1); β = 0.5: 3.75 / (3.75 + 0.25 + 1)
    expect(bin([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 1], { beta: 2 }).fScore).toBe(0.75);
    expect(bin([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 1], { beta: 0.5 }).fScore).toBe(0.75);
    // tp 1, fp 0, fn 2: P 1, R 1/3; β = 2: 5 / (5 + 8) — and 5·P·R / (4P + R) gives the same
    expect(bin([1, 1, 1, 0], [1, 0, 0, 0], { beta: 2 }).fScore).toBeCloseTo(5 / 13, 15);
  });

  it('gives F = 0, not NaN, when precision is undefined but there are true positives to miss', () => {
    const r = bin([0, 0, 1], [0, 0, 0]);
    expect(r.precision).toBeNaN();
    expect(r.recall).toBe(0);
    expect(r.fScore).toBe(0);
  });

  it('gives NaN for every score when the positive class is neither true nor predicted, or zeroDivision', () => {
    const r = bin([0, 0], [0, 0]);
    expect([r.precision, r.recall, r.fScore]).toEqual([NaN, NaN, NaN]);
    const z = bin([0, 0], [0, 0], { zeroDivision: 1 });
    expect([z.precision, z.recall, z.fScore]).toEqual([1, 1, 1]);
    expect(() => bin([0, 0], [0, 0], { zeroDivision: 'error' })).toThrow(UndefinedMetricError);
    expect(() => bin([0, 0], [0, 0], { zeroDivision: 'error' })).toThrow(
      'precisionRecallFScoreSupport: precision is undefined (no predicted examples, tp + fp = 0) for label 1',
    );
  });

  it('accepts {-1, 1} and boolean binary labels with the positive class 1 / true', () => {
    // tp 1, fp 1, fn 1 in each
    expect(bin([-1, 1, 1], [1, 1, -1]).precision).toBe(0.5);
    expect(bin([true, false, true], [true, true, false]).recall).toBe(0.5);
    expect(bin([true, false, true], [true, true, false], { posLabel: false }).precision).toBe(0);
  });

  it('reports the class posLabel, for any pair of labels', () => {
    const r = bin(['spam', 'ham', 'spam', 'ham', 'spam'], ['spam', 'spam', 'ham', 'ham', 'spam'], { posLabel: 'spam' });
    // tp 2, fp 1, fn 1
    expect([r.labels, r.precision, r.recall]).toEqual([['spam'], 2 / 3, 2 / 3]);
    // posLabel 0 on {0, 1}: tp 1 (index 3), predicted 0 twice, true 0 twice
    const z = bin([0, 1, 1, 0, 1], [1, 1, 0, 0, 1], { posLabel: 0 });
    expect([z.precision, z.recall]).toEqual([0.5, 0.5]);
    expect(bin([1, 2, 2], [1, 1, 2], { posLabel: 2 }).precision).toBe(1);
  });

  it('accepts a posLabel absent from data holding a single class', () => {
    expect(bin(['ham', 'ham'], ['ham', 'ham'], { posLabel: 'spam' }).recall).toBeNaN();
  });

  it('counts every example for a subset of labels: a listed class predicted for an unlisted one is a false positive', () => {
    const yTrue = [0, 1, 2, 2];
    const yPred = [1, 1, 1, 2];
    const only1 = prfs(yTrue, yPred, { average: 'none', labels: [1] });
    expect(Array.from(only1.precision)).toEqual([1 / 3]);
    expect(Array.from(only1.recall)).toEqual([1]);
    // micro over {1, 2}: tp 1 + 1, predicted 3 + 1, true 1 + 2
    const micro = prfs(yTrue, yPred, { average: 'micro', labels: [1, 2] });
    expect([micro.precision, micro.recall]).toEqual([0.5, 2 / 3]);
    // labels absent from the data get zero counts
    const absent = prfs(yTrue, yPred, { average: 'none', labels: [7, 2] });
    expect(Array.from(absent.support)).toEqual([0, 2]);
    expect(Array.from(absent.precision)).toEqual([NaN, 1]);
  });

  it('ignores labels under average binary, as scikit-learn', () => {
    expect(bin([0, 1, 1], [0, 1, 0], { labels: [0] }).recall).toBe(0.5);
  });

  it('makes a macro average NaN when one class is undefined, unless zeroDivision fills that class', () => {
    // class 0: P 1, R 1/2; class 1: P 1, R 1; class 2 (predicted only): P 0, R undefined, F 0
    const yTrue = [0, 0, 1, 1];
    const yPred = [0, 2, 1, 1];
    const macro = prfs(yTrue, yPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(2 / 3, 15);
    expect(macro.recall).toBeNaN();
    expect(macro.fScore).toBeCloseTo((2 / 3 + 1 + 0) / 3, 15);
    expect(prfs(yTrue, yPred, { average: 'macro', zeroDivision: 1 }).recall).toBeCloseTo(2.5 / 3, 15);
    expect(prfs(yTrue, yPred, { average: 'macro', zeroDivision: 0 }).recall).toBe(0.5);
    expect(() => prfs(yTrue, yPred, { average: 'macro', zeroDivision: 'error' })).toThrow(
      'precisionRecallFScoreSupport: recall is undefined (no true examples, tp + fn = 0) for label 2',
    );
  });

  it('weights classes by support in the weighted average, so a class of zero support does not make it NaN', () => {
    const r = prfs([0, 0, 1, 1], [0, 2, 1, 1], { average: 'weighted' });
    expect(r.recall).toBe(0.75);
    expect(r.precision).toBe(1);
    expect(prfs([0, 0, 1, 1], [0, 2, 1, 1], { average: 'weighted', zeroDivision: 'error' }).recall).toBe(0.75);
  });

  it('makes a weighted average NaN when a class with support has an undefined value', () => {
    // class 1 has support 1 but is never predicted: its precision is undefined
    expect(prfs([0, 1], [0, 0], { average: 'weighted' }).precision).toBeNaN();
    expect(prfs([0, 1], [0, 0], { average: 'weighted', zeroDivision: 0 }).precision).toBe(0.5 * 0.5);
  });

  it('makes a weighted average NaN when every listed class has zero support, or zeroDivision', () => {
    expect(prfs([0, 1], [5, 1], { average: 'weighted', labels: [5] }).precision).toBeNaN();
    expect(prfs([0, 1], [5, 1], { average: 'weighted', labels: [5], zeroDivision: 1 }).precision).toBe(1);
  });

  it('pools the counts in the micro average, which equals accuracy for single-label multiclass data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 60 }),
        (ex) => {
          const t = ex.map((e) => e[0]);
          const p = ex.map((e) => e[1]);
          const r = prfs(t, p, { average: 'micro' });
          const a = accuracy(t, p);
          expect(r.precision).toBeCloseTo(a, 14);
          expect(r.recall).toBeCloseTo(a, 14);
          expect(r.fScore).toBeCloseTo(a, 14);
        },
      ),
    );
  });

  it('gives the same scores for integer weights as for repeated examples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom('micro' as const, 'macro' as const, 'weighted' as const, 'none' as const),
        (ex, average) => {
          const rep = ex.flatMap(([t, p, k]) => Array.from({ length: k }, () => [t, p]));
          const labels = [0, 1, 2, 3];
          const a = prfs(ex.map((e) => e[0]), ex.map((e) => e[1]), { average, labels, sampleWeight: ex.map((e) => e[2]), beta: 2 });
          const b = prfs(rep.map((e) => e[0]), rep.map((e) => e[1]), { average, labels, beta: 2 });
          for (const key of ['precision', 'recall', 'fScore'] as const) {
            const x = Array.from(typeof a[key] === 'number' ? [a[key] as number] : (a[key] as Float64Array));
            const y = Array.from(typeof b[key] === 'number' ? [b[key] as number] : (b[key] as Float64Array));
            x.forEach((v, i) => (Number.isNaN(y[i]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(y[i], 12)));
          }
        },
      ),
    );
  });

  it('accepts typed arrays and tensor-like inputs', () => {
    const tensor = (d: number[]) => ({ shape: [d.length], dtype: 'int32', dataSync: () => Int32Array.from(d) });
    const expected = bin([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
    expect(bin(tensor([0, 1, 1, 0, 1]), tensor([1, 1, 0, 0, 1]))).toEqual(expected);
    expect(bin(Uint8Array.of(0, 1, 1, 0, 1), Float32Array.of(1, 1, 0, 0, 1))).toEqual(expected);
    expect(prfs(['a', 'b'], { shape: [2], dtype: 'string', dataSync: () => ['a', 'a'] }).labels).toEqual(['a', 'b']);
  });

  it('rejects bad input with a message naming the argument, index and value', () => {
    throwsInput(() => prfs([], []), 'precisionRecallFScoreSupport: yTrue is empty');
    throwsInput(() => prfs([0, 1], [0]), 'precisionRecallFScoreSupport: yTrue has 2 entries but yPred has 1');
    throwsInput(() => prfs([0, NaN], [0, 1]), 'precisionRecallFScoreSupport: yTrue[1] is NaN, not a valid label');
    throwsInput(
      () => prfs([0, 1], [0, 1], { average: 'samples' as 'micro' }),
      'precisionRecallFScoreSupport: average is "samples", expected one of "binary", "micro", "macro", "weighted", "none"',
    );
    throwsInput(() => prfs([0, 1], [0, 1], { beta: 0 }), 'precisionRecallFScoreSupport: beta is 0, expected a finite number > 0');
    throwsInput(() => prfs([0, 1], [0, 1], { beta: -1 }), 'precisionRecallFScoreSupport: beta is -1, expected a finite number > 0');
    throwsInput(() => prfs([0, 1], [0, 1], { beta: NaN }), 'precisionRecallFScoreSupport: beta is NaN, expected a finite number > 0');
    throwsInput(
      () => bin([0, 1, 2], [0, 1, 1]),
      'precisionRecallFScoreSupport: average is "binary" but yTrue and yPred hold 3 classes (0, 1, 2): pass average "micro", "macro", "weighted" or "none"',
    );
    throwsInput(
      () => bin(['ham', 'spam'], ['ham', 'ham']),
      'precisionRecallFScoreSupport: yTrue[0] is "ham": with average "binary", labels must be {0, 1}, {-1, 1} or booleans (found "ham", "spam"); pass posLabel to name the positive class',
    );
    throwsInput(
      () => bin([1, 1], [1, 2]),
      'precisionRecallFScoreSupport: yPred[1] is 2: with average "binary", labels must be {0, 1}, {-1, 1} or booleans (found 1, 2); pass posLabel to name the positive class',
    );
    throwsInput(
      () => bin([0, -1], [0, 0]),
      'precisionRecallFScoreSupport: yTrue[1] is -1: with average "binary", labels must be {0, 1}, {-1, 1} or booleans (found -1, 0); pass posLabel to name the positive class',
    );
    throwsInput(
      () => bin(['ham', 'spam'], ['ham', 'ham'], { posLabel: 'eggs' }),
      'precisionRecallFScoreSupport: posLabel is "eggs", not one of the labels ("ham", "spam")',
    );
    throwsInput(() => bin([0, 1], [0, 1], { posLabel: '1' }), 'precisionRecallFScoreSupport: posLabel is "1", not one of the labels (0, 1)');
    throwsInput(
      () => prfs([0, 1], [0, 1], { average: 'macro', labels: [0, 0] }),
      'precisionRecallFScoreSupport: labels[1] is 0, a duplicate of labels[0]',
    );
    throwsInput(
      () => prfs([0, 1], [0, 1], { sampleWeight: [1, -2] }),
      'precisionRecallFScoreSupport: sampleWeight[1] is -2: weights must be finite and non-negative',
    );
    throwsInput(
      () => prfs([0, 1], [0, 1], { zeroDivision: 'warn' as 'error' }),
      'precisionRecallFScoreSupport: zeroDivision is "warn", expected a number or "error"',
    );
  });

  it('does not mutate its inputs', () => {
    const t = [0, 1, 2, 2];
    const p = Float64Array.of(0, 2, 2, 1);
    prfs(t, p, { average: 'none', labels: [2, 1] });
    expect(t).toEqual([0, 1, 2, 2]);
    expect(Array.from(p)).toEqual([0, 2, 2, 1]);
  });
});
