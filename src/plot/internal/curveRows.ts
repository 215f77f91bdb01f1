// The rows and layers of a curve drawn point to point (PR, ROC, risk-coverage):
// validated, downsampled rows shared by the main curve and the curves it is
// compared with, the main line, the marked operating points and the colours.
import { failOption } from '../../core/configErrors';
import type { NumericInput } from '../../core/types';
import { downsampleCurve } from '../downsampleCurve';
import { asList, num, pointLabel, readFiniteField, sameLength, seriesColor, seriesField, short } from './spec';

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

/** The line layer of the plot's own curve, drawn in its rows' `order`, under the legend entry `name`. */
export function curveLayer(
  rows: CurveRow[],
  name: string,
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  tooltip: unknown[],
  mark: Record<string, unknown> = { type: 'line' },
): Record<string, unknown> {
  return {
    name: 'curve',
    data: { values: rows },
    transform: seriesField(name),
    mark,
    encoding: { x, y, order: { field: 'order', type: 'quantitative' }, color: {}, tooltip },
  };
}

/** An operating point: its two coordinates, and optionally its threshold and legend entry. */
export interface MarkedPoint {
  readonly threshold?: number;
  readonly label?: string;
}

/**
 * The layer of the operating points to mark (filled diamonds), keeping the
 * points whose `xField` and `yField` are finite (an infeasible selection
 * gives NaN coordinates) and adding each one's legend entry to `names`.
 * `count` is how many were kept; `layer` is undefined when none was.
 */
export function operatingPointsLayer<P extends MarkedPoint>(
  value: P | readonly P[] | undefined,
  xField: keyof P & string,
  yField: keyof P & string,
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  names: string[],
): { count: number; layer?: Record<string, unknown> } {
  const coordinate = (p: P, field: keyof P & string) => p[field] as unknown as number;
  const points = asList(value).filter((p) => Number.isFinite(coordinate(p, xField)) && Number.isFinite(coordinate(p, yField)));
  if (points.length === 0) return { count: 0 };
  const values = points.map((p) => {
    const series = pointLabel('operating point', p.label, p.threshold);
    names.push(series);
    return { [xField]: coordinate(p, xField), [yField]: coordinate(p, yField), threshold: p.threshold === undefined ? null : num(p.threshold), series };
  });
  const tooltip = [{ field: 'series' }, { field: xField, type: 'quantitative' }, { field: yField, type: 'quantitative' }, { field: 'threshold', type: 'quantitative' }];
  return {
    count: points.length,
    layer: { name: 'points', data: { values }, mark: { type: 'point', filled: true, size: 90, shape: 'diamond' }, encoding: { x, y, color: {}, tooltip } },
  };
}

/**
 * Gives every series-coloured layer (one with a `color` encoding, and the
 * compared curves) the colour scale of the final legend `names`: the scale
 * is shared across layers, so all must carry the same one.
 */
export function colorBySeries(layers: Record<string, unknown>[], names: readonly string[]): void {
  for (const l of layers) {
    const enc = l.encoding as Record<string, unknown>;
    if (enc.color || l.name === 'compare') enc.color = seriesColor(names, 'right');
  }
}

/** The end of a curve plot's description that counts its marked points. */
export function pointsPhrase(count: number): string {
  return count > 0 ? `; ${count} operating point${count > 1 ? 's' : ''} marked` : '';
}
