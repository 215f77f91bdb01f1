import { fail, show } from '../../core/fail';

/**
 * The costs of the four outcomes of a binary decision, per unit of example
 * weight: a false positive, a false negative and, optionally, a true positive
 * and a true negative (defaults 0). Costs may be negative (a gain).
 */
export interface BinaryCosts {
  /** Cost of predicting positive for a negative example. */
  fp: number;
  /** Cost of predicting negative for a positive example. */
  fn: number;
  /** Cost of predicting positive for a positive example. Defaults to 0. */
  tp?: number;
  /** Cost of predicting negative for a negative example. Defaults to 0. */
  tn?: number;
}

/** Validated binary costs, all four present. */
export interface ReadBinaryCosts {
  fp: number;
  fn: number;
  tp: number;
  tn: number;
}

/**
 * Reads `{ fp, fn, tp?, tn? }`: `fp` and `fn` required, all finite.
 *
 * @throws {MetricInputError} `fn: costs.fp is undefined, expected a finite number`.
 */
export function readBinaryCosts(costs: BinaryCosts, fn: string, arg: string): ReadBinaryCosts {
  if (costs == null || typeof costs !== 'object') fail(fn, `${arg} is ${show(costs)}, expected { fp, fn, tp?, tn? }`);
  const one = (key: 'fp' | 'fn' | 'tp' | 'tn', required: boolean): number => {
    const v = costs[key];
    if (v === undefined && !required) return 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, `${arg}.${key} is ${show(v)}, expected a finite number`);
    return v;
  };
  return { fp: one('fp', true), fn: one('fn', true), tp: one('tp', false), tn: one('tn', false) };
}
