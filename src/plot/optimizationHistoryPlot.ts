import { failOption } from '../core/configErrors';
import type { OptimizationHistory } from '../search/analysis/optimizationHistory';
import { fmt, frame, readField, readLayout, sameLength, seriesColor } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link optimizationHistoryPlot}. */
export interface OptimizationHistoryPlotOptions extends PlotOptions {
  /** The objective's axis title. Defaults to `"Objective value"`. */
  readonly objectiveName?: string;
  /** A log scale for the objective (every value must then be > 0). Defaults to `false`. */
  readonly logY?: boolean;
}

/**
 * A Vega-Lite spec of a search's history: the objective value of every
 * complete trial (dots) and the best value so far (a step line, the running
 * minimum or maximum depending on the study's direction), against the trial
 * number — Optuna's `plot_optimization_history`.
 *
 * What to look at: whether the best-so-far line still drops near the end
 * (more trials may help) or flattened long ago; how the dots concentrate
 * near the best as the sampler learns (TPE, GP) or stay spread (random).
 *
 * @param history - The result of `optimizationHistory(study)`.
 * @param options - Title, size, objective name, log y.
 * @returns A Vega-Lite v6 spec (layers: trials, best so far).
 * @throws {InvalidOptionError} for arrays of different lengths, a non-positive value with `logY`, or a bad option.
 * @example
 * const spec = optimizationHistoryPlot(optimizationHistory(study));
 * spec.description;
 * // => 'Optimization history of 3 complete trials (minimize): best value 1 at trial 1.'
 * @see T. Akiba, S. Sano, T. Yanase, T. Ohta, M. Koyama (2019), "Optuna: A Next-generation Hyperparameter Optimization Framework", KDD (`plot_optimization_history`).
 */
export function optimizationHistoryPlot(history: OptimizationHistory, options: OptimizationHistoryPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'optimizationHistoryPlot';
  const layout = readLayout(fn, options, 'Optimization history');
  const numbers = readField(fn, 'numbers', history.numbers);
  const values = readField(fn, 'values', history.values);
  const best = readField(fn, 'bestSoFar', history.bestSoFar);
  sameLength(fn, 'numbers', numbers.length, 'values', values.length);
  sameLength(fn, 'numbers', numbers.length, 'bestSoFar', best.length);
  const n = numbers.length;
  const logY = options.logY === true;
  if (logY) {
    values.forEach((v, i) => {
      if (!(v > 0)) failOption(fn, `values[${i}] is ${v}, which a log axis cannot show (logY: false)`);
    });
  }
  const objective = options.objectiveName ?? 'Objective value';
  const trialName = 'trial';
  const bestName = `best so far (${history.direction})`;
  const names = [trialName, bestName];
  const x = { field: 'trial', type: 'quantitative', title: 'Trial', axis: { tickMinStep: 1 }, scale: { padding: 8 } };
  const y = { field: 'value', type: 'quantitative', title: `${objective}${logY ? ' (log scale)' : ''}`, scale: logY ? { type: 'log', padding: 8 } : { zero: false, padding: 8 } };
  const trials: { trial: number; value: number; series: string }[] = [];
  const steps: { trial: number; value: number; series: string }[] = [];
  let bestAt = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(values[i])) trials.push({ trial: numbers[i], value: values[i], series: trialName });
    if (Number.isFinite(best[i])) {
      steps.push({ trial: numbers[i], value: best[i], series: bestName });
      if (bestAt < 0 || best[i] !== best[bestAt]) bestAt = i;
    }
  }
  const color = seriesColor(names, 'right', ['#4c78a8', '#e45756']);
  const layers = [
    {
      name: 'trials',
      data: { values: trials },
      mark: { type: 'point', filled: true, size: 40, opacity: 0.7 },
      encoding: { x, y, color, tooltip: [{ field: 'trial', type: 'quantitative' }, { field: 'value', type: 'quantitative', title: objective, format: '.5g' }] },
    },
    {
      name: 'best',
      data: { values: steps },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: { x, y, color },
    },
  ];
  const description =
    `Optimization history of ${n} complete trial${n === 1 ? '' : 's'} (${history.direction})` +
    (bestAt >= 0 ? `: best value ${fmt(best[bestAt])} at trial ${numbers[bestAt]}` : '') +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
