import type { TensorLike } from './tensorLike';

/** Scores, weights or other numbers: a plain array, a typed array or a tfjs Tensor. */
export type NumericInput = ArrayLike<number> | TensorLike;

/**
 * Class labels: numbers, strings or booleans (read as 1 and 0), in a plain
 * array, a typed array or a tfjs Tensor.
 */
export type LabelInput = ArrayLike<number> | ArrayLike<string> | ArrayLike<boolean> | TensorLike;

/** One class label after reading: booleans have become 1 and 0. */
export type Label = number | string;

/**
 * An n×k matrix of per-class scores (probabilities or logits): nested arrays
 * (`number[][]`), a 2-D tfjs Tensor, or a flat row-major array or typed array
 * together with the `numClasses` option.
 */
export type ScoreMatrixInput = ArrayLike<ArrayLike<number>> | ArrayLike<number> | TensorLike;

/**
 * What a metric returns where it is mathematically undefined (e.g. recall
 * with no positive examples): a number to return instead of `NaN`, or
 * `'error'` to throw an {@link UndefinedMetricError}.
 */
export type ZeroDivision = number | 'error';
