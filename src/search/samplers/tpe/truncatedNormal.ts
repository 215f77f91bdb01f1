// Internal: the truncated normal distribution the Parzen estimators are made of.
import { normalCdf, normalQuantile } from '../../../core/normalQuantile';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log(Φ(b) − Φ(a)) for standardised bounds a < b, computed in the tail where
 * the difference keeps its relative accuracy: both bounds above 0 are
 * mirrored (Φ(−a) − Φ(−b)), because 1 − Φ(a) loses every digit for a > 8.
 * Returns −∞ when the mass underflows.
 */
export function logGaussMass(a: number, b: number): number {
  if (!(a < b)) return -Infinity;
  let mass: number;
  if (b <= 0) mass = normalCdf(b) - normalCdf(a);
  else if (a >= 0) mass = normalCdf(-a) - normalCdf(-b);
  else mass = 1 - normalCdf(a) - normalCdf(-b);
  return mass > 0 ? Math.log(mass) : -Infinity;
}

/** log density at `x` of N(mu, sigma²) truncated to `[low, high]`. */
export function truncatedNormalLogPdf(x: number, mu: number, sigma: number, low: number, high: number): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logGaussMass((low - mu) / sigma, (high - mu) / sigma);
}

/**
 * log probability that N(mu, sigma²) truncated to `[low, high]` falls in
 * `[x − q/2, x + q/2]` (clipped to the bounds): the mass of one grid cell of
 * a stepped parameter, as Optuna 3.1 scores discrete values.
 */
export function truncatedNormalLogCellMass(x: number, q: number, mu: number, sigma: number, low: number, high: number): number {
  const lo = Math.max(x - q / 2, low), hi = Math.min(x + q / 2, high);
  return logGaussMass((lo - mu) / sigma, (hi - mu) / sigma) - logGaussMass((low - mu) / sigma, (high - mu) / sigma);
}

/**
 * One draw of N(mu, sigma²) truncated to `[low, high]` by inversion: u uniform
 * between Φ(a) and Φ(b), x = mu + sigma·Φ⁻¹(u). Bounds above the mean are
 * mirrored so the inversion works in the lower tail, where Φ is accurate.
 */
export function sampleTruncatedNormal(u: number, mu: number, sigma: number, low: number, high: number): number {
  let a = (low - mu) / sigma, b = (high - mu) / sigma, flip = false;
  if (a > 0) {
    [a, b] = [-b, -a];
    flip = true;
  }
  const pa = normalCdf(a), pb = normalCdf(b);
  let z = normalQuantile(pa + u * (pb - pa));
  if (!Number.isFinite(z)) z = Number.isFinite(a) ? a : b;
  z = Math.min(b, Math.max(a, z));
  const x = mu + sigma * (flip ? -z : z);
  return Math.min(high, Math.max(low, x));
}
