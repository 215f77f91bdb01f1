import * as tf from '@tensorflow/tfjs-core';
import { failOption, readIntOption as readInt } from '../core/configErrors';
import type { FeatureInput, LabeledData, Predictor } from './Predictor';
import { argMax, probaOutput, readClassIds, readFeatures, standardization, standardize } from './internal/features';

/** Options of {@link nearestNeighbourBaseline}. */
export interface NearestNeighbourOptions {
  /** The number of neighbours that vote. Defaults to `5`. */
  k?: number;
  /** Query rows per tfjs distance computation (memory is chunkSize × n training rows). Defaults to `256`. */
  chunkSize?: number;
  /** Standardise features with the training means and standard deviations first. Defaults to `true`. */
  standardize?: boolean;
}

/**
 * The k-nearest-neighbour baseline: each query gets the classes of its `k`
 * nearest training examples (Euclidean distance, on standardised features by
 * default) as votes; `predictProba` is the vote shares and `predict` the
 * most voted class (ties go to the smaller class id). Distances are computed
 * with tfjs in chunks of `chunkSize` query rows as
 * ‖q‖² − 2·q·t + ‖t‖² followed by `topk`, each chunk in its own `tidy`;
 * in float32, near-equal distances can order differently than in float64.
 *
 * Reference: T. Cover, P. Hart (1967), "Nearest neighbor pattern
 * classification"; scikit-learn `KNeighborsClassifier`.
 *
 * @param train - Labelled data (a classification `Dataset` works).
 * @param options - See {@link NearestNeighbourOptions}.
 * @returns A {@link Predictor}; it keeps a copy of the training data in plain arrays (no tensors between calls).
 * @throws {InvalidOptionError} `nearestNeighbourBaseline: k is 12 but there are only 10 training examples`.
 * @example
 * const knn = nearestNeighbourBaseline(twoMoons({ n: 200 }), { k: 5 });
 * knn.predict([[0, 1], [1, -0.5]]);
 * // => Int32Array [0, 1]
 */
export function nearestNeighbourBaseline(train: LabeledData, options: NearestNeighbourOptions = {}): Predictor {
  const fn = 'nearestNeighbourBaseline';
  const f = readFeatures(train, fn);
  const { y, k: numClasses } = readClassIds(train, f.n, fn);
  const k = readInt(options.k, 5, fn, 'k', 1);
  if (k > f.n) failOption(fn, `k is ${k} but there are only ${f.n} training examples`);
  const chunkSize = readInt(options.chunkSize, 256, fn, 'chunkSize', 1);
  const { d } = f;
  const { mean, scale } = options.standardize === false ? { mean: new Float64Array(d), scale: new Float64Array(d).fill(1) } : standardization(f);
  const points = standardize(f, mean, scale);
  const nTrain = f.n;

  const votes = (x: FeatureInput): { p: Float64Array; n: number } => {
    const q = readFeatures(x, fn, 'x', d);
    const query = standardize(q, mean, scale);
    const p = new Float64Array(q.n * numClasses);
    const trainT = tf.tensor2d(points, [nTrain, d]);
    try {
      const trainNorms = tf.tidy(() => tf.reshape(tf.sum(tf.square(trainT), 1), [1, nTrain]));
      try {
        for (let start = 0; start < q.n; start += chunkSize) {
          const rows = Math.min(chunkSize, q.n - start);
          const idx = tf.tidy(() => {
            const qt = tf.tensor2d(query.subarray(start * d, (start + rows) * d), [rows, d]);
            const qNorms = tf.sum(tf.square(qt), 1, true);
            const dist = tf.add(tf.sub(qNorms, tf.mul(2, tf.matMul(qt, trainT, false, true))), trainNorms);
            return tf.topk(tf.neg(dist), k).indices;
          });
          const nearest = idx.dataSync();
          idx.dispose();
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < k; j++) p[(start + i) * numClasses + y[nearest[i * k + j]]] += 1 / k;
          }
        }
      } finally {
        trainNorms.dispose();
      }
    } finally {
      trainT.dispose();
    }
    return { p, n: q.n };
  };
  return {
    name: 'nearestNeighbour',
    numClasses,
    numFeatures: d,
    predict(x: FeatureInput) {
      const { p, n } = votes(x);
      return argMax(p, n, numClasses);
    },
    predictProba(x: FeatureInput) {
      const { p, n } = votes(x);
      return probaOutput(p, n, numClasses);
    },
  };
}
