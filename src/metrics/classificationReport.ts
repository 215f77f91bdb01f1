import { readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import type { LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { classCounts } from './internal/classesCounts';
import { encodeClasses } from './internal/classesEncode';
import { codePointLength, padLeft, pyFixed, pyFloatRepr } from './internal/classesFormat';
import { scoresFromCounts, type ClassAverage, type PreparedCounts } from './internal/classesScores';

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /**
   * The classes to report on, in row order. Defaults to the labels present in
   * `yTrue` or `yPred`, sorted (numbers numerically, strings by code point).
   */
  labels?: LabelInput;
  /** Display names of the classes, one per label, in the same order. Defaults to the labels as text. */
  targetNames?: readonly string[];
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** Digits after the decimal point in the text table (an integer from 0 to 20). Defaults to 2. */
  digits?: number;
  /**
   * The value of an undefined score: defaults to `NaN` (printed `nan`), where
   * scikit-learn prints 0 with a warning; a number replaces it; `'error'`
   * throws an `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
  /** Return a plain object instead of the text table. Defaults to `false`. */
  outputDict?: boolean;
}

/** One line of the report. */
export interface ClassificationReportRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/**
 * The report as a plain object, as scikit-learn's `output_dict=True`: one
 * row per class (keyed by target name), then `accuracy` (a number) or
 * `'micro avg'` (a row) when `labels` is a proper subset or superset of the
 * labels present, then `'macro avg'` and `'weighted avg'`. Note that a
 * JavaScript object lists integer-like keys (`'0'`, `'10'`) first, in
 * numeric order, whatever the order of `labels`.
 */
export type ClassificationReportDict = Record<string, ClassificationReportRow | number>;

/**
 * A text report of precision, recall, F1 and support per class, followed by
 * accuracy (or the micro average when `labels` does not cover exactly the
 * labels present), the macro average and the support-weighted average: the
 * same layout as scikit-learn's `classification_report`, character for
 * character (ties in the last digit rounded half to even, as Python does).
 *
 * Each value is computed as `precisionRecallFScoreSupport` does (F1 from the
 * counts; `labels` restricts the classes reported but every example counts).
 * Undefined values are `NaN` and print as `nan` unless `zeroDivision` is a
 * number; a macro average over a `nan` class is `nan`. The support column
 * prints integers without weights and Python float text (`3.0`) with them
 * (scikit-learn also prints `1.0` for unweighted data in which no example
 * is predicted right, an artefact of its integer/float types; not copied).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link ClassificationReportOptions}.
 * @returns The text table (ending in a newline), or with `outputDict: true`
 *   a {@link ClassificationReportDict}.
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, empty or duplicate `labels`,
 *   `targetNames` of another length than the labels (scikit-learn only warns
 *   when `labels` is given), a bad weight or `digits`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when a value is undefined.
 *
 * @example
 * classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] });
 * // =>
 * //               precision    recall  f1-score   support
 * //
 * //      class 0       0.50      1.00      0.67         1
 * //      class 1       0.00      0.00      0.00         1
 * //      class 2       1.00      0.67      0.80         3
 * //
 * //     accuracy                           0.60         5
 * //    macro avg       0.50      0.56      0.49         5
 * // weighted avg       0.70      0.60      0.61         5
 *
 * @see scikit-learn `sklearn.metrics.classification_report`.
 */
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassificationReportOptions & { outputDict: true },
): ClassificationReportDict;
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: ClassificationReportOptions & { outputDict?: false },
): string;
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: ClassificationReportOptions,
): string | ClassificationReportDict;
export function classificationReport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ClassificationReportOptions = {},
): string | ClassificationReportDict {
  const fn = 'classificationReport';
  const digits = readNumberOption(options.digits, 2, fn, 'digits', { min: 0, max: 20, integer: true });
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const outputDict = options.outputDict ?? false;
  if (typeof outputDict !== 'boolean') fail(fn, `outputDict is ${show(outputDict)}, expected true or false`);
  const e = encodeClasses(yTrue, yPred, fn, options);
  const labels = e.labels;
  const k = labels.length;
  const labelsGiven = options.labels !== undefined && options.labels !== null;
  // scikit-learn reports accuracy unless `labels` differs, as a set, from the labels present.
  const microIsAccuracy =
    !labelsGiven || (e.present.length === k && e.present.every((v) => labels.includes(v)));

  let names: string[];
  if (options.targetNames === undefined || options.targetNames === null) {
    names = labels.map((v) => String(v));
  } else {
    const t = options.targetNames;
    if (typeof t !== 'object' || typeof t.length !== 'number') {
      fail(fn, `targetNames must be an array of strings, got ${show(t)}`);
    }
    if (t.length !== k) {
      fail(fn, `targetNames has ${t.length} entries but there are ${k} labels (${labelsGiven ? 'labels' : 'labels present in yTrue and yPred'}); pass labels to choose the classes`);
    }
    names = Array.from(t, (v, i) => (typeof v === 'string' ? v : fail(fn, `targetNames[${i}] is ${show(v)}, not a string`)));
  }

  const counts = classCounts(e);
  const at = (average: ClassAverage): PreparedCounts => ({ ...counts, labels, average, zeroDivision });
  const perClass = scoresFromCounts(fn, at('none'), 1, { precision: true, recall: true, fScore: true });
  const p = perClass.precision as Float64Array;
  const r = perClass.recall as Float64Array;
  const f = perClass.fScore as Float64Array;
  const s = perClass.support as Float64Array;
  let total = 0;
  for (let j = 0; j < k; j++) total += s[j];
  const averages: [string, number, number, number][] = [];
  for (const average of ['micro', 'macro', 'weighted'] as const) {
    const a = scoresFromCounts(fn, at(average), 1, { precision: true, recall: true, fScore: true });
    const heading = average === 'micro' && microIsAccuracy ? 'accuracy' : `${average} avg`;
    averages.push([heading, a.precision as number, a.recall as number, a.fScore as number]);
  }

  if (outputDict) {
    const out: ClassificationReportDict = {};
    for (let j = 0; j < k; j++) out[names[j]] = { precision: p[j], recall: r[j], 'f1-score': f[j], support: s[j] };
    for (const [heading, ap, ar, af] of averages) {
      out[heading] = heading === 'accuracy' ? af : { precision: ap, recall: ar, 'f1-score': af, support: total };
    }
    return out;
  }

  const weighted = e.weight !== undefined;
  const support = (v: number) => (weighted ? pyFloatRepr(v) : String(v));
  const width = Math.max(...names.map(codePointLength), 'weighted avg'.length, digits);
  const cell = (v: number) => ' ' + padLeft(pyFixed(v, digits), 9);
  let text = padLeft('', width) + ' ' + ['precision', 'recall', 'f1-score', 'support'].map((h) => ' ' + padLeft(h, 9)).join('') + '\n\n';
  for (let j = 0; j < k; j++) {
    text += padLeft(names[j], width) + ' ' + cell(p[j]) + cell(r[j]) + cell(f[j]) + ' ' + padLeft(support(s[j]), 9) + '\n';
  }
  text += '\n';
  for (const [heading, ap, ar, af] of averages) {
    const left = heading === 'accuracy' ? ' ' + padLeft('', 9) + ' ' + padLeft('', 9) : cell(ap) + cell(ar);
    text += padLeft(heading, width) + ' ' + left + cell(af) + ' ' + padLeft(support(total), 9) + '\n';
  }
  return text;
}
