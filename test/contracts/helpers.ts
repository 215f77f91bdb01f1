/**
 * Shared pieces of the contract suites: data generators (fast-check
 * arbitraries), input-type converters and a tolerant deep comparison.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Relative + absolute tolerance of the contract suites (float64 reorderings only). */
export const TOL = 1e-12;

/** One binary example: a label and a score on a coarse grid (heavy ties, exact in float32). */
export interface BinaryData {
  yTrue: number[];
  yScore: number[];
}

/**
 * Binary data with heavy ties: scores k/4 for integer k in [-12, 12] (exact in
 * float32, distinct values stay distinct under the transforms used below).
 */
export function binaryData(opts: { minLength?: number; maxLength?: number; bothClasses?: boolean } = {}): fc.Arbitrary<BinaryData> {
  const { minLength = 1, maxLength = 60, bothClasses = false } = opts;
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -12, max: 12 })), { minLength: Math.max(minLength, bothClasses ? 2 : 1), maxLength })
    .map((pairs) => ({ yTrue: pairs.map((p) => p[0]), yScore: pairs.map((p) => p[1] / 4) }))
    .filter((d) => !bothClasses || (d.yTrue.includes(0) && d.yTrue.includes(1)));
}

/** Binary data with integer weights 0..3 (not all zero). */
export function weightedBinaryData(opts: { bothClasses?: boolean; minWeight?: number } = {}): fc.Arbitrary<BinaryData & { weights: number[] }> {
  const minWeight = opts.minWeight ?? 0;
  return binaryData({ bothClasses: opts.bothClasses, maxLength: 40 }).chain((d) =>
    fc
      .array(fc.integer({ min: minWeight, max: 3 }), { minLength: d.yTrue.length, maxLength: d.yTrue.length })
      .filter((w) => w.some((v) => v > 0))
      .map((weights) => ({ ...d, weights })),
  );
}

/** Multiclass labels 0..k-1 with predictions (k = 2..5). */
export interface LabelData {
  yTrue: number[];
  yPred: number[];
  k: number;
}

export function labelData(opts: { minLength?: number; maxLength?: number; k?: number } = {}): fc.Arbitrary<LabelData> {
  const { minLength = 1, maxLength = 60 } = opts;
  return (opts.k !== undefined ? fc.constant(opts.k) : fc.integer({ min: 2, max: 5 })).chain((k) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 0, max: k - 1 })), { minLength, maxLength })
      .map((pairs) => ({ yTrue: pairs.map((p) => p[0]), yPred: pairs.map((p) => p[1]), k })),
  );
}

/** A permutation of 0..n-1. */
export function permutationOf(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    .map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]));
}

export function permute<T>(xs: readonly T[], order: readonly number[]): T[] {
  return order.map((i) => xs[i]);
}

/** Repeats example i `weights[i]` times, for each of the parallel arrays. */
export function repeat<T>(xs: readonly T[], weights: readonly number[]): T[] {
  const out: T[] = [];
  xs.forEach((x, i) => {
    for (let r = 0; r < weights[i]; r++) out.push(x);
  });
  return out;
}

/** A stand-in for a tfjs Tensor: shape, dtype and dataSync, as tfjs exposes them. */
export function tensorLike(values: readonly number[], dtype: 'float32' | 'int32' | 'bool' = 'float32') {
  const data = dtype === 'float32' ? Float32Array.from(values) : dtype === 'int32' ? Int32Array.from(values) : Uint8Array.from(values);
  return { shape: [values.length], dtype, rank: 1, size: values.length, dataSync: () => data };
}

/** Deep comparison: numbers within tolerance (NaN equals NaN), typed arrays as arrays, objects key by key. */
export function expectClose(actual: unknown, expected: unknown, tol = TOL, path = 'result'): void {
  const d = difference(actual, expected, tol, path);
  if (d !== null) expect.fail(d);
}

export function difference(actual: unknown, expected: unknown, tol: number, path: string): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected ${expected}, got ${String(actual)}`;
    if (Number.isNaN(expected) || Number.isNaN(actual)) {
      return Number.isNaN(expected) && Number.isNaN(actual) ? null : `${path}: expected ${expected}, got ${actual}`;
    }
    if (actual === expected) return null;
    return Math.abs(actual - expected) <= tol * (1 + Math.abs(expected)) ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (expected === null || typeof expected !== 'object') {
    return Object.is(actual, expected) || actual === expected ? null : `${path}: expected ${String(expected)}, got ${String(actual)}`;
  }
  if (ArrayBuffer.isView(expected) || Array.isArray(expected)) {
    const e = expected as unknown as ArrayLike<unknown>;
    if (actual === null || typeof actual !== 'object' || typeof (actual as ArrayLike<unknown>).length !== 'number') {
      return `${path}: expected an array, got ${String(actual)}`;
    }
    const a = actual as ArrayLike<unknown>;
    if (a.length !== e.length) return `${path}: expected length ${e.length}, got ${a.length}`;
    for (let i = 0; i < e.length; i++) {
      const d = difference(a[i], e[i], tol, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${String(actual)}`;
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  for (const k of keys) {
    const d = difference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tol, `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** fast-check settings of the contract suites: seeded, so a failure replays. */
export const FC = { numRuns: 60, seed: 20261126 } as const;
