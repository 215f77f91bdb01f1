// The interval arithmetic of bootstrapInterval, on a bootstrap distribution
// already computed: the percentile method and Efron's BCa. Kept apart from the
// resampling so that it can be checked against scipy.stats.bootstrap on the
// very same bootstrap distribution.
import { normalCdf, normalQuantile } from '../../core/normalQuantile';

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` by linear interpolation
 * between order statistics: position h = (m − 1)·q, as numpy's default
 * `percentile(..., method='linear')` (Hyndman & Fan type 7). NaN when empty
 * or when q is NaN.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const m = sorted.length;
  if (m === 0 || !(q >= 0 && q <= 1)) return NaN;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  if (lo >= m - 1) return sorted[m - 1];
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  // numpy's lerp: from the nearer end, so that t = 1 gives b exactly.
  return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

/** Sample standard deviation (n − 1 denominator, two-pass); NaN below 2 values. */
export function standardDeviation(values: Float64Array): number {
  const m = values.length;
  if (m < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += values[i];
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (m - 1));
}

/** Percentile interval: the α/2 and 1 − α/2 quantiles of the distribution, α = 1 − confidence. */
export function percentileInterval(sorted: Float64Array, confidence: number): [number, number] {
  const alpha = (1 - confidence) / 2;
  return [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
}

/**
 * The BCa acceleration from jackknife values θ₍ᵢ₎ (leave-one-out or
 * leave-one-block-out): â = Σ Uᵢ³ / (6 (Σ Uᵢ²)^{3/2}) with Uᵢ = θ̄₍·₎ − θ₍ᵢ₎
 * (Efron & Tibshirani 1993, eq. 14.15; the (n − 1) factors of the influence
 * values cancel in the ratio). NaN jackknife values (the metric undefined on
 * that subsample) are left out; 0 when fewer than two remain or all are equal.
 */
export function jackknifeAcceleration(jackknife: Float64Array): number {
  let m = 0;
  let mean = 0;
  for (let i = 0; i < jackknife.length; i++) {
    const v = jackknife[i];
    if (v === v) {
      mean += v;
      m++;
    }
  }
  if (m < 2) return 0;
  mean /= m;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < jackknife.length; i++) {
    const v = jackknife[i];
    if (v !== v) continue;
    const u = mean - v;
    s2 += u * u;
    s3 += u * u * u;
  }
  if (s2 === 0) return 0;
  return s3 / (6 * Math.pow(s2, 1.5));
}

/** What {@link bcaInterval} returns: the interval and the two corrections. */
export interface BcaResult {
  lower: number;
  upper: number;
  /** Bias correction ẑ₀. */
  z0: number;
  /** Acceleration â. */
  acceleration: number;
}

/**
 * The BCa interval (Efron & Tibshirani 1993, ch. 14.3, eq. 14.10):
 * bounds are the α₁- and α₂-quantiles of the bootstrap distribution with
 * α₁ = Φ(ẑ₀ + (ẑ₀ + z_{α/2}) / (1 − â (ẑ₀ + z_{α/2}))) and α₂ the same with
 * z_{1−α/2}. The bias correction ẑ₀ = Φ⁻¹(F̂) takes F̂ = (#{θ* < θ̂} +
 * #{θ* ≤ θ̂}) / (2B), which counts ties with the estimate as half below (as
 * scipy.stats.bootstrap does): discrete metrics such as accuracy tie often.
 * When every resample falls on one side of θ̂, ẑ₀ is infinite and BCa is
 * undefined: both bounds are NaN (scipy also returns NaN there).
 *
 * @param sorted - the finite bootstrap values, ascending.
 */
export function bcaInterval(
  sorted: Float64Array,
  estimate: number,
  jackknife: Float64Array,
  confidence: number,
): BcaResult {
  const m = sorted.length;
  const acceleration = jackknifeAcceleration(jackknife);
  if (m === 0 || estimate !== estimate) return { lower: NaN, upper: NaN, z0: NaN, acceleration };
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < m; i++) {
    if (sorted[i] < estimate) below++;
    if (sorted[i] <= estimate) atOrBelow++;
  }
  const z0 = normalQuantile((below + atOrBelow) / (2 * m));
  if (!Number.isFinite(z0)) return { lower: NaN, upper: NaN, z0, acceleration };
  const zLow = normalQuantile((1 - confidence) / 2);
  const adjusted = (z: number): number => {
    const s = z0 + z;
    return normalCdf(z0 + s / (1 - acceleration * s));
  };
  return {
    lower: quantileSorted(sorted, adjusted(zLow)),
    upper: quantileSorted(sorted, adjusted(-zLow)),
    z0,
    acceleration,
  };
}
