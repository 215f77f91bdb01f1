/**
 * The host path of `activationStats`: one layer's statistics from its
 * float32 values, accumulated in float64.
 *
 * Written for V8's optimizing compiler and measured on the wasm CNN of
 * bench/diagnostics.ts (2.4 million values per call). Each pass is a small
 * function called on blocks of {@link BLOCK} values, each call short: V8
 * then optimizes the function as a whole, once every line of it has run and
 * has type feedback. (Run once over a whole layer, a loop is compiled on the
 * stack, OSR, before the lines after it ever ran; V8 caches that code,
 * reuses it on every call, and it deoptimized at those lines on every call:
 * twice the cost, seen with `--trace-deopt` on Node 20.) The few values left
 * over after the last whole block go through the plain loops of
 * {@link scanRest} and {@link binRest}. No loop branches on the data where a
 * ReLU output makes the branch unpredictable.
 *
 * @internal
 */

/** One layer's statistics, from either path of `activationStats`. @internal */
export interface Summary {
  mean: number;
  variance: number;
  min: number;
  max: number;
  nonZero: number;
  dead: number;
  saturated: number;
  counts: Float64Array;
}

/** Histogram lanes: consecutive values count into separate copies of the bins, so that runs of one bin (the zeros of a ReLU) do not wait on each other's increments through memory (8 lanes: 2.6× faster than one on the bench CNN). */
const LANES = 8;

/** Values per call of a pass's loop function (a multiple of {@link LANES}; 2¹⁰ left no deoptimization on the bench, 2¹⁴ did). */
const BLOCK = 1 << 10;

/**
 * The statistics of one layer's output (`units` values per example) in two
 * passes, as the definitions read: the sum, the zeros and the range first,
 * then the squared deviations from the mean and the histogram on that range.
 * NaN and ±Infinity values take the rare path of {@link finiteSummary}.
 *
 * @internal
 */
export function hostSummary(values: Float32Array, units: number, bins: number, bounds: readonly [number, number] | undefined, tol: number): Summary {
  const total = values.length;
  const whole = total - (total % LANES);
  const s: Scan = { sum: 0, zeros: 0, min: Infinity, max: -Infinity };
  for (let start = 0; start < whole; start += BLOCK) scanBlock(values, start, Math.min(whole, start + BLOCK), s);
  scanRest(values, whole, s);
  const mean = s.sum / total;
  const nonZero = total - s.zeros;
  const dead = countDead(values, units);
  const saturated = bounds ? countOutside(values, bounds[0] + tol, bounds[1] - tol) : NaN;
  if (!(Number.isFinite(s.sum) && Number.isFinite(s.min) && Number.isFinite(s.max))) {
    return { mean, variance: sumSquaredDeviations(values, mean) / total, ...finiteSummary(values, bins), nonZero, dead, saturated };
  }
  // (v − min)·scale is in [0, bins] (rounding is monotonic and (max − min)·(bins/(max − min)) < bins + 1),
  // so `| 0` is the floor and only the maximum, or a value within rounding of it, lands on index `bins`,
  // folded into the last bin below. A constant output (min = max) has scale 0: every value in bin 0.
  const scale = s.max > s.min ? bins / (s.max - s.min) : 0;
  const stride = bins + 1;
  const lanes = new Int32Array(LANES * stride);
  let m2 = 0;
  for (let start = 0; start < whole; start += BLOCK) m2 += binBlock(values, start, Math.min(whole, start + BLOCK), s.min, scale, mean, lanes, stride);
  m2 += binRest(values, whole, s.min, scale, mean, lanes);
  const counts = new Float64Array(bins);
  for (let l = 0; l < LANES; l++) for (let b = 0; b <= bins; b++) counts[b < bins ? b : bins - 1] += lanes[l * stride + b];
  return { mean, variance: m2 / total, min: s.min, max: s.max, nonZero, dead, saturated, counts };
}

/** The first pass's running results. */
interface Scan {
  sum: number;
  zeros: number;
  min: number;
  max: number;
}

/**
 * Adds the sum, the number of zeros and the range of `values[start..end)`
 * (an even number of values) to `s`. A NaN fails both comparisons, so
 * min/max are the range of the other values, and the sum turns NaN.
 */
function scanBlock(values: Float32Array, start: number, end: number, s: Scan): void {
  // Two accumulators halve the chain of dependent float64 additions. `+(a === 0)` compiles to a flag
  // read, not a branch: a branch on a === 0 mispredicts on every other value of a ReLU output, and cost
  // more than the rest of the pass.
  let s0 = 0;
  let s1 = 0;
  let zeros = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i += 2) {
    const a = values[i];
    const b = values[i + 1];
    s0 += a;
    s1 += b;
    zeros += +(a === 0) + +(b === 0);
    if (a < min) min = a;
    if (a > max) max = a;
    if (b < min) min = b;
    if (b > max) max = b;
  }
  s.sum += s0 + s1;
  s.zeros += zeros;
  if (min < s.min) s.min = min;
  if (max > s.max) s.max = max;
}

/** {@link scanBlock} of the values from `start` on, one by one. */
function scanRest(values: Float32Array, start: number, s: Scan): void {
  for (let i = start; i < values.length; i++) {
    const a = values[i];
    s.sum += a;
    if (a === 0) s.zeros++;
    if (a < s.min) s.min = a;
    if (a > s.max) s.max = a;
  }
}

/**
 * Units whose output is exactly 0 for every example. A unit is alive as soon
 * as one example gives it a non-zero output: scanning each unit down the
 * batch stops at the first one, so only dead units cost a full column.
 */
function countDead(values: Float32Array, units: number): number {
  const n = values.length / units;
  let dead = 0;
  for (let j = 0; j < units; j++) {
    let e = 0;
    while (e < n && values[e * units + j] === 0) e++;
    if (e === n) dead++;
  }
  return dead;
}

/** Values at most `lo` or at least `hi` (the saturated outputs of a bounded activation). */
function countOutside(values: Float32Array, lo: number, hi: number): number {
  const total = values.length;
  let count = 0;
  for (let i = 0; i < total; i++) if (values[i] <= lo || values[i] >= hi) count++;
  return count;
}

/** Σ(v − mean)², the two-pass sum of squares. */
function sumSquaredDeviations(values: Float32Array, mean: number): number {
  const total = values.length;
  let m2 = 0;
  for (let i = 0; i < total; i++) {
    const d = values[i] - mean;
    m2 += d * d;
  }
  return m2;
}

/**
 * Adds the bin ⌊(v − min)·scale⌋ of every value of `values[start..end)` (a
 * multiple of {@link LANES} values) to `lanes` (lane l at offset l·stride),
 * and returns their Σ(v − mean)².
 */
function binBlock(values: Float32Array, start: number, end: number, min: number, scale: number, mean: number, lanes: Int32Array, stride: number): number {
  let m0 = 0;
  let m1 = 0;
  for (let k = start; k < end; k += LANES) {
    const v0 = values[k];
    const v1 = values[k + 1];
    const v2 = values[k + 2];
    const v3 = values[k + 3];
    const v4 = values[k + 4];
    const v5 = values[k + 5];
    const v6 = values[k + 6];
    const v7 = values[k + 7];
    lanes[((v0 - min) * scale) | 0]++;
    lanes[stride + (((v1 - min) * scale) | 0)]++;
    lanes[2 * stride + (((v2 - min) * scale) | 0)]++;
    lanes[3 * stride + (((v3 - min) * scale) | 0)]++;
    lanes[4 * stride + (((v4 - min) * scale) | 0)]++;
    lanes[5 * stride + (((v5 - min) * scale) | 0)]++;
    lanes[6 * stride + (((v6 - min) * scale) | 0)]++;
    lanes[7 * stride + (((v7 - min) * scale) | 0)]++;
    const d0 = v0 - mean;
    const d1 = v1 - mean;
    const d2 = v2 - mean;
    const d3 = v3 - mean;
    const d4 = v4 - mean;
    const d5 = v5 - mean;
    const d6 = v6 - mean;
    const d7 = v7 - mean;
    m0 += d0 * d0 + d2 * d2 + d4 * d4 + d6 * d6;
    m1 += d1 * d1 + d3 * d3 + d5 * d5 + d7 * d7;
  }
  return m0 + m1;
}

/** {@link binBlock} of the values from `start` on, one by one, into lane 0. */
function binRest(values: Float32Array, start: number, min: number, scale: number, mean: number, lanes: Int32Array): number {
  let m2 = 0;
  for (let k = start; k < values.length; k++) {
    lanes[((values[k] - min) * scale) | 0]++;
    m2 += (values[k] - mean) ** 2;
  }
  return m2;
}

/**
 * Range and histogram of the finite values of an output that has NaN or
 * ±Infinity values (the rare path, shared with the device path): NaN range
 * and empty counts when no value is finite.
 *
 * @internal
 */
export function finiteSummary(values: Float32Array | Int32Array | Uint8Array, bins: number): { min: number; max: number; counts: Float64Array } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const counts = new Float64Array(bins);
  if (min > max) return { min: NaN, max: NaN, counts };
  const scale = max > min ? bins / (max - min) : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - min) * scale))]++;
  }
  return { min, max, counts };
}
