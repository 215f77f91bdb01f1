import type { Dataset } from './Dataset';
import { addPixelNoise, drawDigit, readSize, readStrokeStyle } from './digitStrokes';
import { balancedLabels, readInt, readNum, seededRng } from './internal';

/** Options of {@link syntheticDigits}. */
export interface SyntheticDigitsOptions {
  /** The number of images, split evenly over the ten digits. Defaults to `1000`. */
  n?: number;
  /** The side of each square image in pixels: 8, 16 or 28. Defaults to `16`. */
  size?: 8 | 16 | 28;
  /** The standard deviation of the Gaussian pixel noise (intensities are in [0, 1] and clipped). Defaults to `0.1`. */
  noise?: number;
  /** The largest random shift in each direction, as a fraction of the image side. Defaults to `0.1`. */
  shift?: number;
  /** The mean stroke width, as a fraction of the image side (each image varies it by ±30%). Defaults to `0.12`. */
  thickness?: number;
  /** The largest horizontal shear of the strokes. Defaults to `0.2`. */
  slant?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/**
 * Digit images drawn procedurally — a stand-in for MNIST that needs no
 * download. Each image is one of ten hand-made stroke sets (0–9) drawn with
 * a random scale (±10%), slant, shift and stroke width, rasterised with
 * anti-aliasing (intensity = the pixel's coverage by the stroke) and
 * overlaid with clipped Gaussian noise. White strokes (1) on black (0).
 *
 * @param options - See {@link SyntheticDigitsOptions}.
 * @returns A {@link Dataset} with `shape [n, size, size, 1]`, `y` the digit, `numClasses: 10`.
 * @throws {InvalidOptionError} `syntheticDigits: size is 12, expected 8, 16 or 28`.
 * @example
 * syntheticDigits({ n: 20, size: 8, seed: 1 }).shape;
 * // => [20, 8, 8, 1]
 */
export function syntheticDigits(options: SyntheticDigitsOptions = {}): Dataset {
  const fn = 'syntheticDigits';
  const n = readInt(options.n, 1000, fn, 'n', 1);
  const size = readSize(options.size, fn);
  const noise = readNum(options.noise, 0.1, fn, 'noise', { min: 0 });
  const style = readStrokeStyle(options, fn);
  const rng = seededRng(options.seed, fn);
  const y = balancedLabels(n, 10, rng);
  const pixels = size * size;
  const x = new Float32Array(n * pixels);
  for (let i = 0; i < n; i++) drawDigit(x.subarray(i * pixels, (i + 1) * pixels), size, 0, size, y[i], style, rng);
  addPixelNoise(x, noise, rng);
  return { x, shape: [n, size, size, 1], y, numClasses: 10 };
}
