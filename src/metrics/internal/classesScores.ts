import { readChoice, readNumberOption } from '../../core/assert';
import { fail, show } from '../../core/fail';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../../core/types';
import { readZeroDivision, undefinedValue } from '../../core/zeroDivision';
import { classCounts, type ClassCounts } from './classesCounts';
import { encodeClasses, type EncodedClasses } from './classesEncode';

/**
 * How per-class values become one number: `'binary'` reports the class
 * `posLabel` only; `'micro'` pools the counts of all classes; `'macro'` is the
 * unweighted mean over classes; `'weighted'` the mean weighted by support;
 * `'none'` returns one value per class.
 */
export type ClassAverage = 'binary' | 'micro' | 'macro' | 'weighted' | 'none';

export const CLASS_AVERAGES: readonly ClassAverage[] = ['binary', 'micro', 'macro', 'weighted', 'none'];

/** The options shared by precision, recall, the F-scores and their joint function. */
export interface ClassScoreOptions {
  average?: ClassAverage;
  labels?: LabelInput;
  posLabel?: Label | boolean;
  sampleWeight?: NumericInput;
  zeroDivision?: ZeroDivision;
}

/** Which of the three scores to compute (an undefined one only matters when asked for). */
export interface ScoreRequest {
  precision?: boolean;
  recall?: boolean;
  fScore?: boolean;
}

/** Per-class counts, restricted to the classes a metric reports on. */
export interface PreparedCounts extends ClassCounts {
  labels: Label[];
  average: ClassAverage;
  zeroDivision: ZeroDivision | undefined;
}

/** Scores after averaging (numbers) or per class (`Float64Array`s, `average: 'none'`). */
export interface ClassScores {
  labels: Label[];
  precision: number | Float64Array;
  recall: number | Float64Array;
  fScore: number | Float64Array;
  support: Float64Array | undefined;
}

/**
 * Validates the options and counts, per class, true positives, predicted
 * and true totals. For `average: 'binary'` it enforces binary labels and
 * resolves the positive class: without `posLabel`, labels must be a subset
 * of {0, 1}, of {-1, 1}, or booleans (positive 1/true); otherwise `posLabel`
 * names the positive class (`labels` is ignored, as in scikit-learn).
 */
export function prepareCounts(
  fn: string,
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassScoreOptions,
  defaultAverage: ClassAverage = 'binary',
): PreparedCounts {
  const average = readChoice(options.average, CLASS_AVERAGES, defaultAverage, fn, 'average');
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  if (average !== 'binary') {
    const e = encodeClasses(yTrue, yPred, fn, options);
    return { ...classCounts(e), labels: e.labels, average, zeroDivision };
  }
  const e = encodeClasses(yTrue, yPred, fn, { sampleWeight: options.sampleWeight });
  const present = e.labels;
  if (present.length > 2) {
    fail(
      fn,
      `average is "binary" but yTrue and yPred hold ${present.length} classes (${listLabels(present)}): ` +
        'pass average "micro", "macro", "weighted" or "none"',
    );
  }
  const pos = resolvePosLabel(fn, e, options.posLabel);
  const code = present.indexOf(pos);
  const counts = classCounts(e);
  const pick = (a: Float64Array) => Float64Array.of(code < 0 ? 0 : a[code]);
  return {
    tp: pick(counts.tp),
    predSum: pick(counts.predSum),
    trueSum: pick(counts.trueSum),
    labels: [pos],
    average,
    zeroDivision,
  };
}

function resolvePosLabel(fn: string, e: EncodedClasses, posLabel: Label | boolean | undefined): Label {
  const present = e.labels;
  if (posLabel === undefined || posLabel === null) {
    const bad = e.strings
      ? present[0]
      : present.find((v) => v !== 0 && v !== 1 && v !== -1) ??
        (present.includes(0) && present.includes(-1) ? -1 : undefined);
    if (bad !== undefined) {
      fail(
        fn,
        `${locate(e, present.indexOf(bad))} is ${show(bad)}: with average "binary", labels must be ` +
          `{0, 1}, {-1, 1} or booleans (found ${listLabels(present)}); pass posLabel to name the positive class`,
      );
    }
    return 1;
  }
  const pos: Label = typeof posLabel === 'boolean' ? (posLabel ? 1 : 0) : posLabel;
  if (typeof pos !== 'string' && typeof pos !== 'number') {
    fail(fn, `posLabel is ${show(posLabel)}, expected a number, string or boolean`);
  }
  if ((typeof pos === 'string') !== e.strings || (present.length === 2 && !present.includes(pos))) {
    fail(fn, `posLabel is ${show(posLabel)}, not one of the labels (${listLabels(present)})`);
  }
  return pos;
}

/** `yTrue[i]` or `yPred[i]`: the first example holding the class `code`. */
function locate(e: EncodedClasses, code: number): string {
  for (let i = 0; i < e.n; i++) if (e.trueCodes[i] === code) return `yTrue[${i}]`;
  for (let i = 0; i < e.n; i++) if (e.predCodes[i] === code) return `yPred[${i}]`;
  return 'a label';
}

function listLabels(labels: Label[]): string {
  const shown = labels.slice(0, 5).map(show).join(', ');
  return labels.length > 5 ? `${shown}, …` : shown;
}

/** Reads `beta` for the F-score: a finite number > 0. */
export function readBeta(beta: number | undefined, fallback: number, fn: string): number {
  return readNumberOption(beta, fallback, fn, 'beta', { min: 0, minExclusive: true });
}

/**
 * Precision, recall and F-beta from per-class counts, averaged as asked.
 *
 * Per class: precision = tp / (tp + fp), recall = tp / (tp + fn),
 * F = (1+β²)·tp / ((1+β²)·tp + β²·fn + fp) (undefined only when
 * tp + fp + fn = 0). An undefined value is `NaN`, or the `zeroDivision`
 * number, or throws with `'error'`. `'micro'` pools the counts first;
 * `'macro'` is NaN when any class is undefined (without `zeroDivision`);
 * `'weighted'` weights classes by support, so a class with zero support
 * contributes nothing (defined or not), and an all-zero support is undefined.
 */
export function scoresFromCounts(fn: string, c: PreparedCounts, beta: number, want: ScoreRequest): ClassScores {
  const { tp, predSum, trueSum, labels, average, zeroDivision } = c;
  const k = labels.length;
  const b2 = beta * beta;
  const out: ClassScores = { labels, precision: NaN, recall: NaN, fScore: NaN, support: undefined };

  if (average === 'micro') {
    let t = 0;
    let p = 0;
    let s = 0;
    for (let j = 0; j < k; j++) {
      t += tp[j];
      p += predSum[j];
      s += trueSum[j];
    }
    if (want.precision) out.precision = ratio(t, p, zeroDivision, fn, 'micro-averaged precision is undefined: no predicted examples (tp + fp = 0)');
    if (want.recall) out.recall = ratio(t, s, zeroDivision, fn, 'micro-averaged recall is undefined: no true examples (tp + fn = 0)');
    if (want.fScore) out.fScore = ratio((1 + b2) * t, b2 * s + p, zeroDivision, fn, 'micro-averaged F-score is undefined: no true nor predicted examples (tp + fp + fn = 0)');
    return out;
  }

  const perClass = (kind: 'precision' | 'recall' | 'fScore'): Float64Array => {
    const v = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      let num: number;
      let den: number;
      if (kind === 'precision') {
        num = tp[j];
        den = predSum[j];
      } else if (kind === 'recall') {
        num = tp[j];
        den = trueSum[j];
      } else {
        num = (1 + b2) * tp[j];
        den = b2 * trueSum[j] + predSum[j];
      }
      // A class of zero support weighs nothing in 'weighted': skip its value.
      if (den === 0 && !(average === 'weighted' && trueSum[j] === 0)) {
        v[j] = undefinedValue(zeroDivision, fn, `${undefinedWhy(kind)} for label ${show(labels[j])}`);
      } else {
        v[j] = den === 0 ? NaN : num / den;
      }
    }
    return v;
  };

  const reduce = (v: Float64Array): number | Float64Array => {
    if (average === 'none' || average === 'binary') return average === 'none' ? v : v[0];
    if (average === 'macro') {
      let s = 0;
      for (let j = 0; j < k; j++) s += v[j];
      return s / k;
    }
    let s = 0;
    let w = 0;
    for (let j = 0; j < k; j++) {
      if (trueSum[j] === 0) continue;
      s += trueSum[j] * v[j];
      w += trueSum[j];
    }
    if (w === 0) return undefinedValue(zeroDivision, fn, 'the weighted average is undefined: every label has zero support');
    return s / w;
  };

  if (want.precision) out.precision = reduce(perClass('precision'));
  if (want.recall) out.recall = reduce(perClass('recall'));
  if (want.fScore) out.fScore = reduce(perClass('fScore'));
  if (average === 'none') out.support = trueSum.slice();
  return out;
}

function ratio(num: number, den: number, zeroDivision: ZeroDivision | undefined, fn: string, why: string): number {
  return den === 0 ? undefinedValue(zeroDivision, fn, why) : num / den;
}

function undefinedWhy(kind: 'precision' | 'recall' | 'fScore'): string {
  if (kind === 'precision') return 'precision is undefined (no predicted examples, tp + fp = 0)';
  if (kind === 'recall') return 'recall is undefined (no true examples, tp + fn = 0)';
  return 'F-score is undefined (no true nor predicted examples, tp + fp + fn = 0)';
}

/** Validates, counts and scores in one call (the path of precision, recall, fBeta, f1). */
export function classScores(
  fn: string,
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassScoreOptions,
  beta: number,
  want: ScoreRequest,
  defaultAverage: ClassAverage = 'binary',
): ClassScores {
  return scoresFromCounts(fn, prepareCounts(fn, yTrue, yPred, options, defaultAverage), beta, want);
}
