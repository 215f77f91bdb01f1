import { failOption, readIntOption } from '../core/configErrors';
import { SCHEMA } from './internal/spec';
import type { VegaLiteSpec } from './types';

/** Options of {@link concatPlots}. */
export interface ConcatPlotsOptions {
  /** Figures per row. Defaults to all in one row. */
  readonly columns?: number;
  /** A title over all the figures. Defaults to none (each keeps its own). */
  readonly title?: string;
  /** The top-level description. Defaults to the figures' descriptions joined. */
  readonly description?: string;
}

const CHANNELS = ['x', 'y', 'color', 'size', 'shape', 'opacity', 'strokeDash'] as const;

/**
 * Puts several figures side by side in one Vega-Lite spec (a `concat`), so
 * that they render to one SVG: a reliability diagram before and after
 * temperature scaling, the PR curves of two models, the history of two
 * samplers. Each figure keeps its own title, axes, scales and legend
 * (scales and legends are resolved independently, so a colour means what
 * its own legend says).
 *
 * @param specs - Figures returned by the plot functions (or any top-level Vega-Lite specs without `config`).
 * @param options - Columns, title, description.
 * @returns A Vega-Lite v6 spec.
 * @throws {InvalidOptionError} for no figure, a figure that is not a Vega-Lite spec object, or a bad option.
 * @example
 * const spec = concatPlots([reliabilityPlot(before, { title: 'Before' }), reliabilityPlot(after, { title: 'After' })]);
 * spec.concat.length;
 * // => 2
 */
export function concatPlots(specs: readonly VegaLiteSpec[], options: ConcatPlotsOptions = {}): VegaLiteSpec & { readonly concat: readonly Record<string, unknown>[] } {
  const fn = 'concatPlots';
  if (!Array.isArray(specs) || specs.length === 0) failOption(fn, 'specs must be a non-empty array of Vega-Lite specs');
  const columns = options.columns === undefined ? undefined : readIntOption(options.columns, 1, fn, 'columns', 1);
  const children = specs.map((s, i) => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) failOption(fn, `specs[${i}] is not a Vega-Lite spec object`);
    if ('config' in s) failOption(fn, `specs[${i}] has a config, which only a top-level spec may have: move it to the result`);
    const { $schema: _schema, ...rest } = s as Record<string, unknown>;
    return rest;
  });
  const description =
    options.description ??
    specs
      .map((s) => (typeof s.description === 'string' ? s.description : ''))
      .filter((d) => d !== '')
      .join(' ');
  return {
    $schema: SCHEMA,
    description,
    ...(options.title !== undefined ? { title: options.title } : {}),
    concat: children,
    ...(columns !== undefined ? { columns } : {}),
    spacing: 24,
    resolve: {
      scale: Object.fromEntries(CHANNELS.map((c) => [c, 'independent'])),
      legend: Object.fromEntries(CHANNELS.filter((c) => c !== 'x' && c !== 'y').map((c) => [c, 'independent'])),
    },
  };
}
