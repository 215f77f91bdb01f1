import { assertNonEmpty, assertSameLength } from '../core/assert';
import { readChoice } from '../core/assert';
import { radixArgsort } from '../core/radixArgsort';
import { radixSort } from '../core/radixSort';
import { readCorrectness } from '../core/readCorrectness';
import type { CorrectnessInput, RiskInput } from '../core/readCorrectness';
import { readNumbers } from '../core/readNumbers';
import type { NumericInput } from '../core/types';

/** Options shared by every risk function of the risk–coverage family. */
export interface RiskInputOptions {
  /**
   * How the first argument is read: `'correctness'` (1/`true` = right,
   * 0/`false` = wrong; the loss is `1 - correct`) or `'loss'` (finite
   * per-example losses >= 0, lower is better). Defaults to `'correctness'`.
   */
  input?: RiskInput;
}

/**
 * The single core of the risk–coverage family: the examples sorted once by
 * decreasing confidence, grouped by distinct confidence, with cumulative
 * counts and losses at the end of every group. Group `g` accepts the
 * examples whose confidence is >= `thresholds[g]`.
 */
export interface RiskCoverageTable {
  /** Number of examples. */
  n: number;
  /** Distinct confidences, decreasing. */
  thresholds: Float64Array;
  /** Examples accepted at each threshold (increasing, the last is `n`). */
  accepted: Float64Array;
  /** Summed loss of the accepted examples at each threshold. */
  loss: Float64Array;
  /** True when every loss is 0 or 1. */
  binary: boolean;
  /** The per-example losses as read (input order). */
  losses: Float64Array;
}

const INPUTS: readonly RiskInput[] = ['correctness', 'loss'];

/**
 * Validates `(correct, confidence, { input })` and builds the
 * {@link RiskCoverageTable}.
 *
 * Sorting dominates. For 0/1 losses the confidences of the right and of the
 * wrong examples are radix-sorted separately ({@link radixSort}) and merged,
 * so the correctness travels with no index array; for real losses an LSD
 * radix argsort orders the examples. No comparator sort, no per-example objects.
 *
 * @throws {MetricInputError} for bad correctness/losses, NaN or infinite
 *   confidences, a length mismatch, empty input or an unknown `input`.
 */
export function riskCoverageTable(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: RiskInputOptions | undefined,
  fn: string,
): RiskCoverageTable {
  const input = readChoice(options?.input, INPUTS, 'correctness', fn, 'input');
  const { losses, binary, errors } = readCorrectness(correct, fn, 'correct', input);
  const conf = readNumbers(confidence, fn, 'confidence');
  assertSameLength(fn, 'correct', losses.length, 'confidence', conf.length);
  assertNonEmpty(fn, 'correct', losses.length);
  return binary ? binaryTable(losses, conf, errors) : lossTable(losses, conf);
}

function binaryTable(losses: Float64Array, conf: Float64Array, errors: number): RiskCoverageTable {
  const n = losses.length;
  const wrong = new Float64Array(errors);
  const right = new Float64Array(n - errors);
  let w = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (losses[i] === 1) wrong[w++] = conf[i];
    else right[r++] = conf[i];
  }
  radixSort(wrong, true);
  radixSort(right, true);
  const thresholds = new Float64Array(n);
  const accepted = new Float64Array(n);
  const loss = new Float64Array(n);
  // Merge the two descending arrays: the largest confidence first.
  const nr = right.length;
  const nw = wrong.length;
  let i = 0;
  let j = 0;
  let g = 0;
  while (i < nr || j < nw) {
    const t = j >= nw || (i < nr && right[i] >= wrong[j]) ? right[i] : wrong[j];
    while (i < nr && right[i] === t) i++;
    while (j < nw && wrong[j] === t) j++;
    thresholds[g] = t;
    accepted[g] = i + j;
    loss[g] = j;
    g++;
  }
  return { n, thresholds: trim(thresholds, g), accepted: trim(accepted, g), loss: trim(loss, g), binary: true, losses };
}

function lossTable(losses: Float64Array, conf: Float64Array): RiskCoverageTable {
  const n = losses.length;
  const order = radixArgsort(conf, true);
  const thresholds = new Float64Array(n);
  const accepted = new Float64Array(n);
  const loss = new Float64Array(n);
  let g = 0;
  // Cumulative losses with Neumaier compensation: real losses of very
  // different size meet over up to 10^7 terms.
  let sum = 0;
  let c = 0;
  let idx = order[0];
  let t = conf[idx];
  for (let p = 0; p < n; p++) {
    const x = losses[idx];
    const s = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) c += sum - s + x;
    else c += x - s + sum;
    sum = s;
    // One random read of conf per example: the next one's is kept for its turn.
    const nextIdx = p + 1 < n ? order[p + 1] : 0;
    const next = p + 1 < n ? conf[nextIdx] : NaN;
    if (next !== t) {
      thresholds[g] = t;
      accepted[g] = p + 1;
      loss[g] = sum + c;
      g++;
    }
    idx = nextIdx;
    t = next;
  }
  return { n, thresholds: trim(thresholds, g), accepted: trim(accepted, g), loss: trim(loss, g), binary: false, losses };
}

/** Keeps the first `g` entries; copies only when that frees most of the buffer. */
function trim(a: Float64Array, g: number): Float64Array {
  if (g === a.length) return a;
  return g > a.length / 2 ? a.subarray(0, g) : a.slice(0, g);
}
