import { failOption, readNumOption } from '../core/configErrors';
import type { LearningCurve } from '../diagnostics/types';
import { errorCurveLayers, fmt, frame, readField, readLayout, sameLength, seriesColor } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link learningCurvePlot}. */
export interface LearningCurvePlotOptions extends PlotOptions {
  /** The validation error you aim for: drawn as a horizontal rule, and the size at which the fitted power law reaches it is marked (the fit extended up to it, at most 1000 times the largest size measured). Defaults to none. */
  readonly targetError?: number;
  /** A log scale for the training-set size. Defaults to `true`. */
  readonly logX?: boolean;
  /** Draw the fitted power law a·n^(−b) + c. Defaults to `true`. */
  readonly fit?: boolean;
}

const FIT_POINTS = 80;

/**
 * A Vega-Lite spec of a learning curve: training and validation error
 * against the training-set size (log axis by default), with the power law
 * error(n) ≈ a·n^(−b) + c fitted to the validation errors (dashed), its
 * asymptote c, and an optional target error with the size at which the fit
 * reaches it (`examplesNeeded`).
 *
 * What to look at: a large gap between the curves that narrows with more
 * data (variance: more data helps, and the fit says how much); both curves
 * high and flat (bias: more data will not help, a bigger model will); an
 * asymptote c above the target (the target is out of reach by data alone).
 *
 * @param curve - The result of `learningCurve` (a `LearningCurve`; one read back from JSON, without its `examplesNeeded` method, works too).
 * @param options - Title, size, target error, log x, fit.
 * @returns A Vega-Lite v6 spec (layers: target, asymptote, fit, errors, reach point).
 * @throws {InvalidOptionError} for a size that is not finite and > 0 (on a log axis), arrays of different lengths, or a bad option.
 * @example
 * const curve = learningCurveFromErrors([100, 200, 400, 800], [0.02, 0.03, 0.04, 0.045], [0.25, 0.19, 0.15, 0.12]);
 * learningCurvePlot(curve, { targetError: 0.08 }).description;
 * // => 'Learning curve at 4 training-set sizes from 100 to 800: training error 0.045 and validation error 0.12 at the largest; power-law fit with asymptote 0.05334; target error 0.08 reached by the fit at about 4744 examples.'
 * @see C. Cortes, L. D. Jackel, S. A. Solla, V. Vapnik, J. S. Denker (1994), "Learning Curves: Asymptotic Values and Rate of Convergence", NIPS; J. Hestness et al. (2017), "Deep Learning Scaling is Predictable, Empirically", arXiv 1712.00409.
 */
export function learningCurvePlot(curve: LearningCurve, options: LearningCurvePlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'learningCurvePlot';
  const layout = readLayout(fn, options, 'Learning curve');
  const sizes = readField(fn, 'sizes', curve.sizes);
  const train = readField(fn, 'trainError', curve.trainError);
  const val = readField(fn, 'validationError', curve.validationError);
  sameLength(fn, 'sizes', sizes.length, 'trainError', train.length);
  sameLength(fn, 'sizes', sizes.length, 'validationError', val.length);
  const n = sizes.length;
  if (n === 0) failOption(fn, 'the curve has no points');
  const logX = options.logX !== false;
  sizes.forEach((v, i) => {
    if (!(Number.isFinite(v) && (logX ? v > 0 : v >= 0))) failOption(fn, `sizes[${i}] is ${v}, expected a finite number ${logX ? '> 0' : '>= 0'}`);
  });
  const target = options.targetError === undefined ? undefined : readNumOption(options.targetError, 0, fn, 'targetError');
  const { a, b, c } = curve.fit;
  const showFit = options.fit !== false && [a, b, c].every(Number.isFinite);
  const trainName = 'training error';
  const valName = 'validation error';
  const fitName = `power-law fit ${fmt(a)}·n^−${fmt(b)} + ${fmt(c)}`;
  const names = [trainName, valName];
  const colors = ['#4c78a8', '#f58518'];
  let minSize = Infinity;
  let maxSize = -Infinity;
  for (const s of sizes) {
    minSize = Math.min(minSize, s);
    maxSize = Math.max(maxSize, s);
  }
  const x = { field: 'size', type: 'quantitative', title: `Training examples${logX ? ' (log scale)' : ''}`, scale: logX ? { type: 'log', nice: false, padding: 12 } : { zero: true } };
  const y = { field: 'error', type: 'quantitative', title: 'Error', scale: { zero: true } };
  const layers: Record<string, unknown>[] = [];

  let reach: { size: number; error: number } | undefined;
  if (target !== undefined && showFit) {
    // A curve read back from JSON has lost its method: solve a·n^(−b) + c = target from the fit instead.
    const examples =
      typeof curve.examplesNeeded === 'function'
        ? curve.examplesNeeded(target).examples
        : target > c && a > 0 && b > 0
          ? Math.ceil((a / (target - c)) ** (1 / b))
          : Infinity;
    if (Number.isFinite(examples) && examples > maxSize && examples <= 1000 * maxSize) reach = { size: examples, error: target };
  }
  if (target !== undefined) {
    const name = `target error ${fmt(target)}`;
    names.push(name);
    colors.push('#54a24b');
    layers.push({ name: 'target', data: { values: [{ error: target, series: name }] }, mark: { type: 'rule', strokeDash: [6, 4] }, encoding: { y } });
  }
  if (showFit) {
    names.push(fitName);
    colors.push('#b279a2');
    const end = reach ? reach.size : maxSize;
    const start = logX ? minSize : Math.max(minSize, Number.MIN_VALUE);
    const grid: { size: number; error: number; series: string }[] = [];
    for (let k = 0; k <= FIT_POINTS; k++) {
      const t = k / FIT_POINTS;
      const s = logX || start > 0 ? start * Math.pow(end / start, t) : start + (end - start) * t;
      const e = a * Math.pow(s, -b) + c;
      if (Number.isFinite(e)) grid.push({ size: s, error: e, series: fitName });
    }
    layers.push({ name: 'fit', data: { values: grid }, mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x, y } });
    const asymptote = `asymptote c = ${fmt(c)}`;
    names.push(asymptote);
    colors.push('#bab0ac');
    layers.push({ name: 'asymptote', data: { values: [{ error: c, series: asymptote }] }, mark: { type: 'rule', strokeDash: [2, 2], strokeWidth: 1 }, encoding: { y } });
  }
  layers.push(...errorCurveLayers('size', 'examples', sizes, train, val, { train: trainName, validation: valName }, { x, y }));
  if (reach) {
    const name = `target reached at n ≈ ${fmt(reach.size)} (by the fit)`;
    names.push(name);
    colors.push('#e45756');
    layers.push({ name: 'reach', data: { values: [{ ...reach, series: name }] }, mark: { type: 'point', shape: 'diamond', filled: true, size: 90 }, encoding: { x, y } });
  }
  for (const l of layers) (l.encoding as Record<string, unknown>).color = seriesColor(names, 'right', colors);
  const last = n - 1;
  const description =
    `Learning curve at ${n} training-set sizes from ${fmt(minSize)} to ${fmt(maxSize)}: ` +
    `training error ${fmt(train[last])} and validation error ${fmt(val[last])} at the largest` +
    (showFit ? `; power-law fit with asymptote ${fmt(c)}` : '') +
    (target !== undefined ? `; target error ${fmt(target)}${reach ? ` reached by the fit at about ${fmt(reach.size)} examples` : ''}` : '') +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
