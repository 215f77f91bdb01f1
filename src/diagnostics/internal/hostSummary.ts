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
 * The first pass reads every value once for the sums, the range and the
 * zeros, and copies the non-zero values to a scratch buffer; the second
 * pass bins only those, since every zero falls in the one bin of 0 (half of
 * a ReLU output: the second pass then costs half as much, and the copy,
 * without a branch, less than the half saved).
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
 * The shifted sum of squares (see {@link hostSummary}) is kept while
 * (mean − K)² ≤ SHIFT_LIMIT · variance: its cancellation then multiplies the
 * rounding error of the float64 sums by at most about 1 + SHIFT_LIMIT = 65.
 * K is the mean of the first block, so (mean − K)² ≤ (n / {@link BLOCK}) ·
 * variance (the first block's share of the between-group variance): the
 * fallback can only run on layers of more than 2¹⁶ values whose first block
 * is unlike the rest.
 */
const SHIFT_LIMIT = 64;

/** The largest scratch buffer kept between calls, in values (16 MiB); a larger layer gets a buffer of its own. */
const SCRATCH_LIMIT = 1 << 22;

/** The non-zero values of the first pass, reused across calls rather than allocated and zero-filled for every layer. */
let scratch: Float32Array | undefined;

/**
 * The statistics of one layer's output (`units` values per example) in two
 * passes. The first sums v − K and (v − K)² with K the mean of the first
 * block, counts the zeros, finds the range and keeps the non-zero values;
 * then variance = (Σ(v − K)² − (Σ(v − K))²/n)/n, in exact arithmetic the
 * two-pass Σ(v − mean)²/n, whose cancellation, of relative size
 * (mean − K)²/variance, stays small because K is near the mean (Chan, Golub
 * & LeVeque, "Algorithms for computing the sample variance", 1983, on the
 * shifted data); past {@link SHIFT_LIMIT} it is recomputed in a third pass,
 * Σ(v − mean)². The second pass bins the kept values on that range and adds
 * the zeros to the bin of 0. NaN and ±Infinity values take the rare path of
 * {@link finiteSummary}.
 *
 * @internal
 */
export function hostSummary(values: Float32Array, units: number, bins: number, bounds: readonly [number, number] | undefined, tol: number): Summary {
  const total = values.length;
  const whole = total - (total % LANES);
  const head = Math.min(total, BLOCK);
  let shift = 0;
  for (let i = 0; i < head; i++) shift += values[i];
  shift = head > 0 && Number.isFinite(shift) ? shift / head : 0;
  let kept = scratch;
  if (kept === undefined || kept.length < whole) {
    kept = new Float32Array(whole);
    if (whole <= SCRATCH_LIMIT) scratch = kept;
  }
  const s: Scan = { sum: 0, sq: 0, zeros: 0, kept: 0, min: Infinity, max: -Infinity };
  for (let start = 0; start < whole; start += BLOCK) scanBlock(values, start, Math.min(whole, start + BLOCK), shift, s, kept);
  const keptZeros = s.zeros;
  scanRest(values, whole, shift, s);
  const offset = s.sum / total;
  const mean = shift + offset;
  const nonZero = total - s.zeros;
  const dead = countDead(values, units);
  const saturated = bounds ? countOutside(values, bounds[0] + tol, bounds[1] - tol) : NaN;
  if (!(Number.isFinite(s.sum) && Number.isFinite(s.min) && Number.isFinite(s.max))) {
    return { mean, variance: sumSquaredDeviations(values, mean) / total, ...finiteSummary(values, bins), nonZero, dead, saturated };
  }
  let variance = (s.sq - s.sum * offset) / total;
  if (!(offset * offset <= SHIFT_LIMIT * variance)) variance = sumSquaredDeviations(values, mean) / total;
  // (v − min)·scale is in [0, bins] (rounding is monotonic and (max − min)·(bins/(max − min)) < bins + 1),
  // so `| 0` is the floor and only the maximum, or a value within rounding of it, lands on index `bins`,
  // folded into the last bin below. A constant output (min = max) has scale 0: every value in bin 0.
  const scale = s.max > s.min ? bins / (s.max - s.min) : 0;
  const stride = bins + 1;
  const lanes = new Int32Array(LANES * stride);
  const keptWhole = s.kept - (s.kept % LANES);
  for (let start = 0; start < keptWhole; start += BLOCK) binBlock(kept, start, Math.min(keptWhole, start + BLOCK), s.min, scale, lanes, stride);
  binRest(kept, keptWhole, s.kept, s.min, scale, lanes);
  binRest(values, whole, total, s.min, scale, lanes);
  // The zeros left out of the kept values: min ≤ 0 ≤ max when there are any, so their bin is in [0, bins].
  if (keptZeros > 0) lanes[((0 - s.min) * scale) | 0] += keptZeros;
  const counts = new Float64Array(bins);
  for (let l = 0; l < LANES; l++) for (let b = 0; b <= bins; b++) counts[b < bins ? b : bins - 1] += lanes[l * stride + b];
  return { mean, variance, min: s.min, max: s.max, nonZero, dead, saturated, counts };
}

/** The first pass's running results: Σ(v − K), Σ(v − K)², the zeros, the number of values kept, the range. */
interface Scan {
  sum: number;
  sq: number;
  zeros: number;
  kept: number;
  min: number;
  max: number;
}

/**
 * Adds the shifted sums, the zeros and the range of `values[start..end)` (a
 * multiple of 4 values) to `s`, and copies the non-zero values to
 * `kept[s.kept..]`. A NaN fails both comparisons, so min/max are the range
 * of the other values, and the sums turn NaN.
 */
function scanBlock(values: Float32Array, start: number, end: number, k: number, s: Scan, kept: Float32Array): void {
  // Two accumulators halve the chains of dependent float64 additions. Every value is written at `w`,
  // which moves on only past a non-zero (`+(a !== 0)` compiles to a flag read, not a branch: a branch on
  // a === 0 mispredicts on every other value of a ReLU output, and cost more than the rest of the pass).
  let s0 = 0;
  let s1 = 0;
  let q0 = 0;
  let q1 = 0;
  let w = s.kept;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const c = values[i + 2];
    const d = values[i + 3];
    const da = a - k;
    const db = b - k;
    const dc = c - k;
    const dd = d - k;
    s0 += da + dc;
    s1 += db + dd;
    q0 += da * da + dc * dc;
    q1 += db * db + dd * dd;
    kept[w] = a;
    w += +(a !== 0);
    kept[w] = b;
    w += +(b !== 0);
    kept[w] = c;
    w += +(c !== 0);
    kept[w] = d;
    w += +(d !== 0);
    if (a < min) min = a;
    if (a > max) max = a;
    if (b < min) min = b;
    if (b > max) max = b;
    if (c < min) min = c;
    if (c > max) max = c;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  s.sum += s0 + s1;
  s.sq += q0 + q1;
  s.zeros += end - start - (w - s.kept);
  s.kept = w;
  if (min < s.min) s.min = min;
  if (max > s.max) s.max = max;
}

/** {@link scanBlock} of the values from `start` on, one by one, none kept (the second pass bins them from `values`). */
function scanRest(values: Float32Array, start: number, k: number, s: Scan): void {
  for (let i = start; i < values.length; i++) {
    const a = values[i];
    s.sum += a - k;
    s.sq += (a - k) * (a - k);
    if (a === 0) s.zeros++;
    if (a < s.min) s.min = a;
    if (a > s.max) s.max = a;
  }
}

/**
 * Units whose output is exactly 0 for every example. A unit is alive as soon
 * as one example gives it a non-zero output, so the batch is read row by
 * row, each row only at the units still all-zero (a list compacted without
 * a branch, as {@link scanBlock} keeps its values): after a few rows of a
 * ReLU output only the dead units are left, each read once per example.
 * (One loop per function, for V8: with both loops in one function, the
 * first was compiled on the stack before the second had run, and that code
 * deoptimized on every call.)
 */
function countDead(values: Float32Array, units: number): number {
  const n = values.length / units;
  const pending = new Int32Array(units);
  let m = zeroUnits(values, units, pending);
  for (let e = 1; e < n && m > 0; e++) m = stillZero(values, e * units, pending, m);
  return m;
}

/** Writes the units whose first example's output is 0 to `pending`, and returns how many there are. */
function zeroUnits(values: Float32Array, units: number, pending: Int32Array): number {
  let m = 0;
  for (let j = 0; j < units; j++) {
    pending[m] = j;
    m += +(values[j] === 0);
  }
  return m;
}

/** Keeps the first `m` units of `pending` whose output is 0 in the example at `row`, and returns how many are left. */
function stillZero(values: Float32Array, row: number, pending: Int32Array, m: number): number {
  let w = 0;
  for (let p = 0; p < m; p++) {
    const j = pending[p];
    pending[w] = j;
    w += +(values[row + j] === 0);
  }
  return w;
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
 * multiple of {@link LANES} values) to `lanes` (lane l at offset l·stride).
 */
function binBlock(values: Float32Array, start: number, end: number, min: number, scale: number, lanes: Int32Array, stride: number): void {
  // The lane offsets are computed once: written l * stride in the loop, each was recomputed, with an
  // overflow check, on every iteration.
  const o1 = stride;
  const o2 = 2 * stride;
  const o3 = 3 * stride;
  const o4 = 4 * stride;
  const o5 = 5 * stride;
  const o6 = 6 * stride;
  const o7 = 7 * stride;
  for (let k = start; k < end; k += LANES) {
    lanes[((values[k] - min) * scale) | 0]++;
    lanes[(o1 + (((values[k + 1] - min) * scale) | 0)) | 0]++;
    lanes[(o2 + (((values[k + 2] - min) * scale) | 0)) | 0]++;
    lanes[(o3 + (((values[k + 3] - min) * scale) | 0)) | 0]++;
    lanes[(o4 + (((values[k + 4] - min) * scale) | 0)) | 0]++;
    lanes[(o5 + (((values[k + 5] - min) * scale) | 0)) | 0]++;
    lanes[(o6 + (((values[k + 6] - min) * scale) | 0)) | 0]++;
    lanes[(o7 + (((values[k + 7] - min) * scale) | 0)) | 0]++;
  }
}

/** {@link binBlock} of `values[start..end)`, one by one, into lane 0. */
function binRest(values: Float32Array, start: number, end: number, min: number, scale: number, lanes: Int32Array): void {
  for (let k = start; k < end; k++) lanes[((values[k] - min) * scale) | 0]++;
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
