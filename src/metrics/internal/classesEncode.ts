import { assertNonEmpty, assertSameLength } from '../../core/assert';
import { fail, show } from '../../core/fail';
import { compareLabels, readLabels, type LabelArray } from '../../core/readLabels';
import { readSampleWeight } from '../../core/readSampleWeight';
import type { Label, LabelInput, NumericInput } from '../../core/types';

/**
 * Two label arrays encoded once against one list of classes: every example
 * becomes an integer code (its class's index in `labels`, or -1 when its
 * label is not in a given `labels` list), so that the metrics count in typed
 * arrays without per-example objects.
 */
export interface EncodedClasses {
  /** The classes: sorted by `compareLabels` unless the caller gave them. */
  labels: Label[];
  /** Class code of each true label, -1 when not among `labels`. */
  trueCodes: Int32Array;
  /** Class code of each predicted label, -1 when not among `labels`. */
  predCodes: Int32Array;
  /** Per-example weights, or `undefined` when every example weighs 1. */
  weight: Float64Array | undefined;
  /** Number of examples. */
  n: number;
  /** Whether the labels read are strings (else numbers; booleans read as 1/0). */
  strings: boolean;
  /** The distinct labels present in yTrue or yPred, sorted (equals `labels` when `labels` was not given). */
  present: Label[];
}

/** Inputs shared by every label metric. */
export interface ClassesInput {
  labels?: LabelInput;
  sampleWeight?: NumericInput;
}

/**
 * Reads `yTrue` and `yPred` as labels of the same kind (numbers or strings)
 * and the same, non-zero length.
 *
 * @throws {MetricInputError} naming the argument, index and value at fault.
 */
export function readLabelPair(
  yTrue: LabelInput,
  yPred: LabelInput,
  fn: string,
): { t: LabelArray; p: LabelArray; strings: boolean } {
  const t = readLabels(yTrue, fn, 'yTrue');
  const p = readLabels(yPred, fn, 'yPred');
  assertNonEmpty(fn, 'yTrue', t.length);
  assertSameLength(fn, 'yTrue', t.length, 'yPred', p.length);
  const strings = !(t instanceof Float64Array);
  if (strings === p instanceof Float64Array) {
    fail(fn, `yPred[0] is ${show(p[0])} but yTrue[0] is ${show(t[0])}: labels must all be numbers or all strings`);
  }
  return { t, p, strings };
}

/**
 * Reads and validates `yTrue`, `yPred` (same kind, same length, non-empty),
 * the optional `labels` list (non-empty, no duplicates, same kind as the data)
 * and `sampleWeight`, then encodes both label arrays to class codes with one
 * `Map` lookup per example.
 *
 * @throws {MetricInputError} naming the function, the argument, and the first
 *   offending index and value.
 */
export function encodeClasses(
  yTrue: LabelInput,
  yPred: LabelInput,
  fn: string,
  options: ClassesInput = {},
): EncodedClasses {
  const { t, p, strings } = readLabelPair(yTrue, yPred, fn);
  const n = t.length;
  const weight = readSampleWeight(options.sampleWeight, n, fn);
  const trueCodes = new Int32Array(n);
  const predCodes = new Int32Array(n);

  if (options.labels === undefined || options.labels === null) {
    // Codes in order of first appearance, then remapped to sorted order.
    const index = new Map<Label, number>();
    const seen: Label[] = [];
    const small = new Int32Array(strings ? 0 : SMALL).fill(-1);
    encodeInto(t, trueCodes, index, seen, small);
    encodeInto(p, predCodes, index, seen, small);
    const order = seen.map((_, i) => i).sort((a, b) => compareLabels(seen[a], seen[b]));
    const remap = new Int32Array(seen.length);
    for (let r = 0; r < order.length; r++) remap[order[r]] = r;
    for (let i = 0; i < n; i++) {
      trueCodes[i] = remap[trueCodes[i]];
      predCodes[i] = remap[predCodes[i]];
    }
    const labels = order.map((i) => seen[i]);
    return { labels, trueCodes, predCodes, weight, n, strings, present: labels };
  }

  const given = readLabels(options.labels, fn, 'labels');
  assertNonEmpty(fn, 'labels', given.length);
  if (strings === given instanceof Float64Array) {
    fail(fn, `labels[0] is ${show(given[0])} but yTrue[0] is ${show(t[0])}: labels must be of the same kind (numbers or strings) as yTrue and yPred`);
  }
  const index = new Map<Label, number>();
  const labels: Label[] = [];
  for (let i = 0; i < given.length; i++) {
    const v = given[i];
    const j = index.get(v);
    if (j !== undefined) fail(fn, `labels[${i}] is ${show(v)}, a duplicate of labels[${j}]`);
    index.set(v, i);
    labels.push(v === 0 ? 0 : v);
  }
  const extra = new Set<Label>();
  const occurs = new Uint8Array(labels.length);
  encodeGiven(t, trueCodes, index, extra, occurs);
  encodeGiven(p, predCodes, index, extra, occurs);
  const present = labels.filter((_, i) => occurs[i] === 1).concat(Array.from(extra)).sort(compareLabels);
  return { labels, trueCodes, predCodes, weight, n, strings, present };
}

/** Integer labels below this bound are looked up in a table instead of the Map. */
const SMALL = 4096;

function encodeInto(values: LabelArray, codes: Int32Array, index: Map<Label, number>, seen: Label[], small: Int32Array): void {
  if (values instanceof Float64Array) {
    encodeNumbers(values, codes, index, seen, small);
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let c = index.get(v);
    if (c === undefined) {
      c = seen.length;
      index.set(v, c);
      seen.push(v);
    }
    codes[i] = c;
  }
}

// A monomorphic loop over a Float64Array: small non-negative integer labels
// (class indices, the common case) are looked up in a table, not the Map.
function encodeNumbers(values: Float64Array, codes: Int32Array, index: Map<Label, number>, seen: Label[], small: Int32Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const j = v | 0;
    let c: number | undefined;
    if (j === v && j >= 0 && j < SMALL) {
      c = small[j];
      if (c >= 0) {
        codes[i] = c;
        continue;
      }
    }
    c = index.get(v);
    if (c === undefined) {
      c = seen.length;
      index.set(v, c);
      seen.push(v === 0 ? 0 : v); // -0 and 0 are one class, reported as 0
    }
    if (j === v && j >= 0 && j < SMALL) small[j] = c;
    codes[i] = c;
  }
}

function encodeGiven(
  values: LabelArray,
  codes: Int32Array,
  index: Map<Label, number>,
  extra: Set<Label>,
  occurs: Uint8Array,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const c = index.get(v);
    if (c === undefined) {
      codes[i] = -1;
      extra.add(v);
    } else {
      codes[i] = c;
      occurs[c] = 1;
    }
  }
}
