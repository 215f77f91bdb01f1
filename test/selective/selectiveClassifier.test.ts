import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { selectiveClassifier } from '../../src/selective/selectiveClassifier';
import { expectError } from '../core/expectError';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

it('selectiveClassifier answers when confident and abstains otherwise', async () => {
  const classify = selectiveClassifier(() => [[0.9, 0.1], [0.55, 0.45], [0.2, 0.8]], 0.8);
  expect(await classify(null)).toEqual([
    { label: 0, confidence: 0.9 },
    { abstain: true, confidence: 0.55 },
    { label: 1, confidence: 0.8 },
  ]);
});

it('selectiveClassifier names classes, scores margins and takes async predictors', async () => {
  const classify = selectiveClassifier(async (x: number[]) => x.map((p) => [1 - p, p]), 0.5, {
    labels: ['ham', 'spam'],
    method: 'margin',
  });
  const out = await classify([0.9, 0.6, 0.1]);
  expect(out[0]).toEqual({ label: 'spam', confidence: expect.closeTo(0.8, 12) });
  expect(out[1]).toEqual({ abstain: true, confidence: expect.closeTo(0.2, 12) });
  expect(out[2]).toEqual({ label: 'ham', confidence: expect.closeTo(0.8, 12) });
});

it('selectiveClassifier accepts logits', async () => {
  const classify = selectiveClassifier(() => [[0, Math.log(3)]], 0.7, { fromLogits: true });
  expect(await classify(null)).toEqual([{ label: 1, confidence: expect.closeTo(0.75, 12) }]);
});

it('selectiveClassifier abstains always at Infinity and rejects a NaN threshold', async () => {
  expect(await selectiveClassifier(() => [[1, 0]], Infinity)(null)).toEqual([{ abstain: true, confidence: 1 }]);
  expectError(
    () => selectiveClassifier(() => [[1, 0]], NaN),
    MetricInputError,
    'selectiveClassifier: threshold is NaN, expected a number (an infeasible selection has no threshold)',
  );
  expectError(() => selectiveClassifier(42 as never, 0.5), MetricInputError, 'selectiveClassifier: predict must be a function or an object with a predict method, got 42');
});

it('selectiveClassifier rejects predictions whose rows are not probabilities', async () => {
  await expect(selectiveClassifier(() => [[0.5, 0.2]], 0.5)(null)).rejects.toThrow(
    'selectiveClassifier: predictions[0] sums to 0.7, not 1',
  );
});

describeEachBackend('selectiveClassifier', () => {
  it('wraps a tfjs-layers model and disposes the predictions, not the inputs', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ units: 3, inputShape: [2], activation: 'softmax', kernelInitializer: 'ones', useBias: false })],
    });
    model.setWeights([tf.tensor2d([[4, 0, 0], [0, 4, 0]])]);
    const classify = selectiveClassifier(model, 0.9);
    const x = tf.tensor2d([[1, 0], [0, 1], [0.1, 0.1]]);
    const out = await expectNoLeak(() => classify(x));
    expect(out.map((o) => ('abstain' in o ? 'abstain' : o.label))).toEqual([0, 1, 'abstain']);
    expect(out[0].confidence).toBeCloseTo(Math.exp(4) / (Math.exp(4) + 2), 5);
    expect(x.isDisposed).toBe(false);
    x.dispose();
    model.dispose();
  });

  it('disposes a tensor returned by a plain function', async () => {
    const classify = selectiveClassifier(() => tf.tensor2d([[0.3, 0.7]]), 0.5);
    const out = await expectNoLeak(() => classify(null));
    expect(out[0]).toEqual({ label: 1, confidence: expect.closeTo(0.7, 6) });
  });
});
