import { failOption } from '../core/configErrors';
import { fmt, frame, readLayout } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link parameterImportancePlot}. */
export interface ParameterImportancePlotOptions extends PlotOptions {}

/**
 * A Vega-Lite spec of hyperparameter importances: one horizontal bar per
 * parameter, the most important at the top, labelled with its share.
 * Importances are drawn as given (those of `parameterImportance` sum to 1);
 * the bar length is proportional to the value, so bars compare directly.
 *
 * What to look at: the one or two parameters that carry most of the
 * importance — tune those carefully, fix the rest at sensible values.
 *
 * @param importance - `{ name: importance }`, e.g. the result of `parameterImportance(study)`; values finite and >= 0.
 * @param options - Title, size.
 * @returns A Vega-Lite v6 spec (layers: bars, labels).
 * @throws {InvalidOptionError} for a negative or non-finite importance, or no parameter.
 * @example
 * const spec = parameterImportancePlot({ learningRate: 0.7, l2: 0.2, hidden: 0.1 });
 * spec.description;
 * // => 'Importance of 3 hyperparameters: learningRate 0.7, l2 0.2, hidden 0.1.'
 * @see S. Watanabe, A. Bansal, F. Hutter (2023), "PED-ANOVA", IJCAI; Optuna `plot_param_importances`.
 */
export function parameterImportancePlot(importance: Readonly<Record<string, number>>, options: ParameterImportancePlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'parameterImportancePlot';
  if (importance === null || typeof importance !== 'object') failOption(fn, `importance must be an object of numbers, got ${String(importance)}`);
  const entries = Object.entries(importance);
  if (entries.length === 0) failOption(fn, 'importance has no parameter');
  for (const [k, v] of entries) {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) failOption(fn, `importance.${k} is ${String(v)}, expected a finite number >= 0`);
  }
  entries.sort((a, b) => b[1] - a[1]);
  const layout = readLayout(fn, options, 'Hyperparameter importance', 400, Math.max(60, 28 * entries.length));
  const rows = entries.map(([parameter, value], rank) => ({ parameter, importance: value, rank, label: fmt(value) }));
  const y = { field: 'parameter', type: 'nominal', title: 'Hyperparameter', sort: { field: 'rank', order: 'ascending' } };
  const x = { field: 'importance', type: 'quantitative', title: 'Importance', scale: { zero: true } };
  const layers = [
    {
      name: 'bars',
      mark: { type: 'bar', color: '#4c78a8' },
      encoding: { tooltip: [{ field: 'parameter', type: 'nominal' }, { field: 'importance', type: 'quantitative', format: '.4f' }] },
    },
    {
      name: 'labels',
      mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
      encoding: { text: { field: 'label', type: 'nominal' } },
    },
  ];
  const description = `Importance of ${entries.length} hyperparameter${entries.length === 1 ? '' : 's'}: ${entries.map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}.`;
  return frame(layout, description, { data: { values: rows }, encoding: { x, y }, layer: layers }) as LayeredVegaLiteSpec;
}
