import type { ZeroDivision } from '../../core/types';
import { undefinedValue } from '../../core/zeroDivision';
import { column, type MulticlassInputs } from './oneVsRest';
import { rocAucOf } from './rankingKernels';

/**
 * Hand & Till's (2001) M-measure: the mean over every pair of classes {a, b}
 * present in yTrue of ½ (A(a|b) + A(b|a)), where A(a|b) is the ROC AUC of
 * column a separating the examples of class a from those of class b (only
 * the examples of a and b count). `weighted` weights each pair by its share
 * of the examples, as scikit-learn's `_average_multiclass_ovo_score`.
 */
export function handTill(
  fn: string,
  inp: MulticlassInputs,
  weighted: boolean,
  zeroDivision: ZeroDivision | undefined,
): number {
  const { codes, m } = inp;
  const n = m.rows;
  const k = m.cols;
  const count = new Float64Array(k);
  for (let i = 0; i < n; i++) count[codes[i]]++;
  let sum = 0;
  let wsum = 0;
  for (let a = 0; a < k; a++) {
    if (count[a] === 0) continue;
    const colA = column(m, a);
    for (let b = a + 1; b < k; b++) {
      if (count[b] === 0) continue;
      const colB = column(m, b);
      const size = count[a] + count[b];
      const isA = new Uint8Array(size);
      const isB = new Uint8Array(size);
      const sA = new Float64Array(size);
      const sB = new Float64Array(size);
      for (let i = 0, j = 0; i < n; i++) {
        const c = codes[i];
        if (c !== a && c !== b) continue;
        isA[j] = c === a ? 1 : 0;
        isB[j] = c === b ? 1 : 0;
        sA[j] = colA[i];
        sB[j++] = colB[i];
      }
      const pair = (rocAucOf(isA, sA) + rocAucOf(isB, sB)) / 2;
      const w = weighted ? size / n : 1;
      sum += w * pair;
      wsum += w;
    }
  }
  return wsum > 0 ? sum / wsum : undefinedValue(zeroDivision, fn, 'fewer than 2 classes in yTrue');
}
