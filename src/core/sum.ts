/**
 * A running sum with Neumaier's compensation: the rounding error of every
 * addition is carried in a second float64, so summing many terms of very
 * different size (weights of 10^7 examples, areas of tiny trapezoids) loses
 * no more than one rounding overall.
 *
 * Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen".
 *
 * @example
 * const s = new CompensatedSum(); s.add(1e16); s.add(1); s.add(-1e16); s.value;
 * // => 1
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(x: number): this {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
    return this;
  }

  /** The compensated sum of the terms added so far. */
  get value(): number {
    return this.sum + this.compensation;
  }
}

/** The compensated sum of `values` (see {@link CompensatedSum}). */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) c += sum - t + x;
    else c += x - t + sum;
    sum = t;
  }
  return sum + c;
}
