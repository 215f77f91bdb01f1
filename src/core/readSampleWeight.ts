import { assertSameLength } from './assert';
import { failAt } from './fail';
import { readNumbers } from './readNumbers';
import type { NumericInput } from './types';

/**
 * Reads optional per-example weights: `undefined` stays `undefined` (every
 * example weighs 1), anything else must have `n` finite, non-negative entries.
 *
 * @throws {MetricInputError} `fn: sampleWeight[3] is -1: weights must be finite and non-negative`,
 *   or a length mismatch naming `sampleWeight` and `against`.
 */
export function readSampleWeight(
  sampleWeight: NumericInput | undefined,
  n: number,
  fn: string,
  against = 'yTrue',
): Float64Array | undefined {
  if (sampleWeight === undefined || sampleWeight === null) return undefined;
  const w = readNumbers(sampleWeight, fn, 'sampleWeight', { allowNonFinite: true });
  assertSameLength(fn, against, n, 'sampleWeight', w.length);
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (!(v >= 0) || v === Infinity) {
      failAt(fn, 'sampleWeight', i, v, ': weights must be finite and non-negative');
    }
  }
  return w;
}
