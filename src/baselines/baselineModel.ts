import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { failOption, readIntOption as readInt, readNumOption as readNum, readChoiceOption as readOneOf } from '../core/configErrors';
import { show } from '../core/fail';

/** Options of {@link baselineModel}. */
export interface BaselineModelOptions {
  /** The structure of the data: feature vectors, images (`[h, w, c]`) or sequences (`[steps, features]`). */
  input: 'tabular' | 'image' | 'sequence';
  /** The shape of one example, without the batch axis. */
  inputShape: readonly number[];
  /** What to predict. */
  task: 'binary' | 'multiclass' | 'regression';
  /** The number of classes; required for `'multiclass'` (at least 3). */
  numClasses?: number;
  /** `'small'` for a first estimate in seconds, `'medium'` for more capacity. Defaults to `'small'`. */
  size?: 'small' | 'medium';
  /** The dropout rate before the output layer (and between hidden layers for tabular). Defaults to `0.1` (tabular), `0.25` (image), `0.2` (sequence). */
  dropout?: number;
  /** The L2 penalty λ on every kernel (loss + λ·Σw²). Defaults to `1e-4`. */
  weightDecay?: number;
  /** The optimizer. Defaults to `'adam'`. */
  optimizer?: 'adam' | 'sgd-momentum';
  /** The learning rate. Defaults to `1e-3` for Adam and `1e-2` for SGD with momentum 0.9. */
  learningRate?: number;
  /** The recurrent layer for sequences. Defaults to `'gru'`. */
  recurrent?: 'gru' | 'lstm';
  /** Multiclass labels are one-hot rows (`categoricalCrossentropy`) instead of class ids (`sparseCategoricalCrossentropy`). Defaults to `false`. */
  oneHotLabels?: boolean;
  /** The seed of every initializer: the same seed gives identical initial weights (dropout stays unseeded, see {@link baselineModel}). Defaults to `0`. */
  seed?: number;
}

/** The choices {@link baselineModel} made, as plain data (ready for `JSON.stringify`). */
export interface BaselineModelConfig {
  readonly input: 'tabular' | 'image' | 'sequence';
  readonly inputShape: number[];
  readonly task: 'binary' | 'multiclass' | 'regression';
  readonly numClasses: number | null;
  readonly size: 'small' | 'medium';
  /** One line per layer, e.g. `dense(64, relu, heNormal, l2 1e-4)`. */
  readonly layers: string[];
  readonly outputActivation: 'sigmoid' | 'softmax' | 'linear';
  readonly loss: string;
  readonly metrics: string[];
  readonly optimizer: 'adam' | 'sgd-momentum';
  readonly learningRate: number;
  readonly dropout: number;
  readonly weightDecay: number;
  readonly seed: number;
  /** The number of parameters. */
  readonly parameters: number;
}

/** What {@link baselineModel} returns. */
export interface BaselineModel {
  /** The compiled model; the caller owns it. `model.dispose()` also disposes its optimizer. */
  readonly model: tfl.LayersModel;
  /** What was chosen, as plain data. */
  readonly config: BaselineModelConfig;
  /** Why, one sentence per choice, ready to print. */
  readonly rationale: string[];
}

/**
 * A compiled tfjs-layers baseline model for a kind of data and a task —
 * "a first estimate of the achievable performance" with the methodology's
 * defaults:
 *
 * - tabular: an MLP of ReLU layers (64-64 small, 128-128-128 medium) with He
 *   initialisation, dropout and L2;
 * - image: conv(3×3)-ReLU-max-pool blocks (8 then 16 filters, the first
 *   unpadded, small — kept narrow because tfjs's cpu backend computes
 *   filter gradients slowly; 32-32, 64-64 and a 128-unit dense layer
 *   medium), then dropout;
 * - sequence: a GRU (or LSTM) of 32 units (small) or two of 64 (medium), then dropout;
 * - output: 1 sigmoid unit + binary cross-entropy (binary), numClasses
 *   softmax units + sparse categorical cross-entropy on class ids, int32 or
 *   float32 (multiclass; tfjs's own rejects int32 ids, so a wrapper that
 *   casts them replaces it after compile), 1 linear unit + mean squared
 *   error (regression); accuracy, logged as `acc`, for classification;
 * - optimizer: Adam (lr 1e-3) or SGD with momentum 0.9 (lr 1e-2), meant to be
 *   combined with a decaying schedule ({@link learningRateScheduler}).
 *
 * Every initializer is seeded from `seed` (the i-th seeded initializer gets
 * seed + i), so two calls with the same options give identical initial
 * weights. Dropout layers are not seeded: a seeded tfjs dropout layer
 * reuses the same mask at every step, which is not dropout. Training is
 * therefore not bit-for-bit reproducible (nor is `fit`'s shuffling, which
 * uses `Math.random`). Recurrent kernels use Glorot-uniform rather than Keras's
 * orthogonal default: tfjs's orthogonal initializer prints a console warning
 * and is slow for matrices above 2000 entries, and this library never prints.
 *
 * Reference: I. Goodfellow, Y. Bengio, A. Courville (2016), Deep Learning,
 * §11.2 "Default baseline models"; K. He et al. (2015), "Delving deep into
 * rectifiers" (He initialisation).
 *
 * @param options - See {@link BaselineModelOptions}.
 * @returns `{ model, config, rationale }`; the caller owns (and disposes) `model`.
 * @throws {InvalidOptionError} `baselineModel: numClasses is required for task "multiclass"`;
 *   `baselineModel: inputShape is [28, 28], expected [height, width, channels] for input "image"`.
 * @example
 * const { model, config } = baselineModel({ input: 'tabular', inputShape: [2], task: 'binary' });
 * config.layers;
 * // => ['dense(64, relu, heNormal, l2 0.0001)', 'dropout(0.1)', 'dense(64, relu, heNormal, l2 0.0001)', 'dropout(0.1)', 'dense(1, sigmoid)']
 */
export function baselineModel(options: BaselineModelOptions): BaselineModel {
  const fn = 'baselineModel';
  if (options == null || typeof options !== 'object') failOption(fn, 'options must be an object');
  const input = readOneOf(options.input, ['tabular', 'image', 'sequence'] as const, undefined as never, fn, 'input');
  if (input === undefined) failOption(fn, 'input is required ("tabular", "image" or "sequence")');
  const task = readOneOf(options.task, ['binary', 'multiclass', 'regression'] as const, undefined as never, fn, 'task');
  if (task === undefined) failOption(fn, 'task is required ("binary", "multiclass" or "regression")');
  const inputShape = readInputShape(options.inputShape, input, fn);
  let numClasses: number | null = null;
  if (task === 'multiclass') {
    if (options.numClasses === undefined) failOption(fn, 'numClasses is required for task "multiclass"');
    numClasses = readInt(options.numClasses, 0, fn, 'numClasses', 3);
  }
  const size = readOneOf(options.size, ['small', 'medium'] as const, 'small', fn, 'size');
  const dropout = readNum(options.dropout, { tabular: 0.1, image: 0.25, sequence: 0.2 }[input], fn, 'dropout', { min: 0, max: 1, maxExclusive: true });
  const weightDecay = readNum(options.weightDecay, 1e-4, fn, 'weightDecay', { min: 0 });
  const optimizerName = readOneOf(options.optimizer, ['adam', 'sgd-momentum'] as const, 'adam', fn, 'optimizer');
  const learningRate = readNum(options.learningRate, optimizerName === 'adam' ? 1e-3 : 1e-2, fn, 'learningRate', { min: 0, minExclusive: true });
  const recurrent = readOneOf(options.recurrent, ['gru', 'lstm'] as const, 'gru', fn, 'recurrent');
  const seed = readInt(options.seed, 0, fn, 'seed', 0, 2 ** 31);

  let layerIndex = 0;
  const nextSeed = () => seed + layerIndex++;
  const l2 = weightDecay > 0 ? () => tfl.regularizers.l2({ l2: weightDecay }) : () => undefined;
  const l2Text = weightDecay > 0 ? `, l2 ${weightDecay}` : '';
  const layers: tfl.layers.Layer[] = [];
  const described: string[] = [];
  const rationale: string[] = [];
  const addDropout = () => {
    if (dropout > 0) {
      // Deliberately unseeded: a seeded tfjs 4.22 dropout layer draws the same
      // mask at every step (it reseeds its generator on each call), which
      // trains one fixed sub-network instead of regularising.
      layers.push(tfl.layers.dropout({ rate: dropout }));
      described.push(`dropout(${dropout})`);
    }
  };
  let first = true;
  const shapeArg = () => (first ? ((first = false), { inputShape: [...inputShape] }) : {});

  if (input === 'tabular') {
    const widths = size === 'small' ? [64, 64] : [128, 128, 128];
    for (const units of widths) {
      layers.push(tfl.layers.dense({ ...shapeArg(), units, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: nextSeed() }), kernelRegularizer: l2() }));
      described.push(`dense(${units}, relu, heNormal${l2Text})`);
      addDropout();
    }
    rationale.push(`Tabular data has no spatial or temporal structure to exploit, so a ${widths.length}-layer MLP of ReLU units (${widths.join('-')}) is the default; ReLU with He initialisation keeps gradients well scaled.`);
  } else if (input === 'image') {
    const blocks = size === 'small' ? [[8], [16]] : [[32, 32], [64, 64]];
    blocks.forEach((block, b) => {
      for (const filters of block) {
        // The small CNN's first convolution is 'valid' (no padding): fewer
        // output positions, and tfjs's cpu backend spends most of a training
        // step in Conv2DBackpropFilter, whose cost is proportional to them.
        const padding = size === 'small' && b === 0 ? 'valid' : 'same';
        layers.push(tfl.layers.conv2d({ ...shapeArg(), filters, kernelSize: 3, padding, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: nextSeed() }), kernelRegularizer: l2() }));
        described.push(`conv2d(${filters}, 3x3, ${padding}, relu, heNormal${l2Text})`);
      }
      layers.push(tfl.layers.maxPooling2d({ poolSize: 2 }));
      described.push('maxPooling2d(2x2)');
    });
    layers.push(tfl.layers.flatten());
    described.push('flatten');
    if (size === 'medium') {
      layers.push(tfl.layers.dense({ units: 128, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: nextSeed() }), kernelRegularizer: l2() }));
      described.push(`dense(128, relu, heNormal${l2Text})`);
    }
    addDropout();
    rationale.push(`Images have local, translation-invariant structure, so a small CNN of conv(3x3)-ReLU-max-pool blocks (${blocks.map((b) => b.join('-')).join(', ')} filters) is the default.`);
  } else {
    const units = size === 'small' ? [32] : [64, 64];
    units.forEach((u, i) => {
      const args = {
        ...shapeArg(),
        units: u,
        returnSequences: i < units.length - 1,
        kernelInitializer: tfl.initializers.glorotUniform({ seed: nextSeed() }),
        recurrentInitializer: tfl.initializers.glorotUniform({ seed: nextSeed() }),
        kernelRegularizer: l2(),
      };
      layers.push(recurrent === 'gru' ? tfl.layers.gru(args) : tfl.layers.lstm(args));
      described.push(`${recurrent}(${u}${args.returnSequences ? ', returnSequences' : ''}, glorotUniform${l2Text})`);
    });
    addDropout();
    rationale.push(`Sequences have temporal structure, so a gated recurrent network (${recurrent.toUpperCase()}, ${units.join('-')} units) is the default; gating avoids the vanishing gradients of a plain RNN.`);
  }

  const outputUnits = task === 'multiclass' ? (numClasses as number) : 1;
  const outputActivation = task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear';
  layers.push(tfl.layers.dense({ ...shapeArg(), units: outputUnits, activation: outputActivation, kernelInitializer: tfl.initializers.glorotUniform({ seed: nextSeed() }) }));
  described.push(`dense(${outputUnits}, ${outputActivation})`);
  const loss =
    task === 'binary' ? 'binaryCrossentropy' : task === 'regression' ? 'meanSquaredError' : options.oneHotLabels ? 'categoricalCrossentropy' : 'sparseCategoricalCrossentropy';
  const metrics = task === 'regression' ? [] : ['accuracy'];
  rationale.push(
    task === 'binary'
      ? 'Binary task: one sigmoid unit with binary cross-entropy (the negative log-likelihood of a Bernoulli output).'
      : task === 'multiclass'
        ? `Multiclass task: ${outputUnits} softmax units with ${loss} (${options.oneHotLabels ? 'one-hot label rows' : 'integer class ids, as toTensors gives them'}).`
        : 'Regression task: one linear unit with mean squared error (the negative log-likelihood of a Gaussian output).',
  );
  if (task !== 'regression') {
    rationale.push("Only 'accuracy' is compiled: tfjs averages compiled metrics over batches, which is wrong for AUC, average precision and F-scores — compute those on the whole validation set with metricsCallback.");
  }
  rationale.push(
    `Regularisation: ${dropout > 0 ? `dropout ${dropout}` : 'no dropout'} and ${weightDecay > 0 ? `L2 weight decay ${weightDecay} on every kernel` : 'no weight decay'}.`,
  );
  const optimizer = optimizerName === 'adam' ? tf.train.adam(learningRate) : tf.train.momentum(learningRate, 0.9);
  rationale.push(
    optimizerName === 'adam'
      ? `Optimizer: Adam with learning rate ${learningRate}, robust to the choice of rate.`
      : `Optimizer: SGD with momentum 0.9 and learning rate ${learningRate}; add a decaying schedule with learningRateScheduler.`,
  );

  const model = tfl.sequential({ layers });
  model.compile({ optimizer, loss, metrics });
  if (loss === 'sparseCategoricalCrossentropy') {
    // tfjs-layers 4.22 recognises the sparse loss by identity (for the target
    // shape check and the sparse accuracy), but its implementation calls
    // `floor` on the targets, which rejects int32 class ids. Swap in a casting
    // wrapper after compile: the checks keep the original, training and
    // evaluation call the wrapper.
    // A Sequential delegates training to its inner LayersModel (`model.model`).
    type Compiled = { lossFunctions?: unknown[]; model?: Compiled };
    const compiled = (model as unknown as Compiled).model ?? (model as unknown as Compiled);
    if (!compiled.lossFunctions) throw new Error('baselineModel: tfjs-layers internals changed (no lossFunctions after compile)');
    compiled.lossFunctions[0] = sparseCategoricalCrossentropy;
  }
  // The model created the optimizer, so model.dispose() should release it as
  // tfjs does for optimizers compiled by name.
  (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
  const config: BaselineModelConfig = {
    input,
    inputShape: [...inputShape],
    task,
    numClasses,
    size,
    layers: described,
    outputActivation,
    loss,
    metrics,
    optimizer: optimizerName,
    learningRate,
    dropout,
    weightDecay,
    seed,
    parameters: model.countParams(),
  };
  return { model, config, rationale };
}

/** Sparse categorical cross-entropy on int32 or float32 class ids (see the note in {@link baselineModel}). */
function sparseCategoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const k = yPred.shape[yPred.shape.length - 1] as number;
    const ids = tf.reshape(tf.cast(yTrue, 'int32'), [-1]);
    const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
    const oneHot = tf.reshape(tf.oneHot(ids, k), p.shape);
    return tf.neg(tf.sum(tf.mul(tf.cast(oneHot, 'float32'), tf.log(p)), -1));
  });
}

function readInputShape(shape: readonly number[] | undefined, input: 'tabular' | 'image' | 'sequence', fn: string): number[] {
  const rank = { tabular: 1, image: 3, sequence: 2 }[input];
  const expected = { tabular: '[features]', image: '[height, width, channels]', sequence: '[steps, features]' }[input];
  const ok = Array.isArray(shape) && shape.length === rank && shape.every((d) => Number.isInteger(d) && d >= 1);
  if (!ok) failOption(fn, `inputShape is ${show(shape)}, expected ${expected} for input "${input}"`);
  return [...(shape as number[])];
}
