import { assertNonEmpty, assertSameLength, readChoice, readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import { readCorrectness } from '../core/readCorrectness';
import type { CorrectnessInput } from '../core/readCorrectness';
import { readNumbers } from '../core/readNumbers';
import type { NumericInput } from '../core/types';

/** How confidences are grouped into bins. */
export type BinStrategy = 'uniform' | 'quantile';

/** Binning options shared by {@link reliabilityDiagram} and {@link expectedCalibrationError}. */
export interface CalibrationBinOptions {
  /** Number of bins M, a positive integer. Defaults to `15`. */
  bins?: number;
  /**
   * `'uniform'`: equal-width bins (i/M, (i+1)/M], the first including 0
   * (Guo et al. 2017). `'quantile'`: edges at the i/M quantiles of the
   * confidences (linear interpolation, as NumPy's `percentile`), bins
   * (e_i, e_(i+1)] with the first including its lower edge, as scikit-learn's
   * `calibration_curve(strategy='quantile')`. Defaults to `'uniform'`.
   */
  strategy?: BinStrategy;
}

/** Reliability diagram data: one entry per bin, empty bins included. */
export interface ReliabilityDiagram {
  /** Lower edge of each bin. */
  lower: Float64Array;
  /** Upper edge of each bin (included in the bin). */
  upper: Float64Array;
  /** Mean confidence of the examples in each bin (`NaN` for an empty bin). */
  confidence: Float64Array;
  /** Fraction of correct examples in each bin (`NaN` for an empty bin). */
  accuracy: Float64Array;
  /** Number of examples in each bin. */
  count: Float64Array;
}

const STRATEGIES: readonly BinStrategy[] = ['uniform', 'quantile'];

/**
 * Validates and bins `(correct, confidence)`: the one binning path behind the
 * reliability diagram and every calibration error.
 *
 * @throws {MetricInputError} for bad correctness, a confidence outside [0, 1]
 *   or NaN, empty input, a length mismatch, or bad `bins`/`strategy`.
 */
export function calibrationBins(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: CalibrationBinOptions,
  fn: string,
): ReliabilityDiagram & { n: number } {
  const m = readNumberOption(options.bins, 15, fn, 'bins', { min: 1, integer: true });
  const strategy = readChoice(options.strategy, STRATEGIES, 'uniform', fn, 'strategy');
  const { losses } = readCorrectness(correct, fn, 'correct');
  const conf = readNumbers(confidence, fn, 'confidence');
  assertSameLength(fn, 'correct', losses.length, 'confidence', conf.length);
  const n = losses.length;
  assertNonEmpty(fn, 'correct', n);
  for (let i = 0; i < n; i++) {
    const c = conf[i];
    if (!(c >= 0 && c <= 1)) fail(fn, `confidence[${i}] is ${show(c)}, expected a probability in [0, 1]`);
  }
  const edges = new Float64Array(m + 1);
  if (strategy === 'uniform') {
    for (let i = 0; i <= m; i++) edges[i] = i / m;
  } else {
    const sorted = Float64Array.from(conf).sort();
    for (let i = 0; i <= m; i++) edges[i] = linearQuantile(sorted, i / m);
  }
  const sumConf = new Float64Array(m);
  const sumRight = new Float64Array(m);
  const count = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const c = conf[i];
    let b: number;
    if (strategy === 'uniform') {
      // A first guess from c·M, then exact comparisons with the edges i/M:
      // c·M rounds, and 0.3 must land in the bin (0.2, 0.3] of M = 10.
      b = Math.min(m - 1, Math.max(0, Math.ceil(c * m) - 1));
      while (b > 0 && c <= edges[b]) b--;
      while (b < m - 1 && c > edges[b + 1]) b++;
    } else {
      // Number of inner edges e_1..e_(M−1) strictly below c.
      let lo = 1;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid] < c) lo = mid + 1;
        else hi = mid;
      }
      b = lo - 1;
    }
    sumConf[b] += c;
    sumRight[b] += 1 - losses[i];
    count[b]++;
  }
  const lower = edges.slice(0, m);
  const upper = edges.slice(1);
  const meanConf = new Float64Array(m);
  const accuracy = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    meanConf[b] = count[b] > 0 ? sumConf[b] / count[b] : NaN;
    accuracy[b] = count[b] > 0 ? sumRight[b] / count[b] : NaN;
  }
  return { n, lower, upper, confidence: meanConf, accuracy, count };
}

/** NumPy's default (`linear`) percentile of sorted data at fraction q. */
function linearQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, sorted.length - 1)];
  // NumPy's _lerp: from the nearer end, so that t = 1 gives b exactly.
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}
