/**
 * Number and text formatting that reproduces Python's `format()` as
 * scikit-learn's `classification_report` uses it, so that our text report
 * matches its output character for character.
 */

/**
 * Python's `'{:.{digits}f}'.format(x)`: fixed-point, `nan`/`inf` spelled as
 * Python does, and exact ties rounded half to even (Python rounds the exact
 * binary value correctly, half-even; JavaScript's `toFixed` rounds ties away
 * from zero: 0.125 → "0.12" in Python, "0.13" in JavaScript).
 */
export function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const rounded = x.toFixed(digits);
  if (Math.abs(x) >= 1e21) return rounded;
  // The exact decimal expansion of x, far enough past the rounding digit to
  // show any non-zero tail: a double's distance to a tie is at least
  // 2^-53·|x|, visible within ~17 digits after the tie's digit.
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 40));
  const point = exact.indexOf('.');
  const tail = exact.slice(point + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const kept = digits === 0 ? exact.slice(0, point) : exact.slice(0, point + 1 + digits);
  const last = kept.charCodeAt(kept.length - 1) - 48;
  if (last % 2 === 1) return rounded;
  return (x < 0 ? '-' : '') + kept;
}

/**
 * Python's `repr(float(x))`: shortest round-trip digits (as JavaScript's
 * `String`), but integers keep a `.0` and exponents are used below 1e-4 and
 * from 1e16 on, with at least two exponent digits (`1e-05`, `1e+16`).
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

/** Right-aligns `s` in `width` characters, counting code points as Python does. */
export function padLeft(s: string, width: number): string {
  const length = [...s].length;
  return length >= width ? s : ' '.repeat(width - length) + s;
}

/** The length of `s` in code points (Python's `len`). */
export function codePointLength(s: string): number {
  return [...s].length;
}
