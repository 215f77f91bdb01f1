import { failOption, readChoiceOption } from '../core/configErrors';
import type { GradientStats } from '../diagnostics/types';
import { decades, fmt, frame, readLayout } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Which quantity of each variable {@link gradientNormsPlot} draws. */
export type GradientNormsMeasure = 'ratio' | 'gradientNorm' | 'updateRatio';

/** Options of {@link gradientNormsPlot}. */
export interface GradientNormsPlotOptions extends PlotOptions {
  /**
   * `'ratio'`: ‖∂loss/∂w‖ / ‖w‖, the quantity the status is judged on, with
   * the vanishing and exploding thresholds drawn as rules; `'gradientNorm'`:
   * ‖∂loss/∂w‖; `'updateRatio'`: learningRate · ratio, with a rule at the
   * healthy 1e-3. Defaults to `'ratio'`.
   */
  readonly measure?: GradientNormsMeasure;
}

const MEASURES: readonly GradientNormsMeasure[] = ['ratio', 'gradientNorm', 'updateRatio'];
const TITLES: Record<GradientNormsMeasure, string> = {
  ratio: '‖gradient‖ / ‖weights‖ (log scale)',
  gradientNorm: '‖gradient‖ (log scale)',
  updateRatio: 'learning rate · ‖gradient‖ / ‖weights‖ (log scale)',
};

/** The kind of a variable from its name's last part (`dense_1/kernel` → `kernel`). */
function kindOf(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1).replace(/_\d+$/, '');
  return last === 'kernel' || last === 'bias' ? last : 'other';
}

/**
 * A Vega-Lite spec of gradient size by depth: one point per trainable
 * variable at its layer's depth (0 nearest the input), on a log axis,
 * coloured by its status (`ok`, `vanishing`, `exploding`) and shaped by
 * its kind (kernel, bias), with the status thresholds as horizontal rules.
 * Variables whose value is 0 or not finite (all-zero weights) are left out
 * of the log axis and counted in the description.
 *
 * What to look at: points falling steadily toward the input (vanishing
 * gradients: the first layers barely learn — ReLU, residual connections,
 * normalisation, a better initialisation) or rising (exploding: clip, lower
 * the learning rate); points beyond the rules.
 *
 * @param stats - The result of `gradientStats` (a `GradientStats`).
 * @param options - Title, size, measure.
 * @returns A Vega-Lite v6 spec (layers: thresholds, threshold labels, points).
 * @throws {InvalidOptionError} when there is no variable, or for a bad option.
 * @example
 * const spec = gradientNormsPlot(await gradientStats(model, x, y));
 * spec.title;
 * // => 'Gradient norms by depth'
 * @see X. Glorot and Y. Bengio (2010), AISTATS; R. Pascanu, T. Mikolov, Y. Bengio (2013), "On the difficulty of training recurrent neural networks", ICML; A. Karpathy (2019), "A Recipe for Training Neural Networks" (update/weight ratio ~1e-3).
 */
export function gradientNormsPlot(stats: GradientStats, options: GradientNormsPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'gradientNormsPlot';
  const layout = readLayout(fn, options, 'Gradient norms by depth');
  const measure = readChoiceOption(options.measure, MEASURES, 'ratio', fn, 'measure');
  if (stats.variables.length === 0) failOption(fn, 'there is no variable to plot');
  const rows = [];
  let skipped = 0;
  for (const v of stats.variables) {
    const value = v[measure];
    if (!(value > 0 && Number.isFinite(value))) {
      skipped++;
      continue;
    }
    rows.push({
      variable: v.name,
      layer: v.layerName,
      depth: v.depth,
      kind: kindOf(v.name),
      value,
      gradientNorm: v.gradientNorm,
      weightNorm: v.weightNorm,
      ratio: Number.isFinite(v.ratio) ? v.ratio : null,
      status: v.status,
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  const y: Record<string, unknown> = { field: 'value', type: 'quantitative', title: TITLES[measure], scale: { type: 'log', padding: 10 } };
  const rules: { value: number; label: string }[] = [];
  if (measure === 'ratio') {
    const { vanishing, exploding } = stats.thresholds;
    if (vanishing > 0 && Number.isFinite(vanishing)) rules.push({ value: vanishing, label: `vanishing below ${fmt(vanishing)}` });
    if (exploding > 0 && Number.isFinite(exploding)) rules.push({ value: exploding, label: `exploding above ${fmt(exploding)}` });
  } else if (measure === 'updateRatio') {
    rules.push({ value: 1e-3, label: 'healthy update ≈ 1e-3' });
  }
  for (const r of rules) {
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  const ticks = decades(lo, hi);
  if (ticks) y.axis = { values: ticks, format: '~g' };
  const layers: Record<string, unknown>[] = [];
  if (rules.length > 0) {
    layers.push({ name: 'thresholds', data: { values: rules }, mark: { type: 'rule', strokeDash: [6, 4], color: '#888888' }, encoding: { y } });
    layers.push({
      name: 'thresholdLabels',
      data: { values: rules },
      mark: { type: 'text', align: 'left', x: 4, dy: -6, fontSize: 10, color: '#666666' },
      encoding: { y, text: { field: 'label', type: 'nominal' } },
    });
  }
  layers.push({
    name: 'variables',
    data: { values: rows },
    mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
    encoding: {
      x: { field: 'depth', type: 'quantitative', title: 'Depth (layer with weights, 0 = nearest the input)', axis: { tickMinStep: 1 }, scale: { nice: false, padding: 14 } },
      y,
      color: {
        field: 'status',
        type: 'nominal',
        title: 'Status',
        scale: { domain: ['ok', 'vanishing', 'exploding'], range: ['#54a24b', '#4c78a8', '#e45756'] },
        legend: { orient: 'right' },
      },
      shape: { field: 'kind', type: 'nominal', title: 'Variable', scale: { domain: ['kernel', 'bias', 'other'], range: ['circle', 'square', 'triangle-up'] }, legend: { orient: 'right' } },
      tooltip: [
        { field: 'variable', type: 'nominal' },
        { field: 'depth', type: 'quantitative' },
        { field: 'gradientNorm', type: 'quantitative', title: '‖gradient‖', format: '.3e' },
        { field: 'weightNorm', type: 'quantitative', title: '‖weights‖', format: '.3e' },
        { field: 'ratio', type: 'quantitative', format: '.3e' },
        { field: 'status', type: 'nominal' },
      ],
    },
  });
  const bad = stats.variables.filter((v) => v.status !== 'ok');
  const description =
    `Gradient ${measure === 'gradientNorm' ? 'norms' : measure === 'ratio' ? 'to weight norm ratios' : 'update ratios'} of ${stats.variables.length} variables by depth` +
    ` (trend ${stats.trend.direction}, slope ${fmt(stats.trend.slope)} decades per layer)` +
    (bad.length > 0 ? `; ${bad.map((v) => `${v.name} ${v.status}`).join(', ')}` : '; every variable ok') +
    (skipped > 0 ? `; ${skipped} with a zero or undefined value not shown` : '') +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
