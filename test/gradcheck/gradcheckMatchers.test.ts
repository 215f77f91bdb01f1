import { expect, it } from 'vitest';
import { gradcheckMatchers, type GradcheckMatchers } from '../../src/gradcheck';
import { describeEachBackend, tf } from '../helpers/backends';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends GradcheckMatchers<T> {}
}

expect.extend(gradcheckMatchers);

const wrongExp = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x]);
  return { value: tf.exp(x), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.mul(tf.exp(s), 1.02)) };
}) as never) as (x: tf.Tensor) => tf.Tensor;

describeEachBackend('gradcheckMatchers', () => {
  it('passes expect(f).toHaveCorrectGradients(inputs) for right gradients and .not for wrong ones', () => {
    const x = tf.tensor1d([0.5, 1]);
    expect((t: tf.Tensor) => tf.sum(tf.sin(t))).toHaveCorrectGradients([x]);
    expect((t: tf.Tensor) => tf.sum(wrongExp(t))).not.toHaveCorrectGradients([x]);
    expect((t: tf.Tensor) => tf.sum(wrongExp(t))).toHaveCorrectGradients([x], { rtol: 0.05 });
    x.dispose();
  });

  it('fails with the report table, and with .not says that every comparison passed', () => {
    const x = tf.tensor1d([0.5, 1]);
    expect(() => expect((t: tf.Tensor) => tf.sum(wrongExp(t))).toHaveCorrectGradients([x])).toThrow(
      /expected the gradients of f to match finite differences:\ngradients WRONG: 2 comparison\(s\) out of 2 out of tolerance[^]*inputs\[0\]\s+\[1\][^]*FAIL/,
    );
    expect(() => expect((t: tf.Tensor) => tf.sum(tf.sin(t))).not.toHaveCorrectGradients([x])).toThrow(
      /expected the gradients of f not to match finite differences, but they do:\ngradients OK: 2 comparison\(s\) within tolerance/,
    );
    x.dispose();
  });

  it('are plain functions returning { pass, message } (no test-runner dependency)', () => {
    const x = tf.tensor1d([0.5]);
    const result = gradcheckMatchers.toHaveCorrectGradients((t: tf.Tensor) => tf.sum(tf.square(t)), [x]);
    expect(result.pass).toBe(true);
    expect(result.message()).toMatch(/^expected the gradients of f not to match/);
    const notAFunction = gradcheckMatchers.toHaveCorrectGradients(42, [x]);
    expect(notAFunction).toMatchObject({ pass: false });
    expect(notAFunction.message()).toBe('expected a function of tensors, received number');
    x.dispose();
  });
});
