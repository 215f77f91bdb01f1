// Brute-force operating points for the threshold-selector tests: every
// distinct score and +Infinity as a threshold, counts by a plain loop.
import fc from 'fast-check';

export interface BrutePoint {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

/** Operating points at +Infinity and at every distinct score, highest threshold first. */
export function brutePoints(y: number[], s: number[], w?: number[]): BrutePoint[] {
  const thresholds = [Infinity, ...Array.from(new Set(s)).sort((a, b) => b - a)];
  return thresholds.map((t) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      const pos = s[i] >= t;
      if (y[i] === 1) {
        if (pos) tp += wi;
        else fn += wi;
      } else if (pos) fp += wi;
      else tn += wi;
    }
    return {
      threshold: t,
      tp,
      fp,
      fn,
      tn,
      precision: tp + fp > 0 ? tp / (tp + fp) : NaN,
      recall: tp + fn > 0 ? tp / (tp + fn) : NaN,
    };
  });
}

/** Small binary datasets with many ties (scores on a coarse grid) and optional integer weights. */
export function binaryData(weighted: boolean) {
  return fc
    .integer({ min: 1, max: 25 })
    .chain((n) =>
      fc.record({
        y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        s: fc.array(fc.integer({ min: 0, max: 8 }).map((k) => k / 8), { minLength: n, maxLength: n }),
        w: weighted
          ? fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), { nil: undefined })
          : fc.constant(undefined),
      }),
    );
}
