import { expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { createRng } from '../../src/core/random';
import { fitTemperature } from '../../src/selective/fitTemperature';
import { logLoss } from '../../src/selective/logLoss';
import { expectError } from '../core/expectError';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/** Labels drawn from softmax(z) of calibrated logits z; the model reports 3·z. */
function overConfident(n: number, k: number, seed: number): { logits: number[][]; labels: number[] } {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const logits: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: k }, () => 1.5 * normal());
    const e = z.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    let u = rng() * s;
    let y = 0;
    while (y < k - 1 && u > e[y]) u -= e[y++];
    labels.push(y);
    logits.push(z.map((v) => 3 * v));
  }
  return { logits, labels };
}

function softmaxRows(z: number[][], t: number): number[][] {
  return z.map((r) => {
    const m = Math.max(...r);
    const e = r.map((v) => Math.exp((v - m) / t));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** The exact minimiser of the NLL over T, by a dense float64 search (a reference, not the method). */
function referenceTemperature(z: number[][], y: number[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 6; t += 0.001) {
    const l = logLoss(y, softmaxRows(z, t), { labels: [0, 1, 2] });
    if (l < bestLoss) {
      bestLoss = l;
      best = t;
    }
  }
  return best;
}

const data = overConfident(600, 3, 7);
const reference = referenceTemperature(data.logits, data.labels);

describeEachBackend('fitTemperature', () => {
  it('finds the temperature that minimises the log loss of an over-confident model', async () => {
    const fit = await expectNoLeak(() => fitTemperature(data.logits, data.labels));
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toBe(false);
    expect(fit.temperature).toBeGreaterThan(2);
    expect(Math.abs(fit.temperature - reference)).toBeLessThan(2e-3);
  });

  it('lowers the log loss and leaves the accuracy unchanged', async () => {
    const fit = fitTemperature(data.logits, data.labels);
    expect(fit.logLossAfter).toBeLessThan(fit.logLossBefore);
    const before = softmaxRows(data.logits, 1);
    const after = softmaxRows(data.logits, fit.temperature);
    expect(logLoss(data.labels, after)).toBeLessThan(logLoss(data.labels, before));
    expect(logLoss(data.labels, after)).toBeCloseTo(fit.logLossAfter, 4);
    const argmax = (r: number[]) => r.indexOf(Math.max(...r));
    const acc = (p: number[][]) => p.filter((r, i) => argmax(r) === data.labels[i]).length;
    expect(acc(after)).toBe(acc(before));
  });

  it('reads a tensor without disposing or changing it, and leaks nothing', async () => {
    const z = tf.tensor2d(data.logits);
    const y = tf.tensor1d(data.labels, 'int32');
    const copy = z.dataSync().slice();
    const fit = await expectNoLeak(() => fitTemperature(z, y));
    expect(Math.abs(fit.temperature - reference)).toBeLessThan(2e-3);
    expect(z.isDisposed).toBe(false);
    expect(Array.from(z.dataSync())).toEqual(Array.from(copy));
    z.dispose();
    y.dispose();
  });

  it('gives about 1 for a calibrated model', () => {
    const calibrated = data.logits.map((r) => r.map((v) => v / 3));
    expect(Math.abs(fitTemperature(calibrated, data.labels).temperature - reference / 3)).toBeLessThan(1e-3);
  });

  it('converges to the float64 optimum when one confident mistake keeps the optimum finite', () => {
    const z = [[5, 0], [0, 5], [5, 0], [0, 5], [5, 0], [4, 1]];
    const y = [0, 1, 0, 1, 1, 0];
    // NLL(T) in float64 on a fine grid.
    let best = 0;
    let bestLoss = Infinity;
    for (let t = 0.5; t <= 10; t += 1e-4) {
      const l = logLoss(y, softmaxRows(z, t), { labels: [0, 1] });
      if (l < bestLoss) [best, bestLoss] = [t, l];
    }
    const fit = fitTemperature(z, y);
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toBe(false);
    expect(Math.abs(fit.temperature - best)).toBeLessThan(1e-3);
    expect(fit.logLossAfter).toBeCloseTo(bestLoss, 5);
  });

  it('stops on a bound when the labels are perfectly separable, and leaks nothing on errors', async () => {
    const fit = fitTemperature([[5, 0], [0, 5]], [0, 1], { minTemperature: 0.1 });
    expect(fit.atBound).toBe(true);
    expect(fit.temperature).toBeCloseTo(0.1, 4);
    await expectNoLeak(() => {
      expectError(() => fitTemperature([[1, 0], [0, 1]], [0, 2]), MetricInputError, 'fitTemperature: labels[1] is 2, expected a class index in [0, 1]');
    });
  });

  it('rejects NaN logits and mismatched labels', () => {
    expectError(() => fitTemperature([[1, NaN]], [0]), MetricInputError, 'fitTemperature: logits[0][1] is NaN');
    expectError(() => fitTemperature([[1, 0]], [0, 1]), MetricInputError, 'fitTemperature: labels has 2 entries but logits has 1 rows');
    const t = tf.tensor2d([[1, NaN]]);
    expectError(() => fitTemperature(t, [0]), MetricInputError, 'fitTemperature: logits[0][1] is NaN');
    t.dispose();
  });
});
