import { failOption } from '../core/configErrors';
import type { CapacitySweep } from '../diagnostics/types';
import { errorCurveLayers, fmt, frame, readField, readLayout, sameLength, seriesColor } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link capacitySweepPlot}. */
export interface CapacitySweepPlotOptions extends PlotOptions {
  /** A log scale for the capacity. Defaults to `true` when every capacity is > 0 and the largest is at least 20 times the smallest. */
  readonly logX?: boolean;
  /** The capacity axis title (e.g. "Hidden units"). Defaults to `"Capacity"`. */
  readonly capacityName?: string;
}

/**
 * A Vega-Lite spec of a capacity sweep: training and validation error
 * against model capacity, with the best capacity (lowest validation error)
 * marked by a vertical rule, the interpolation threshold (the first
 * capacity that fits the training set, training error ≈ 0) by another, and
 * the peak of a double descent by a point.
 *
 * What to look at: the classical U (under- then over-fitting) and where its
 * bottom is; past the interpolation threshold, whether the validation error
 * falls again (double descent) — then the biggest model may be the best.
 *
 * @param sweep - The result of `capacitySweep` (a `CapacitySweep`).
 * @param options - Title, size, log x, the capacity's name.
 * @returns A Vega-Lite v6 spec (layers: interpolation threshold, best, errors, peak).
 * @throws {InvalidOptionError} for a non-finite capacity (or one <= 0 on a log axis), arrays of different lengths, or a bad option.
 * @example
 * const sweep = capacitySweepFromErrors([10, 20, 40, 80, 160, 320], [0.3, 0.15, 0, 0, 0, 0], [0.35, 0.3, 0.6, 0.28, 0.22, 0.2]);
 * capacitySweepPlot(sweep, { capacityName: 'Hidden units' }).description;
 * // => 'Capacity sweep over 6 capacities (double-descent): best capacity 320 with validation error 0.2; interpolation threshold at 40; double-descent peak at 40.'
 * @see M. Belkin, D. Hsu, S. Ma, S. Mandal (2019), "Reconciling modern machine-learning practice and the classical bias–variance trade-off", PNAS 116(32); P. Nakkiran et al. (2020), "Deep Double Descent", ICLR.
 */
export function capacitySweepPlot(sweep: CapacitySweep, options: CapacitySweepPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'capacitySweepPlot';
  const layout = readLayout(fn, options, 'Capacity sweep');
  const caps = readField(fn, 'capacities', sweep.capacities);
  const train = readField(fn, 'trainError', sweep.trainError);
  const val = readField(fn, 'validationError', sweep.validationError);
  sameLength(fn, 'capacities', caps.length, 'trainError', train.length);
  sameLength(fn, 'capacities', caps.length, 'validationError', val.length);
  const n = caps.length;
  if (n === 0) failOption(fn, 'the sweep has no points');
  let lo = Infinity;
  let hi = -Infinity;
  caps.forEach((v, i) => {
    if (!Number.isFinite(v)) failOption(fn, `capacities[${i}] is ${v}, expected a finite number`);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  });
  const logX = options.logX ?? (lo > 0 && hi >= 20 * lo);
  if (logX && lo <= 0) failOption(fn, `capacities hold ${lo}, which a log axis cannot show (logX: false)`);
  const capName = options.capacityName ?? 'Capacity';
  const trainName = 'training error';
  const valName = 'validation error';
  const names = [trainName, valName];
  const colors = ['#4c78a8', '#f58518'];
  const x = { field: 'capacity', type: 'quantitative', title: `${capName}${logX ? ' (log scale)' : ''}`, scale: logX ? { type: 'log', nice: false, padding: 12 } : { zero: false, padding: 12 } };
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, Number.isFinite(train[i]) ? train[i] : 0, Number.isFinite(val[i]) ? val[i] : 0);
  // head room above the highest point, so that the peak's marker is not cut
  const y = { field: 'error', type: 'quantitative', title: 'Error', scale: top > 0 ? { domain: [0, top * 1.08] } : { zero: true } };
  const layers: Record<string, unknown>[] = [];
  const it = sweep.interpolationThreshold;
  if (it && Number.isFinite(it.capacity)) {
    const name = `interpolation threshold (${fmt(it.capacity)})`;
    names.push(name);
    colors.push('#bab0ac');
    layers.push({ name: 'interpolation', data: { values: [{ capacity: it.capacity, series: name }] }, mark: { type: 'rule', strokeDash: [2, 2], strokeWidth: 1.5 }, encoding: { x } });
  }
  const best = sweep.best;
  const hasBest = best && Number.isFinite(best.capacity);
  if (hasBest) {
    const name = `best capacity ${fmt(best.capacity)} (validation error ${fmt(best.validationError)})`;
    names.push(name);
    colors.push('#54a24b');
    layers.push({ name: 'best', data: { values: [{ capacity: best.capacity, error: best.validationError, series: name }] }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x } });
  }
  layers.push(...errorCurveLayers('capacity', capName, caps, train, val, { train: trainName, validation: valName }, { x, y }));
  const peak = sweep.peak;
  if (peak && Number.isFinite(peak.capacity) && Number.isFinite(peak.validationError)) {
    const name = `double-descent peak (${fmt(peak.capacity)})`;
    names.push(name);
    colors.push('#e45756');
    layers.push({
      name: 'peak',
      data: { values: [{ capacity: peak.capacity, error: peak.validationError, series: name }] },
      mark: { type: 'point', shape: 'triangle-up', filled: true, size: 120 },
      encoding: { x, y },
    });
  }
  for (const l of layers) (l.encoding as Record<string, unknown>).color = seriesColor(names, 'right', colors);
  const description =
    `Capacity sweep over ${n} capacities (${sweep.shape})` +
    (hasBest ? `: best capacity ${fmt(best.capacity)} with validation error ${fmt(best.validationError)}` : '') +
    (it ? `; interpolation threshold at ${fmt(it.capacity)}` : '') +
    (peak ? `; double-descent peak at ${fmt(peak.capacity)}` : '') +
    '.';
  return frame(layout, description, { layer: layers }) as LayeredVegaLiteSpec;
}
