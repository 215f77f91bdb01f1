// Shared by the plot functions: option reading, the top-level frame of a
// spec, and rows of plain JSON numbers (NaN and ±Infinity become null, which
// JSON can carry and Vega-Lite treats as missing).
import { assertSameLength } from '../../core/assert';
import { asOptionError, failOption, readNumOption } from '../../core/configErrors';
import { readNumbers } from '../../core/readNumbers';
import type { NumericInput } from '../../core/types';
import type { PlotOptions, VegaLiteSpec } from '../types';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The layout of a figure after defaults. */
export interface Layout {
  title: string;
  width: number;
  height: number;
  description: string | undefined;
}

export function readLayout(fn: string, options: PlotOptions | undefined, title: string, width = 400, height = 300): Layout {
  const o = options ?? {};
  if (o.title !== undefined && typeof o.title !== 'string') failOption(fn, `title must be a string, got ${String(o.title)}`);
  if (o.description !== undefined && typeof o.description !== 'string') failOption(fn, `description must be a string, got ${String(o.description)}`);
  return {
    title: o.title ?? title,
    width: readNumOption(o.width, width, fn, 'width', { min: 0, minExclusive: true }),
    height: readNumOption(o.height, height, fn, 'height', { min: 0, minExclusive: true }),
    description: o.description,
  };
}

/**
 * Reads a numeric field of a result object (NaN and ±Infinity allowed);
 * `null` entries — what JSON makes of NaN and ±Infinity — are read as NaN,
 * so a result read back from JSON plots too. Throws InvalidOptionError.
 */
export function readField(fn: string, arg: string, values: NumericInput | undefined): Float64Array {
  if (values === undefined) failOption(fn, `${arg} is missing`);
  const v = Array.isArray(values) && values.includes(null as never) ? values.map((e: unknown) => (e === null ? NaN : e)) : values;
  return asOptionError(() => readNumbers(v as NumericInput, fn, arg, { allowNonFinite: true }));
}

/** Reads a numeric field whose entries must all be finite; throws InvalidOptionError. */
export function readFiniteField(fn: string, arg: string, values: NumericInput | undefined): Float64Array {
  if (values === undefined) failOption(fn, `${arg} is missing`);
  return asOptionError(() => readNumbers(values, fn, arg));
}

export function sameLength(fn: string, a: string, na: number, b: string, nb: number): void {
  asOptionError(() => assertSameLength(fn, a, na, b, nb));
}

/** A number for JSON: non-finite values become null. */
export function num(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The top-level frame shared by every figure. */
export function frame(layout: Layout, description: string, body: Record<string, unknown>, sized = true): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    description: layout.description ?? description,
    title: layout.title,
    ...(sized ? { width: layout.width, height: layout.height } : {}),
    ...body,
  };
}

/** Colours of the series, in legend order (Tableau 10, as Vega-Lite's default). */
export const PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/** A colour encoding of the field `series` with a fixed legend order and colours. */
export function seriesColor(names: readonly string[], orient = 'right', colors: readonly string[] = PALETTE): Record<string, unknown> {
  return {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [...names], range: names.map((_, i) => colors[i % colors.length]) },
    legend: { orient, labelLimit: 0 },
  };
}

/** A point to mark on a curve, with an optional label for the legend. */
export function pointLabel(fallback: string, label: string | undefined, threshold: number | undefined): string {
  if (label !== undefined) return label;
  return threshold !== undefined && Number.isFinite(threshold) ? `${fallback} (threshold ${fmt(threshold)})` : fallback;
}

/** Reads an option that is one item or a list of them. */
export function asList<T>(v: T | readonly T[] | undefined): readonly T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/** A short number for titles and descriptions (4 significant digits). */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number(v.toPrecision(4)).toString();
}

/** The largest of `options.maxPoints` (default 2000) as an integer >= 2. */
export function readMaxPoints(fn: string, value: number | undefined): number {
  const v = readNumOption(value, 2000, fn, 'maxPoints', { min: 2 });
  if (!Number.isInteger(v)) failOption(fn, `maxPoints is ${v}, expected an integer >= 2`);
  return v;
}

/** A coordinate for a long curve, to float32 precision (7 significant digits): far below a pixel, and a third of the JSON. */
export function short(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(7)) : null;
}

/** A Vega-Lite transform that adds the constant field `series` (instead of repeating it in every row). */
export function seriesField(name: string): Record<string, unknown>[] {
  return [{ calculate: JSON.stringify(name), as: 'series' }];
}

/**
 * The tick values of a log axis over [lo, hi]: the powers of ten inside it,
 * one grid line per decade instead of nine (vega draws a line at every
 * 2…9 multiple, labelled or not). `undefined` (vega's own ticks) when fewer
 * than two decades fit.
 */
export function decades(lo: number, hi: number): number[] | undefined {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return undefined;
  const out: number[] = [];
  // inward: a tick outside the scale's domain would be drawn outside the plot
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) out.push(Number(`1e${k}`));
  return out.length >= 2 ? out : undefined;
}

/**
 * The two layers of a train-versus-validation error chart (a line and its
 * points, with a tooltip), shared by the learning-curve and capacity-sweep
 * figures: one row per finite error, `series` naming the curve.
 */
export function errorCurveLayers(
  xField: string,
  xTitle: string,
  xs: Float64Array,
  train: Float64Array,
  validation: Float64Array,
  names: { readonly train: string; readonly validation: string },
  encoding: { readonly x: Record<string, unknown>; readonly y: Record<string, unknown> },
): Record<string, unknown>[] {
  const rows: Record<string, number | string>[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(train[i])) rows.push({ [xField]: xs[i], error: train[i], series: names.train });
    if (Number.isFinite(validation[i])) rows.push({ [xField]: xs[i], error: validation[i], series: names.validation });
  }
  const tooltip = [{ field: 'series', type: 'nominal' }, { field: xField, type: 'quantitative', title: xTitle }, { field: 'error', type: 'quantitative', format: '.4f' }];
  return [
    { name: 'errors', data: { values: rows }, mark: { type: 'line' }, encoding },
    { name: 'errorPoints', data: { values: rows }, mark: { type: 'point', filled: true, size: 40 }, encoding: { ...encoding, tooltip } },
  ];
}
