import { CompensatedSum } from '../core/sum';
import type { RiskCoverageTable } from './riskCoverageTable';

/**
 * Σ_{k=1..n} E[r_k]: the summed selective risk of the k most confident
 * examples, with ties in confidence ordered at random (the expectation).
 *
 * Within a tie group of m examples with summed loss L, accepted after k
 * examples of summed loss E, every order of the group is equally likely, so
 * the j-th example of the group carries loss L/m in expectation and the
 * expected summed loss after j of them is E + j·L/m (linearity of
 * expectation). The denominator k + j does not depend on the order, hence
 * E[r_{k+j}] = (E + j·L/m) / (k + j). Summed with Neumaier compensation.
 */
export function sumOfRisks(table: RiskCoverageTable): number {
  const { accepted, loss } = table;
  const sum = new CompensatedSum();
  let k = 0;
  let e = 0;
  for (let g = 0; g < accepted.length; g++) {
    const kEnd = accepted[g];
    const eEnd = loss[g];
    const m = kEnd - k;
    if (m === 1) {
      const x = eEnd / kEnd;
      sum.add(x);
    } else if (eEnd !== 0) {
      const step = (eEnd - e) / m;
      for (let j = 1; j <= m; j++) {
        const x = (e + j * step) / (k + j);
        sum.add(x);
      }
    }
    k = kEnd;
    e = eEnd;
  }
  return sum.value;
}

/**
 * Σ_{k=1..n} E[e_k], the summed cumulative loss of the k most confident
 * examples, ties in expectation: a tie group of m examples with loss L after
 * summed loss E contributes Σ_{j=1..m} (E + j·L/m) = m·E + L·(m + 1)/2.
 */
export function sumOfCumulativeLosses(table: RiskCoverageTable): number {
  const { accepted, loss } = table;
  const sum = new CompensatedSum();
  let k = 0;
  let e = 0;
  for (let g = 0; g < accepted.length; g++) {
    const m = accepted[g] - k;
    const x = m * e + ((loss[g] - e) * (m + 1)) / 2;
    sum.add(x);
    k = accepted[g];
    e = loss[g];
  }
  return sum.value;
}

/**
 * Σ_{k=1..n} r*_k for the best possible ordering of the same losses: the
 * losses in increasing order, so r*_k is the mean of the k smallest losses.
 * For 0/1 losses with `w` errors among n this is Σ_{k=n-w+1..n} (k-(n-w))/k,
 * computed exactly without a sort.
 */
export function optimalSumOfRisks(table: RiskCoverageTable): number {
  const { n, losses } = table;
  const sum = new CompensatedSum();
  if (table.binary) {
    const errors = table.loss[table.loss.length - 1];
    const right = n - errors;
    for (let k = right + 1; k <= n; k++) {
      const x = (k - right) / k;
      sum.add(x);
    }
    return sum.value;
  }
  const sorted = Float64Array.from(losses).sort();
  const cum = new CompensatedSum();
  for (let k = 1; k <= n; k++) {
    const l = sorted[k - 1];
    const x = cum.add(l).value / k;
    sum.add(x);
  }
  return sum.value;
}
