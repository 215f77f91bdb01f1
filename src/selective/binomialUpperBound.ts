import { readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import { regularizedIncompleteBeta } from '../core/incompleteBeta';

/**
 * P[Bin(trials, p) <= errors], the binomial cumulative distribution
 * Σ_{j=0..k} C(m, j) p^j (1 − p)^(m−j), through the regularized incomplete
 * beta function I_{1−p}(m − k, k + 1) (accurate to about 1e-14 for small m,
 * 1e-9 for m near 10^6), without validation.
 *
 * Reference: M. Abramowitz and I. A. Stegun (1964), Handbook of Mathematical
 * Functions, 26.5.24.
 *
 * @param errors - k, an integer (k < 0 gives 0, k >= m gives 1).
 * @param trials - m, a positive integer.
 * @param p - The success probability in [0, 1].
 * @returns The probability of at most k successes in m trials.
 * @example
 * binomialCdf(1, 4, 0.5); // (1 + 4) / 16
 * // => 0.31249999999999917
 */
export function binomialCdf(errors: number, trials: number, p: number): number {
  if (errors >= trials) return 1;
  if (errors < 0) return 0;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return regularizedIncompleteBeta(1 - p, trials - errors, errors + 1);
}

/**
 * The binomial tail inversion B*(k, m, δ): the largest true error rate b under
 * which seeing at most k errors in m independent trials still has probability
 * at least δ,
 *
 *   B*(k, m, δ) = max { b ∈ [0, 1] : Σ_{j=0..k} C(m, j) b^j (1 − b)^(m−j) >= δ }.
 *
 * With probability at least 1 − δ over the sample, the true rate is at most
 * B*(k, m, δ): it is the one-sided Clopper–Pearson upper confidence bound,
 * equal to the (1 − δ) quantile of Beta(k + 1, m − k). Solved by bisection on
 * the cumulative distribution (decreasing in b) to within 1e-15; the returned
 * value is the upper end of the final bracket, so the bound is never below
 * the exact one by more than rounding.
 *
 * Reference: J. Langford (2005), "Tutorial on Practical Prediction Theory for
 * Classification", JMLR 6 (test-set bound); Y. Geifman and R. El-Yaniv (2017),
 * "Selective Classification for Deep Neural Networks", NeurIPS, eq. (4).
 *
 * @param errors - Observed errors k, an integer in [0, trials].
 * @param trials - Sample size m, a positive integer.
 * @param delta - Confidence parameter δ in (0, 1).
 * @returns The upper bound b in [k/m, 1]; exactly 1 when k = m.
 * @throws {MetricInputError} for a non-integer or out-of-range count or δ outside (0, 1).
 * @example
 * binomialUpperBound(0, 10, 0.05); // 1 − 0.05^(1/10)
 * // => 0.2588655508930523
 */
export function binomialUpperBound(errors: number, trials: number, delta: number): number {
  const fn = 'binomialUpperBound';
  const m = readNumberOption((trials as number | undefined) ?? NaN, NaN, fn, 'trials', { min: 1, integer: true });
  const k = readNumberOption((errors as number | undefined) ?? NaN, NaN, fn, 'errors', { min: 0, integer: true });
  if (k > m) fail(fn, `errors is ${show(k)} but trials is ${show(m)}: errors must not exceed trials`);
  const d = readNumberOption((delta as number | undefined) ?? NaN, NaN, fn, 'delta', {
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
  });
  return binomialTailInversion(k, m, d);
}

/** {@link binomialUpperBound} without validation, for callers that validated. */
export function binomialTailInversion(k: number, m: number, delta: number): number {
  if (k >= m) return 1;
  // Zero errors has a closed form: (1 − b)^m = δ.
  if (k === 0) return -Math.expm1(Math.log(delta) / m);
  let lo = k / m;
  let hi = 1;
  // cdf(lo) >= 1/2 > δ for typical δ; keep the invariant cdf(lo) >= δ > cdf(hi).
  if (binomialCdf(k, m, lo) < delta) lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = 0.5 * (lo + hi);
    if (binomialCdf(k, m, mid) >= delta) lo = mid;
    else hi = mid;
  }
  return hi;
}
