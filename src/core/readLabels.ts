import { elements } from './elements';
import { failAt, show } from './fail';
import type { Label, LabelInput } from './types';

/**
 * Labels after reading: numeric labels (booleans become 1 and 0) in a
 * `Float64Array`, or string labels in an array. Never both kinds at once.
 */
export type LabelArray = Float64Array | readonly string[];

/**
 * Reads class labels: numbers, booleans (as 1 and 0) or strings, from a plain
 * array, a typed array or a tfjs Tensor. The first entry decides the kind: a
 * string makes every label a string, anything else every label a number. A
 * `Float64Array` input is returned as is.
 *
 * @throws {MetricInputError} for a NaN or infinite numeric label, a value that
 *   is neither number, boolean nor string, or labels mixing numbers and strings
 *   (`fn: yTrue[4] is "cat" but yTrue[0] is 1: labels must all be numbers or all strings`).
 */
export function readLabels(x: LabelInput, fn: string, arg: string): LabelArray {
  const a = elements(x, fn, arg);
  const n = a.length;
  const kind = typeof a[0] === 'string' ? 'string' : 'number';
  const out = x instanceof Float64Array ? x : kind === 'string' ? new Array<string>(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = a[i];
    const v = typeof raw === 'boolean' ? +raw : raw;
    const t = typeof v;
    if (t !== kind) {
      failAt(
        fn,
        arg,
        i,
        raw,
        t === 'string' || t === 'number'
          ? ` but ${arg}[0] is ${show(a[0])}: labels must all be numbers or all strings`
          : ', not a number, boolean or string label',
      );
    }
    if (t === 'number' && (v as number) - (v as number) !== 0) failAt(fn, arg, i, v, ', not a valid label');
    if (out !== a) out[i] = v as never;
  }
  return out;
}

/**
 * Compares labels the way scikit-learn sorts them: numbers numerically (10
 * after 9), strings by Unicode code point order (as Python compares them).
 */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  let i = 0;
  while (i < sa.length && sa[i] === sb[i]) i++;
  // JS `<` compares UTF-16 code units; Python (scikit-learn) compares code
  // points. At the first differing unit, codePointAt gives the code point
  // (or the lone low surrogate after an equal high one), which orders both
  // strings as Python does; past the end counts as -1 (a prefix sorts first).
  return (sa.codePointAt(i) ?? -1) - (sb.codePointAt(i) ?? -1);
}

/** The distinct labels of one or more label arrays, sorted by {@link compareLabels}. */
export function uniqueLabels(...arrays: LabelArray[]): Label[] {
  const seen = new Set<Label>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) seen.add(a[i]);
  return Array.from(seen).sort(compareLabels);
}
