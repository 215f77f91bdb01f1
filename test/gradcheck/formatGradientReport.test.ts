import { expect, it } from 'vitest';
import { checkGradients, formatGradientReport, type GradientCheckReport } from '../../src/gradcheck';
import { describeEachBackend, tf } from '../helpers/backends';

describeEachBackend('formatGradientReport', (backend) => {
  it('starts with the verdict and the settings, then one row per comparison', () => {
    const x = tf.scalar(3);
    const text = formatGradientReport(checkGradients((t) => tf.square(t), [x]));
    const lines = text.split('\n');
    expect(lines[0]).toBe(`gradients OK: 1 comparison(s) within tolerance (mode full, stencil 4, backend ${backend}, rtol 0.001, gtol 0.0001)`);
    expect(lines[2]).toMatch(/^inputs\[0\]\s+\[\]\s+6\.00000\s+6\.00\d+\s+\S+\s+\S+\s+\S+\s+ok$/);
    expect(lines).toHaveLength(3);
    x.dispose();
  });

  it('limits the rows, shows atol and eps when set, and lists the non-differentiable points', () => {
    const x = tf.tensor1d([0, 1, 2]);
    const report = checkGradients((t) => tf.sum(tf.relu(t)), [x], { atol: 1e-6, eps: 0.01 });
    const lines = formatGradientReport(report, 1).split('\n');
    expect(lines[0]).toContain('atol 0.000001, eps 0.01');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^not differentiable nearby \(skipped\): inputs\[0\]\[0\] \(right (1\.00\d+|0\.99\d+), left 0\.00000\)$/);
    x.dispose();
  });

  it('names directions and output rows', () => {
    const fake: GradientCheckReport = {
      ok: false, mode: 'fast', stencil: 4, backend: 'cpu', eps: null, relativeStep: 2 ** -7, atol: 0, rtol: 1e-3, gtol: 1e-4, noiseFactor: 4,
      inputs: [], comparisons: 1, failures: 1, nonDifferentiable: [], evaluations: 9, gradientEvaluations: 1,
      worst: [{ input: 0, name: 'w', index: null, direction: 1, output: [2], analytic: 1, numeric: 2, absError: 1, relError: 0.5, tolerance: 0.01, ok: false }],
    };
    const lines = formatGradientReport(fake).split('\n');
    expect(lines[0]).toBe('gradients WRONG: 1 comparison(s) out of 1 out of tolerance (mode fast, stencil 4, backend cpu, rtol 0.001, gtol 0.0001)');
    expect(lines[2]).toMatch(/^w\s+direction 1 of output\[2\]\s+1\.00000\s+2\.00000\s+1\.00000\s+0\.500000\s+0\.0100000\s+FAIL$/);
  });
});
