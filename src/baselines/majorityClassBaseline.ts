import type { FeatureInput, LabeledData, Predictor } from './Predictor';
import { readClassIds, readFeatures } from './internal/features';

/**
 * The majority-class baseline: predicts the most frequent training class for
 * every example (ties go to the smaller class id), with the training class
 * frequencies as probabilities. Its accuracy is the share of the majority
 * class — on rare events a model must beat 99% to be better than saying
 * "never" — its ROC AUC is 0.5 and its average precision the prevalence:
 * the floor every other baseline is read against.
 *
 * Reference: scikit-learn `DummyClassifier(strategy='prior')`.
 *
 * @param train - Labelled data (a classification `Dataset` works).
 * @returns A {@link Predictor}.
 * @throws {InvalidOptionError} `majorityClassBaseline: y[2] is 0.5, expected an integer class id >= 0`.
 * @example
 * const p = majorityClassBaseline({ x: new Float32Array(4), shape: [4, 1], y: [1, 1, 0, 1] });
 * [p.predict([[0], [5]]), p.predictProba([[0]])];
 * // => [Int32Array [1, 1], Float64Array [0.75]]
 */
export function majorityClassBaseline(train: LabeledData): Predictor {
  const fn = 'majorityClassBaseline';
  const f = readFeatures(train, fn);
  const { y, k } = readClassIds(train, f.n, fn);
  const prior = new Float64Array(k);
  for (let i = 0; i < f.n; i++) prior[y[i]] += 1 / f.n;
  let majority = 0;
  for (let c = 1; c < k; c++) if (prior[c] > prior[majority]) majority = c;
  const d = f.d;
  return {
    name: 'majorityClass',
    numClasses: k,
    numFeatures: d,
    predict(x: FeatureInput) {
      return new Int32Array(readFeatures(x, fn, 'x', d).n).fill(majority);
    },
    predictProba(x: FeatureInput) {
      const n = readFeatures(x, fn, 'x', d).n;
      if (k === 2) return new Float64Array(n).fill(prior[1]);
      const out = new Float64Array(n * k);
      for (let i = 0; i < n; i++) out.set(prior, i * k);
      return out;
    },
  };
}
