import { failAt, show } from './fail';
import { readLabels } from './readLabels';
import type { Label, LabelInput } from './types';

const RULE = ': binary labels must be {0, 1}, {-1, 1} or booleans; pass posLabel to name the positive class';

/**
 * Reads binary labels as a `Uint8Array` of 1 (positive) and 0 (negative).
 *
 * Without `posLabel`, the labels must be a subset of `{0, 1}`, of `{-1, 1}`,
 * or booleans, and the positive class is 1 (or `true`). Any other label set,
 * e.g. `'spam'`/`'ham'`, needs `posLabel`. With `posLabel`, the labels must
 * hold at most two distinct values and the positive class is `posLabel`
 * (which need not occur: then every example is negative).
 *
 * @throws {MetricInputError} naming the first label that breaks the rule.
 */
export function readBinaryLabels(
  x: LabelInput,
  fn: string,
  arg: string,
  posLabel?: Label | boolean,
): Uint8Array {
  if ((posLabel === undefined || posLabel === null) && ArrayBuffer.isView(x)) {
    // Fast path for numeric typed arrays: no Float64Array copy. Anything
    // unusual falls through to the general path, which names the error.
    const fast = binaryView(x as unknown as ArrayLike<number>);
    if (fast) return fast;
  }
  const labels = readLabels(x, fn, arg);
  const n = labels.length;
  const out = new Uint8Array(n);
  if (posLabel === undefined || posLabel === null) {
    if (!(labels instanceof Float64Array)) return failAt(fn, arg, 0, labels[0], RULE);
    let sawZero = -1;
    let sawMinusOne = -1;
    for (let i = 0; i < n; i++) {
      const v = labels[i];
      if (v === 1) out[i] = 1;
      else if (v === 0) {
        if (sawMinusOne >= 0) notBinary(fn, arg, i, v, sawMinusOne, -1);
        if (sawZero < 0) sawZero = i;
      } else if (v === -1) {
        if (sawZero >= 0) notBinary(fn, arg, i, v, sawZero, 0);
        if (sawMinusOne < 0) sawMinusOne = i;
      } else {
        failAt(fn, arg, i, v, RULE);
      }
    }
    return out;
  }
  const pos: Label = typeof posLabel === 'boolean' ? (posLabel ? 1 : 0) : posLabel;
  let other: Label | undefined;
  let otherAt = -1;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (v === pos) out[i] = 1;
    else if (otherAt < 0) {
      other = v;
      otherAt = i;
    } else if (v !== other) {
      failAt(fn, arg, i, v, `, a third class besides ${show(pos)} (posLabel) and ${show(other)} (${arg}[${otherAt}]): binary labels are required`);
    }
  }
  return out;
}

function binaryView(a: ArrayLike<number>): Uint8Array | undefined {
  const n = a.length;
  const out = new Uint8Array(n);
  let zero = false;
  let minusOne = false;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v === 1) out[i] = 1;
    else if (v === 0) zero = true;
    else if (v === -1) minusOne = true;
    else return undefined;
  }
  return zero && minusOne ? undefined : out;
}

function notBinary(fn: string, arg: string, i: number, v: number, j: number, w: number): never {
  return failAt(fn, arg, i, v, ` but ${arg}[${j}] is ${show(w)}${RULE}`);
}
