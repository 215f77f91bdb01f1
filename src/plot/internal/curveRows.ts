// The rows of a curve drawn point to point (ROC, risk-coverage), validated
// and downsampled, shared by the main curve and the curves it is compared with.
import { failOption } from '../../core/configErrors';
import type { NumericInput } from '../../core/types';
import { downsampleCurve } from '../downsampleCurve';
import { readFiniteField, sameLength, short } from './spec';

export type CurveRow = Record<string, number | null>;

/**
 * Reads `xs`/`ys` (named `${prefix}${xField}`…, all finite, same length, not
 * empty), downsamples them to `maxPoints` and returns one row per kept point:
 * `{ [xField], [yField], threshold, order }`.
 */
export function curveRows(
  fn: string,
  prefix: string,
  xField: string,
  yField: string,
  xs: NumericInput | undefined,
  ys: NumericInput | undefined,
  thresholds: ArrayLike<number> | undefined,
  maxPoints: number,
): { n: number; x: Float64Array; y: Float64Array; rows: CurveRow[] } {
  const x = readFiniteField(fn, `${prefix}${xField}`, xs);
  const y = readFiniteField(fn, `${prefix}${yField}`, ys);
  sameLength(fn, `${prefix}${xField}`, x.length, `${prefix}${yField}`, y.length);
  const n = x.length;
  if (n === 0) failOption(fn, `the ${prefix ? prefix.slice(0, -1) : 'curve'} has no points`);
  const t = thresholds ?? [];
  const d = downsampleCurve(x, y, { maxPoints });
  const rows = Array.from(d.indices, (k, j) => ({ [xField]: short(d.x[j]), [yField]: short(d.y[j]), threshold: k < t.length ? short(t[k]) : null, order: j }));
  return { n, x, y, rows };
}

/** Reads `compare` ({ label, curve } items) into labelled rows with `read`. */
export function readCompare<C>(fn: string, compare: readonly { readonly label: string; readonly curve: C }[] | undefined, read: (curve: C, prefix: string) => CurveRow[]): { label: string; rows: CurveRow[] }[] {
  if (compare === undefined) return [];
  if (!Array.isArray(compare)) failOption(fn, 'compare must be an array of { label, curve }');
  return compare.map((c, i) => {
    if (c === null || typeof c !== 'object' || typeof c.label !== 'string' || c.curve === null || typeof c.curve !== 'object') {
      failOption(fn, `compare[${i}] must be { label: string, curve }`);
    }
    return { label: c.label, rows: read(c.curve, `compare[${i}].curve.`) };
  });
}

/** The layer of the compared curves: one line per label, in the curve's own point order. */
export function compareLayer(compare: { label: string; rows: CurveRow[] }[], x: Record<string, unknown>, y: Record<string, unknown>, tooltip: unknown[]): Record<string, unknown> {
  return {
    name: 'compare',
    data: { values: compare.flatMap((c) => c.rows.map((r) => ({ ...r, series: c.label }))) },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: { x, y, order: { field: 'order', type: 'quantitative' }, tooltip: [{ field: 'series', type: 'nominal' }, ...tooltip] },
  };
}
