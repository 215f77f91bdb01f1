/**
 * Agreement with scikit-learn, case by case, on the fixtures written by
 * test/fixtures/generate_sklearn_metrics.py (seeded random inputs with
 * scikit-learn's outputs, transformed there to the library's contract where
 * it knowingly differs, e.g. NaN for undefined metrics and +Infinity as the
 * first ROC threshold). CI has no Python: the JSON is committed.
 *
 * Numbers agree to 1e-9 (relative + absolute), arrays element-wise with
 * exactly the same length, NaN only where scikit-learn's (transformed) output
 * is NaN.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as metrics from '../../src/metrics/index';

interface Fixture {
  sklearn: string;
  inputs: unknown[];
  cases: Case[];
}

interface Case {
  id: string;
  fn: string;
  seed: number;
  args: number[];
  options: Record<string, unknown> | null;
  expected: unknown;
  note?: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/sklearn-metrics.json', import.meta.url), 'utf8'),
) as Fixture;

/** Inputs are shared by several cases: frozen, so a function that mutates its input throws. */
const inputs = fixture.inputs.map((x) => deepFreeze(x));

function deepFreeze<T>(x: T): T {
  if (Array.isArray(x)) {
    for (const v of x) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Non-finite numbers travel as strings; only `expected` holds them. */
function decode(x: unknown): unknown {
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (Array.isArray(x)) return x.map(decode);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)]));
  }
  return x;
}

function resolveOptions(options: Record<string, unknown> | null): Record<string, unknown> | undefined {
  if (options === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    out[k] = v !== null && typeof v === 'object' && '$input' in v ? inputs[(v as { $input: number }).$input] : v;
  }
  return out;
}

const TOL = 1e-9;

function closeEnough(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= TOL + TOL * Math.abs(expected);
}

/** Compares recursively; returns a description of the first difference, or null. */
function difference(actual: unknown, expected: unknown, path: string): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected the number ${expected}, got ${describeValue(actual)}`;
    return closeEnough(actual, expected) ? null : `${path}: expected ${expected}, got ${actual} (diff ${actual - expected})`;
  }
  if (typeof expected === 'string') {
    return actual === expected ? null : `${path}: expected ${JSON.stringify(expected)}, got ${describeValue(actual)}`;
  }
  if (typeof expected === 'boolean') {
    // Booleans are read as 1 and 0: a label true may come back as 1.
    return actual === expected || actual === Number(expected)
      ? null
      : `${path}: expected ${expected}, got ${describeValue(actual)}`;
  }
  if (expected === null) {
    // scikit-learn's None (e.g. the support of an average): undefined, null or NaN.
    return actual === undefined || actual === null || (typeof actual === 'number' && Number.isNaN(actual))
      ? null
      : `${path}: expected nothing (scikit-learn returns None), got ${describeValue(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || typeof (actual as ArrayLike<unknown>).length !== 'number') {
      return `${path}: expected an array of ${expected.length}, got ${describeValue(actual)}`;
    }
    const a = actual as ArrayLike<unknown>;
    if (a.length !== expected.length) return `${path}: expected length ${expected.length}, got ${a.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(a[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${describeValue(actual)}`;
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      const d = difference((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return `${path}: unexpected fixture value ${describeValue(expected)}`;
}

function describeValue(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}(${(x as unknown as ArrayLike<number>).length})`;
  try {
    return JSON.stringify(x)?.slice(0, 120) ?? String(x);
  } catch {
    return String(x);
  }
}

const byFn = new Map<string, Case[]>();
for (const c of fixture.cases) {
  if (!byFn.has(c.fn)) byFn.set(c.fn, []);
  byFn.get(c.fn)!.push(c);
}

describe(`agreement with scikit-learn ${fixture.sklearn} (contract-transformed fixtures)`, () => {
  it('the fixture file holds cases for every compared function', () => {
    expect([...byFn.keys()].sort()).toEqual(
      [
        'accuracy',
        'auc',
        'averagePrecision',
        'balancedAccuracy',
        'classificationReport',
        'confusionMatrix',
        'f1',
        'fBeta',
        'matthewsCorrcoef',
        'precision',
        'precisionRecallAuc',
        'precisionRecallCurve',
        'precisionRecallFScoreSupport',
        'rocAuc',
        'rocCurve',
        'recall',
      ].sort(),
    );
  });

  describe('BinaryScoreAccumulator in exact mode, fed in two batches, on the binary ranking cases', () => {
    const methods = ['averagePrecision', 'rocAuc', 'precisionRecallCurve', 'rocCurve'] as const;
    for (const method of methods) {
      const cases = (byFn.get(method) ?? []).filter(
        (c) => !Array.isArray((inputs[c.args[1]] as unknown[])[0]) && !(c.options && ('maxFpr' in c.options || 'numClasses' in c.options)),
      );
      for (const c of cases) {
        it(`${method} of ${c.id} agrees with scikit-learn`, () => {
          const [y, s] = c.args.map((i) => inputs[i] as unknown[]);
          const options = resolveOptions(c.options) ?? {};
          const { sampleWeight, posLabel, ...curveOptions } = options as {
            sampleWeight?: number[];
            posLabel?: number | string | boolean;
          };
          const mid = Math.floor(y.length / 2);
          const a = new metrics.BinaryScoreAccumulator({ posLabel });
          a.update(y.slice(0, mid) as number[], s.slice(0, mid) as number[], sampleWeight?.slice(0, mid));
          a.update(y.slice(mid) as number[], s.slice(mid) as number[], sampleWeight?.slice(mid));
          const actual = (a[method] as (o?: object) => unknown).call(a, curveOptions);
          const d = difference(actual, decode(c.expected), `BinaryScoreAccumulator.${method}`);
          if (d !== null) expect.fail(`${d}; options ${JSON.stringify(c.options)?.slice(0, 300)}`);
        });
      }
    }
  });

  for (const [fn, cases] of byFn) {
    describe(fn, () => {
      it(`${fn} is exported by the metrics module`, () => {
        expect(typeof (metrics as Record<string, unknown>)[fn]).toBe('function');
      });

      for (const c of cases) {
        it(`${c.id} agrees with scikit-learn (${c.note ?? 'seed ' + c.seed})`, () => {
          const f = (metrics as Record<string, unknown>)[fn] as ((...args: unknown[]) => unknown) | undefined;
          expect(typeof f, `${fn} is not exported yet`).toBe('function');
          const args = c.args.map((i) => inputs[i]);
          const options = resolveOptions(c.options);
          const actual = options === undefined ? f!(...args) : f!(...args, options);
          const d = difference(actual, decode(c.expected), fn);
          if (d !== null) expect.fail(`${d}; options ${JSON.stringify(c.options)?.slice(0, 300)}`);
        });
      }
    });
  }
});
