import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { worstMistakes } from '../../src/diagnostics/worstMistakes';

const P = [
  [0.8, 0.1, 0.1], // true 0: right, loss ln(1/0.8)
  [0.7, 0.2, 0.1], // true 1: wrong (0), loss ln 5
  [0.3, 0.3, 0.4], // true 2: right, loss ln 2.5
  [0.05, 0.05, 0.9], // true 0: wrong (2), loss ln 20
];
const Y = [0, 1, 2, 0];

describe('worstMistakes', () => {
  it('returns the k examples with the highest cross-entropy of the true class, worst first', () => {
    const out = worstMistakes({ yTrue: Y, probabilities: P, k: 3 });
    expect(out.map((m) => m.index)).toEqual([3, 1, 2]);
    expect(out[0]).toEqual({ index: 3, trueLabel: 0, predictedLabel: 2, confidence: 0.9, trueProbability: 0.05, loss: -Math.log(0.05) });
    expect(out[1].loss).toBeCloseTo(Math.log(5), 14);
    expect(out[2]).toMatchObject({ trueLabel: 2, predictedLabel: 2, confidence: 0.4 });
  });

  it('returns only misclassified examples with misclassifiedOnly', () => {
    expect(worstMistakes({ yTrue: Y, probabilities: P, k: 3, misclassifiedOnly: true }).map((m) => m.index)).toEqual([3, 1]);
  });

  it('returns all n examples sorted when k exceeds n, and k = 10 by default', () => {
    expect(worstMistakes({ yTrue: Y, probabilities: P, k: 100 }).map((m) => m.index)).toEqual([3, 1, 2, 0]);
    const rng = createRng(1);
    const probs = Array.from({ length: 50 }, () => {
      const a = rng();
      return [a, 1 - a];
    });
    expect(worstMistakes({ yTrue: probs.map(() => 1), probabilities: probs })).toHaveLength(10);
  });

  it('selects the same examples as a full sort (lower index first on equal losses)', () => {
    const rng = createRng(11);
    const n = 500;
    const probs = Array.from({ length: n }, () => {
      // Quantised so that many losses tie.
      const a = Math.round(rng() * 10) / 10;
      return [a, 1 - a];
    });
    const y = probs.map((_, i) => i % 2);
    const loss = probs.map((p, i) => -Math.log(Math.max(p[y[i]], 1e-15)));
    const expected = loss.map((_, i) => i).sort((a, b) => loss[b] - loss[a] || a - b).slice(0, 37);
    expect(worstMistakes({ yTrue: y, probabilities: probs, k: 37 }).map((m) => m.index)).toEqual(expected);
  });

  it('reads binary probabilities of the positive class, as an (n,) array or an (n, 1) matrix, with a threshold', () => {
    const p = [0.9, 0.2, 0.6, 0.45];
    const y = [0, 1, 1, 1];
    const out = worstMistakes({ yTrue: y, probabilities: p, k: 2 });
    expect(out.map((m) => [m.index, m.trueLabel, m.predictedLabel])).toEqual([
      [0, 0, 1],
      [1, 1, 0],
    ]);
    expect(out[0].confidence).toBe(0.9);
    expect(out[0].loss).toBeCloseTo(Math.log(10), 14);
    expect(worstMistakes({ yTrue: y, probabilities: p.map((v) => [v]), k: 2 })).toEqual(out);
    expect(worstMistakes({ yTrue: y, probabilities: new Float32Array(p), k: 4 }).map((m) => m.index)).toEqual([0, 1, 3, 2]);
    expect(worstMistakes({ yTrue: y, probabilities: p, k: 4, threshold: 0.4 })[2]).toMatchObject({ index: 3, predictedLabel: 1 });
  });

  it('reports the classes by labels, for a matrix and for binary input', () => {
    const out = worstMistakes({ yTrue: ['a', 'b', 'c', 'a'], probabilities: P, labels: ['a', 'b', 'c'], k: 1 });
    expect(out[0]).toMatchObject({ index: 3, trueLabel: 'a', predictedLabel: 'c' });
    expect(worstMistakes({ yTrue: ['cat', 'dog'], probabilities: [0.9, 0.8], labels: ['cat', 'dog'], k: 1 })[0]).toMatchObject({
      index: 0,
      trueLabel: 'cat',
      predictedLabel: 'dog',
    });
  });

  it('reads tensors without leaking or changing them', () => {
    const probs = tf.tensor2d(P);
    const y = tf.tensor1d(Y, 'int32');
    const before = tf.memory().numTensors;
    const out = worstMistakes({ yTrue: y, probabilities: probs, k: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(out.map((m) => m.index)).toEqual([3, 1]);
    expect(probs.arraySync()).toEqual(tf.tensor2d(P).arraySync());
    tf.dispose([probs, y]);
    const binary = tf.tensor1d([0.1, 0.2, 0.3, 0.4]);
    expect(worstMistakes({ yTrue: [1, 0, 1, 1], probabilities: binary, k: 1 })[0]).toMatchObject({ index: 0, predictedLabel: 0 });
    binary.dispose();
  });

  it('reads a flat row-major (n, C) array with numClasses, as a baseline predictProba returns it', () => {
    const flat = new Float64Array(P.flat());
    expect(worstMistakes({ yTrue: Y, probabilities: flat, numClasses: 3, k: 4 })).toEqual(worstMistakes({ yTrue: Y, probabilities: P, k: 4 }));
    expect(() => worstMistakes({ yTrue: Y, probabilities: flat, numClasses: 5 })).toThrow('worstMistakes: probabilities has 12 entries, not a multiple of numClasses (5)');
  });

  it('caps the loss of a zero probability at ln(1e15) instead of Infinity', () => {
    const out = worstMistakes({ yTrue: [1], probabilities: [[1, 0]], k: 1 });
    expect(out[0].loss).toBeCloseTo(-Math.log(1e-15), 12);
  });

  it('rejects bad input with DiagnosticsInputError naming the argument, index and value', () => {
    expect(() => worstMistakes({ yTrue: [0, 1], probabilities: [[0.5, 0.5], [1.5, 0]] })).toThrow('worstMistakes: probabilities[1][0] is 1.5, expected a probability in [0, 1]');
    expect(() => worstMistakes({ yTrue: [0, 1], probabilities: [0.5, NaN] })).toThrow('worstMistakes: probabilities[1] is NaN');
    expect(() => worstMistakes({ yTrue: [0, 7], probabilities: [[0.5, 0.5], [0.5, 0.5]] })).toThrow('worstMistakes: yTrue[1] is 7, not one of the 2 classes (0, 1)');
    expect(() => worstMistakes({ yTrue: [0, 1, 0], probabilities: [[0.5, 0.5], [0.5, 0.5]] })).toThrow('worstMistakes: yTrue has 3 entries but probabilities has 2');
    expect(() => worstMistakes({ yTrue: [], probabilities: [] })).toThrow('worstMistakes: yTrue is empty');
    expect(() => worstMistakes({ yTrue: [0], probabilities: [0.5], k: 0 })).toThrow('worstMistakes: k is 0, expected a finite integer >= 1');
    expect(() => worstMistakes({ yTrue: [0], probabilities: [0.5], labels: ['a', 'b', 'c'] })).toThrow('worstMistakes: labels has 3 entries but probabilities has 2 classes');
    expect(() => worstMistakes({ yTrue: ['a'], probabilities: [0.5], labels: ['a', 'a'] })).toThrow('worstMistakes: labels[1] is "a", a duplicate of labels[0]');
    expect(() => worstMistakes({ yTrue: [0], probabilities: [0.5], threshold: 2 })).toThrow(DiagnosticsInputError);
  });
});
