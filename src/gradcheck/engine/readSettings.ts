import * as tf from '@tensorflow/tfjs-core';
import { show } from '../../core/fail';
import { isTensorLike } from '../../core/tensorLike';
import { DEFAULT_SEED } from '../../core/random';
import { GradientCheckError } from '../gradientCheckError';
import type { CheckGradientsOptions } from '../checkGradients';
import type { CheckSettings } from './runCheck';

/** Relative step for the fourth-order stencil, 2^-7 ≈ 0.0078 (≈ u^(1/5) of float32, rounded to a power of two). */
export const RELATIVE_STEP_4 = 2 ** -7;
/** Relative step for the second-order stencil, 2^-8 ≈ 0.0039 (≈ (3u)^(1/3) of float32). */
export const RELATIVE_STEP_2 = 2 ** -8;

/** Defaults of {@link checkGradients}'s options. */
export const GRADCHECK_DEFAULTS = {
  mode: 'full',
  stencil: 4,
  atol: 0,
  rtol: 1e-3,
  gtol: 1e-4,
  noiseFactor: 4,
  maxElementsPerInput: 8,
  directions: 2,
  jacobianOutputs: 4,
  maxReported: 10,
} as const;

function bad(fn: string, message: string): never {
  throw new GradientCheckError(`${fn}: ${message}`);
}

function nonNegative(fn: string, name: string, value: unknown, fallback: number, integer = false, positive = false): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= 0 &&
    (!positive || value > 0) &&
    (!integer || Number.isInteger(value) || value === Infinity);
  if (!ok) {
    bad(fn, `options.${name} is ${show(value)}, expected a ${positive ? 'positive' : 'non-negative'} ${integer ? 'integer' : 'number'}`);
  }
  return value as number;
}

/** Validates and resolves the options. @internal */
export function readSettings(fn: string, options: CheckGradientsOptions = {}): CheckSettings {
  if (typeof options !== 'object' || options === null) bad(fn, `options is ${show(options)}, expected an object`);
  const mode = options.mode ?? GRADCHECK_DEFAULTS.mode;
  if (mode !== 'full' && mode !== 'fast') bad(fn, `options.mode is ${show(mode)}, expected 'full' or 'fast'`);
  const stencil = options.stencil ?? GRADCHECK_DEFAULTS.stencil;
  if (stencil !== 2 && stencil !== 4) bad(fn, `options.stencil is ${show(stencil)}, expected 2 or 4`);
  let eps: number | null = null;
  if (options.eps !== undefined) {
    if (!(typeof options.eps === 'number' && Number.isFinite(options.eps) && options.eps > 0)) {
      bad(fn, `options.eps is ${show(options.eps)}, expected a positive finite number`);
    }
    eps = options.eps;
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    bad(fn, `options.seed is ${show(seed)}, expected a string or a finite number`);
  }
  return {
    mode,
    stencil,
    eps,
    relativeStep: stencil === 4 ? RELATIVE_STEP_4 : RELATIVE_STEP_2,
    atol: nonNegative(fn, 'atol', options.atol, GRADCHECK_DEFAULTS.atol),
    rtol: nonNegative(fn, 'rtol', options.rtol, GRADCHECK_DEFAULTS.rtol),
    gtol: nonNegative(fn, 'gtol', options.gtol, GRADCHECK_DEFAULTS.gtol),
    noiseFactor: nonNegative(fn, 'noiseFactor', options.noiseFactor, GRADCHECK_DEFAULTS.noiseFactor),
    maxElementsPerInput: nonNegative(fn, 'maxElementsPerInput', options.maxElementsPerInput, GRADCHECK_DEFAULTS.maxElementsPerInput, true),
    directions: nonNegative(fn, 'directions', options.directions, GRADCHECK_DEFAULTS.directions, true, true),
    jacobianOutputs: nonNegative(fn, 'jacobianOutputs', options.jacobianOutputs, GRADCHECK_DEFAULTS.jacobianOutputs, true),
    maxReported: nonNegative(fn, 'maxReported', options.maxReported, GRADCHECK_DEFAULTS.maxReported, true),
    seed,
  };
}

/** Checks `inputs` is a non-empty array of live float32 tensors. @internal */
export function readInputs(fn: string, inputs: unknown): tf.Tensor[] {
  if (!Array.isArray(inputs) || inputs.length === 0) bad(fn, `inputs is ${Array.isArray(inputs) ? 'empty' : show(inputs)}, expected a non-empty array of tensors`);
  inputs.forEach((t, i) => {
    if (!isTensorLike(t)) bad(fn, `inputs[${i}] is ${show(t)}, expected a tfjs tensor`);
    if ((t as tf.Tensor).isDisposed) bad(fn, `inputs[${i}] is disposed`);
    if (t.dtype !== 'float32') bad(fn, `inputs[${i}] has dtype ${show(t.dtype)}, expected 'float32'`);
  });
  return inputs as tf.Tensor[];
}
