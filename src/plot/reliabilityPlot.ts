import { failOption, readNumOption } from '../core/configErrors';
import type { ReliabilityDiagram } from '../selective/calibrationBins';
import { fmt, frame, readField, readLayout, sameLength, seriesColor } from './internal/spec';
import type { LayeredVegaLiteSpec, PlotOptions } from './types';

/** Options of {@link reliabilityPlot}. */
export interface ReliabilityPlotOptions extends PlotOptions {
  /** The expected calibration error (e.g. from `expectedCalibrationError`), shown in the legend and the description. Defaults to none. */
  readonly ece?: number;
  /** The label of the bars in the legend. Defaults to `"accuracy per bin"`, followed by the ECE when `ece` is given. */
  readonly label?: string;
}

/**
 * A Vega-Lite spec of a reliability diagram: one bar per non-empty
 * confidence bin, spanning the bin and as high as the fraction of its
 * examples that are correct, against the diagonal accuracy = confidence of
 * perfect calibration; a dot at each bin's mean confidence and accuracy,
 * sized by the number of examples in the bin (empty bins are left out).
 *
 * What to look at: bars below the diagonal are over-confidence (the usual
 * failure of modern networks, fixed by temperature scaling), above it
 * under-confidence; weigh each gap by its dot's size — the expected
 * calibration error is the count-weighted mean gap.
 *
 * @param diagram - The result of `reliabilityDiagram`.
 * @param options - Title, size, ECE, label.
 * @returns A Vega-Lite v6 spec (layers: diagonal, bars, dots).
 * @throws {InvalidOptionError} for arrays of different lengths, a negative or non-finite count, or a bad option.
 * @example
 * const spec = reliabilityPlot(reliabilityDiagram([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 }));
 * spec.description;
 * // => 'Reliability diagram of 2 non-empty bins (4 examples) against the diagonal of perfect calibration.'
 * @see C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger (2017), "On Calibration of Modern Neural Networks", ICML; A. Niculescu-Mizil and R. Caruana (2005), ICML.
 */
export function reliabilityPlot(diagram: ReliabilityDiagram, options: ReliabilityPlotOptions = {}): LayeredVegaLiteSpec {
  const fn = 'reliabilityPlot';
  const layout = readLayout(fn, options, 'Reliability diagram', 400, 400);
  const lower = readField(fn, 'lower', diagram.lower);
  const upper = readField(fn, 'upper', diagram.upper);
  const confidence = readField(fn, 'confidence', diagram.confidence);
  const accuracy = readField(fn, 'accuracy', diagram.accuracy);
  const count = readField(fn, 'count', diagram.count);
  const m = lower.length;
  sameLength(fn, 'lower', m, 'upper', upper.length);
  sameLength(fn, 'lower', m, 'confidence', confidence.length);
  sameLength(fn, 'lower', m, 'accuracy', accuracy.length);
  sameLength(fn, 'lower', m, 'count', count.length);
  const ece = options.ece === undefined ? undefined : readNumOption(options.ece, 0, fn, 'ece', { min: 0 });
  const barName = options.label ?? (ece !== undefined ? `accuracy per bin (ECE = ${fmt(ece)})` : 'accuracy per bin');
  const dotName = 'mean confidence of the bin';
  const rows: Record<string, number>[] = [];
  let total = 0;
  for (let b = 0; b < m; b++) {
    if (!(count[b] >= 0 && Number.isFinite(count[b]))) failOption(fn, `count[${b}] is ${count[b]}, expected a finite number >= 0`);
    total += count[b];
    if (count[b] === 0) continue;
    if (![lower[b], upper[b], confidence[b], accuracy[b]].every(Number.isFinite)) {
      failOption(fn, `bin ${b} has ${count[b]} examples but a non-finite edge, confidence or accuracy`);
    }
    rows.push({ lower: lower[b], upper: upper[b], confidence: confidence[b], accuracy: accuracy[b], count: count[b], gap: confidence[b] - accuracy[b] });
  }
  const names = [barName, dotName, 'perfect calibration'];
  const color = seriesColor(names, 'right', ['#4c78a8', '#e45756', '#888888']);
  const x = { field: 'confidence', type: 'quantitative', title: 'Confidence', scale: { domain: [0, 1] } };
  const y = { field: 'accuracy', type: 'quantitative', title: 'Accuracy', scale: { domain: [0, 1] } };
  const tooltip = [
    { field: 'lower', type: 'quantitative', title: 'bin from', format: '.3f' },
    { field: 'upper', type: 'quantitative', title: 'bin to', format: '.3f' },
    { field: 'confidence', type: 'quantitative', title: 'mean confidence', format: '.4f' },
    { field: 'accuracy', type: 'quantitative', format: '.4f' },
    { field: 'count', type: 'quantitative', title: 'examples' },
  ];
  const layers = [
    {
      name: 'bars',
      data: { values: rows.map((r) => ({ ...r, series: barName })) },
      mark: { type: 'rect', opacity: 0.6, stroke: 'white', strokeWidth: 1 },
      encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, y, y2: { datum: 0 }, color, tooltip },
    },
    {
      name: 'diagonal',
      data: { values: [{ confidence: 0, accuracy: 0, series: 'perfect calibration' }, { confidence: 1, accuracy: 1, series: 'perfect calibration' }] },
      mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 1 },
      encoding: { x, y, color },
    },
    {
      name: 'dots',
      data: { values: rows.map((r) => ({ ...r, series: dotName })) },
      mark: { type: 'point', filled: true, opacity: 0.9 },
      encoding: {
        x,
        y,
        color,
        size: { field: 'count', type: 'quantitative', title: 'examples', scale: { zero: true, range: [10, 300] }, legend: { orient: 'right' } },
        tooltip,
      },
    },
  ];
  const description =
    `Reliability diagram of ${rows.length} non-empty bins (${fmt(total)} examples)` +
    (ece !== undefined ? ` with expected calibration error ${fmt(ece)}` : '') +
    ' against the diagonal of perfect calibration.';
  return frame(layout, description, { layer: JSON.parse(JSON.stringify(layers)) as unknown[] }) as LayeredVegaLiteSpec;
}
