// Shared by the threshold selectors: read the binary inputs once, build the
// core's cumulative counts, and describe the operating point at one of its
// thresholds (or at +Infinity, "predict nothing positive").
import { assertNonEmpty, assertSameLength } from '../../core/assert';
import { readBinaryLabels } from '../../core/readBinaryLabels';
import { readNumbers } from '../../core/readNumbers';
import { readSampleWeight } from '../../core/readSampleWeight';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../../core/types';
import { undefinedValue } from '../../core/zeroDivision';
import { confusionAtThresholdsOf, type ConfusionAtThresholds } from '../confusionAtThresholds';

/**
 * An operating point of a binary classifier: predict positive when
 * `score >= threshold`, with the weighted confusion counts and rates there.
 * `threshold` is `Infinity` for "predict nothing positive" and `NaN` when no
 * threshold meets the request; `precision` is `NaN` where nothing is
 * predicted positive, `recall` where there is no positive example.
 */
export interface ThresholdPoint {
  /** Predict positive when `score >= threshold`; `Infinity`: nothing positive; `NaN`: no threshold qualifies. */
  threshold: number;
  /** tp / (tp + fp) at the threshold. */
  precision: number;
  /** tp / (tp + fn) at the threshold. */
  recall: number;
  /** Weight of positives predicted positive. */
  tp: number;
  /** Weight of negatives predicted positive. */
  fp: number;
  /** Weight of positives predicted negative. */
  fn: number;
  /** Weight of negatives predicted negative. */
  tn: number;
}

/** The core's counts plus the class totals. */
export interface ThresholdCounts extends ConfusionAtThresholds {
  /** Total weight of positives. */
  positives: number;
  /** Total weight of negatives. */
  negatives: number;
}

/** Validates `yTrue`, `yScore`, `sampleWeight`, `posLabel` and returns the core's counts. */
export function readThresholdCounts(
  fn: string,
  yTrue: LabelInput,
  yScore: NumericInput,
  options: { sampleWeight?: NumericInput; posLabel?: Label | boolean },
): ThresholdCounts {
  const labels = readBinaryLabels(yTrue, fn, 'yTrue', options.posLabel);
  const scores = readNumbers(yScore, fn, 'yScore');
  assertSameLength(fn, 'yTrue', labels.length, 'yScore', scores.length);
  assertNonEmpty(fn, 'yTrue', labels.length);
  const weights = readSampleWeight(options.sampleWeight, labels.length, fn);
  const c = confusionAtThresholdsOf(labels, scores, weights);
  const m = c.thresholds.length;
  // zero-weight examples are left out by the core: all-zero weights leave no threshold
  return { ...c, positives: m > 0 ? c.tps[m - 1] : 0, negatives: m > 0 ? c.fps[m - 1] : 0 };
}

/**
 * The operating point at `c.thresholds[i]`, or at `Infinity` for `i = -1`.
 * An undefined precision (nothing predicted positive) or recall (no positive
 * example) is NaN, or `zeroDivision` (`'error'` throws an UndefinedMetricError).
 */
export function pointAt(c: ThresholdCounts, i: number, zeroDivision?: ZeroDivision, fn = ''): ThresholdPoint {
  const tp = i < 0 ? 0 : c.tps[i];
  const fp = i < 0 ? 0 : c.fps[i];
  const threshold = i < 0 ? Infinity : c.thresholds[i];
  return {
    threshold,
    precision:
      tp + fp > 0
        ? tp / (tp + fp)
        : undefinedValue(zeroDivision, fn, `precision is undefined: nothing predicted positive at threshold ${threshold}`),
    recall: c.positives > 0 ? tp / c.positives : undefinedValue(zeroDivision, fn, 'recall is undefined: no positive examples'),
    tp,
    fp,
    fn: c.positives - tp,
    tn: c.negatives - fp,
  };
}

/** The point returned when no threshold qualifies: everything NaN. */
export function noPoint(): ThresholdPoint {
  return { threshold: NaN, precision: NaN, recall: NaN, tp: NaN, fp: NaN, fn: NaN, tn: NaN };
}

/**
 * The point returned when there is no positive example, so that recall (and
 * with it the choice of a threshold) is undefined: every field NaN except
 * `recall`, which is NaN or `zeroDivision`; `'error'` throws an
 * UndefinedMetricError (`fn: no positive examples`).
 */
export function noPositives(zeroDivision: ZeroDivision | undefined, fn: string): ThresholdPoint {
  return { ...noPoint(), recall: undefinedValue(zeroDivision, fn, 'no positive examples') };
}
