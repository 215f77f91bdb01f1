/**
 * Debugging: when a model does poorly, is it a bug? (Goodfellow et al.
 * 2016, §11.5.) Four checks, each on a planted fault and its fix:
 *
 *   1. dead ReLUs from a bad initialisation, found by activationStats;
 *   2. vanishing gradients in a deep sigmoid net, found by gradientStats;
 *   3. a model that cannot fit even 16 examples, found by overfitTinyBatch;
 *   4. mislabelled examples, found by worstMistakes (and mostConfused).
 *
 *   npx tsx examples/debugging.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { noisySine, syntheticDigits, toTensors, twoMoons, withLabelNoise } from 'tfjs-methodology/datasets';
import { activationStats, gradientStats, mostConfused, overfitTinyBatch, worstMistakes } from 'tfjs-methodology/diagnostics';
import { accuracy } from 'tfjs-methodology/metrics';
import { deadUnitsPlot, gradientNormsPlot } from 'tfjs-methodology/plot';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, pct, sized, useCpuBackend } from './lib/run';

await useCpuBackend();
const figures = new Figures('debugging');
console.log(`Debugging a model: four checks, each on a planted fault${QUICK ? ' (quick mode)' : ''}`);

// 1. Dead ReLUs ---------------------------------------------------------------
heading('1. Dead ReLUs from a bad initialisation');
const moons = toTensors(twoMoons({ n: sized(600, 200), noise: 0.1, seed: 1 }));
function mlp(bias: number): tfl.Sequential {
  const model = tfl.sequential();
  for (let i = 0; i < 3; i++) {
    model.add(
      tfl.layers.dense({
        units: 32,
        activation: 'relu',
        inputShape: i === 0 ? [2] : undefined,
        kernelInitializer: tfl.initializers.heNormal({ seed: 10 + i }),
        biasInitializer: tfl.initializers.constant({ value: bias }),
        name: `relu${i + 1}`,
      }),
    );
  }
  model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: 20 }), name: 'output' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
  return model;
}
for (const [label, bias] of [
  ['biases initialised to -1.5 (the bug)', -1.5],
  ['biases initialised to 0 (the fix)', 0],
] as const) {
  const model = mlp(bias);
  const stats = activationStats(model, moons.x);
  const dead = stats.layers.filter((l) => l.activation === 'relu').map((l) => `${l.name} ${l.deadUnits}/${l.units}`);
  await model.fit(moons.x, moons.y, { epochs: sized(30, 5), batchSize: 32, shuffle: false, verbose: 0 });
  const acc = accuracy(moons.y.dataSync(), tf.tidy(() => tf.greaterEqual(model.predict(moons.x) as tf.Tensor, 0.5).dataSync()));
  line(label, `dead units ${dead.join(', ')}; train accuracy after fitting ${pct(acc)}`);
  if (bias < 0) {
    await figures.add('dead-units', 'Dead ReLUs per layer, bad initialisation', deadUnitsPlot(stats, { title: 'Dead ReLUs at initialisation (biases -1.5)' }));
  }
  model.dispose();
}
console.log('  A unit whose input is negative for every example outputs 0 and gets no gradient: it never recovers.');
console.log('  With negative biases the deeper layers start mostly dead; zero biases (and He init) keep them alive.');
tf.dispose([moons.x, moons.y]);

// 2. Vanishing gradients ------------------------------------------------------
heading('2. Vanishing gradients in a deep sigmoid network');
const blobsX = tf.randomNormal([64, 8], 0, 1, 'float32', 2);
const blobsY = tf.tidy(() => tf.cast(tf.greater(tf.sum(blobsX, 1, true), 0), 'float32'));
function deep(activation: 'sigmoid' | 'relu'): tfl.Sequential {
  const model = tfl.sequential();
  for (let i = 0; i < 10; i++) {
    model.add(
      tfl.layers.dense({
        units: 16,
        activation,
        inputShape: i === 0 ? [8] : undefined,
        kernelInitializer: activation === 'relu' ? tfl.initializers.heNormal({ seed: 100 + i }) : tfl.initializers.randomNormal({ mean: 0, stddev: 0.3, seed: 100 + i }),
        name: `${activation}${i + 1}`,
      }),
    );
  }
  model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: 99 }), name: 'output' }));
  return model;
}
let sigmoidStats: ReturnType<typeof gradientStats> | undefined;
for (const activation of ['sigmoid', 'relu'] as const) {
  const model = deep(activation);
  const stats = gradientStats(model, blobsX, blobsY, { loss: 'binaryCrossentropy', learningRate: 0.01 });
  const kernels = stats.variables.filter((v) => v.name.includes('kernel'));
  const first = kernels[0];
  const last = kernels[kernels.length - 1];
  line(
    `10 ${activation} layers`,
    `trend ${stats.trend.direction} (slope ${fmt(stats.trend.slope, 2)} decades/layer); |g| ${first.gradientNorm.toExponential(1)} at the input, ${last.gradientNorm.toExponential(1)} at the output; vanishing: ${kernels.filter((v) => v.status === 'vanishing').length}`,
  );
  if (activation === 'sigmoid') sigmoidStats = stats;
  model.dispose();
}
console.log('  σ\'(x) <= 1/4: every sigmoid layer shrinks the gradient, so the first layers barely learn.');
console.log('  ReLU with He initialisation keeps the gradient norm about the same at every depth.');
await figures.add('gradient-norms', 'Gradient norms by depth, deep sigmoid net', gradientNormsPlot(sigmoidStats!, { title: 'Deep sigmoid net: gradient norm by depth' }));
tf.dispose([blobsX, blobsY]);

// 3. Overfit a tiny batch -----------------------------------------------------
heading('3. Can the model fit 16 examples? (overfit a tiny batch)');
const sine = toTensors(noisySine({ n: 64, noise: 0.05, seed: 3 }));
function regressor(output: 'sigmoid' | 'linear'): tfl.Sequential {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 32, activation: 'tanh', inputShape: [1], kernelInitializer: tfl.initializers.glorotNormal({ seed: 4 }) }),
      tfl.layers.dense({ units: 32, activation: 'tanh', kernelInitializer: tfl.initializers.glorotNormal({ seed: 5 }) }),
      tfl.layers.dense({ units: 1, activation: output, kernelInitializer: tfl.initializers.glorotNormal({ seed: 6 }) }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
for (const [label, output] of [
  ['sigmoid output, targets in [-1, 1]', 'sigmoid'],
  ['linear output (the fix)', 'linear'],
] as const) {
  const model = regressor(output);
  const r = await overfitTinyBatch(model, sine.x, sine.y, { examples: 16, epochs: sized(400, 150), learningRate: 0.02, seed: 1 });
  line(label, `${r.passed ? 'passed' : 'FAILED'}: loss ${fmt(r.initialLoss, 4)} -> ${fmt(r.finalLoss, 5)} (target ${fmt(r.targetLoss, 5)}) in ${r.epochs} steps`);
  if (r.reason) console.log(`    ${r.reason}`);
  model.dispose();
}
console.log('  A sound model drives the loss of a handful of examples to ~0 in seconds. One that cannot has a bug');
console.log('  (here an output that cannot be negative) — no amount of data or tuning would have fixed it.');
tf.dispose([sine.x, sine.y]);

// 4. The worst mistakes -------------------------------------------------------
heading('4. The worst mistakes: look at the examples the model is surest about and wrong');
const digits = syntheticDigits({ n: sized(1500, 400), size: 8, seed: 5 });
const flipped = withLabelNoise(digits.y as Int32Array, 0.05, 'debugging-flips');
const changed = new Set<number>();
for (let i = 0; i < flipped.length; i++) if (flipped[i] !== digits.y[i]) changed.add(i);
const noisyDigits = { ...digits, y: flipped };
const { x, y } = toTensors(noisyDigits, { oneHot: true });
const classifier = tfl.sequential({
  layers: [
    tfl.layers.flatten({ inputShape: [8, 8, 1] }),
    tfl.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 7 }) }),
    tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 8 }) }),
  ],
});
classifier.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
await classifier.fit(x, y, { epochs: sized(15, 5), batchSize: 64, shuffle: false, verbose: 0 });
const probabilities = tf.tidy(() => classifier.predict(x) as tf.Tensor2D);
const k = 20;
const worst = worstMistakes({ yTrue: flipped, probabilities, k });
const caught = worst.filter((m) => changed.has(m.index)).length;
line(`labels flipped on purpose`, `${changed.size} of ${flipped.length} (5%)`);
line(`the ${k} worst mistakes (highest loss)`, `${caught} are flipped labels (${pct(caught / k, 0)}; a random pick finds ~5%)`);
for (const m of worst.slice(0, 5)) {
  console.log(`    #${String(m.index).padEnd(5)} labelled ${m.trueLabel}, predicted ${m.predictedLabel} with ${pct(m.confidence)}  loss ${fmt(m.loss, 2)}${changed.has(m.index) ? '  <- a flipped label' : ''}`);
}
const predicted = tf.tidy(() => tf.argMax(probabilities, 1).dataSync() as Int32Array);
const confused = mostConfused(digits.y, predicted, { min: 2 }).slice(0, 3);
line('most confused digits (true -> predicted)', confused.map((c) => `${c.trueLabel}->${c.predictedLabel} x${c.count}`).join(', ') || 'none twice');
console.log(
  caught > k / 2
    ? '  Read the worst mistakes before tuning anything: here they are mostly wrong labels, and the fix is in the data.'
    : '  Read the worst mistakes before tuning anything: they show what the model gets wrong, and often wrong labels.',
);
tf.dispose([x, y, probabilities]);
classifier.dispose();
console.log(`\n  Figures: ${figures.count} in examples/out/ (debugging-*.svg and their Vega-Lite specs)`);
