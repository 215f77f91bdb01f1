import { fail, show } from '../core/fail';
import type { ScoreMatrix } from '../core/readScoreMatrix';
import type { ConfidenceMethod } from './confidence';

/** The accepted values of the `method` option. */
export const CONFIDENCE_METHODS: readonly ConfidenceMethod[] = ['maxProbability', 'margin', 'entropy'];

/**
 * The confidence of each row of a read score matrix (the math of
 * `confidence()`), with errors prefixed by `fn`.
 */
export function confidenceScores(
  matrix: ScoreMatrix,
  method: ConfidenceMethod,
  fromLogits: boolean,
  tolerance: number,
  fn: string,
  arg: string,
): Float64Array {
  const { values, rows, cols } = matrix;
  const out = new Float64Array(rows);
  const logp = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    if (fromLogits) {
      let max = -Infinity;
      for (let j = 0; j < cols; j++) max = Math.max(max, values[base + j]);
      let s = 0;
      for (let j = 0; j < cols; j++) s += Math.exp(values[base + j] - max);
      const lse = max + Math.log(s);
      for (let j = 0; j < cols; j++) logp[j] = values[base + j] - lse;
      out[i] = scoreFromLog(logp, cols, method);
    } else {
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const p = values[base + j];
        if (p < -tolerance || p > 1 + tolerance) {
          fail(fn, `${arg}[${i}][${j}] is ${show(p)}, not a probability (pass fromLogits: true for logits)`);
        }
        s += p;
      }
      if (!(Math.abs(s - 1) <= tolerance)) {
        fail(fn, `${arg}[${i}] sums to ${show(s)}, not 1 (tolerance ${show(tolerance)}); pass fromLogits: true for logits`);
      }
      out[i] = scoreFromProbabilities(values, base, cols, method);
    }
  }
  return out;
}

function scoreFromProbabilities(v: Float64Array, base: number, cols: number, method: ConfidenceMethod): number {
  if (method === 'entropy') {
    let h = 0;
    for (let j = 0; j < cols; j++) {
      const p = v[base + j];
      if (p > 0) h += p * Math.log(p);
    }
    return h;
  }
  let first = -Infinity;
  let second = -Infinity;
  for (let j = 0; j < cols; j++) {
    const p = v[base + j];
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return method === 'maxProbability' ? first : first - (cols > 1 ? second : 0);
}

function scoreFromLog(logp: Float64Array, cols: number, method: ConfidenceMethod): number {
  if (method === 'entropy') {
    let h = 0;
    for (let j = 0; j < cols; j++) {
      const p = Math.exp(logp[j]);
      if (p > 0) h += p * logp[j];
    }
    return h;
  }
  let first = -Infinity;
  let second = -Infinity;
  for (let j = 0; j < cols; j++) {
    const l = logp[j];
    if (l > first) {
      second = first;
      first = l;
    } else if (l > second) second = l;
  }
  const p1 = Math.exp(first);
  return method === 'maxProbability' ? p1 : p1 - (cols > 1 ? Math.exp(second) : 0);
}
