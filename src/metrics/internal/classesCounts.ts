import type { EncodedClasses } from './classesEncode';

/**
 * Per-class one-vs-rest counts (weighted when the examples carry weights):
 * `tp[c]` examples of class c predicted as c, `predSum[c]` examples predicted
 * as c (tp + fp), `trueSum[c]` examples of class c (tp + fn, the support).
 *
 * As in scikit-learn's `multilabel_confusion_matrix`, every example counts,
 * including those whose true or predicted label is outside a given `labels`
 * list: a prediction of a selected class for an example of an unselected
 * class is still a false positive of the selected class.
 */
export interface ClassCounts {
  tp: Float64Array;
  predSum: Float64Array;
  trueSum: Float64Array;
}

/** One pass over the codes; see {@link ClassCounts}. */
export function classCounts(e: EncodedClasses): ClassCounts {
  const k = e.labels.length;
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const { trueCodes, predCodes, weight, n } = e;
  for (let i = 0; i < n; i++) {
    const a = trueCodes[i];
    const b = predCodes[i];
    const w = weight === undefined ? 1 : weight[i];
    if (a >= 0) {
      trueSum[a] += w;
      if (a === b) tp[a] += w;
    }
    if (b >= 0) predSum[b] += w;
  }
  return { tp, predSum, trueSum };
}

/**
 * The k×k confusion counts, row-major (row = true class, column = predicted
 * class). Examples whose true or predicted label is outside `labels` are left
 * out, as in scikit-learn's `confusion_matrix`.
 */
export function confusionCounts(e: EncodedClasses): Float64Array {
  const k = e.labels.length;
  const m = new Float64Array(k * k);
  const { trueCodes, predCodes, weight, n } = e;
  for (let i = 0; i < n; i++) {
    const a = trueCodes[i];
    const b = predCodes[i];
    if (a < 0 || b < 0) continue;
    m[a * k + b] += weight === undefined ? 1 : weight[i];
  }
  return m;
}
