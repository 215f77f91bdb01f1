import { elements } from './elements';
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
 * @throws {MetricInputError} naming the first label that breaks the rule
 *   (`fn: yTrue[2] is -1 but yTrue[0] is 0: binary labels must be ...`).
 */
export function readBinaryLabels(
  x: LabelInput,
  fn: string,
  arg: string,
  posLabel?: Label | boolean,
): Uint8Array {
  if (posLabel === undefined || posLabel === null) {
    // Read in place, without a Float64Array copy of the labels.
    const a = elements(x, fn, arg);
    const out = new Uint8Array(a.length);
    // The first negative (0, false or -1): every later one must be of its kind.
    let first = -1;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v === 1 || v === true) out[i] = 1;
      else if (v === 0 || v === false || v === -1) {
        if (first < 0) first = i;
        else if ((v === -1) !== (a[first] === -1)) failAt(fn, arg, i, v, ` but ${arg}[${first}] is ${show(a[first])}${RULE}`);
      } else failAt(fn, arg, i, v, RULE);
    }
    return out;
  }
  const labels = readLabels(x, fn, arg);
  const out = new Uint8Array(labels.length);
  const pos: Label = typeof posLabel === 'boolean' ? +posLabel : posLabel;
  let other = -1;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v === pos) out[i] = 1;
    else if (other < 0) other = i;
    else if (v !== labels[other]) {
      failAt(fn, arg, i, v, `, a third class besides ${show(pos)} (posLabel) and ${show(labels[other])} (${arg}[${other}]): binary labels are required`);
    }
  }
  return out;
}
