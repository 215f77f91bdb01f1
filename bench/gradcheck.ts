/**
 * Benchmark of the gradcheck module (`npm run bench:gradcheck`): false alarms
 * on a zoo of correct functions, planted bugs caught, cost per check, and the
 * cost of the full and fast modes on MLPs of 1k, 10k and 100k parameters, on
 * the cpu and wasm backends, in float32. Writes its section of bench/RESULTS.md.
 *
 * Environment: ZOO_SEEDS (default 20), LONG_SEEDS (default 1000: the long run,
 * each seed checks every zoo entry once in the full mode), BUG_SEEDS (default 100),
 * BACKENDS (default "cpu,wasm").
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../src/core/random';
import {
  checkGradients,
  checkModelGradients,
  type CheckGradientsOptions,
  GradientCheckError,
  type GradientCheckReport,
  registerMissingGradientKernels,
} from '../src/gradcheck';
import { machineLine, writeResultsSection } from './writeResultsSection';

type Fn = (...xs: tf.Tensor[]) => tf.Tensor;
interface ZooEntry {
  name: string;
  /** The inputs to differentiate at, for a seed. */
  inputs: (seed: number) => tf.Tensor[];
  f: Fn;
  /** A known backend bug this entry must flag there. */
  knownBug?: { backend: string; what: string };
}

function normal(shape: number[], seed: number | string, scale = 1, shift = 0): tf.Tensor {
  const rng = createRng(`${seed}`);
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = shift + scale * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return tf.tensor(v, shape, 'float32');
}
const N = (shape: number[], scale = 1, shift = 0) => (seed: number, k: number) => normal(shape, `${seed}:${k}`, scale, shift);
const gen = (...makers: ((seed: number, k: number) => tf.Tensor)[]) => (seed: number) => makers.map((m, k) => m(seed, k));

const oneHot = (rows: number, classes: number) => (seed: number) => {
  const rng = createRng(`labels:${seed}`);
  return tf.cast(tf.oneHot(tf.tensor1d(Array.from({ length: rows }, () => Math.floor(rng() * classes)), 'int32'), classes), 'float32');
};

/** A correct custom op made with tf.customGrad: swish x·σ(x). */
const swish = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x]);
  return {
    value: tf.mul(x, tf.sigmoid(x)),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const s = tf.sigmoid(saved[0]);
      return tf.mul(dy, tf.add(s, tf.mul(saved[0], tf.mul(s, tf.sub(1, s)))));
    },
  };
}) as never) as (x: tf.Tensor) => tf.Tensor;

/** A custom layer whose op has a custom gradient (scaled by `factor`; 1 = correct). */
class SwishLayer extends tfl.layers.Layer {
  static className = 'SwishLayer';
  constructor(private readonly factor: number) {
    super({});
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const factor = this.factor;
    const op = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
      save([x]);
      return {
        value: tf.mul(x, tf.sigmoid(x)),
        gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => {
          const sg = tf.sigmoid(s);
          return tf.mul(tf.mul(dy, tf.add(sg, tf.mul(s, tf.mul(sg, tf.sub(1, sg))))), factor);
        },
      };
    }) as never) as (x: tf.Tensor) => tf.Tensor;
    return op(Array.isArray(inputs) ? inputs[0] : inputs);
  }
}

function gru(x: tf.Tensor, h: tf.Tensor, w: tf.Tensor, u: tf.Tensor): tf.Tensor {
  const units = h.shape[1]!;
  const xw = tf.split(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), 3, 1);
  const hu = tf.split(tf.matMul(h as tf.Tensor2D, u as tf.Tensor2D), 3, 1);
  const z = tf.sigmoid(tf.add(xw[0], hu[0]));
  const r = tf.sigmoid(tf.add(xw[1], hu[1]));
  const n = tf.tanh(tf.add(xw[2], tf.mul(r, hu[2])));
  void units;
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3))), gamma), beta);
}

function batchNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, 0);
  return tf.batchNorm(x, mean, variance, beta, gamma, 1e-3);
}

function attention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor): tf.Tensor {
  const scores = tf.div(tf.matMul(q as tf.Tensor2D, k as tf.Tensor2D, false, true), Math.sqrt(q.shape[1]!));
  return tf.matMul(tf.softmax(scores), v as tf.Tensor2D);
}

export const ZOO: ZooEntry[] = [
  { name: 'sum of squares', inputs: gen(N([3, 4])), f: (x) => tf.sum(tf.square(x)) },
  { name: 'exp', inputs: gen(N([6])), f: (x) => tf.exp(x) },
  { name: 'tanh', inputs: gen(N([2, 5], 1.5)), f: (x) => tf.tanh(x) },
  { name: 'sigmoid', inputs: gen(N([8], 2)), f: (x) => tf.sigmoid(x) },
  { name: 'softplus', inputs: gen(N([8], 2)), f: (x) => tf.softplus(x) },
  { name: 'sin(a)·cos(b)', inputs: gen(N([5]), N([5])), f: (a, b) => tf.mul(tf.sin(a), tf.cos(b)) },
  { name: 'a / (1 + b²)', inputs: gen(N([6]), N([6])), f: (a, b) => tf.div(a, tf.add(1, tf.square(b))) },
  { name: 'sqrt(1 + x²)', inputs: gen(N([7], 2)), f: (x) => tf.sqrt(tf.add(1, tf.square(x))) },
  { name: 'log(1 + x²)', inputs: gen(N([7], 2)), f: (x) => tf.log(tf.add(1, tf.square(x))) },
  { name: 'pow(1 + x², 0.75)', inputs: gen(N([6])), f: (x) => tf.pow(tf.add(1, tf.square(x)), 0.75) },
  { name: 'elu', inputs: gen(N([8])), f: (x) => tf.elu(x) },
  { name: 'matMul + tanh', inputs: gen(N([3, 4]), N([4, 5], 0.5)), f: (x, w) => tf.tanh(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D)) },
  {
    name: 'two-layer tanh MLP',
    inputs: gen(N([4, 3]), N([3, 5], 0.6), N([5, 2], 0.5)),
    f: (x, w1, w2) => tf.matMul(tf.tanh(tf.matMul(x as tf.Tensor2D, w1 as tf.Tensor2D)), w2 as tf.Tensor2D),
  },
  { name: 'relu MLP (kinks)', inputs: gen(N([4, 3]), N([3, 4], 0.6)), f: (x, w) => tf.sum(tf.relu(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D))) },
  { name: 'abs (kinks)', inputs: gen(N([8])), f: (x) => tf.sum(tf.abs(x)) },
  { name: 'maximum(a, b)', inputs: gen(N([6]), N([6])), f: (a, b) => tf.maximum(a, b) },
  {
    name: 'conv2d (input)',
    inputs: gen(N([1, 5, 5, 2])),
    f: (x) => tf.conv2d(x as tf.Tensor4D, normal([3, 3, 2, 2], 'w', 0.4) as tf.Tensor4D, 1, 'same'),
  },
  {
    name: 'conv2d (input and filter)',
    inputs: gen(N([1, 5, 5, 2]), N([3, 3, 2, 2], 0.4)),
    f: (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'),
  },
  {
    name: 'depthwise conv2d',
    inputs: gen(N([1, 5, 5, 2]), N([3, 3, 2, 1], 0.4)),
    f: (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'),
  },
  {
    name: 'separable conv2d',
    inputs: gen(N([1, 5, 5, 2]), N([3, 3, 2, 1], 0.4), N([1, 1, 2, 3], 0.5)),
    f: (x, dw, pw) => tf.separableConv2d(x as tf.Tensor4D, dw as tf.Tensor4D, pw as tf.Tensor4D, 1, 'valid'),
  },
  { name: 'avgPool', inputs: gen(N([1, 4, 4, 2])), f: (x) => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid') },
  { name: 'maxPool (positive windows)', inputs: gen(N([1, 4, 4, 1], 1, 6)), f: (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid') },
  {
    name: 'maxPool (negative windows)',
    inputs: gen(N([1, 4, 4, 1], 1, -6)),
    f: (x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'),
    knownBug: { backend: 'wasm', what: 'tfjs-backend-wasm 4.22 returns a zero maxPool gradient where the window maximum is negative' },
  },
  { name: 'batch norm (batch statistics)', inputs: gen(N([6, 3], 2, 1), N([3]), N([3])), f: batchNorm },
  { name: 'layer norm', inputs: gen(N([3, 5], 2, 1), N([5]), N([5])), f: layerNorm },
  { name: 'softmax', inputs: gen(N([2, 5], 2)), f: (x) => tf.softmax(x) },
  { name: 'logSumExp', inputs: gen(N([3, 4], 2)), f: (x) => tf.logSumExp(x, 1) },
  {
    name: 'softmax cross-entropy',
    inputs: gen(N([4, 5], 2)),
    f: (logits) => tf.losses.softmaxCrossEntropy(oneHot(4, 5)(1), logits),
  },
  {
    name: 'sigmoid cross-entropy',
    inputs: gen(N([6], 2)),
    f: (logits) => tf.losses.sigmoidCrossEntropy(tf.tensor1d([0, 1, 1, 0, 1, 0]), logits),
  },
  { name: 'mean squared error', inputs: gen(N([5, 2]), N([5, 2])), f: (a, b) => tf.losses.meanSquaredError(a, b) },
  {
    name: 'LSTM cell',
    inputs: gen(N([2, 3]), N([2, 4], 0.5), N([2, 4], 0.5), N([7, 16], 0.4), N([16], 0.1)),
    f: (x, c, h, kernel, bias) => {
      const [c2, h2] = tf.basicLSTMCell(tf.scalar(1), kernel as tf.Tensor2D, bias as tf.Tensor1D, x as tf.Tensor2D, c as tf.Tensor2D, h as tf.Tensor2D);
      return tf.concat([c2, h2], 1);
    },
  },
  { name: 'GRU cell', inputs: gen(N([2, 3]), N([2, 4], 0.5), N([3, 12], 0.5), N([4, 12], 0.5)), f: gru },
  { name: 'attention softmax(QKᵀ/√d)V', inputs: gen(N([3, 4]), N([5, 4]), N([5, 3])), f: attention },
  { name: 'customGrad swish', inputs: gen(N([8], 2)), f: (x) => swish(x) },
  {
    name: 'concat, slice, transpose, reshape',
    inputs: gen(N([2, 3]), N([2, 3])),
    f: (a, b) => tf.mul(tf.reshape(tf.transpose(tf.concat([a, b], 0)), [4, 3]), tf.tile(tf.reshape(tf.slice(tf.concat([b, a], 1), [0, 1], [2, 3]), [2, 3]), [2, 1])),
  },
  { name: 'sum and mean reductions', inputs: gen(N([3, 3], 0.5, 1)), f: (x) => tf.add(tf.sum(tf.mul(x, tf.exp(x)), 1), tf.mean(tf.square(x), 0)) },
  { name: 'cumsum and atan', inputs: gen(N([6])), f: (x) => tf.atan(tf.cumsum(x)) },
];

// ---------------------------------------------------------------------------
// Planted bugs, as custom gradients of y = x·W + sin(x) (W square).

type BugName = 'factor 2' | 'flipped sign' | 'missing term' | '1% scale' | 'one wrong element' | 'transposed gradient';
const BUGS: BugName[] = ['factor 2', 'flipped sign', 'missing term', '1% scale', 'one wrong element', 'transposed gradient'];

function plantedOp(bug: BugName, seed: number): (x: tf.Tensor, w: tf.Tensor) => tf.Tensor {
  const wrong = createRng(`bug:${seed}`);
  const wrongIndex = Math.floor(wrong() * 36);
  return tf.customGrad(((x: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
    save([x, w]);
    return {
      value: tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), tf.sin(x)),
      gradFunc: (dy: tf.Tensor, [xs, ws]: tf.Tensor[]) => {
        let dx = tf.add(tf.matMul(dy as tf.Tensor2D, ws as tf.Tensor2D, false, true), tf.mul(dy, tf.cos(xs)));
        let dw: tf.Tensor = tf.matMul(xs as tf.Tensor2D, dy as tf.Tensor2D, true, false);
        switch (bug) {
          case 'factor 2':
            dx = tf.mul(dx, 2);
            dw = tf.mul(dw, 2);
            break;
          case 'flipped sign':
            dx = tf.neg(dx);
            dw = tf.neg(dw);
            break;
          case 'missing term':
            dx = tf.matMul(dy as tf.Tensor2D, ws as tf.Tensor2D, false, true);
            break;
          case '1% scale':
            dx = tf.mul(dx, 1.01);
            dw = tf.mul(dw, 1.01);
            break;
          case 'one wrong element': {
            const bump = tf.mul(tf.max(tf.abs(dw)), 0.1);
            dw = tf.add(dw, tf.mul(tf.reshape(tf.oneHot(tf.tensor1d([wrongIndex], 'int32'), 36), [6, 6]), bump));
            break;
          }
          case 'transposed gradient':
            dw = tf.transpose(dw);
            break;
        }
        return [dx, dw];
      },
    };
  }) as never) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor;
}

// ---------------------------------------------------------------------------

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const ZOO_SEEDS = env('ZOO_SEEDS', 20);
const LONG_SEEDS = env('LONG_SEEDS', 1000);
const BUG_SEEDS = env('BUG_SEEDS', 100);
const BACKENDS = (process.env.BACKENDS ?? 'cpu,wasm').split(',');

interface Outcome {
  report?: GradientCheckReport;
  error?: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system): less sensitive to other processes on a shared machine. */
  cpu: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(f: Fn, inputs: tf.Tensor[], options: CheckGradientsOptions): Outcome {
  const t0 = performance.now();
  const c0 = cpuMs();
  try {
    const report = checkGradients(f, inputs, options);
    return { report, ms: performance.now() - t0, cpu: cpuMs() - c0 };
  } catch (e) {
    if (!(e instanceof GradientCheckError)) throw e;
    return { error: e.message, ms: performance.now() - t0, cpu: cpuMs() - c0 };
  } finally {
    tf.dispose(inputs);
  }
}

/** The largest error-to-tolerance ratio of a report (a ratio above 1 fails). */
const margin = (r: GradientCheckReport) => {
  const c = r.worst[0];
  return c ? (c.tolerance > 0 ? c.absError / c.tolerance : c.absError > 0 ? Infinity : 0) : 0;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

function mlp(sizes: [number, number, number], batch: number) {
  const [inp, hidden, out] = sizes;
  const x = normal([batch, inp], 'mlp-x');
  const y = normal([batch, out], 'mlp-y');
  const params = () => [
    normal([inp, hidden], 'w1', 1 / Math.sqrt(inp)),
    normal([hidden], 'b1', 0.1),
    normal([hidden, out], 'w2', 1 / Math.sqrt(hidden)),
    normal([out], 'b2', 0.1),
  ];
  const f: Fn = (w1, b1, w2, b2) =>
    tf.losses.meanSquaredError(y, tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x as tf.Tensor2D, w1 as tf.Tensor2D), b1)), w2 as tf.Tensor2D), b2));
  const count = inp * hidden + hidden + hidden * out + out;
  return { f, params, count, dispose: () => tf.dispose([x, y]) };
}

async function main(): Promise<void> {
  const out: string[] = [];
  const log = (line = '') => {
    out.push(line);
    process.stdout.write(`${line}\n`);
  };
  log(`## gradcheck`);
  log();
  log(`Machine: ${machineLine()}. tfjs 4.22 (${BACKENDS.join(', ')}), float32. Default options unless stated (mode full, stencil 4, maxElementsPerInput 8).`);
  log();

  for (const backend of BACKENDS) {
    await tf.setBackend(backend);
    await tf.ready();
    const leak0 = tf.memory().numTensors;
    // Warm-up (kernel compilation, first-call allocations).
    for (const z of ZOO.slice(0, 5)) run(z.f, z.inputs(0), {});

    // 1. The zoo × seeds, full and fast.
    log(`### ${backend}: zoo of ${ZOO.length} correct functions × ${ZOO_SEEDS} seeds`);
    log();
    log('| function | full: false alarms | fast: false alarms | full: median wall ms | full: median CPU ms | fast: median wall ms | evaluations (full / fast) | non-differentiable points | largest error/tolerance | note |');
    log('|---|---|---|---|---|---|---|---|---|---|');
    const allMs: number[] = [];
    const allCpu: number[] = [];
    let checks = 0;
    let falseAlarms = 0;
    let unsupported = 0;
    let worstRatio = 0;
    const falseAlarmExamples: string[] = [];
    for (const z of ZOO) {
      const row = { full: 0, fast: 0, msFull: [] as number[], cpuFull: [] as number[], msFast: [] as number[], evFull: 0, evFast: 0, kinks: 0, errors: new Set<string>(), flagged: 0, ratio: 0 };
      for (let seed = 0; seed < ZOO_SEEDS; seed++) {
        for (const mode of ['full', 'fast'] as const) {
          const o = run(z.f, z.inputs(seed), { mode, seed });
          if (o.error) {
            row.errors.add(o.error);
            unsupported++;
            continue;
          }
          const r = o.report!;
          (mode === 'full' ? row.msFull : row.msFast).push(o.ms);
          if (mode === 'full') {
            allMs.push(o.ms);
            allCpu.push(o.cpu);
            row.cpuFull.push(o.cpu);
            row.evFull = r.evaluations;
          } else row.evFast = r.evaluations;
          row.kinks += r.nonDifferentiable.length;
          if (z.knownBug?.backend === backend) {
            if (!r.ok) row.flagged++;
            continue;
          }
          checks++;
          worstRatio = Math.max(worstRatio, margin(r));
          row.ratio = Math.max(row.ratio, margin(r));
          if (!r.ok) {
            falseAlarms++;
            row[mode]++;
            if (falseAlarmExamples.length < 5) falseAlarmExamples.push(`${z.name} seed ${seed} ${mode}: ${JSON.stringify(r.worst[0])}`);
          }
        }
      }
      const note = z.knownBug?.backend === backend
        ? `known bug flagged in ${row.flagged}/${2 * ZOO_SEEDS} checks`
        : row.errors.size
          ? `error: ${[...row.errors][0].replace(/\|/g, '/')}`
          : '';
      log(`| ${z.name} | ${row.full} | ${row.fast} | ${fmt(median(row.msFull))} | ${fmt(median(row.cpuFull))} | ${fmt(median(row.msFast))} | ${row.evFull} / ${row.evFast} | ${row.kinks} | ${fmt(row.ratio, 3)} | ${note} |`);
    }
    log();
    log(`Zoo on ${backend}: ${falseAlarms} false alarms in ${checks} checks of correct gradients; median ${fmt(median(allMs))} ms wall-clock (${fmt(median(allCpu))} ms of CPU time) per full check with the default options, ${unsupported} checks stopped by a missing-kernel error. Largest error/tolerance ratio over these correct checks: ${fmt(worstRatio, 3)} (a check fails above 1).`);
    for (const e of falseAlarmExamples) log(`- false alarm: ${e}`);
    log();

    // 2. The long run: LONG_SEEDS seeds × every zoo entry, full mode.
    if (LONG_SEEDS > 0) {
      let longChecks = 0;
      let longAlarms = 0;
      const longMs: number[] = [];
      const longCpu: number[] = [];
      let longRatio = 0;
      const examples: string[] = [];
      const t0 = performance.now();
      for (let seed = 1000; seed < 1000 + LONG_SEEDS; seed++) {
        for (const z of ZOO) {
          if (z.knownBug?.backend === backend) continue;
          const o = run(z.f, z.inputs(seed), { seed });
          if (o.error) continue;
          longChecks++;
          longMs.push(o.ms);
          longCpu.push(o.cpu);
          longRatio = Math.max(longRatio, margin(o.report!));
          if (!o.report!.ok) {
            longAlarms++;
            if (examples.length < 5) examples.push(`${z.name} seed ${seed}: ${JSON.stringify(o.report!.worst[0])}`);
          }
        }
      }
      log(`Long run on ${backend}: ${LONG_SEEDS} seeds × the zoo (known-bug and unsupported entries aside), full mode: ${longAlarms} false alarms in ${longChecks} checks (median ${fmt(median(longMs))} ms wall-clock, ${fmt(median(longCpu))} ms CPU; ${fmt((performance.now() - t0) / 1000, 0)} s in all); largest error/tolerance ratio ${fmt(longRatio, 3)}.`);
      for (const e of examples) log(`- false alarm: ${e}`);
      log();
    }

    // 3. Planted bugs.
    log(`### ${backend}: planted bugs in a custom gradient of y = x·W + sin(x) (x 4×6, W 6×6, non-scalar output), ${BUG_SEEDS} seeds`);
    log();
    log('| bug | full: caught | fast: caught | full: smallest worst-error/tolerance | fast: smallest worst-error/tolerance | full: median wall ms | fast: median wall ms |');
    log('|---|---|---|---|---|---|---|');
    for (const bug of BUGS) {
      const caught = { full: 0, fast: 0 };
      const ms = { full: [] as number[], fast: [] as number[] };
      const least = { full: Infinity, fast: Infinity };
      for (let seed = 0; seed < BUG_SEEDS; seed++) {
        const op = plantedOp(bug, seed);
        for (const mode of ['full', 'fast'] as const) {
          const o = run((x, w) => op(x, w), [normal([4, 6], `bx${seed}`), normal([6, 6], `bw${seed}`, 0.4)], { mode, seed });
          ms[mode].push(o.ms);
          if (o.report && !o.report.ok) caught[mode]++;
          if (o.report) least[mode] = Math.min(least[mode], margin(o.report));
        }
      }
      log(`| ${bug} | ${caught.full}/${BUG_SEEDS} | ${caught.fast}/${BUG_SEEDS} | ${fmt(least.full, 2)} | ${fmt(least.fast, 2)} | ${fmt(median(ms.full))} | ${fmt(median(ms.fast))} |`);
    }
    log();

    // 3b. The second-order stencil: the zoo and the planted bugs, full mode.
    {
      let checks2 = 0;
      let alarms2 = 0;
      let ratio2 = 0;
      for (const z of ZOO) {
        if (z.knownBug?.backend === backend) continue;
        for (let seed = 0; seed < ZOO_SEEDS; seed++) {
          const o = run(z.f, z.inputs(seed), { seed, stencil: 2 });
          if (o.error) continue;
          checks2++;
          ratio2 = Math.max(ratio2, margin(o.report!));
          if (!o.report!.ok) alarms2++;
        }
      }
      const caught2: string[] = [];
      for (const bug of BUGS) {
        let caught = 0;
        for (let seed = 0; seed < BUG_SEEDS; seed++) {
          const op = plantedOp(bug, seed);
          const o = run((x, w) => op(x, w), [normal([4, 6], `bx${seed}`), normal([6, 6], `bw${seed}`, 0.4)], { seed, stencil: 2 });
          if (o.report && !o.report.ok) caught++;
        }
        caught2.push(`${bug} ${caught}/${BUG_SEEDS}`);
      }
      log(`With \`stencil: 2\` (second-order central differences, h = 2^-8·max(|x|, 1)), full mode on ${backend}: ${alarms2} false alarms in ${checks2} zoo checks (largest error/tolerance ${fmt(ratio2, 3)}); planted bugs caught: ${caught2.join(', ')}.`);
      log();
    }

    // 4. Whole tfjs-layers models with a custom layer (tf.customGrad inside), checkModelGradients.
    {
      const modelSeeds = Math.min(ZOO_SEEDS, 20);
      let alarms = 0;
      let caught = 0;
      const ms: number[] = [];
      for (let seed = 0; seed < modelSeeds; seed++) {
        for (const factor of [1, 1.05]) {
          const model = tfl.sequential({
            layers: [
              tfl.layers.dense({ units: 5, inputShape: [4], activation: 'tanh', kernelInitializer: tfl.initializers.glorotNormal({ seed }) }),
              new SwishLayer(factor),
              tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotNormal({ seed: seed + 100 }) }),
            ],
          });
          const x = normal([8, 4], `mx${seed}`);
          const y = normal([8, 2], `my${seed}`);
          const t0 = performance.now();
          const r = checkModelGradients(model, x, y, { loss: 'meanSquaredError', seed });
          ms.push(performance.now() - t0);
          if (factor === 1 && !r.ok) alarms++;
          if (factor !== 1 && !r.ok) caught++;
          model.dispose();
          tf.dispose([x, y]);
        }
      }
      log(`### ${backend}: tfjs-layers model (dense → custom swish layer with tf.customGrad → dense), checkModelGradients, ${modelSeeds} seeds`);
      log();
      log(`Correct model: ${alarms} false alarms in ${modelSeeds} checks; custom gradient 5% off in the custom layer: caught in ${caught}/${modelSeeds}; median ${fmt(median(ms))} ms per check (a layers forward pass costs far more than an op).`);
      log();
    }

    // 5. The wasm backend with registerMissingGradientKernels().
    if (backend === 'wasm') {
      const registered = registerMissingGradientKernels();
      const entries = ZOO.filter((z) => /conv|maxPool/.test(z.name));
      log(`### wasm after registerMissingGradientKernels() (registered: ${registered.join(', ')}), ${ZOO_SEEDS} seeds`);
      log();
      log('| function | full: failures | fast: failures | full: median wall ms |');
      log('|---|---|---|---|');
      for (const z of entries) {
        const fails = { full: 0, fast: 0 };
        const ms: number[] = [];
        for (let seed = 0; seed < ZOO_SEEDS; seed++) {
          for (const mode of ['full', 'fast'] as const) {
            const o = run(z.f, z.inputs(seed), { mode, seed });
            if (mode === 'full') ms.push(o.ms);
            if (o.error || !o.report!.ok) fails[mode]++;
          }
        }
        log(`| ${z.name} | ${fails.full}/${ZOO_SEEDS} | ${fails.fast}/${ZOO_SEEDS} | ${fmt(median(ms))} |`);
      }
      log();
    }

    // 6. Cost on MLPs.
    log(`### ${backend}: cost on a tanh MLP (batch 32, mean squared error), 4 inputs (W1, b1, W2, b2)`);
    log();
    log('| parameters | mode | elements compared | directions | function evaluations | wall ms | CPU ms | ms per forward pass |');
    log('|---|---|---|---|---|---|---|---|');
    const shapes: [number, number, number][] = [[20, 40, 4], [50, 180, 4], [100, 900, 10]];
    for (const sizes of shapes) {
      const m = mlp(sizes, 32);
      const t = performance.now();
      for (let i = 0; i < 20; i++) tf.tidy(() => m.f(...m.params()).dataSync());
      const forward = (performance.now() - t) / 20;
      const variants: [string, CheckGradientsOptions][] = [
        ['full (default sample)', {}],
        ['fast', { mode: 'fast' }],
      ];
      if (m.count <= 1100) variants.push(['full (every element)', { maxElementsPerInput: Infinity }]);
      for (const [label, options] of variants) {
        const o = run(m.f, m.params(), options);
        const r = o.report!;
        const compared = r.inputs.reduce((s, i) => s + i.checked, 0);
        const dirs = r.inputs.reduce((s, i) => s + i.directions, 0);
        log(`| ${m.count} | ${label}${r.ok ? '' : ' (FAILED)'} | ${compared} | ${dirs} | ${r.evaluations} (+${r.gradientEvaluations} backward) | ${fmt(o.ms)} | ${fmt(o.cpu)} | ${fmt(forward, 2)} |`);
      }
      m.dispose();
    }
    log();
    const leaked = tf.memory().numTensors - leak0;
    log(`Tensors left on ${backend} after the whole run: ${leaked}.`);
    log();
  }
  writeResultsSection('gradcheck', out.join('\n'));
}

if (process.env.GRADCHECK_BENCH_IMPORT_ONLY !== '1') main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
