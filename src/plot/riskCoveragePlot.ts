import { readNumOption } from '../core/configErrors';
import type { RiskCoverageCurve } from '../selective/riskCoverageCurve';
import { colorBySeries, compareLayer, curveLayer, curveRows, operatingPointsLayer, pointsPhrase, readCompare } from './internal/curveRows';
import { fmt, frame, readLayout, readMaxPoints } from './internal/spec';
import type { downsampleCurve } from './downsampleCurve'; // named in the doc comments
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** An operating point to mark on a risk-coverage curve (`coverageAtRisk` and `selectWithGuaranteedRisk` results fit). */
export interface RiskCoveragePoint {
  readonly coverage: number;
  readonly risk: number;
  /** Shown in the legend and the tooltip. */
  readonly threshold?: number;
  /** The legend entry. Defaults to "operating point (threshold t)". */
  readonly label?: string;
}

/** Options of {@link riskCoveragePlot}. */
export interface RiskCoveragePlotOptions extends PlotOptions {
  /** The curve's legend entry. Defaults to `"model"`, followed by the AURC when `aurc` is given. */
  readonly label?: string;
  /** The area under the curve (e.g. from `aurc`), shown in the legend entry. Defaults to none. */
  readonly aurc?: number;
  /** A horizontal line at this selective risk (the risk you can accept). Defaults to none. */
  readonly targetRisk?: number;
  /** One or more chosen operating points; points with a non-finite coverage or risk (an infeasible selection) are left out. Defaults to none. */
  readonly operatingPoint?: RiskCoveragePoint | readonly RiskCoveragePoint[];
  /** Other curves drawn with this one (another model, before/after a change), each with its legend entry. Defaults to none. */
  readonly compare?: readonly { readonly label: string; readonly curve: RiskCoverageCurve }[];
  /** The most points kept in the spec per curve (see {@link downsampleCurve}). Defaults to `2000`. */
  readonly maxPoints?: number;
}

/**
 * A Vega-Lite spec of the risk-coverage curve of a selective classifier:
 * selective risk (y, the error rate among the accepted examples) against
 * coverage (x, the fraction accepted), for every confidence threshold. At
 * coverage 1 the risk is the plain error rate; a good confidence ranking
 * makes the risk fall as coverage drops. A curve of more than `maxPoints`
 * points is reduced with {@link downsampleCurve}; coordinates are stored to 7
 * significant digits (float32 precision, far below a pixel).
 *
 * What to look at: how fast the risk falls when the least confident
 * examples are refused; the coverage left where the curve crosses the risk
 * you can accept (`targetRisk`); a curve that rises at low coverage means
 * confidently wrong examples.
 *
 * @param curve - The result of `riskCoverageCurve`.
 * @param options - Title, size, label, AURC, target risk, operating points, maxPoints.
 * @returns A Vega-Lite v6 spec (layers: target, curve, points).
 * @throws {InvalidOptionError} for a non-finite coverage or risk, arrays of different lengths, or a bad option.
 * @example
 * const spec = riskCoveragePlot(riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.7]), { targetRisk: 0.1 });
 * spec.description;
 * // => 'Risk-coverage curve of 3 points: risk 0.25 at full coverage; target risk 0.1.'
 * @see Y. Geifman and R. El-Yaniv (2017), "Selective Classification for Deep Neural Networks", NeurIPS; R. El-Yaniv and Y. Wiener (2010), JMLR 11.
 */
export function riskCoveragePlot(curve: RiskCoverageCurve, options: RiskCoveragePlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'riskCoveragePlot';
  const layout = readLayout(fn, options, 'Risk-coverage curve');
  const maxPoints = readMaxPoints(fn, options.maxPoints);
  const read = (c: RiskCoverageCurve, prefix: string) => curveRows(fn, prefix, 'coverage', 'risk', c.coverage, c.risk, c.thresholds, maxPoints);
  const main = read(curve, '');
  const n = main.n;
  const risk = main.y;
  const target = options.targetRisk === undefined ? undefined : readNumOption(options.targetRisk, 0, fn, 'targetRisk', { min: 0 });
  const compare = readCompare(fn, options.compare, (c, prefix) => read(c, prefix).rows);
  const curveName = options.label ?? (options.aurc !== undefined ? `model (AURC = ${fmt(options.aurc)})` : 'model');
  const names: string[] = [curveName, ...compare.map((c) => c.label)];
  const x = { field: 'coverage', type: 'quantitative', title: 'Coverage (fraction accepted)', scale: { domain: [0, 1] } };
  const y = { field: 'risk', type: 'quantitative', title: 'Selective risk (error among accepted)', scale: { zero: true } };
  const layers: Record<string, unknown>[] = [];
  if (target !== undefined) {
    const name = `target risk ${fmt(target)}`;
    names.push(name);
    layers.push({ name: 'target', data: { values: [{ risk: target, series: name }] }, mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y, color: {} } });
  }
  const tooltip = [
    { field: 'coverage', type: 'quantitative', format: '.4f' },
    { field: 'risk', type: 'quantitative', format: '.4f' },
    { field: 'threshold', type: 'quantitative', title: 'confidence threshold', format: '.4g' },
  ];
  if (compare.length > 0) layers.push(compareLayer(compare, x, y, tooltip));
  layers.push(curveLayer(main.rows, curveName, x, y, tooltip));
  const points = operatingPointsLayer(options.operatingPoint, 'coverage', 'risk', x, y, names);
  if (points.layer) layers.push(points.layer);
  colorBySeries(layers, names);
  const description =
    `Risk-coverage curve of ${n} points: risk ${fmt(risk[0])} at full coverage` +
    (options.aurc !== undefined ? `, AURC ${fmt(options.aurc)}` : '') +
    (compare.length > 0 ? `, compared with ${compare.map((c) => c.label).join(', ')}` : '') +
    (target !== undefined ? `; target risk ${fmt(target)}` : '') +
    pointsPhrase(points.count) +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
