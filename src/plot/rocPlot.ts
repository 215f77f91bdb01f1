import type { RocCurve } from '../metrics/rocCurve';
import { colorBySeries, compareLayer, curveLayer, curveRows, operatingPointsLayer, pointsPhrase, readCompare } from './internal/curveRows';
import { fmt, frame, readLayout, readMaxPoints } from './internal/spec';
import type { downsampleCurve } from './downsampleCurve'; // named in the doc comments
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** An operating point to mark on a ROC curve. */
export interface RocPoint {
  /** False positive rate FP/N. */
  readonly fpr: number;
  /** True positive rate (recall) TP/P. */
  readonly tpr: number;
  /** Shown in the legend and the tooltip. */
  readonly threshold?: number;
  /** The legend entry. Defaults to "operating point (threshold t)". */
  readonly label?: string;
}

/** Options of {@link rocPlot}. */
export interface RocPlotOptions extends PlotOptions {
  /** The curve's legend entry. Defaults to `"model"`, followed by the AUC when `auc` is given. */
  readonly label?: string;
  /** The area under the curve (e.g. from `rocAuc`), shown in the legend entry (`model (AUC = 0.9123)`). Defaults to none. */
  readonly auc?: number;
  /** Draw the chance diagonal TPR = FPR. Defaults to `true`. */
  readonly chance?: boolean;
  /** One or more chosen operating points to mark; points with a non-finite coordinate (no threshold qualified) are left out. Defaults to none. */
  readonly operatingPoint?: RocPoint | readonly RocPoint[];
  /** Other curves drawn with this one (another model, a baseline), each with its legend entry. Defaults to none. */
  readonly compare?: readonly { readonly label: string; readonly curve: RocCurve }[];
  /** The most points kept in the spec per curve (see {@link downsampleCurve}). Defaults to `2000`. */
  readonly maxPoints?: number;
}

/**
 * A Vega-Lite spec of the ROC curve: true positive rate (y) against false
 * positive rate (x), the points joined by straight lines as in scikit-learn
 * (the trapezoidal area under them is the ROC AUC), with the chance
 * diagonal of a classifier that guesses. A curve of more than `maxPoints`
 * points is reduced with {@link downsampleCurve}; coordinates are stored to 7
 * significant digits (float32 precision, far below a pixel).
 *
 * What to look at: the bulge above the diagonal; the left part of the curve
 * (low false positive rates) when negatives are plentiful — and for rare
 * positives look at the precision-recall curve instead, which the ROC curve
 * flatters.
 *
 * @param curve - The result of `rocCurve` (finite rates; `thresholds` may start at `Infinity`).
 * @param options - Title, size, label, AUC, chance line, operating points, maxPoints.
 * @returns A Vega-Lite v6 spec (layers: chance, curve, points).
 * @throws {InvalidOptionError} for a NaN rate (a curve of one class), arrays of different lengths, or a bad option.
 * @example
 * const spec = rocPlot(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), { auc: 0.75 });
 * spec.description;
 * // => 'ROC curve of 5 points with AUC 0.75, against the chance diagonal.'
 * @see T. Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27(8); scikit-learn `RocCurveDisplay`.
 */
export function rocPlot(curve: RocCurve, options: RocPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'rocPlot';
  const layout = readLayout(fn, options, 'ROC curve');
  const maxPoints = readMaxPoints(fn, options.maxPoints);
  const read = (c: RocCurve, prefix: string) => curveRows(fn, prefix, 'fpr', 'tpr', c.fpr, c.tpr, c.thresholds, maxPoints);
  const main = read(curve, '');
  const n = main.n;
  const compare = readCompare(fn, options.compare, (c, prefix) => read(c, prefix).rows);
  const curveName = options.label ?? (options.auc !== undefined ? `model (AUC = ${fmt(options.auc)})` : 'model');
  const names: string[] = [curveName, ...compare.map((c) => c.label)];
  const x = { field: 'fpr', type: 'quantitative', title: 'False positive rate', scale: { domain: [0, 1] } };
  const y = { field: 'tpr', type: 'quantitative', title: 'True positive rate (recall)', scale: { domain: [0, 1] } };
  const layers: Record<string, unknown>[] = [];
  if (options.chance !== false) {
    names.push('chance');
    layers.push({
      name: 'chance',
      data: { values: [{ fpr: 0, tpr: 0, series: 'chance' }, { fpr: 1, tpr: 1, series: 'chance' }] },
      mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 1 },
      encoding: { x, y, color: {} },
    });
  }
  const tooltip = [
    { field: 'fpr', type: 'quantitative', title: 'FPR', format: '.4f' },
    { field: 'tpr', type: 'quantitative', title: 'TPR', format: '.4f' },
    { field: 'threshold', type: 'quantitative', format: '.4g' },
  ];
  if (compare.length > 0) layers.push(compareLayer(compare, x, y, tooltip));
  layers.push(curveLayer(main.rows, curveName, x, y, tooltip));
  const points = operatingPointsLayer(options.operatingPoint, 'fpr', 'tpr', x, y, names);
  if (points.layer) layers.push(points.layer);
  colorBySeries(layers, names);
  const description =
    `ROC curve of ${n} points` +
    (options.auc !== undefined ? ` with AUC ${fmt(options.auc)}` : '') +
    (compare.length > 0 ? `, compared with ${compare.map((c) => c.label).join(', ')}` : '') +
    (options.chance !== false ? ', against the chance diagonal' : '') +
    pointsPhrase(points.count) +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
