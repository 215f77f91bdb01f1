import { expect, it } from 'vitest';
import { checkGradients, GradientCheckError } from '../../src/gradcheck';
import { TfjsMethodologyError } from '../../src/core/errors';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/** f(x) = x² elementwise with a custom gradient scaled by `factor` (1 = correct). */
function scaledSquare(factor: number): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    save([x]);
    return { value: tf.square(x), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.mul(s, 2 * factor)) };
  }) as never) as (x: tf.Tensor) => tf.Tensor;
}

const sumSquares = (x: tf.Tensor) => tf.sum(tf.square(x));

describeEachBackend('checkGradients', (backend) => {
  it('accepts the gradient of a correct scalar function and reports every field', async () => {
    const x = tf.tensor2d([[0.5, -1.5, 2], [3, -0.25, 1]]);
    const report = await expectNoLeak(() => checkGradients(sumSquares, [x]));
    expect(report.ok).toBe(true);
    expect(report).toMatchObject({ mode: 'full', stencil: 4, backend, eps: null, relativeStep: 2 ** -7, atol: 0, rtol: 1e-3, gtol: 1e-4, noiseFactor: 4, failures: 0 });
    expect(report.inputs).toEqual([
      expect.objectContaining({ name: 'inputs[0]', shape: [2, 3], checked: 6, total: 6, directions: 0, failures: 0, nonDifferentiable: 0 }),
    ]);
    expect(report.inputs[0].maxAbsError).toBeLessThan(1e-3);
    expect(report.inputs[0].maxRelError).toBeLessThan(1e-3);
    // 1 evaluation at the inputs + 4 per element; 1 backward pass.
    expect(report.evaluations).toBe(1 + 4 * 6);
    expect(report.gradientEvaluations).toBe(1);
    expect(report.comparisons).toBe(6);
    const at = report.worst.find((c) => c.index![0] === 1 && c.index![1] === 0)!;
    expect(at.analytic).toBeCloseTo(6, 5); // d(x²)/dx at 3
    expect(at.numeric).toBeCloseTo(6, 3);
    expect(at).toMatchObject({ input: 0, name: 'inputs[0]', direction: null, output: null, ok: true });
    x.dispose();
  });

  it('catches a gradient that is 1% too large, naming the element as a multi-index', async () => {
    const x = tf.tensor2d([[0.5, -1.5], [3, 1]]);
    const report = await expectNoLeak(() => checkGradients((t) => tf.sum(scaledSquare(1.01)(t)), [x]));
    expect(report.ok).toBe(false);
    expect(report.failures).toBeGreaterThan(0);
    const worst = report.worst[0];
    expect(worst.ok).toBe(false);
    expect(worst.index).toEqual([1, 0]); // the largest gradient, 6 at x = 3
    expect(worst.analytic).toBeCloseTo(6.06, 4);
    expect(worst.numeric).toBeCloseTo(6, 2);
    expect(worst.absError).toBeCloseTo(Math.abs(worst.analytic - worst.numeric), 12);
    expect(worst.relError).toBeCloseTo(0.01 / 1.01, 3);
    expect(worst.absError).toBeGreaterThan(worst.tolerance);
    x.dispose();
  });

  it('catches flipped signs and factors of two in the fast mode too', () => {
    const x = tf.tensor1d([0.3, -0.7, 1.2, 2.5, -1]);
    for (const factor of [-1, 2]) {
      expect(checkGradients((t) => tf.sum(scaledSquare(factor)(t)), [x], { mode: 'fast' }).ok).toBe(false);
    }
    expect(checkGradients((t) => tf.sum(scaledSquare(1)(t)), [x], { mode: 'fast' }).ok).toBe(true);
    x.dispose();
  });

  it('checks a small non-scalar output row by row (the full Jacobian)', () => {
    const a = tf.tensor1d([0.2, -0.4]);
    const b = tf.tensor1d([1, 0.5]);
    const report = checkGradients((p, q) => tf.mul(tf.sin(p), tf.exp(q)), [a, b], { maxReported: 100 });
    expect(report.ok).toBe(true);
    expect(report.gradientEvaluations).toBe(2);
    // 2 rows × (2 + 2) elements.
    expect(report.comparisons).toBe(8);
    const offDiagonal = report.worst.find((c) => c.name === 'inputs[0]' && c.index![0] === 0 && c.output![0] === 1)!;
    expect(offDiagonal.analytic).toBe(0);
    const diagonal = report.worst.find((c) => c.name === 'inputs[1]' && c.index![0] === 1 && c.output![0] === 1)!;
    expect(diagonal.analytic).toBeCloseTo(Math.sin(-0.4) * Math.exp(0.5), 5);
    tf.dispose([a, b]);
  });

  it('checks a larger output through one seeded random weighting', () => {
    const x = tf.tensor1d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const report = checkGradients((t) => tf.tanh(t), [x], { maxReported: 100 });
    expect(report.ok).toBe(true);
    expect(report.gradientEvaluations).toBe(1);
    expect(report.worst.every((c) => c.output === null)).toBe(true);
    expect(checkGradients((t) => tf.tanh(t), [x], { jacobianOutputs: 6 }).gradientEvaluations).toBe(6);
    x.dispose();
  });

  it('compares random directional derivatives in the fast mode, at a cost independent of the size', () => {
    const small = tf.randomNormal([10], 0, 1, 'float32', 1);
    const large = tf.randomNormal([4000], 0, 1, 'float32', 2);
    const a = checkGradients(sumSquares, [small], { mode: 'fast' });
    const b = checkGradients(sumSquares, [large], { mode: 'fast', directions: 3 });
    expect(a.ok && b.ok).toBe(true);
    expect(a.evaluations).toBe(1 + 4 * 2);
    expect(b.evaluations).toBe(1 + 4 * 3);
    expect(b.inputs[0]).toMatchObject({ checked: 0, total: 4000, directions: 3 });
    expect(b.worst.map((c) => c.direction).sort()).toEqual([0, 1, 2]);
    expect(b.worst.every((c) => c.index === null)).toBe(true);
    tf.dispose([small, large]);
  });

  it('samples maxElementsPerInput elements of a large input and covers the rest with a directional derivative', () => {
    const x = tf.randomNormal([50], 0, 1, 'float32', 3);
    const report = checkGradients(sumSquares, [x], { maxElementsPerInput: 5 });
    expect(report.inputs[0]).toMatchObject({ checked: 5, total: 50, directions: 1 });
    expect(report.evaluations).toBe(1 + 4 * 5 + 4);
    const all = checkGradients(sumSquares, [x], { maxElementsPerInput: Infinity });
    expect(all.inputs[0]).toMatchObject({ checked: 50, directions: 0 });
    x.dispose();
  });

  it('is reproducible for a seed and samples differently for another', () => {
    const x = tf.randomNormal([40], 0, 1, 'float32', 4);
    const indices = (seed: number) =>
      checkGradients(sumSquares, [x], { maxElementsPerInput: 4, seed, maxReported: 10 })
        .worst.filter((c) => c.index)
        .map((c) => c.index![0])
        .sort((p, q) => p - q);
    expect(indices(7)).toEqual(indices(7));
    expect(indices(7)).not.toEqual(indices(8));
    x.dispose();
  });

  it('uses a given absolute eps and rejects one below the float32 spacing', () => {
    const x = tf.tensor1d([1000, 2]);
    const report = checkGradients(sumSquares, [x], { eps: 0.25 });
    expect(report.eps).toBe(0.25);
    expect(report.ok).toBe(true);
    expect(() => checkGradients(sumSquares, [x], { eps: 1e-6 })).toThrow('checkGradients: eps 0.000001 is below the float32 spacing at inputs[0][0] = 1000');
    x.dispose();
  });

  it('offers the second-order stencil with its own relative step', () => {
    const x = tf.tensor1d([0.5, -2]);
    const report = checkGradients((t) => tf.sum(tf.exp(t)), [x], { stencil: 2 });
    expect(report).toMatchObject({ ok: true, stencil: 2, relativeStep: 2 ** -8 });
    x.dispose();
  });

  it('widens the tolerance with atol, rtol and gtol, and narrows it with noiseFactor 0', () => {
    const x = tf.tensor1d([0.5, 3]);
    const f = (t: tf.Tensor) => tf.sum(scaledSquare(1.01)(t));
    expect(checkGradients(f, [x]).ok).toBe(false);
    expect(checkGradients(f, [x], { rtol: 0.05 }).ok).toBe(true);
    expect(checkGradients(f, [x], { atol: 1 }).ok).toBe(true);
    expect(checkGradients(f, [x], { gtol: 0.1 }).ok).toBe(true);
    const loose = checkGradients(sumSquares, [x], { atol: 0.5 });
    expect(loose.worst.every((c) => c.tolerance >= 0.5)).toBe(true);
    const tight = checkGradients(sumSquares, [x], { noiseFactor: 0 }).worst[0].tolerance;
    expect(tight).toBeLessThanOrEqual(checkGradients(sumSquares, [x]).worst[0].tolerance);
    x.dispose();
  });

  it('keeps at most maxReported comparisons in worst, failures first', () => {
    const x = tf.tensor1d([0.5, 1, 2, 3, 4, 5]);
    const report = checkGradients((t) => tf.sum(scaledSquare(1.5)(t)), [x], { maxReported: 3 });
    expect(report.worst).toHaveLength(3);
    expect(report.failures).toBeGreaterThan(3);
    expect(report.worst.every((c) => !c.ok)).toBe(true);
    x.dispose();
  });

  it('reports ReLU and abs kinks within a step as non-differentiable, not as failures', () => {
    const x = tf.tensor1d([-1, 0, 1e-4, 2]);
    const report = checkGradients((t) => tf.sum(tf.add(tf.relu(t), tf.abs(tf.sub(t, 2)))), [x]);
    expect(report.ok).toBe(true);
    expect(report.nonDifferentiable.map((k) => k.index![0]).sort()).toEqual([1, 2, 3]);
    const atZero = report.nonDifferentiable.find((k) => k.index![0] === 1)!;
    expect(atZero.forward).toBeCloseTo(1 - 1, 6); // relu' = 1 from the right, |x − 2|' = −1
    expect(atZero.backward).toBeCloseTo(0 - 1, 6);
    expect(report.inputs[0].nonDifferentiable).toBe(3);
    expect(report.comparisons).toBe(1);
    x.dispose();
  });

  it('catches the wasm maxPool bug (zero gradient where a window maximum is negative) and passes on cpu', () => {
    const x = tf.tensor4d([-1, -2, -3, -4, -5, -6, -7, -8], [1, 2, 4, 1]);
    const report = checkGradients((t) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), [x]);
    expect(report.ok).toBe(backend === 'cpu');
    x.dispose();
  });

  it('names the missing kernel and the backend instead of crashing inside tfjs, without leaking', async () => {
    const x = tf.randomNormal([1, 4, 4, 1], 0, 1, 'float32', 5);
    const w = tf.randomNormal([2, 2, 1, 1], 0, 1, 'float32', 6);
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid');
    if (backend === 'wasm') {
      await expectNoLeak(() => {
        expect(() => checkGradients(f, [x, w])).toThrow(GradientCheckError);
        expect(() => checkGradients(f, [x, w])).toThrow("the tfjs 'wasm' backend has no 'Conv2DBackpropFilter' kernel");
      });
    } else {
      expect(checkGradients(f, [x, w]).ok).toBe(true);
    }
    tf.dispose([x, w]);
  });

  it('lets an error thrown by f propagate unchanged and leaks no tensor', async () => {
    const x = tf.tensor1d([1, 2]);
    const boom = new Error('boom');
    await expectNoLeak(() => {
      expect(() =>
        checkGradients((t) => {
          tf.square(t);
          throw boom;
        }, [x]),
      ).toThrow(boom);
    });
    // f failing only in the backward pass (a throwing custom gradient).
    const badGrad = tf.customGrad(((t: tf.Tensor, save: tf.GradSaveFunc) => {
      save([t]);
      return { value: tf.square(t), gradFunc: () => { throw boom; } };
    }) as never) as (t: tf.Tensor) => tf.Tensor;
    await expectNoLeak(() => {
      expect(() => checkGradients((t) => tf.sum(badGrad(t)), [x])).toThrow(boom);
    });
    x.dispose();
  });

  it('halves a step that leaves the domain of f, and names the element when no step stays inside', async () => {
    const near = tf.tensor1d([0.004, 1]);
    const report = checkGradients((t) => tf.sum(tf.log(t)), [near]);
    expect(report.ok).toBe(true);
    expect(report.inputs[0].checked).toBe(2);
    const one = tf.tensor1d([1]);
    // Finite only within 1e-6 of 1: sqrt of a negative number elsewhere.
    const onlyAtOne = (t: tf.Tensor) => tf.sum(tf.mul(t, tf.sqrt(tf.sub(1, tf.mul(tf.square(tf.sub(t, 1)), 1e12)))));
    await expectNoLeak(() => {
      expect(() => checkGradients(onlyAtOne, [one])).toThrow(/^checkGradients: f is not finite within 0\.000122\d* of inputs\[0\]\[0\] = 1 \(its domain ends there\?\)$/);
      expect(() => checkGradients(onlyAtOne, [one], { mode: 'fast' })).toThrow(/f is not finite within a relative step 0\.000122\d* of inputs\[0\] along a random direction/);
    });
    tf.dispose([near, one]);
  });

  it('treats an input f does not use as having the gradient 0', () => {
    const a = tf.tensor1d([1, 2]);
    const unused = tf.tensor1d([3]);
    const report = checkGradients((x) => tf.sum(tf.square(x)), [a, unused]);
    expect(report.ok).toBe(true);
    expect(report.inputs[1]).toMatchObject({ checked: 1, maxAbsError: 0 });
    tf.dispose([a, unused]);
  });

  it('never modifies its inputs', () => {
    const x = tf.tensor1d([0.1, 0.2, 0.3]);
    checkGradients(sumSquares, [x]);
    checkGradients(sumSquares, [x], { mode: 'fast' });
    expect(Array.from(x.dataSync())).toEqual(Array.from(Float32Array.of(0.1, 0.2, 0.3)));
    x.dispose();
  });

  it('rejects bad arguments with a GradientCheckError naming them', () => {
    const x = tf.tensor1d([1, 2]);
    const i = tf.tensor1d([1, 2], 'int32');
    const gone = tf.tensor1d([1]);
    gone.dispose();
    const cases: [() => unknown, string][] = [
      [() => checkGradients(42 as never, [x]), 'checkGradients: f is number, expected a function of tensors'],
      [() => checkGradients(sumSquares, []), 'checkGradients: inputs is empty, expected a non-empty array of tensors'],
      [() => checkGradients(sumSquares, [x, [1, 2] as never]), 'checkGradients: inputs[1] is [1, 2], expected a tfjs tensor'],
      [() => checkGradients(sumSquares, [i]), `checkGradients: inputs[0] has dtype "int32", expected 'float32'`],
      [() => checkGradients(sumSquares, [gone]), 'checkGradients: inputs[0] is disposed'],
      [() => checkGradients(sumSquares, [x], { mode: 'slow' as never }), `checkGradients: options.mode is "slow", expected 'full' or 'fast'`],
      [() => checkGradients(sumSquares, [x], { stencil: 3 as never }), 'checkGradients: options.stencil is 3, expected 2 or 4'],
      [() => checkGradients(sumSquares, [x], { eps: -1 }), 'checkGradients: options.eps is -1, expected a positive finite number'],
      [() => checkGradients(sumSquares, [x], { rtol: NaN }), 'checkGradients: options.rtol is NaN, expected a non-negative number'],
      [() => checkGradients(sumSquares, [x], { directions: 0 }), 'checkGradients: options.directions is 0, expected a positive integer'],
      [() => checkGradients(sumSquares, [x], { maxElementsPerInput: 1.5 }), 'checkGradients: options.maxElementsPerInput is 1.5, expected a non-negative integer'],
      [() => checkGradients(sumSquares, [x], { seed: NaN }), 'checkGradients: options.seed is NaN, expected a string or a finite number'],
      [() => checkGradients(() => 3 as never, [x]), 'checkGradients: f returned 3, expected a tensor'],
      [() => checkGradients((t) => tf.log(tf.neg(t)), [x]), "checkGradients: f's output[0] is NaN at the inputs"],
    ];
    for (const [call, message] of cases) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GradientCheckError);
      expect(error).toBeInstanceOf(TfjsMethodologyError);
      expect((error as Error).message).toBe(message);
    }
    tf.dispose([x, i]);
  });
});

it('gives the same verdicts and nearly the same numbers on the cpu and wasm backends', async () => {
  const run = async (backend: string) => {
    await tf.setBackend(backend);
    await tf.ready();
    const x = tf.tensor2d([[0.3, -1.1, 0.8], [1.5, 0.2, -0.6]]);
    const w = tf.tensor2d([[0.4, -0.2], [0.1, 0.9], [-0.7, 0.3]]);
    const report = checkGradients((a, b) => tf.tanh(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D)), [x, w], { maxReported: 100 });
    tf.dispose([x, w]);
    return report;
  };
  const cpu = await run('cpu');
  const wasm = await run('wasm');
  expect(cpu.ok).toBe(true);
  expect(wasm.ok).toBe(true);
  expect(wasm.evaluations).toBe(cpu.evaluations);
  expect(wasm.comparisons).toBe(cpu.comparisons);
  for (const c of cpu.worst) {
    const twin = wasm.worst.find((d) => d.input === c.input && String(d.index) === String(c.index) && String(d.output) === String(c.output))!;
    expect(twin.analytic).toBeCloseTo(c.analytic, 5);
    expect(twin.numeric).toBeCloseTo(c.numeric, 3);
  }
});
