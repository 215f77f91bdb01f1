import type { Dataset } from './Dataset';
import { addPixelNoise, drawDigit, readSize, readStrokeStyle } from './digitStrokes';
import { readInt, readNum, seededRng } from './internal';
import type { SyntheticDigitsOptions } from './syntheticDigits';

/** Options of {@link syntheticNumbers}: those of {@link syntheticDigits} plus the number of digits. */
export interface SyntheticNumbersOptions extends SyntheticDigitsOptions {
  /** The number of digits side by side in each image. Defaults to `3`. */
  digits?: number;
}

/**
 * Images of multi-digit numbers: `digits` procedurally drawn digits (as in
 * {@link syntheticDigits}, each with its own shift, slant and width) side by
 * side, echoing the multi-digit number recognition example (Street View
 * house numbers) of the book. Digits are uniform on 0–9 independently, so a
 * number may start with 0.
 *
 * Reference: I. Goodfellow, Y. Bengio, A. Courville (2016), Deep Learning,
 * §11.2 and §12.2.1; I. Goodfellow et al. (2014), "Multi-digit number
 * recognition from Street View imagery using deep convolutional neural networks".
 *
 * @param options - See {@link SyntheticNumbersOptions}.
 * @returns A {@link Dataset} with `shape [n, size, size·digits, 1]`, `y` the
 *   digits row-major with `yShape [n, digits]` (most significant first) and `numClasses: 10`.
 * @throws {InvalidOptionError} `syntheticNumbers: digits is 0, expected a finite integer >= 1`.
 * @example
 * const d = syntheticNumbers({ n: 4, digits: 2, size: 8 });
 * [d.shape, d.yShape];
 * // => [[4, 8, 16, 1], [4, 2]]
 */
export function syntheticNumbers(options: SyntheticNumbersOptions = {}): Dataset {
  const fn = 'syntheticNumbers';
  const n = readInt(options.n, 1000, fn, 'n', 1);
  const digits = readInt(options.digits, 3, fn, 'digits', 1, 16);
  const size = readSize(options.size, fn);
  const noise = readNum(options.noise, 0.1, fn, 'noise', { min: 0 });
  const style = readStrokeStyle(options, fn);
  const rng = seededRng(options.seed, fn);
  const width = size * digits;
  const pixels = size * width;
  const x = new Float32Array(n * pixels);
  const y = new Int32Array(n * digits);
  for (let i = 0; i < n; i++) {
    const image = x.subarray(i * pixels, (i + 1) * pixels);
    for (let j = 0; j < digits; j++) {
      const digit = Math.floor(rng() * 10);
      y[i * digits + j] = digit;
      drawDigit(image, width, j * size, size, digit, style, rng);
    }
  }
  addPixelNoise(x, noise, rng);
  return { x, shape: [n, size, width, 1], y, yShape: [n, digits], numClasses: 10 };
}
