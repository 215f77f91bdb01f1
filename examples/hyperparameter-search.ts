/**
 * Hyperparameter search (Goodfellow et al. 2016, §11.4): the learning rate
 * first, with the learning-rate range test; then grid, random, TPE and GP
 * search on a real tfjs-layers model, with median pruning; a study that
 * survives a crash through its journal file; and which hyperparameters
 * mattered.
 *
 *   npx tsx examples/hyperparameter-search.ts [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { toTensors, twoMoons } from 'tfjs-methodology/datasets';
import { learningRatePlot, optimizationHistoryPlot, parameterImportancePlot } from 'tfjs-methodology/plot';
import {
  createStudy,
  findLearningRate,
  gpSampler,
  gridSampler,
  journalFileStorage,
  medianPruner,
  optimizationHistory,
  parameterImportance,
  pruningCallback,
  randomSampler,
  tpeSampler,
  type Sampler,
  type Trial,
} from 'tfjs-methodology/search';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, sized, useCpuBackend } from './lib/run';

const EPOCHS = sized(15, 6);
const TRIALS = sized(8, 3);

await useCpuBackend();
const figures = new Figures('hyperparameter-search');
console.log(`Hyperparameter search on a small MLP (two moons)${QUICK ? ' (quick mode)' : ''}`);
const train = toTensors(twoMoons({ n: sized(300, 150), noise: 0.25, seed: 'search-train' }));
const val = toTensors(twoMoons({ n: sized(300, 150), noise: 0.25, seed: 'search-validation' }));

function mlp(units: number, learningRate: number, l2: number): tfl.Sequential {
  const regularizer = l2 > 0 ? tfl.regularizers.l2({ l2 }) : undefined;
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units, activation: 'relu', inputShape: [2], kernelInitializer: tfl.initializers.heNormal({ seed: 1 }), kernelRegularizer: regularizer }),
      tfl.layers.dense({ units, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 2 }), kernelRegularizer: regularizer }),
      tfl.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'binaryCrossentropy' });
  return model;
}

// 1. The learning rate first ---------------------------------------------------
heading('1. The learning-rate range test (on the training set)');
const probe = mlp(32, 1e-3, 0);
const range = await findLearningRate(probe, train.x, train.y, { minLearningRate: 1e-5, maxLearningRate: 10, steps: sized(100, 40), batchSize: 32, seed: 1 });
probe.dispose();
line('suggested rates', `valley ${fmt(range.valley, 5)}, steepest ${fmt(range.steepest, 5)}, minimum/10 ${fmt(range.minimum, 5)}`);
line('loss diverged at the end of the sweep', String(range.diverged));
const low = range.valley / 10;
const high = Math.min(range.valley * 10, 1);
console.log(`  The search below looks for the learning rate in [valley/10, valley*10] = [${fmt(low, 5)}, ${fmt(high, 5)}].`);
await figures.add('learning-rate', 'Learning-rate range test', learningRatePlot(range, { title: 'Learning-rate range test' }));

// 2. Four samplers -------------------------------------------------------------
/** The objective: train, report the validation loss each epoch (for pruning), return the last one. */
async function objective(trial: Trial): Promise<number> {
  const learningRate = trial.suggestFloat('learningRate', low, high, { log: true });
  const units = trial.suggestInt('units', 4, 64, { log: true });
  const l2 = trial.suggestFloat('l2', 1e-6, 1e-1, { log: true });
  const model = mlp(units, learningRate, l2);
  const pruning = pruningCallback(trial, { monitor: 'val_loss' });
  try {
    const history = await model.fit(train.x, train.y, {
      epochs: EPOCHS,
      batchSize: 50,
      shuffle: false,
      verbose: 0,
      validationData: [val.x, val.y],
      callbacks: [pruning],
    });
    pruning.throwIfPruned();
    return history.history.val_loss.at(-1) as number;
  } finally {
    model.dispose();
  }
}

heading(`2. Grid, random, TPE and GP search: ${TRIALS} trials each, median pruning`);
const grid = {
  learningRate: [low, Math.sqrt(low * high), high],
  units: [8, 32],
  l2: sized([1e-4, 1e-2], [1e-4]),
};
const samplers: [string, Sampler][] = [
  ['grid', gridSampler(grid)],
  ['random', randomSampler({ seed: 1 })],
  ['TPE', tpeSampler({ seed: 2, startupTrials: sized(3, 2) })],
  ['GP', gpSampler({ seed: 3, startupTrials: sized(3, 2) })],
];
let tpeStudy: Awaited<ReturnType<typeof createStudy>> | undefined;
console.log(`  ${'sampler'.padEnd(10)}${'best val loss'.padEnd(16)}${'pruned'.padEnd(9)}best parameters`);
for (const [name, sampler] of samplers) {
  const study = await createStudy({ sampler, pruner: medianPruner({ startupTrials: 3, warmupSteps: 3 }) });
  await study.optimize(objective, { trials: TRIALS });
  const pruned = study.trials.filter((t) => t.state === 'pruned').length;
  console.log(`  ${name.padEnd(10)}${fmt(study.bestValue).padEnd(16)}${`${pruned}/${study.trials.length}`.padEnd(9)}${describe(study.bestParams)}`);
  if (name === 'TPE') tpeStudy = study;
}
console.log('  The grid spends its trials on every combination, including hopeless ones; random search tries a new');
console.log('  value of every parameter each time; TPE and GP move toward the good region after a few random trials.');
await figures.add('history', 'TPE search history', optimizationHistoryPlot(optimizationHistory(tpeStudy!), { title: 'TPE: validation loss, best so far', objectiveName: 'validation loss' }));

// 3. Which hyperparameters mattered? --------------------------------------------
heading('3. Which hyperparameters mattered (PED-ANOVA on the TPE study)');
const importance = parameterImportance(tpeStudy!);
for (const [name, value] of Object.entries(importance)) line(name, `${fmt(value, 3)} ${'#'.repeat(Math.round(40 * value))}`);
await figures.add('importance', 'Parameter importance', parameterImportancePlot(importance, { title: 'Which hyperparameters mattered' }));

// 4. Resuming a study from its journal -----------------------------------------
heading('4. A study that survives a crash: the journal file');
const dir = mkdtempSync(join(tmpdir(), 'tfjs-methodology-search-'));
const path = join(dir, 'moons.jsonl');
const first = await createStudy({ storage: journalFileStorage(path), name: 'moons', sampler: tpeSampler({ seed: 2 }) });
await first.optimize(objective, { trials: sized(4, 2) });
line('first process', `${first.trials.length} trials written to ${path.split(/[\\/]/).pop()}, then it "dies"`);
const resumed = await createStudy({ storage: journalFileStorage(path), name: 'moons', loadIfExists: true, sampler: tpeSampler({ seed: 3 }) });
line('second process, same file', `finds ${resumed.trials.length} finished trials, best ${fmt(resumed.bestValue)}`);
await resumed.optimize(objective, { trials: sized(4, 2) });
line('after resuming', `trials ${resumed.trials.map((t) => t.number).join(', ')}; best ${fmt(resumed.bestValue)}`);
rmSync(dir, { recursive: true, force: true });

tf.dispose([train.x, train.y, val.x, val.y]);
console.log(`\n  Figures: ${figures.count} in examples/out/ (hyperparameter-search-*.svg and their Vega-Lite specs)`);

function describe(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(2) : v}`)
    .join(', ');
}
