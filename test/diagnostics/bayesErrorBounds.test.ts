import { expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { bayesErrorBounds } from '../../src/diagnostics/bayesErrorBounds';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

// Φ(−1) and Φ(−0.5), the standard normal CDF (to 16 digits, from erfc).
const PHI_MINUS_1 = 0.15865525393145707;
const PHI_MINUS_HALF = 0.3085375387259869;

function gaussian(rng: () => number): number {
  // Box–Muller.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** n examples alternating over the class means (equal priors), unit variance in every dimension. */
function mixture(means: number[][], n: number, seed: number): { x: number[][]; y: number[] } {
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % means.length;
    x.push(means[c].map((m) => m + gaussian(rng)));
    y.push(c);
  }
  return { x, y };
}

/** Leave-one-out k-NN error in float64 by a full sort: (distance, index) order, ties in the vote to the nearest. */
function bruteForce(x: number[][], y: number[], k: number): number {
  let errors = 0;
  for (let i = 0; i < x.length; i++) {
    const nb = x
      .map((p, j) => ({ j, d: p.reduce((s, v, c) => s + (v - x[i][c]) ** 2, 0) }))
      .filter((e) => e.j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k);
    const votes = new Map<number, number>();
    for (const e of nb) votes.set(y[e.j], (votes.get(y[e.j]) ?? 0) + 1);
    const most = Math.max(...votes.values());
    const predicted = nb.find((e) => votes.get(y[e.j]) === most)!;
    if (y[predicted.j] !== y[i]) errors++;
  }
  return errors / x.length;
}

describeEachBackend('bayesErrorBounds', () => {
  it('brackets the Bayes error Φ(−1) of two unit-variance 1-D Gaussians at ±1', () => {
    const { x, y } = mixture([[-1], [1]], 3000, 1);
    const b = bayesErrorBounds(x.map((p) => p[0]), y);
    expect(b.lower).toBeLessThan(PHI_MINUS_1);
    expect(b.upper).toBeGreaterThan(PHI_MINUS_1);
    // Asymptotically R = E[2η(1−η)] ≈ 0.22 here: the bounds are not vacuous.
    expect(b.lower).toBeGreaterThan(0.1);
    expect(b.upper).toBeLessThan(0.26);
    expect(b.lower).toBeCloseTo((1 - Math.sqrt(1 - 2 * b.nearestNeighbourError)) / 2, 15);
    expect(b).toMatchObject({ k: 1, numClasses: 2, labels: [0, 1], examples: 3000 });
  });

  it('brackets the Bayes error Φ(−0.5) of two 2-D Gaussians at (±0.5, 0)', () => {
    const { x, y } = mixture([[-0.5, 0], [0.5, 0]], 2000, 2);
    const b = bayesErrorBounds(x, y);
    expect(b.lower).toBeLessThan(PHI_MINUS_HALF);
    expect(b.upper).toBeGreaterThan(PHI_MINUS_HALF);
  });

  it('brackets the Bayes error (4/3)·Φ(−1) of three 1-D Gaussians at −2, 0, 2 with the L-class bound', () => {
    const { x, y } = mixture([[-2], [0], [2]], 3000, 3);
    const b = bayesErrorBounds(tf.tensor2d(x), y);
    const R = b.nearestNeighbourError;
    expect(b.numClasses).toBe(3);
    expect(b.lower).toBeCloseTo((2 / 3) * (1 - Math.sqrt(1 - 1.5 * R)), 15);
    expect(b.lower).toBeLessThan((4 / 3) * PHI_MINUS_1);
    expect(b.upper).toBeGreaterThan((4 / 3) * PHI_MINUS_1);
  });

  it('finds the same neighbours as an exact float64 search, ties to the lower index, for k = 1, 2, 3 and 4', () => {
    // Integer coordinates: many exactly equal distances.
    const rng = createRng(5);
    const x = Array.from({ length: 80 }, () => [Math.floor(rng() * 4), Math.floor(rng() * 4), Math.floor(rng() * 3)]);
    const y = x.map(() => Math.floor(rng() * 3));
    for (const k of [1, 2, 3, 4]) {
      expect(bayesErrorBounds(x, y, { k }).nearestNeighbourError).toBe(bruteForce(x, y, k));
      expect(bayesErrorBounds(x, y, { k, chunkSize: 7 }).nearestNeighbourError).toBe(bruteForce(x, y, k));
    }
  });

  it('ranks by exact distance where float32 cannot tell the neighbours apart', () => {
    // 1e-4 apart and far from the mean (-1000 pulls it away): in float32, ‖t‖² − 2·q·t of
    // these points is ~1e6 with errors ~0.1, far coarser than the distances 1e-8 to be ranked.
    const x = [[-1000], [1000], [1000.0001], [1000.00025], [1000.0004], [1000.00045]];
    const y = [2, 0, 0, 1, 1, 0];
    expect(bayesErrorBounds(x, y).nearestNeighbourError).toBe(bruteForce(x, y, 1));
  });

  it('reads a flat row-major x with numFeatures, as a Dataset holds it', () => {
    const { x, y } = mixture([[-1, 0], [1, 0]], 200, 6);
    expect(bayesErrorBounds(new Float32Array(x.flat()), y, { numFeatures: 2 })).toEqual(bayesErrorBounds(x.map((r) => r.map(Math.fround)), y));
  });

  it('breaks distance ties toward the lower index: the middle of 0, 1, 2 takes the neighbour at 0', () => {
    // 0 -> 1 (wrong), 1 -> tie between 0 and 2 -> 0 (wrong), 2 -> 1 (right).
    expect(bayesErrorBounds([0, 1, 2], [0, 1, 1]).nearestNeighbourError).toBeCloseTo(2 / 3, 15);
  });

  it('caps the upper bound at (L−1)/L, where the lower bound also ends', () => {
    const b = bayesErrorBounds([0, 1, 2, 3], [0, 1, 0, 1]);
    expect(b.nearestNeighbourError).toBe(1);
    expect(b.upper).toBe(0.5);
    expect(b.lower).toBe(0.5);
  });

  it('gives [0, 0] for separable classes and for a single class', () => {
    expect(bayesErrorBounds([0, 0.1, 5, 5.1], ['a', 'a', 'b', 'b'])).toMatchObject({ lower: 0, upper: 0, labels: ['a', 'b'] });
    expect(bayesErrorBounds([0, 1, 2], [7, 7, 7])).toMatchObject({ lower: 0, upper: 0, numClasses: 1 });
  });

  it('reports the binomial standard error of R', () => {
    const b = bayesErrorBounds([0, 1, 2], [0, 1, 1]);
    expect(b.standardError).toBeCloseTo(Math.sqrt(((2 / 3) * (1 / 3)) / 3), 15);
  });

  it('leaves no tensor behind and does not change its tensor inputs', async () => {
    const { x, y } = mixture([[-1, 0], [1, 0]], 300, 4);
    const xt = tf.tensor2d(x);
    const yt = tf.tensor1d(y, 'int32');
    const before = xt.arraySync();
    await expectNoLeak(() => bayesErrorBounds(xt, yt, { chunkSize: 64, k: 3 }));
    await expectNoLeak(() => bayesErrorBounds(tf.tidy(() => tf.tensor1d(x.map((p) => p[0]))), y).examples, 1);
    expect(xt.arraySync()).toEqual(before);
    tf.dispose([xt, yt]);
    tf.disposeVariables();
  });

  it('rejects bad input with DiagnosticsInputError naming the argument, index and value', () => {
    expect(() => bayesErrorBounds([[0, 1], [NaN, 2]], [0, 1])).toThrow('bayesErrorBounds: x[1][0] is NaN');
    expect(() => bayesErrorBounds([0, 1, 2], [0, 1])).toThrow('bayesErrorBounds: y has 2 entries but x has 3 rows');
    expect(() => bayesErrorBounds([0], [0])).toThrow('bayesErrorBounds: x has 1 row, expected at least 2');
    expect(() => bayesErrorBounds([0, 1, 2], [0, 1, 0], { k: 3 })).toThrow('bayesErrorBounds: k is 3 but there are only 2 other examples per example');
    expect(() => bayesErrorBounds([0, 1, 2], [0, 1, 0], { chunkSize: 0 })).toThrow(DiagnosticsInputError);
    expect(() => bayesErrorBounds([0, 1], [0, NaN])).toThrow('bayesErrorBounds: y[1] is NaN, not a valid label');
  });
});
