// Internal: the strokes of the digits 0–9 and a distance-field rasteriser,
// shared by syntheticDigits and syntheticNumbers.
import { failOption } from '../core/configErrors';
import { gaussian, readNum, type Rng } from './internal';

type Polyline = number[]; // x0, y0, x1, y1, … in the unit box, y pointing down

/** Points of an elliptical arc from a0 to a1 degrees (y down: 90° is the bottom). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, steps = 16): Polyline {
  const out: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const a = ((a0 + ((a1 - a0) * s) / steps) * Math.PI) / 180;
    out.push(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
  }
  return out;
}

/** Each digit as polylines in the unit box (x right, y down), drawn the way a hand writes it. */
const STROKES: readonly (readonly Polyline[])[] = [
  [arc(0.5, 0.5, 0.2, 0.33, 0, 360, 28)],
  [[0.38, 0.28, 0.52, 0.15, 0.52, 0.85]],
  [[...arc(0.5, 0.33, 0.19, 0.18, 200, 380), 0.3, 0.85, 0.72, 0.85]],
  [arc(0.5, 0.32, 0.18, 0.17, 200, 450), arc(0.5, 0.67, 0.2, 0.18, 270, 520)],
  [[0.6, 0.85, 0.6, 0.15, 0.28, 0.62, 0.74, 0.62]],
  [[0.7, 0.15, 0.34, 0.15, 0.32, 0.47], arc(0.5, 0.64, 0.2, 0.2, 225, 500)],
  [[0.66, 0.17, 0.45, 0.3, 0.32, 0.6], arc(0.5, 0.66, 0.18, 0.19, 0, 360, 24)],
  [[0.28, 0.15, 0.72, 0.15, 0.42, 0.85]],
  [arc(0.5, 0.32, 0.16, 0.17, 0, 360, 24), arc(0.5, 0.67, 0.19, 0.18, 0, 360, 24)],
  [arc(0.5, 0.34, 0.18, 0.19, 0, 360, 24), [0.68, 0.36, 0.62, 0.6, 0.45, 0.85]],
];

/** The random variation of one drawn digit. */
export interface StrokeStyle {
  /** Largest shift in each direction, as a fraction of the cell. */
  shift: number;
  /** Mean stroke width, as a fraction of the cell. */
  thickness: number;
  /** Largest horizontal shear (slant). */
  slant: number;
}

/**
 * Draws `digit` into the `size × size` cell of `out` (a row-major image with
 * `stride` pixels per row) whose top-left pixel is at column `col0`: the
 * strokes are scaled by U(0.9, 1.1), slanted, shifted and drawn with a random
 * width (±30% around `thickness`), each pixel's intensity being its
 * anti-aliased coverage, clamp((w/2 − distance)/pixel + 1/2, 0, 1).
 */
export function drawDigit(out: Float32Array, stride: number, col0: number, size: number, digit: number, style: StrokeStyle, rng: Rng): void {
  const scale = 0.9 + 0.2 * rng();
  const slant = style.slant * (2 * rng() - 1);
  const dx = style.shift * (2 * rng() - 1);
  const dy = style.shift * (2 * rng() - 1);
  const half = (style.thickness * (0.7 + 0.6 * rng())) / 2;
  const segs: number[] = [];
  for (const line of STROKES[digit]) {
    let px = 0, py = 0;
    for (let p = 0; p < line.length; p += 2) {
      const yy = 0.5 + (line[p + 1] - 0.5) * scale;
      const xx = 0.5 + (line[p] - 0.5) * scale + slant * (0.5 - yy);
      const qx = xx + dx, qy = yy + dy;
      if (p > 0) segs.push(px, py, qx, qy);
      px = qx;
      py = qy;
    }
  }
  const pixel = 1 / size;
  for (let r = 0; r < size; r++) {
    const cy = (r + 0.5) * pixel;
    for (let c = 0; c < size; c++) {
      const cx = (c + 0.5) * pixel;
      let best = Infinity;
      for (let s = 0; s < segs.length; s += 4) {
        const ax = segs[s], ay = segs[s + 1], bx = segs[s + 2], by = segs[s + 3];
        const vx = bx - ax, vy = by - ay;
        const len2 = vx * vx + vy * vy;
        let t = len2 > 0 ? ((cx - ax) * vx + (cy - ay) * vy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ax + t * vx - cx, ey = ay + t * vy - cy;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
      }
      const v = (half - Math.sqrt(best)) / pixel + 0.5;
      out[r * stride + col0 + c] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}

/** Adds N(0, noise²) to every pixel and clips to [0, 1]. */
export function addPixelNoise(x: Float32Array, noise: number, rng: Rng): void {
  if (noise === 0) return;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] + noise * gaussian(rng);
    x[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
}

/** Reads the image side: 8, 16 or 28 pixels. */
export function readSize(size: number | undefined, fn: string): 8 | 16 | 28 {
  if (size === undefined) return 16;
  if (size !== 8 && size !== 16 && size !== 28) failOption(fn, `size is ${String(size)}, expected 8, 16 or 28`);
  return size;
}

/** Reads the handwriting options shared by syntheticDigits and syntheticNumbers, with their defaults. */
export function readStrokeStyle(options: { shift?: number; thickness?: number; slant?: number }, fn: string): StrokeStyle {
  return {
    shift: readNum(options.shift, 0.1, fn, 'shift', { min: 0, max: 0.5 }),
    thickness: readNum(options.thickness, 0.12, fn, 'thickness', { min: 0, max: 0.5, minExclusive: true }),
    slant: readNum(options.slant, 0.2, fn, 'slant', { min: 0, max: 1 }),
  };
}
