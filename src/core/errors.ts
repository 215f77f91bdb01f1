/**
 * The root of every error this library throws on purpose. Catch it to tell
 * the library's input errors apart from bugs and from tfjs's own errors.
 *
 * @example
 * try { averagePrecision([0, 1], [0.5]); } catch (e) { e instanceof TfjsMethodologyError; }
 * // => true
 */
export class TfjsMethodologyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Bad input to a metric: a length mismatch, an empty input, a NaN or infinite
 * score, labels that are not binary where binary labels are required, a
 * negative weight, an unknown option value. The message names the function,
 * the argument, and the first offending index and value, e.g.
 * `averagePrecision: yScore[17] is NaN`.
 */
export class MetricInputError extends TfjsMethodologyError {}

/**
 * Thrown, only when the caller asks for it with `zeroDivision: 'error'`, by a
 * metric whose value is mathematically undefined for the given input (for
 * example recall with no positive examples). By default such a metric
 * returns `NaN` instead.
 */
export class UndefinedMetricError extends TfjsMethodologyError {}
