/**
 * A small in-memory dataset, as every generator of this module returns it.
 *
 * - `x`: the features, row-major, `shape[0]` rows (examples).
 * - `shape`: the shape of `x`: `[n, features]` for tabular data,
 *   `[n, height, width, 1]` for images.
 * - `y`: class ids `0 … numClasses − 1` in an `Int32Array` for classification,
 *   or targets in a `Float32Array` for regression. Multi-label outputs (such
 *   as the digits of {@link syntheticNumbers}) are row-major with `yShape`.
 * - `numClasses`: the number of classes (absent for regression).
 */
export interface Dataset {
  /** Features, row-major, of shape {@link Dataset.shape}. */
  readonly x: Float32Array;
  /** The shape of `x`; `shape[0]` is the number of examples `n`. */
  readonly shape: readonly number[];
  /** Class ids (`Int32Array`) or regression targets (`Float32Array`). */
  readonly y: Int32Array | Float32Array;
  /** The shape of `y` when it is not `[n]` (e.g. `[n, digits]`). */
  readonly yShape?: readonly number[];
  /** The number of classes of a classification dataset. */
  readonly numClasses?: number;
}
