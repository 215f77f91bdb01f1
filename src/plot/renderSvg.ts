import { TfjsMethodologyError } from '../core/errors';
import type { VegaLiteSpec } from './types';

/**
 * `vega` or `vega-lite` could not be loaded: they are optional peer
 * dependencies, needed only to render. `missing` names the packages that
 * failed to load; the message says how to install them.
 *
 * @example
 * const error = await renderSvg(spec).catch((e) => e);
 * error instanceof PlotDependencyError ? error.missing : [];
 * // => ['vega', 'vega-lite'] when neither is installed, [] when both are
 */
export class PlotDependencyError extends TfjsMethodologyError {
  /** The packages that could not be loaded. */
  readonly missing: readonly string[];
  constructor(message: string, missing: readonly string[], cause?: unknown) {
    super(message);
    this.missing = missing;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /**
   * Loads a module by its name (`'vega'` or `'vega-lite'`). Defaults to the
   * dynamic `import()` of the installed package; pass your own to load them
   * from elsewhere (a CDN build, an already loaded copy).
   */
  readonly loader?: (specifier: 'vega' | 'vega-lite') => Promise<unknown>;
  /** Multiplies the SVG's width and height (not the coordinates inside). Defaults to `1`. */
  readonly scaleFactor?: number;
  /** Receives vega-lite's and vega's warnings (the library never prints them). Defaults to ignoring them. */
  readonly onWarning?: (message: string) => void;
}

interface VegaModule {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: string; logger: Logger }) => { toSVG(scaleFactor?: number): Promise<string>; finalize(): void };
}

interface VegaLiteModule {
  compile(spec: unknown, options: { logger: Logger }): { spec: unknown };
}

/** vega's logger interface: errors are thrown by vega anyway, warnings go to `onWarning`. */
interface Logger {
  level(level?: number): number | Logger;
  error(...args: unknown[]): Logger;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
}

function quietLogger(onWarning: ((message: string) => void) | undefined): Logger {
  let current = 2; // vega.Warn
  const logger: Logger = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error: () => logger,
    warn: (...args: unknown[]) => {
      onWarning?.(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

// Literal specifiers, so that bundlers (vite, webpack, esbuild) see and
// resolve them; esbuild keeps `import()` as is in the CommonJS build, so
// `require('tfjs-methodology/plot')` still loads the ESM-only vega.
const defaultLoader = (specifier: 'vega' | 'vega-lite'): Promise<unknown> =>
  specifier === 'vega' ? import('vega') : import('vega-lite');

/** A module namespace, or its `default` when a CommonJS interop wrapped it. */
function unwrap<T>(mod: unknown, key: string): T {
  const m = mod as Record<string, unknown> | null;
  if (m && typeof m === 'object' && key in m) return m as T;
  return (m?.default ?? m) as T;
}

/**
 * Renders a Vega-Lite spec (such as the plot functions return) to an SVG
 * string, in Node or in the browser: compiles it with `vega-lite`, parses it
 * with `vega` and renders it headless (`renderer: 'none'`, then
 * `view.toSVG()`). The SVG is self-contained (fonts by name, no scripts) and
 * carries the spec's `description` as its `aria-label` and `<title>`.
 *
 * `vega` and `vega-lite` are optional peer dependencies (`npm install vega
 * vega-lite`), loaded lazily with a dynamic `import()` on the first call, so
 * the plot functions themselves need neither. Both are ESM-only packages
 * with top-level await: they cannot be `require`d. From CommonJS, call this
 * function (which `import()`s them) rather than requiring vega yourself.
 * The two `import()`s name the packages literally, so a bundler (vite,
 * webpack, esbuild) resolves and bundles them: install both before bundling
 * code that calls `renderSvg`, or mark them external, or pass `loader`.
 * Text widths are estimated (no canvas in Node), so labels may be placed a
 * few pixels differently than in a browser.
 *
 * @param spec - A Vega-Lite spec (a plain object).
 * @param options - `loader`, `scaleFactor`, `onWarning`.
 * @returns The SVG markup.
 * @throws {PlotDependencyError} when `vega` or `vega-lite` cannot be loaded,
 *   naming the packages to install.
 * @throws {Error} vega-lite's or vega's own error for an invalid spec.
 * @example
 * const svg = await renderSvg(rocPlot(rocCurve([0, 1, 1, 0], [0.1, 0.9, 0.6, 0.4])));
 * svg.startsWith('<svg');
 * // => true
 * @see Vega-Lite (A. Satyanarayan, D. Moritz, K. Wongsuphasawat, J. Heer (2017), IEEE TVCG 23(1)); https://vega.github.io/vega/usage/#view
 */
export async function renderSvg(spec: VegaLiteSpec | Record<string, unknown>, options: RenderSvgOptions = {}): Promise<string> {
  const load = options.loader ?? defaultLoader;
  const scaleFactor = options.scaleFactor ?? 1;
  const results = await Promise.allSettled([load('vega'), load('vega-lite')]);
  const names = ['vega', 'vega-lite'] as const;
  const missing = names.filter((_, i) => results[i]!.status === 'rejected');
  if (missing.length > 0) {
    const cause = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new PlotDependencyError(
      `renderSvg: could not load ${missing.join(' and ')} (optional peer dependencies of tfjs-methodology/plot): ` +
        `install them with \`npm install vega vega-lite\` (${why})`,
      missing,
      cause,
    );
  }
  const vega = unwrap<VegaModule>((results[0] as PromiseFulfilledResult<unknown>).value, 'View');
  const vl = unwrap<VegaLiteModule>((results[1] as PromiseFulfilledResult<unknown>).value, 'compile');
  const logger = quietLogger(options.onWarning);
  const view = new vega.View(vega.parse(vl.compile(spec, { logger }).spec), { renderer: 'none', logger });
  let svg: string;
  try {
    svg = await view.toSVG(scaleFactor);
  } finally {
    view.finalize();
  }
  return labelled(svg, (spec as { description?: unknown }).description);
}

/** XML-escapes text for an attribute or an element. */
function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Headless vega puts the description on the view's container element (which
// a string has none of): carry it into the SVG as role="img", aria-label and
// a <title>, so a screen reader or an <img alt>-less embed still reads it.
function labelled(svg: string, description: unknown): string {
  if (typeof description !== 'string' || description === '' || !svg.startsWith('<svg')) return svg;
  const text = escapeXml(description);
  const end = svg.indexOf('>');
  return `${svg.slice(0, end)} role="img" aria-label="${text}">` + `<title>${text}</title>${svg.slice(end + 1)}`;
}
