/**
 * A Vega-Lite v6 specification as the plot functions return it: a plain,
 * JSON-serialisable object with `$schema`, a `description` (the SVG's
 * `aria-label`) and its data inlined as `data.values`. Typed loosely on
 * purpose, so that the library needs no `vega-lite` types; cast it to
 * vega-lite's `TopLevelSpec` to edit it with type checking.
 */
export interface VegaLiteSpec {
  /** `https://vega.github.io/schema/vega-lite/v6.json`. */
  readonly $schema: string;
  /** What the figure shows, in one sentence (read by screen readers). */
  readonly description: string;
  readonly [key: string]: unknown;
}

/** Options shared by every plot function. */
export interface PlotOptions {
  /** The title. Defaults to the figure's name (e.g. "Precision-recall curve"). */
  readonly title?: string;
  /** Width of the plotting area in pixels. Defaults to 400 (300 per panel for small multiples). */
  readonly width?: number;
  /** Height of the plotting area in pixels. Defaults to 300 (160 per panel for small multiples). */
  readonly height?: number;
  /** The top-level `description` (the SVG's `aria-label`). Defaults to a sentence generated from the data. */
  readonly description?: string;
}

/** One layer of a layered figure; `name` identifies it (`curve`, `points`, `chance`, …) and names its marks in the SVG (`curve_marks`). */
export interface VegaLiteLayer {
  readonly name: string;
  readonly [key: string]: unknown;
}

/** A figure made of named layers, as most plot functions return it. */
export interface LayeredVegaLiteSpec extends VegaLiteSpec {
  readonly layer: readonly VegaLiteLayer[];
}
