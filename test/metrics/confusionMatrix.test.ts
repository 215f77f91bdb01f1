import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confusionMatrix } from '../../src/metrics/confusionMatrix';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

const rows = (m: Float64Array[]) => m.map((r) => Array.from(r));

function throwsInput(f: () => unknown, message: string) {
  expect(f).toThrow(MetricInputError);
  expect(f).toThrow(message);
}

function tensorLike(data: number[] | string[], dtype = typeof data[0] === 'string' ? 'string' : 'int32') {
  const stored = typeof data[0] === 'string' ? [...(data as string[])] : Int32Array.from(data as number[]);
  return { shape: [data.length], dtype, dataSync: () => stored };
}

describe('confusionMatrix', () => {
  it('counts true classes in rows and predicted classes in columns (scikit-learn docstring example)', () => {
    const r = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
    expect(r.labels).toEqual([0, 1, 2]);
    expect(rows(r.matrix)).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
    expect(r.matrix[0]).toBeInstanceOf(Float64Array);
  });

  it('gives [[tn, fp], [fn, tp]] for binary labels', () => {
    // tn: (0,0) x1; fp: (0,1) x2; fn: (1,0) x1; tp: (1,1) x3
    const r = confusionMatrix([0, 0, 0, 1, 1, 1, 1], [0, 1, 1, 0, 1, 1, 1]);
    expect(rows(r.matrix)).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });

  it('sorts numeric labels numerically, so 10 comes after 9', () => {
    const r = confusionMatrix([10, 9, 2, 10], [9, 9, 2, 10]);
    expect(r.labels).toEqual([2, 9, 10]);
    expect(rows(r.matrix)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('encodes negative, fractional, large and negative-zero labels like small integer ones', () => {
    const r = confusionMatrix([4096, 4095, -1, 0.5, -0, 0, 1e9], [4096, 4095, -1, 0.5, 0, -0, 4096]);
    expect(r.labels).toEqual([-1, 0, 0.5, 4095, 4096, 1e9]);
    expect(rows(r.matrix).map((row, i) => row[i])).toEqual([1, 2, 1, 1, 1, 0]);
    expect(r.matrix[5][4]).toBe(1);
  });

  it('sorts string labels by code point (uppercase before lowercase)', () => {
    const r = confusionMatrix(['bird', 'ant', 'Cat'], ['ant', 'ant', 'Cat']);
    expect(r.labels).toEqual(['Cat', 'ant', 'bird']);
    expect(rows(r.matrix)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('reads booleans as 1 and 0', () => {
    const r = confusionMatrix([true, false, true], [true, true, false]);
    expect(r.labels).toEqual([0, 1]);
    expect(rows(r.matrix)).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('follows the order of given labels, gives absent labels zero rows and leaves out unlisted examples', () => {
    // The example (true 'bird', predicted 'ant') is left out: 'bird' is not listed.
    const r = confusionMatrix(['ant', 'bird', 'cat', 'cat'], ['ant', 'ant', 'cat', 'ant'], {
      labels: ['cat', 'dog', 'ant'],
    });
    expect(r.labels).toEqual(['cat', 'dog', 'ant']);
    expect(rows(r.matrix)).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('sums sample weights instead of counting', () => {
    const r = confusionMatrix([0, 1, 1], [0, 1, 0], { sampleWeight: [0.5, 2, 1.25] });
    expect(rows(r.matrix)).toEqual([
      [0.5, 0],
      [1.25, 2],
    ]);
  });

  it('gives the same matrix for integer weights as for repeated examples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (examples) => {
          const yTrue = examples.map((e) => e[0]);
          const yPred = examples.map((e) => e[1]);
          const w = examples.map((e) => e[2]);
          const repTrue: number[] = [];
          const repPred: number[] = [];
          examples.forEach(([t, p, k]) => {
            for (let i = 0; i < k; i++) {
              repTrue.push(t);
              repPred.push(p);
            }
          });
          const labels = [0, 1, 2, 3];
          const weighted = confusionMatrix(yTrue, yPred, { sampleWeight: w, labels });
          if (repTrue.length === 0 || !repTrue.some((v) => labels.includes(v))) return;
          const repeated = confusionMatrix(repTrue, repPred, { labels });
          expect(rows(weighted.matrix)).toEqual(rows(repeated.matrix));
        },
      ),
    );
  });

  it('normalizes rows by the true counts, columns by the predicted counts, or all by the total', () => {
    const yTrue = [0, 0, 0, 1];
    const yPred = [0, 1, 1, 1];
    expect(rows(confusionMatrix(yTrue, yPred, { normalize: 'true' }).matrix)).toEqual([
      [1 / 3, 2 / 3],
      [0, 1],
    ]);
    expect(rows(confusionMatrix(yTrue, yPred, { normalize: 'pred' }).matrix)).toEqual([
      [1, 2 / 3],
      [0, 1 / 3],
    ]);
    expect(rows(confusionMatrix(yTrue, yPred, { normalize: 'all' }).matrix)).toEqual([
      [0.25, 0.5],
      [0, 0.25],
    ]);
  });

  it('fills a normalized row whose sum is zero with NaN (scikit-learn writes 0), or with zeroDivision', () => {
    const yTrue = [0, 0];
    const yPred = [0, 1];
    const r = confusionMatrix(yTrue, yPred, { normalize: 'true' });
    expect(rows(r.matrix)).toEqual([
      [0.5, 0.5],
      [NaN, NaN],
    ]);
    expect(rows(confusionMatrix(yTrue, yPred, { normalize: 'true', zeroDivision: 0 }).matrix)).toEqual([
      [0.5, 0.5],
      [0, 0],
    ]);
    expect(() => confusionMatrix(yTrue, yPred, { normalize: 'true', zeroDivision: 'error' })).toThrow(UndefinedMetricError);
    expect(() => confusionMatrix(yTrue, yPred, { normalize: 'true', zeroDivision: 'error' })).toThrow(
      'confusionMatrix: normalize "true" is undefined in the row of label 1: its sum is 0',
    );
  });

  it('fills a normalized column whose sum is zero with NaN, and an all-zero-weight total too', () => {
    expect(rows(confusionMatrix([0, 1], [0, 0], { normalize: 'pred' }).matrix)).toEqual([
      [0.5, NaN],
      [0.5, NaN],
    ]);
    expect(rows(confusionMatrix([0, 1], [0, 0], { normalize: 'all', sampleWeight: [0, 0] }).matrix)).toEqual([
      [NaN, NaN],
      [NaN, NaN],
    ]);
  });

  it('accepts typed arrays and tensor-like inputs', () => {
    const expected = rows(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]).matrix);
    expect(rows(confusionMatrix(Int32Array.of(2, 0, 2, 2, 0, 1), Float32Array.of(0, 0, 2, 2, 0, 2)).matrix)).toEqual(expected);
    expect(rows(confusionMatrix(tensorLike([2, 0, 2, 2, 0, 1]), tensorLike([0, 0, 2, 2, 0, 2])).matrix)).toEqual(expected);
    const s = confusionMatrix(tensorLike(['b', 'a']), ['a', 'a']);
    expect(s.labels).toEqual(['a', 'b']);
    expect(rows(s.matrix)).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('does not mutate its inputs', () => {
    const yTrue = [1, 0, 1];
    const yPred = [0, 0, 1];
    const w = Float64Array.of(1, 2, 3);
    confusionMatrix(yTrue, yPred, { sampleWeight: w, normalize: 'all' });
    expect(yTrue).toEqual([1, 0, 1]);
    expect(yPred).toEqual([0, 0, 1]);
    expect(Array.from(w)).toEqual([1, 2, 3]);
  });

  it('rejects bad input with a message naming the argument, index and value', () => {
    throwsInput(() => confusionMatrix([], []), 'confusionMatrix: yTrue is empty');
    throwsInput(() => confusionMatrix([0, 1], [0]), 'confusionMatrix: yTrue has 2 entries but yPred has 1');
    throwsInput(() => confusionMatrix([0, NaN], [0, 1]), 'confusionMatrix: yTrue[1] is NaN, not a valid label');
    throwsInput(() => confusionMatrix([0, 1], [0, Infinity]), 'confusionMatrix: yPred[1] is Infinity, not a valid label');
    throwsInput(
      () => confusionMatrix([0, 1], ['a', 'b']),
      'confusionMatrix: yPred[0] is "a" but yTrue[0] is 0: labels must all be numbers or all strings',
    );
    throwsInput(() => confusionMatrix([0, 1], [0, 1], { labels: [] }), 'confusionMatrix: labels is empty');
    throwsInput(
      () => confusionMatrix([0, 1], [0, 1], { labels: [1, 0, 1] }),
      'confusionMatrix: labels[2] is 1, a duplicate of labels[0]',
    );
    throwsInput(
      () => confusionMatrix([0, 1], [0, 1], { labels: ['0', '1'] }),
      'confusionMatrix: labels[0] is "0" but yTrue[0] is 0: labels must be of the same kind (numbers or strings) as yTrue and yPred',
    );
    throwsInput(
      () => confusionMatrix([0, 1], [2, 2], { labels: [2, 3] }),
      'confusionMatrix: none of labels occurs in yTrue: at least one must (as in scikit-learn)',
    );
    throwsInput(
      () => confusionMatrix([0, 1], [0, 1], { sampleWeight: [1, -1] }),
      'confusionMatrix: sampleWeight[1] is -1: weights must be finite and non-negative',
    );
    throwsInput(
      () => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as 'true' }),
      'confusionMatrix: normalize is "rows", expected one of "true", "pred", "all"',
    );
  });
});
