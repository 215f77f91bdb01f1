import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { createStudy } from '../../src/search/Study';
import { pruningCallback } from '../../src/search/pruningCallback';
import { SearchError, TrialPruned } from '../../src/search/errors';
import type { Pruner } from '../../src/search/types';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/** Prunes any trial that has reported `atStep` or later. */
const pruneFrom = (atStep: number): Pruner => ({ prune: (_s, t) => [...t.intermediateValues.keys()].some((k) => k >= atStep) });

async function train(trial: import('../../src/search/Trial').Trial, epochs: number, monitor = 'val_loss') {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
  const optimizer = tf.train.sgd(0.1);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]);
  const y = tf.tensor2d([[1], [1], [2], [0]]);
  const cb = pruningCallback(trial, { monitor });
  try {
    const history = await model.fit(x, y, { epochs, verbose: 0, validationData: [x, y], callbacks: [cb] });
    return { history, cb };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

describeEachBackend('pruningCallback', () => {
  it('reports val_loss each epoch and stops fit after the epoch the pruner prunes at, without leaks', async () => {
    const study = await createStudy({ pruner: pruneFrom(2) });
    let epochsRun = 0;
    await expectNoLeak(() =>
      study.optimize(
        async (trial) => {
          const { history, cb } = await train(trial, 10);
          epochsRun = history.epoch.length;
          expect(cb.pruned).toBe(true);
          expect(cb.prunedAtEpoch).toBe(2);
          cb.throwIfPruned();
          return history.history.val_loss!.at(-1) as number;
        },
        { trials: 1 },
      ),
    );
    expect(epochsRun).toBe(3);
    const [t] = study.trials;
    expect(t!.state).toBe('pruned');
    expect([...t!.intermediateValues.keys()]).toEqual([0, 1, 2]);
    expect(t!.value).toBe(t!.intermediateValues.get(2));
    expect(t!.intermediateValues.get(1)!).toBeLessThan(t!.intermediateValues.get(0)!);
  });

  it('lets an unpruned run finish, and records a pruned one as pruned even if the objective returns a value', async () => {
    const study = await createStudy({ pruner: pruneFrom(5) });
    await study.optimize(async (trial) => (await train(trial, trial.number === 0 ? 4 : 8)).history.history.loss!.at(-1) as number, { trials: 2 });
    expect(study.trials.map((t) => t.state)).toEqual(['complete', 'pruned']);
    expect(study.trials[0]!.intermediateValues.size).toBe(4);
  });

  it('names the missing monitored key', async () => {
    const study = await createStudy();
    const trial = await study.ask();
    const err = await train(trial, 2, 'val_acc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchError);
    expect((err as Error).message).toBe('pruningCallback: logs has no "val_acc" at epoch 0 (available: val_loss, loss); pass validationData or validationSplit to fit');
  });

  it('throwIfPruned throws TrialPruned only when pruned', async () => {
    const study = await createStudy();
    const trial = await study.ask();
    const { cb } = await train(trial, 2);
    expect(() => cb.throwIfPruned()).not.toThrow();
    cb.pruned = true;
    expect(() => cb.throwIfPruned()).toThrow(TrialPruned);
  });
});
