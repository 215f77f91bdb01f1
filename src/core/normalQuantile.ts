/**
 * The standard normal quantile function Φ⁻¹(p): the z with P(Z ≤ z) = p
 * for Z ~ N(0, 1).
 *
 * Wichura's algorithm AS 241 (PPND16): three rational approximations, for
 * |p − ½| ≤ 0.425, for the tail up to r = √(−log min(p, 1−p)) ≤ 5, and
 * beyond; relative accuracy about 1e-16 over the whole double range.
 * `normalQuantile(0)` is `-Infinity`, `normalQuantile(1)` is `Infinity`,
 * anything outside `[0, 1]` (or NaN) gives `NaN`, as scipy's `ndtri` does.
 *
 * Reference: M. J. Wichura (1988), "Algorithm AS 241: The percentage points
 * of the normal distribution", Applied Statistics 37(3), 477–484.
 *
 * @param p - A probability in `[0, 1]`.
 * @returns Φ⁻¹(p).
 * @example
 * normalQuantile(0.975);
 * // => 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.3871328727963666080)) /
      (((((((5226.4952788528545610 * r + 28729.085735721942674) * r + 39307.895800092710610) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.18700749205790830) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  // In the tails work with the smaller of p and 1 − p: 1 − p is exact here
  // (p > 0.925), so no precision is lost for upper-tail probabilities.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.76949722146069140550) *
        r +
        4.63033784615654529590) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r +
        1.48103976427480074590e-1) *
        r +
        6.89767334985100004550e-1) *
        r +
        1.67638483018380384940) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r +
        2.65321895265761230930e-2) *
        r +
        2.96560571828504891230e-1) *
        r +
        1.78482653991729133580) *
        r +
        5.46378491116411436990) *
        r +
        6.65790464350110377720) /
      (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r +
        7.86869131145613259100e-4) *
        r +
        1.48753612908506148525e-2) *
        r +
        1.36929880922735805310e-1) *
        r +
        5.99832206555887937690e-1) *
        r +
        1);
  }
  return q < 0 ? -z : z;
}

const SQRT_1_2PI = 0.39894228040143267794;

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x) for Z ~ N(0, 1).
 *
 * Cody's rational Chebyshev approximations (the algorithm of R's `pnorm`):
 * one for |x| ≤ 0.66291, one up to √32, an asymptotic one beyond; the
 * Gaussian factor exp(−x²/2) is split as exp(−x₁²/2)·exp(−(x−x₁)(x+x₁)/2)
 * with x₁ = ⌊16x⌋/16 so that it keeps full relative accuracy in the tails.
 * Accurate to about 1e-16 relative in the lower tail; `NaN` gives `NaN`.
 *
 * Reference: W. J. Cody (1969), "Rational Chebyshev approximations for the
 * error function", Mathematics of Computation 23, 631–637; W. J. Cody
 * (1993), ACM TOMS Algorithm 715 (ANORM).
 *
 * @param x - Any number.
 * @returns Φ(x), in `[0, 1]`.
 * @example
 * normalCdf(1.959963984540054);
 * // => 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > 1.1e-16 ? x * x : 0;
    let xnum = 0.065682337918207449113 * xsq;
    let xden = xsq;
    xnum = (xnum + 2.2352520354606839287) * xsq;
    xden = (xden + 47.20258190468824187) * xsq;
    xnum = (xnum + 161.02823106855587881) * xsq;
    xden = (xden + 976.09855173777669322) * xsq;
    xnum = (xnum + 1067.6894854603709582) * xsq;
    xden = (xden + 10260.932208618978205) * xsq;
    return 0.5 + (x * (xnum + 18154.981253343561249)) / (xden + 45507.789335026729956);
  }
  let tail: number; // P(Z > y)
  if (y > 38) {
    tail = 0;
  } else if (y <= 5.656854249492380195206754896838) {
    const c = [
      0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
      2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    ];
    const d = [
      22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
      18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
    ];
    let xnum = 1.0765576773720192317e-8 * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + c[i]) * y;
      xden = (xden + d[i]) * y;
    }
    tail = gaussianFactor(y) * ((xnum + c[7]) / (xden + d[7]));
  } else {
    const p = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5];
    const q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244];
    const xsq = 1 / (y * y);
    let xnum = 0.02307344176494017303 * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + p[i]) * xsq;
      xden = (xden + q[i]) * xsq;
    }
    let temp = (xsq * (xnum + p[4])) / (xden + 7.29751555083966205e-5);
    temp = (SQRT_1_2PI - temp) / y;
    tail = gaussianFactor(y) * temp;
  }
  return x > 0 ? 1 - tail : tail;
}

/** exp(−y²/2), split so that its relative error stays at one rounding for large y. */
function gaussianFactor(y: number): number {
  const y1 = Math.trunc(y * 16) / 16;
  const del = (y - y1) * (y + y1);
  return Math.exp(-y1 * y1 * 0.5) * Math.exp(-del * 0.5);
}
