import type { TensorLike } from '../core/tensorLike';

/**
 * Features for a non-deep baseline: a dataset-like `{ x, shape }` (row-major,
 * `shape[0]` rows; images are flattened), a tensor with the examples on its
 * first axis, or rows as nested arrays.
 */
export type FeatureInput = { readonly x: ArrayLike<number>; readonly shape: readonly number[] } | TensorLike | ArrayLike<ArrayLike<number>>;

/**
 * Labelled training data: features as in {@link FeatureInput} plus integer
 * class ids `y` in `[0, numClasses)` — any classification `Dataset` of the
 * datasets module fits.
 */
export type LabeledData = { readonly x: ArrayLike<number> | TensorLike; readonly shape?: readonly number[]; readonly y: ArrayLike<number> | TensorLike; readonly numClasses?: number };

/**
 * A fitted classifier, in the form the metrics module takes its inputs.
 */
export interface Predictor {
  /** A short name, e.g. `'logisticRegression'`. */
  readonly name: string;
  /** The number of classes `k` (at least 2). */
  readonly numClasses: number;
  /** The number of features the predictor expects. */
  readonly numFeatures: number;
  /** The predicted class id of each row. */
  predict(x: FeatureInput): Int32Array;
  /**
   * Class probabilities: for k = 2 the probability of class 1 (length n, the
   * `yScore` of binary metrics such as `averagePrecision`); for k > 2 the
   * row-major n×k matrix (pass `{ numClasses: k }` to score-matrix metrics).
   */
  predictProba(x: FeatureInput): Float64Array;
}
