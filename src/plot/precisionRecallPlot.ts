import { failOption } from '../core/configErrors';
import type { PrecisionRecallCurve } from '../metrics/precisionRecallCurve';
import { downsampleCurve } from './downsampleCurve';
import { colorBySeries, compareLayer, curveLayer, operatingPointsLayer, pointsPhrase, readCompare, type CurveRow } from './internal/curveRows';
import { fmt, frame, readFiniteField, readLayout, readMaxPoints, sameLength, short } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** An operating point to mark on a precision-recall curve (a `ThresholdPoint`, e.g. from `thresholdForFBeta`, fits). */
export interface PrecisionRecallPoint {
  readonly recall: number;
  readonly precision: number;
  /** Shown in the legend and the tooltip. */
  readonly threshold?: number;
  /** The legend entry. Defaults to "operating point (threshold t)". */
  readonly label?: string;
}

/** Options of {@link precisionRecallPlot}. */
export interface PrecisionRecallPlotOptions extends PlotOptions {
  /** The curve's legend entry. Defaults to `"model"`, followed by the AP when `averagePrecision` is given. */
  readonly label?: string;
  /** Shown in the legend entry (`model (AP = 0.8123)`). Defaults to none. */
  readonly averagePrecision?: number;
  /** F1 values of the iso-F1 curves drawn in grey, or `false` for none. Defaults to `[0.2, 0.4, 0.6, 0.8]`. */
  readonly isoF1?: readonly number[] | false;
  /** Draw the no-skill line at precision = prevalence (the precision at the lowest threshold). Defaults to `true`. */
  readonly chance?: boolean;
  /** One or more chosen operating points to mark; points with a non-finite coordinate (no threshold qualified) are left out. Defaults to none. */
  readonly operatingPoint?: PrecisionRecallPoint | readonly PrecisionRecallPoint[];
  /** Other curves drawn with this one (another model, a baseline), each with its legend entry. Defaults to none. */
  readonly compare?: readonly { readonly label: string; readonly curve: PrecisionRecallCurve }[];
  /** The most points kept in the spec per curve (see {@link downsampleCurve}). Defaults to `2000`. */
  readonly maxPoints?: number;
}

const ISO_STEPS = 60;

/**
 * A Vega-Lite spec of the precision-recall curve: precision (y) against
 * recall (x), drawn as scikit-learn draws it — a staircase, precision_i held
 * over recall in (recall_{i+1}, recall_i] — so the area under the drawn
 * curve is the average precision AP = Σ (R_i − R_{i+1}) P_i. Grey iso-F1
 * curves P = f·R / (2R − f) show where F1 = f; the dashed no-skill line
 * sits at the prevalence (what a random classifier gets); chosen operating
 * points are marked. A curve of more than `maxPoints` points is reduced with
 * {@link downsampleCurve} (its corners kept); coordinates are stored to 7
 * significant digits (float32 precision, far below a pixel).
 *
 * What to look at: how far the curve stays up and to the right of the
 * no-skill line; where it crosses the iso-F1 curves; the precision you pay
 * for the recall you need at the operating point.
 *
 * @param curve - The result of `precisionRecallCurve` (finite precision and recall).
 * @param options - Title, size, label, AP, iso-F1 values, no-skill line, operating points, maxPoints.
 * @returns A Vega-Lite v6 spec (layers: iso-F1, no-skill, curve, points); render it with {@link renderSvg}, vega-embed or tfjs-vis.
 * @throws {InvalidOptionError} for a NaN or infinite precision/recall, arrays of different lengths, or a bad option.
 * @example
 * const spec = precisionRecallPlot(precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), { averagePrecision: 0.8333 });
 * spec.layer.length;
 * // => 4
 * @see scikit-learn `PrecisionRecallDisplay`; T. Saito and M. Rehmsmeier (2015), "The Precision-Recall Plot Is More Informative than the ROC Plot When Evaluating Binary Classifiers on Imbalanced Datasets", PLoS ONE 10(3).
 */
export function precisionRecallPlot(curve: PrecisionRecallCurve, options: PrecisionRecallPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'precisionRecallPlot';
  const layout = readLayout(fn, options, 'Precision-recall curve');
  const maxPoints = readMaxPoints(fn, options.maxPoints);
  const main = staircaseRows(fn, '', curve, maxPoints);
  const n = main.n;
  const precision0 = main.prevalence;
  const isoF1 = options.isoF1 === false ? [] : (options.isoF1 ?? [0.2, 0.4, 0.6, 0.8]);
  isoF1.forEach((f, i) => {
    if (!(typeof f === 'number' && f > 0 && f < 1)) failOption(fn, `isoF1[${i}] is ${String(f)}, expected a number in (0, 1)`);
  });
  const compare = readCompare(fn, options.compare, (c, prefix) => staircaseRows(fn, prefix, c, maxPoints).rows);
  const rows = main.rows;

  const curveName =
    options.label ?? (options.averagePrecision !== undefined ? `model (AP = ${fmt(options.averagePrecision)})` : 'model');
  const names: string[] = [curveName, ...compare.map((c) => c.label)];
  const layers: Record<string, unknown>[] = [];
  const x = { field: 'recall', type: 'quantitative', title: 'Recall', scale: { domain: [0, 1] } };
  const y = { field: 'precision', type: 'quantitative', title: 'Precision', scale: { domain: [0, 1] } };

  if (isoF1.length > 0) {
    const iso: { recall: number; precision: number; f: number }[] = [];
    for (const f of isoF1) {
      const r0 = f / (2 - f); // where the curve reaches precision 1
      for (let s = 0; s <= ISO_STEPS; s++) {
        const r = r0 + ((1 - r0) * s) / ISO_STEPS;
        iso.push({ recall: r, precision: Math.min(1, (f * r) / (2 * r - f)), f });
      }
    }
    layers.push({
      name: 'isoF1',
      data: { values: iso },
      mark: { type: 'line', color: '#bbbbbb', strokeWidth: 1, strokeDash: [2, 3], clip: true },
      encoding: { x, y, detail: { field: 'f', type: 'quantitative' } },
    });
    layers.push({
      name: 'isoF1Labels',
      data: { values: isoF1.map((f) => ({ recall: 1, precision: f / (2 - f), label: `F1 = ${fmt(f)}` })) },
      mark: { type: 'text', align: 'right', dx: -2, dy: -6, fontSize: 9, color: '#888888' },
      encoding: { x, y, text: { field: 'label', type: 'nominal' } },
    });
  }
  if (options.chance !== false) {
    const prevalence = precision0;
    const name = `no skill (prevalence ${fmt(prevalence)})`;
    names.push(name);
    layers.push({
      name: 'chance',
      data: { values: [{ precision: prevalence, series: name }] },
      mark: { type: 'rule', strokeDash: [6, 4] },
      encoding: { y, color: {} },
    });
  }
  const tooltip = [
    { field: 'recall', type: 'quantitative', format: '.4f' },
    { field: 'precision', type: 'quantitative', format: '.4f' },
    { field: 'threshold', type: 'quantitative', format: '.4g' },
  ];
  if (compare.length > 0) layers.push(compareLayer(compare, x, y, tooltip));
  layers.push(curveLayer(rows, curveName, x, y, tooltip, { type: 'line', interpolate: 'linear' }));
  const points = operatingPointsLayer(options.operatingPoint, 'recall', 'precision', x, y, names);
  if (points.layer) layers.push(points.layer);
  colorBySeries(layers, names);
  const description =
    `Precision-recall curve of ${n} points` +
    (options.averagePrecision !== undefined ? ` with average precision ${fmt(options.averagePrecision)}` : '') +
    (compare.length > 0 ? `, compared with ${compare.map((c) => c.label).join(', ')}` : '') +
    (options.chance !== false ? `; no-skill precision ${fmt(precision0)}` : '') +
    pointsPhrase(points.count) +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}

/** The rows of a PR curve drawn as its staircase (steps-post in the curve's order of decreasing recall), downsampled. */
function staircaseRows(
  fn: string,
  prefix: string,
  curve: PrecisionRecallCurve,
  maxPoints: number,
): { n: number; prevalence: number; rows: CurveRow[] } {
  if (curve === null || typeof curve !== 'object') failOption(fn, `${prefix || 'curve'} must be a precision-recall curve`);
  const precision = readFiniteField(fn, `${prefix}precision`, curve.precision);
  const recall = readFiniteField(fn, `${prefix}recall`, curve.recall);
  sameLength(fn, `${prefix}precision`, precision.length, `${prefix}recall`, recall.length);
  const n = precision.length;
  if (n === 0) failOption(fn, `the ${prefix ? prefix.slice(0, -1) : 'curve'} has no points`);
  const thresholds = curve.thresholds ?? new Float64Array(0);
  const m = 2 * n - 1;
  const sx = new Float64Array(m);
  const sy = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    sx[2 * i] = recall[i];
    sy[2 * i] = precision[i];
    if (i + 1 < n) {
      sx[2 * i + 1] = recall[i + 1];
      sy[2 * i + 1] = precision[i];
    }
  }
  const d = downsampleCurve(sx, sy, { maxPoints });
  const rows = Array.from(d.indices, (k, j) => {
    const i = k >> 1;
    return { recall: short(d.x[j]), precision: short(d.y[j]), threshold: i < thresholds.length ? short(thresholds[i]) : null, order: j };
  });
  // precision at the lowest threshold, where everything is predicted positive: the prevalence
  return { n, prevalence: precision[0], rows };
}
