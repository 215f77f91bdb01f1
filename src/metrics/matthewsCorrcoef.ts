import type { LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { classCounts } from './internal/classesCounts';
import { encodeClasses } from './internal/classesEncode';

/** Options of {@link matthewsCorrcoef}. */
export interface MatthewsCorrcoefOptions {
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * The value when the coefficient is undefined (`yTrue` or `yPred` holds a
   * single class, so one variance is zero): defaults to `NaN`, where
   * scikit-learn returns 0; a number replaces it, `'error'` throws an
   * `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
}

/**
 * The Matthews correlation coefficient (phi coefficient), the correlation
 * between true and predicted class indicators; for k classes Gorodkin's R_K,
 * from the confusion matrix C with s = Σ C (total), c = Σ_k C_kk (correct),
 * t_k = Σ_j C_kj (true count of k) and p_k = Σ_i C_ik (predicted count):
 *
 *   MCC = (c·s − Σ t_k p_k) / √((s² − Σ p_k²) · (s² − Σ t_k²)).
 *
 * For binary labels it is (tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn)).
 * It lies in [−1, 1] (binary), 0 for a chance-level or constant predictor,
 * and uses all four cells, so it stays informative on imbalanced data.
 *
 * Undefined when yTrue or yPred holds a single class (a zero variance):
 * `NaN` by default, where scikit-learn returns 0 (see `zeroDivision`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link MatthewsCorrcoefOptions}.
 * @returns The coefficient.
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * matthewsCorrcoef([1, 1, 1, -1], [1, -1, 1, 1]);
 * // => -0.3333333333333333
 *
 * @see scikit-learn `sklearn.metrics.matthews_corrcoef`; B. W. Matthews (1975),
 *   Biochim. Biophys. Acta 405:442–451; J. Gorodkin (2004), "Comparing two
 *   K-category assignments by a K-category correlation coefficient", Comput.
 *   Biol. Chem. 28:367–374.
 */
export function matthewsCorrcoef(yTrue: LabelInput, yPred: LabelInput, options: MatthewsCorrcoefOptions = {}): number {
  const fn = 'matthewsCorrcoef';
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const e = encodeClasses(yTrue, yPred, fn, { sampleWeight: options.sampleWeight });
  const { tp, predSum, trueSum } = classCounts(e);
  let correct = 0;
  let s = 0;
  let tp2 = 0;
  let pp = 0;
  let tt = 0;
  for (let c = 0; c < tp.length; c++) {
    correct += tp[c];
    s += predSum[c];
    tp2 += trueSum[c] * predSum[c];
    pp += predSum[c] * predSum[c];
    tt += trueSum[c] * trueSum[c];
  }
  const covTP = correct * s - tp2;
  const covPP = s * s - pp;
  const covTT = s * s - tt;
  if (covPP * covTT === 0) {
    return undefinedValue(zeroDivision, fn, 'the Matthews correlation coefficient is undefined: yTrue or yPred holds a single class');
  }
  return covTP / Math.sqrt(covTT * covPP);
}
