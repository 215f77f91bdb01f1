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
  assertSameLength(fn, 'yTrue', labels.length, 'yScore', scores.length);
  assertNonEmpty(fn, 'yTrue', labels.length);
  return [labels, scores, readSampleWeight(options.sampleWeight, labels.length, fn)];
}
