import { failOption } from '../core/configErrors';
import type { ActivationStats } from '../diagnostics/types';
import { fmt, frame, readLayout } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link deadUnitsPlot}. */
export interface DeadUnitsPlotOptions extends PlotOptions {}

/**
 * A Vega-Lite spec of dead units per layer: one bar per layer, in forward
 * order, as high as the fraction of its units whose output is exactly 0 for
 * every example of the batch (`deadFraction`), labelled `dead/units`, and
 * coloured by the layer's activation.
 *
 * What to look at: ReLU layers with a large dead fraction after training
 * (too high a learning rate, a large negative bias, a bad initialisation);
 * a dead fraction that grows with depth.
 *
 * @param stats - The result of `activationStats` (an `ActivationStats`).
 * @param options - Title, size.
 * @returns A Vega-Lite v6 spec (layers: bars, labels).
 * @throws {InvalidOptionError} when there is no layer, or a dead fraction is not in [0, 1].
 * @example
 * const spec = deadUnitsPlot(activationStats(model, x));
 * spec.title;
 * // => 'Dead units per layer'
 * @see A. L. Maas, A. Y. Hannun, A. Y. Ng (2013), "Rectifier Nonlinearities Improve Neural Network Acoustic Models", ICML workshop (dying ReLUs); L. Lu et al. (2020), "Dying ReLU and Initialization", CiCP 28(5).
 */
export function deadUnitsPlot(stats: ActivationStats, options: DeadUnitsPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'deadUnitsPlot';
  const layers = stats.layers;
  if (layers.length === 0) failOption(fn, 'there is no layer to plot');
  const layout = readLayout(fn, options, 'Dead units per layer', Math.max(200, 40 * layers.length), 250);
  const rows = layers.map((l, i) => {
    if (!(l.deadFraction >= 0 && l.deadFraction <= 1)) failOption(fn, `layers[${i}].deadFraction is ${l.deadFraction}, expected a number in [0, 1]`);
    return {
      layer: l.name,
      order: i,
      activation: l.activation ?? 'none',
      deadFraction: l.deadFraction,
      deadUnits: l.deadUnits,
      units: l.units,
      zeroFraction: l.zeroFraction,
      label: `${l.deadUnits}/${l.units}`,
    };
  });
  const x = { field: 'layer', type: 'nominal', title: 'Layer (input → output)', sort: { field: 'order', order: 'ascending' }, axis: { labelAngle: -30 } };
  const y = { field: 'deadFraction', type: 'quantitative', title: 'Dead units (fraction)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const layerSpecs = [
    {
      name: 'bars',
      mark: { type: 'bar' },
      encoding: {
        color: { field: 'activation', type: 'nominal', title: 'Activation', legend: { orient: 'right' } },
        tooltip: [
          { field: 'layer', type: 'nominal' },
          { field: 'activation', type: 'nominal' },
          { field: 'deadUnits', type: 'quantitative', title: 'dead units' },
          { field: 'units', type: 'quantitative' },
          { field: 'deadFraction', type: 'quantitative', title: 'dead fraction', format: '.2%' },
          { field: 'zeroFraction', type: 'quantitative', title: 'zero outputs', format: '.2%' },
        ],
      },
    },
    { name: 'labels', mark: { type: 'text', dy: -6, fontSize: 10 }, encoding: { text: { field: 'label', type: 'nominal' } } },
  ];
  const dead = layers.filter((l) => l.deadUnits > 0);
  const description =
    `Dead units in ${layers.length} layer${layers.length === 1 ? '' : 's'} over ${stats.examples} examples: ` +
    (dead.length > 0 ? dead.map((l) => `${l.name} ${l.deadUnits} of ${l.units} (${fmt(100 * l.deadFraction)}%)`).join(', ') : 'none') +
    '.';
  return frame(layout, description, { data: { values: rows }, encoding: { x, y }, layer: layerSpecs }) as LayeredVegaLiteSpec;
}
