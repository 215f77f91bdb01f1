/**
 * Where a comparison was made: an element of an input (`index`), or a random
 * direction (`index` is `null`, `direction` numbers it), for the whole output
 * or one output element (`output`).
 */
export interface GradientLocation {
  /** Position of the input (or model variable) in the report's `inputs`. */
  input: number;
  /** The input's name: `inputs[0]`, or the variable's name. */
  name: string;
  /** The element's multi-index in the input, or `null` for a directional check. */
  index: number[] | null;
  /** The random direction's number for a directional check, otherwise `null`. */
  direction: number | null;
  /** The output element (multi-index) of a full-Jacobian row, or `null` for a scalar or randomly weighted output. */
  output: number[] | null;
}

/**
 * One comparison of an analytic derivative with its finite-difference
 * estimate: an element of an input, or, in the fast mode and for the elements
 * a sampled full check did not visit, a random direction.
 */
export interface GradientComparison extends GradientLocation {
  /** The derivative tfjs computed (vector-Jacobian product). */
  analytic: number;
  /** The finite-difference estimate. */
  numeric: number;
  /** |analytic − numeric|. */
  absError: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0. */
  relError: number;
  /** The tolerance this comparison had to meet (see `checkGradients`). */
  tolerance: number;
  /** `absError <= tolerance`. */
  ok: boolean;
}

/**
 * An element (or direction) where the function is not differentiable nearby:
 * the one-sided derivatives from the right and from the left disagree by more
 * than float32 noise (a ReLU, `abs` or `max` kink within a step). Reported,
 * never counted as a failure.
 */
export interface NonDifferentiablePoint extends GradientLocation {
  /** The derivative tfjs computed there. */
  analytic: number;
  /** The one-sided derivative from the right (second order). */
  forward: number;
  /** The one-sided derivative from the left (second order). */
  backward: number;
}

/** The summary of one input (or model variable). */
export interface InputGradientReport {
  /** `inputs[i]` for a function, the variable's name for a model. */
  name: string;
  shape: number[];
  /** Largest |analytic − numeric| over its comparisons (non-differentiable points aside); 0 if none. */
  maxAbsError: number;
  /** Largest relative error over its comparisons; 0 if none. */
  maxRelError: number;
  /** Number of elements compared one by one. */
  checked: number;
  /** Number of elements of the input. */
  total: number;
  /** Number of random directional derivatives compared. */
  directions: number;
  /** Number of comparisons that failed. */
  failures: number;
  /** Number of comparisons skipped as non-differentiable. */
  nonDifferentiable: number;
}

/** The result of {@link checkGradients} and {@link checkModelGradients}. */
export interface GradientCheckReport {
  /** True when every comparison is within its tolerance. */
  ok: boolean;
  mode: 'full' | 'fast';
  stencil: 2 | 4;
  /** The tfjs backend the check ran on. */
  backend: string;
  /** The absolute step if one was given, otherwise `null` (per-element steps `relativeStep · max(|x|, 1)`). */
  eps: number | null;
  /** The relative step used when `eps` is not given. */
  relativeStep: number;
  atol: number;
  rtol: number;
  /** The share of the input's largest analytic gradient allowed as error. */
  gtol: number;
  /** The factor on the float32 noise estimate. */
  noiseFactor: number;
  /** One summary per input or variable. */
  inputs: InputGradientReport[];
  /** The comparisons with the largest error relative to their tolerance (failures first), at most `maxReported`. */
  worst: GradientComparison[];
  /** Total number of comparisons made (non-differentiable points aside). */
  comparisons: number;
  /** Total number of failed comparisons. */
  failures: number;
  /** Points skipped as not differentiable nearby (at most `maxReported`). */
  nonDifferentiable: NonDifferentiablePoint[];
  /** Function evaluations (forward passes) spent on finite differences. */
  evaluations: number;
  /** Vector-Jacobian products (backward passes) computed. */
  gradientEvaluations: number;
}
