import { fail, show } from './fail';
import { isTensorLike } from './tensorLike';
import type { TensorLike } from './tensorLike';

/**
 * Per-example correctness (`1`/`true` when the prediction was right, `0`/`false`
 * when it was wrong) or, with `input: 'loss'`, per-example losses (finite,
 * >= 0, lower is better), in a plain array, a typed array or a tfjs Tensor.
 */
export type CorrectnessInput = ArrayLike<number> | ArrayLike<boolean> | TensorLike;

/** How the first argument of a risk function is read. */
export type RiskInput = 'correctness' | 'loss';

/** Per-example losses read from correctness or loss input. */
export interface ReadLosses {
  /** The loss of every example: `1 - correct` for correctness input. */
  losses: Float64Array;
  /** True when every loss is 0 or 1 (always so for correctness input). */
  binary: boolean;
  /** Number of examples with loss 1 when `binary` (the errors), else NaN. */
  errors: number;
}

/**
 * Reads the first argument of a risk function into per-example losses.
 *
 * Correctness input (the default) must hold `0`, `1`, `false` or `true`;
 * its loss is `1 - correct`. Loss input (`input: 'loss'`) must hold finite
 * numbers >= 0 (booleans are not losses).
 *
 * @throws {MetricInputError} `fn: correct[3] is 0.5, expected 0, 1, false or true`,
 *   `fn: correct[2] is -1, a loss must be finite and >= 0`, or a non-array input.
 */
export function readCorrectness(
  x: CorrectnessInput,
  fn: string,
  arg: string,
  input: RiskInput = 'correctness',
): ReadLosses {
  let values: ArrayLike<unknown>;
  if (isTensorLike(x)) {
    if (x.dtype === 'string') fail(fn, `${arg} must be a numeric or boolean tensor, got dtype string`);
    values = x.dataSync() as ArrayLike<number>;
  } else if (x != null && typeof x !== 'string' && typeof (x as ArrayLike<unknown>).length === 'number') {
    values = x as ArrayLike<unknown>;
  } else {
    return fail(fn, `${arg} must be an array, a typed array or a tensor, got ${show(x)}`);
  }
  const n = values.length;
  const losses = new Float64Array(n);
  let errors = 0;
  if (input === 'correctness') {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === 1 || v === true) continue;
      if (v === 0 || v === false) {
        losses[i] = 1;
        errors++;
      } else {
        fail(fn, `${arg}[${i}] is ${show(v)}, expected 0, 1, false or true (pass input: 'loss' for losses)`);
      }
    }
    return { losses, binary: true, errors };
  }
  let binary = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !(v >= 0) || v === Infinity) {
      fail(fn, `${arg}[${i}] is ${show(v)}, a loss must be a finite number >= 0`);
    }
    losses[i] = v;
    if (v === 1) errors++;
    else if (v !== 0) binary = false;
  }
  return { losses, binary, errors: binary ? errors : NaN };
}
