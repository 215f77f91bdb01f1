import { describe, expect, it } from 'vitest';
import { derivativeWeights } from '../../src/gradcheck/engine/stencil';

describe('derivativeWeights', () => {
  it('gives Richardson’s fourth-order central weights on the nodes ±h, ±h/2', () => {
    const h = 0.01;
    const c = derivativeWeights([-h, -h / 2, h / 2, h]);
    // (4·D(h/2) − D(h))/3 = [1/(6h), −4/(3h), 4/(3h), −1/(6h)]
    const expected = [1 / (6 * h), -4 / (3 * h), 4 / (3 * h), -1 / (6 * h)];
    c.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 8));
  });

  it('gives the one-sided second-order weights [−3, 4, −1]/h on the nodes 0, h/2, h', () => {
    const h = 0.5;
    const c = derivativeWeights([0, h / 2, h]);
    [-3 / h, 4 / h, -1 / h].forEach((v, k) => expect(c[k]).toBeCloseTo(v, 12));
  });

  it('differentiates every cubic exactly at 0, also on unevenly spaced nodes', () => {
    const nodes = [-0.0101, -0.00498, 0.00503, 0.0099];
    const c = derivativeWeights(nodes);
    const p = (t: number) => 2 - 3 * t + 5 * t * t - 7 * t * t * t; // p'(0) = −3
    const estimate = nodes.reduce((s, t, k) => s + c[k] * p(t), 0);
    expect(estimate).toBeCloseTo(-3, 9);
  });

  it('has weights summing to 0, so a constant has derivative 0', () => {
    const c = derivativeWeights([-0.2, -0.1, 0.1, 0.2]);
    expect(c.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
  });
});
