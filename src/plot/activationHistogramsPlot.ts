import { failOption, readIntOption } from '../core/configErrors';
import type { ActivationStats } from '../diagnostics/types';
import { fmt, frame, readField, readLayout, sameLength } from './internal/spec';
import type { PlotOptions, VegaLiteSpec } from './types';

/** Options of {@link activationHistogramsPlot}. */
export interface ActivationHistogramsPlotOptions extends PlotOptions {
  /** Panels per row. Defaults to `3`. */
  readonly columns?: number;
  /** A symmetric-log count axis, so that a spike (ReLU's zeros) does not flatten the rest. Defaults to `false`. */
  readonly logCount?: boolean;
  /** Only the layers with these names, in forward order. Defaults to every layer. */
  readonly layers?: readonly string[];
}

/** The title of a layer's panel: name, activation, and what is wrong with it. */
function panelTitle(l: ActivationStats['layers'][number]): string {
  const parts = [l.name];
  if (l.activation !== undefined) parts.push(l.activation);
  if (l.deadUnits > 0) parts.push(`${fmt(100 * l.deadFraction)}% dead`);
  if (Number.isFinite(l.saturatedFraction) && l.saturatedFraction > 0) parts.push(`${fmt(100 * l.saturatedFraction)}% saturated`);
  return parts.join(' · ');
}

/**
 * A Vega-Lite spec of the activation histograms of a network, one small
 * panel per layer in forward order (each with its own axes), titled with
 * the layer's name, activation and its dead and saturated fractions.
 * `panelWidth`/`panelHeight` come from `width`/`height` (per panel).
 *
 * What to look at: ReLU layers whose mass sits at exactly 0 (dead units:
 * lower the learning rate, fix the initialisation, use a leaky ReLU);
 * sigmoid/tanh layers piled against ±1 or 0/1 (saturation: gradients
 * vanish); spreads that grow or shrink layer after layer (a bad
 * initialisation scale or missing normalisation).
 *
 * @param stats - The result of `activationStats` (an `ActivationStats`).
 * @param options - Title, panel size, columns, log counts, which layers.
 * @returns A Vega-Lite v6 faceted spec (one panel per layer).
 * @throws {InvalidOptionError} for a histogram whose edges are not one more than its counts, an unknown layer name, or a bad option.
 * @example
 * const spec = activationHistogramsPlot(activationStats(model, x));
 * spec.columns;
 * // => 3
 * @see X. Glorot and Y. Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks", AISTATS (activation histograms per layer).
 */
export function activationHistogramsPlot(stats: ActivationStats, options: ActivationHistogramsPlotOptions = {}): VegaLiteSpec {
  const fn = 'activationHistogramsPlot';
  const layout = readLayout(fn, options, 'Activation histograms per layer', 220, 120);
  const columns = readIntOption(options.columns, 3, fn, 'columns', 1);
  let layers = stats.layers;
  if (options.layers) {
    const wanted = new Set(options.layers);
    for (const name of options.layers) if (!layers.some((l) => l.name === name)) failOption(fn, `layers holds ${JSON.stringify(name)}, which is not a layer of the stats`);
    layers = layers.filter((l) => wanted.has(l.name));
  }
  if (layers.length === 0) failOption(fn, 'there is no layer to plot');
  const rows: { layer: string; panel: string; x0: number; x1: number; count: number }[] = [];
  const panels: string[] = [];
  for (const l of layers) {
    const edges = readField(fn, `${l.name}.histogram.edges`, l.histogram.edges);
    const counts = readField(fn, `${l.name}.histogram.counts`, l.histogram.counts);
    sameLength(fn, `${l.name}.histogram.edges`, edges.length, `${l.name}.histogram.counts + 1`, counts.length + 1);
    const panel = panelTitle(l);
    panels.push(panel);
    for (let i = 0; i < counts.length; i++) {
      if (!Number.isFinite(edges[i]) || !Number.isFinite(edges[i + 1]) || !Number.isFinite(counts[i])) continue;
      rows.push({ layer: l.name, panel, x0: edges[i], x1: edges[i + 1], count: counts[i] });
    }
  }
  const logCount = options.logCount === true;
  const description =
    `Activation histograms of ${layers.length} layer${layers.length === 1 ? '' : 's'} over ${stats.examples} examples` +
    (layers.some((l) => l.deadUnits > 0)
      ? `; dead units in ${layers.filter((l) => l.deadUnits > 0).map((l) => `${l.name} (${l.deadUnits} of ${l.units})`).join(', ')}`
      : '; no dead units') +
    '.';
  return frame(
    layout,
    description,
    {
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelFontSize: 11, labelLimit: 0 } },
      columns,
      spec: {
        width: layout.width,
        height: layout.height,
        mark: { type: 'rect', color: '#4c78a8', stroke: 'white', strokeWidth: 0.3 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: 'Activation value', scale: { zero: false, nice: false } },
          x2: { field: 'x1' },
          y: { field: 'count', type: 'quantitative', title: logCount ? 'Count (symlog)' : 'Count', scale: logCount ? { type: 'symlog' } : { zero: true } },
          y2: { datum: 0 },
          tooltip: [
            { field: 'layer', type: 'nominal' },
            { field: 'x0', type: 'quantitative', title: 'from', format: '.4g' },
            { field: 'x1', type: 'quantitative', title: 'to', format: '.4g' },
            { field: 'count', type: 'quantitative' },
          ],
        },
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
    },
    false,
  );
}
