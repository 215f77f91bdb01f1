import { assertNonEmpty, assertSameLength } from '../../core/assert';
import { readBinaryLabels } from '../../core/readBinaryLabels';
import { readNumbers } from '../../core/readNumbers';
import { readSampleWeight } from '../../core/readSampleWeight';
import type { Label, LabelInput, NumericInput } from '../../core/types';

/** Validated binary ranking inputs: labels (1 = positive), finite scores, optional weights. */
export type BinaryInputs = [labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined];

/**
 * The validation every binary ranking metric runs first: binary labels,
 * finite scores of the same, non-zero length, non-negative weights.
 */
export function readBinaryInputs(
  fn: string,
  yTrue: LabelInput,
  yScore: NumericInput,
  options: { sampleWeight?: NumericInput; posLabel?: Label | boolean },
): BinaryInputs {
  const labels = readBinaryLabels(yTrue, fn, 'yTrue', options.posLabel);
  const scores = readNumbers(yScore, fn, 'yScore');
  return [labels, scores, readPairWeights(fn, labels.length, scores.length, options)];
}

/**
 * Checks that `yTrue` (n entries) and `yScore` (m entries or rows) agree and
 * are not empty, then reads the optional `sampleWeight` (n entries).
 *
 * @throws {MetricInputError} for a length mismatch, empty input or a bad weight.
 */
export function readPairWeights(
  fn: string,
  n: number,
  m: number,
  options: { sampleWeight?: NumericInput },
): Float64Array | undefined {
  assertSameLength(fn, 'yTrue', n, 'yScore', m);
  assertNonEmpty(fn, 'yTrue', n);
  return readSampleWeight(options.sampleWeight, n, fn);
}
