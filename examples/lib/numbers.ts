/**
 * The multi-digit number model of the walkthrough (and its per-number
 * evaluation), shared with the coverage example.
 *
 * The task follows Goodfellow et al. (2016), §11.2: transcribe a whole
 * number from an image; a transcription is right only when every digit is.
 * The model reads the flattened image and predicts each digit with its own
 * softmax (a `[digits, 10]` output).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from 'tfjs-methodology/datasets';

export interface NumberModelOptions {
  digits: number;
  size: number;
  hidden: number;
  l2?: number;
  learningRate?: number;
  seed?: number;
  /** Initialiser of the hidden layer (the debugging example breaks it on purpose). */
  hiddenInitializer?: ReturnType<typeof tfl.initializers.heNormal>;
}

/** A compiled MLP: flatten → dense(hidden, relu) → dense(digits·10) → reshape → softmax over each digit. */
export function numberModel(o: NumberModelOptions): tfl.Sequential {
  const seed = o.seed ?? 0;
  const regularizer = o.l2 ? tfl.regularizers.l2({ l2: o.l2 }) : undefined;
  const model = tfl.sequential({
    layers: [
      tfl.layers.flatten({ inputShape: [o.size, o.size * o.digits, 1], name: 'pixels' }),
      tfl.layers.dense({
        units: o.hidden,
        activation: 'relu',
        kernelInitializer: o.hiddenInitializer ?? tfl.initializers.heNormal({ seed: seed + 1 }),
        kernelRegularizer: regularizer,
        name: 'hidden',
      }),
      tfl.layers.dense({ units: o.digits * 10, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 2 }), kernelRegularizer: regularizer, name: 'logits' }),
      tfl.layers.reshape({ targetShape: [o.digits, 10], name: 'perDigit' }),
      tfl.layers.softmax({ axis: -1, name: 'probabilities' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(o.learningRate ?? 1e-2), loss: 'categoricalCrossentropy' });
  return model;
}

/** Per-number results: `correct[i]` is 1 when every digit is right; `confidence[i]` the product of the digits' top probabilities. */
export interface NumberEvaluation {
  readonly correct: Float64Array;
  readonly confidence: Float64Array;
  /** 1 − mean(correct): the whole-number error at full coverage. */
  readonly error: number;
  /** Per-digit error (every digit of every number counted once). */
  readonly digitError: number;
  /** Predicted digits, row-major `[n, digits]`. */
  readonly predicted: Int32Array;
  /** Probabilities, row-major `[n, digits, 10]`. */
  readonly probabilities: Float32Array;
}

/** Predicts `data` and scores it per number. */
export function evaluateNumbers(model: tfl.LayersModel, data: Dataset): NumberEvaluation {
  const n = data.shape[0];
  const digits = data.yShape ? data.yShape[1] : 1;
  const probabilities = tf.tidy(() => {
    const x = tf.tensor(data.x, [...data.shape], 'float32');
    return (model.predict(x, { batchSize: 256 }) as tf.Tensor).dataSync() as Float32Array;
  });
  const correct = new Float64Array(n);
  const confidence = new Float64Array(n);
  const predicted = new Int32Array(n * digits);
  let digitErrors = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    let allRight = 1;
    let conf = 1;
    for (let j = 0; j < digits; j++) {
      const row = (i * digits + j) * 10;
      let best = 0;
      for (let c = 1; c < 10; c++) if (probabilities[row + c] > probabilities[row + best]) best = c;
      predicted[i * digits + j] = best;
      conf *= probabilities[row + best];
      if (best !== data.y[i * digits + j]) {
        allRight = 0;
        digitErrors++;
      }
    }
    correct[i] = allRight;
    confidence[i] = conf;
    right += allRight;
  }
  return { correct, confidence, error: 1 - right / n, digitError: digitErrors / (n * digits), predicted, probabilities };
}

/** Features and labels for `model.fit` (one-hot digits); the caller disposes them. */
export function numberTensors(data: Dataset): { x: tf.Tensor; y: tf.Tensor } {
  const digits = data.yShape ? data.yShape[1] : 1;
  return tf.tidy(() => ({
    x: tf.tensor(data.x, [...data.shape], 'float32'),
    y: tf.oneHot(tf.tensor2d(data.y as Int32Array, [data.shape[0], digits], 'int32'), 10),
  }));
}

/** The dataset of digit `j` alone (class ids), flattened: what the non-deep baselines take. */
export function digitColumn(data: Dataset, j: number): { x: Float32Array; shape: number[]; y: Int32Array; numClasses: number } {
  const n = data.shape[0];
  const digits = data.yShape ? data.yShape[1] : 1;
  const features = data.x.length / n;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = data.y[i * digits + j];
  return { x: data.x as Float32Array, shape: [n, features], y, numClasses: 10 };
}
