import { failOption } from '../core/configErrors';
import type { LearningRateFinderResult } from '../search/findLearningRate';
import { decades, fmt, frame, readField, readLayout, sameLength, seriesColor } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** The suggested rates of a learning-rate range test. */
export type LearningRateSuggestion = 'steepest' | 'valley' | 'minimum';

/** Options of {@link learningRatePlot}. */
export interface LearningRatePlotOptions extends PlotOptions {
  /** Which suggested rates to mark with vertical rules. Defaults to `['valley', 'steepest', 'minimum']`. */
  readonly suggestions?: readonly LearningRateSuggestion[];
  /** Draw the raw mini-batch losses behind the smoothed curve. Defaults to `true`. */
  readonly raw?: boolean;
}

const SUGGESTIONS: readonly LearningRateSuggestion[] = ['valley', 'steepest', 'minimum'];

/**
 * A Vega-Lite spec of a learning-rate range test: the mini-batch loss (thin)
 * and its bias-corrected moving average (thick) against the learning rate on
 * a log axis, with the suggested rates (`valley`, `steepest`, `minimum`)
 * marked by vertical rules. The y axis spans the smoothed curve, so the last
 * diverging raw losses are clipped at the top rather than flattening the
 * rest; non-finite losses are left out.
 *
 * What to look at: the stretch where the smoothed loss falls steeply — a
 * good learning rate lies in it, about a decade below where the loss is
 * lowest and well before it shoots up.
 *
 * @param result - The result of `findLearningRate`.
 * @param options - Title, size, which suggestions to mark, raw losses.
 * @returns A Vega-Lite v6 spec (layers: raw, smoothed, suggestions).
 * @throws {InvalidOptionError} for a non-positive or non-finite learning rate, arrays of different lengths, or a bad option.
 * @example
 * const spec = learningRatePlot(await findLearningRate(model, x, y));
 * spec.layer.length;
 * // => 3
 * @see L. N. Smith (2017), "Cyclical Learning Rates for Training Neural Networks", WACV; fastai `lr_find`.
 */
export function learningRatePlot(result: LearningRateFinderResult, options: LearningRatePlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'learningRatePlot';
  const layout = readLayout(fn, options, 'Learning-rate range test');
  const lr = readField(fn, 'learningRates', result.learningRates);
  const losses = readField(fn, 'losses', result.losses);
  const smoothed = readField(fn, 'smoothedLosses', result.smoothedLosses);
  sameLength(fn, 'learningRates', lr.length, 'losses', losses.length);
  sameLength(fn, 'learningRates', lr.length, 'smoothedLosses', smoothed.length);
  if (lr.length === 0) failOption(fn, 'the result has no steps');
  lr.forEach((v, i) => {
    if (!(v > 0 && Number.isFinite(v))) failOption(fn, `learningRates[${i}] is ${v}, expected a finite number > 0`);
  });
  const suggestions = options.suggestions ?? SUGGESTIONS;
  suggestions.forEach((s, i) => {
    if (!SUGGESTIONS.includes(s)) failOption(fn, `suggestions[${i}] is ${JSON.stringify(s)}, expected one of "valley", "steepest", "minimum"`);
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < lr.length; i++) {
    const s = smoothed[i];
    if (Number.isFinite(s)) {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    if (options.raw !== false && Number.isFinite(losses[i])) lo = Math.min(lo, losses[i]);
  }
  const rawName = 'mini-batch loss';
  const smoothName = 'smoothed loss';
  const names = options.raw !== false ? [rawName, smoothName] : [smoothName];
  let lrMin = Infinity;
  let lrMax = -Infinity;
  for (const v of lr) {
    lrMin = Math.min(lrMin, v);
    lrMax = Math.max(lrMax, v);
  }
  const ticks = decades(lrMin, lrMax);
  const x = { field: 'learningRate', type: 'quantitative', title: 'Learning rate (log scale)', scale: { type: 'log' }, axis: ticks ? { values: ticks, format: '.0e' } : { format: '.0e' } };
  const y = { field: 'loss', type: 'quantitative', title: 'Training loss', scale: Number.isFinite(lo) && hi > lo ? { domain: [lo, hi], nice: false } : { zero: false } };
  const rows = (values: Float64Array, series: string) => {
    const out: { learningRate: number; loss: number; step: number; series: string }[] = [];
    for (let i = 0; i < lr.length; i++) if (Number.isFinite(values[i])) out.push({ learningRate: lr[i], loss: values[i], step: i, series });
    return out;
  };
  const layers: Record<string, unknown>[] = [];
  if (options.raw !== false) {
    layers.push({ name: 'raw', data: { values: rows(losses, rawName) }, mark: { type: 'line', strokeWidth: 1, opacity: 0.6, clip: true }, encoding: { x, y } });
  }
  layers.push({
    name: 'smoothed',
    data: { values: rows(smoothed, smoothName) },
    mark: { type: 'line', strokeWidth: 2.5, clip: true },
    encoding: { x, y, tooltip: [{ field: 'step', type: 'quantitative' }, { field: 'learningRate', type: 'quantitative', format: '.3e' }, { field: 'loss', type: 'quantitative', format: '.4f' }] },
  });
  const marks = suggestions
    .map((s) => ({ s, rate: result[s] }))
    .filter((m) => m.rate > 0 && Number.isFinite(m.rate))
    .map((m) => {
      const series = `${m.s} ${m.rate.toExponential(1)}`;
      names.push(series);
      return { learningRate: m.rate, series, suggestion: m.s };
    });
  if (marks.length > 0) {
    layers.push({
      name: 'suggestions',
      data: { values: marks },
      mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x, tooltip: [{ field: 'suggestion', type: 'nominal' }, { field: 'learningRate', type: 'quantitative', format: '.3e' }] },
    });
  }
  for (const l of layers) (l.encoding as Record<string, unknown>).color = seriesColor(names, 'right', [...(options.raw !== false ? ['#9ecae9'] : []), '#4c78a8', '#54a24b', '#f58518', '#e45756']);
  const description =
    `Learning-rate range test over ${lr.length} steps from ${fmt(lr[0])} to ${fmt(lr[lr.length - 1])}` +
    (result.diverged ? ', stopped when the loss diverged' : '') +
    (marks.length > 0 ? `; suggested rates: ${marks.map((m) => `${m.suggestion} ${fmt(m.learningRate)}`).join(', ')}` : '') +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
