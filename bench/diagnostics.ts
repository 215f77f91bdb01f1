/**
 * Benchmark of the diagnostics module (`npm run bench:diagnostics`, also run
 * by `npm run bench`): the cost of `activationStats` against one plain
 * `model.predict` of the same batch, on the cpu and wasm backends, for a
 * 10-layer MLP and a 10-layer convolutional net. Target (issue 7):
 * activationStats ≤ 1.5× predict. Writes the "diagnostics" section of
 * bench/RESULTS.md.
 *
 * Environment: BACKENDS (default "cpu,wasm"), DIAG_RUNS (default 15).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { activationStats } from '../src/diagnostics/activationStats';
import { machineLine, writeResultsSection } from './writeResultsSection';

interface Case {
  name: string;
  batch: number;
  build: () => tfl.LayersModel;
  input: () => tf.Tensor;
}

const cases: Case[] = [
  {
    name: 'MLP, 10 Dense(256, relu) layers, 256 inputs',
    batch: 256,
    build: () => {
      const m = tfl.sequential();
      for (let i = 0; i < 9; i++) {
        m.add(tfl.layers.dense({ units: 256, activation: 'relu', inputShape: i === 0 ? [256] : undefined, kernelInitializer: tfl.initializers.heNormal({ seed: i + 1 }) }));
      }
      m.add(tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 9 }) }));
      return m;
    },
    input: () => tf.randomNormal([256, 256], 0, 1, 'float32', 1),
  },
  {
    name: 'CNN, 10 layers (6 Conv2D 3×3×16 relu, 2 max-pool, flatten, Dense(10, softmax)), 28×28×1 inputs',
    batch: 64,
    build: () => {
      const m = tfl.sequential();
      const conv = (i: number, first = false) =>
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: first ? [28, 28, 1] : undefined, kernelInitializer: tfl.initializers.heNormal({ seed: i + 1 }) });
      m.add(conv(0, true));
      m.add(conv(1));
      m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
      m.add(conv(2));
      m.add(conv(3));
      m.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
      m.add(conv(4));
      m.add(conv(5));
      m.add(tfl.layers.flatten());
      m.add(tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 9 }) }));
      return m;
    },
    input: () => tf.randomNormal([64, 28, 28, 1], 0, 1, 'float32', 2),
  },
];

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

interface Row {
  backend: string;
  model: string;
  batch: number;
  layers: number;
  predictMs: number;
  predictFullMs: number;
  statsMs: number;
  deviceMs: number;
}

export async function benchDiagnostics(): Promise<{ rows: Row[]; markdown: string }> {
  const backends = (process.env.BACKENDS ?? 'cpu,wasm').split(',');
  const runs = Number(process.env.DIAG_RUNS ?? 15);
  const rows: Row[] = [];
  const loadStart = loadavg();
  for (const backend of backends) {
    await tf.setBackend(backend);
    await tf.ready();
    for (const c of cases) {
      const model = c.build();
      const x = c.input();
      // predict reads its result back (dataSync) like activationStats does, so both include the device-to-JS copy.
      const predict = () => tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
      const predictFull = () => tf.tidy(() => (model.predict(x, { batchSize: c.batch }) as tf.Tensor).dataSync());
      const stats = () => activationStats(model, x);
      const device = () => activationStats(model, x, { reduceOn: 'device' });
      for (let i = 0; i < 3; i++) {
        predict();
        predictFull();
        stats();
        device();
      }
      const tp: number[] = [];
      const tf1: number[] = [];
      const ts: number[] = [];
      const td: number[] = [];
      for (let r = 0; r < runs; r++) {
        tp.push(time(predict));
        tf1.push(time(predictFull));
        ts.push(time(stats));
        td.push(time(device));
      }
      const layers = activationStats(model, x).layers.length;
      rows.push({ backend, model: c.name, batch: c.batch, layers, predictMs: median(tp), predictFullMs: median(tf1), statsMs: median(ts), deviceMs: median(td) });
      process.stdout.write(`${backend} ${c.name}: predict ${median(tp).toFixed(1)} ms, predict(batchSize ${c.batch}) ${median(tf1).toFixed(1)} ms, activationStats ${median(ts).toFixed(1)} ms (device ${median(td).toFixed(1)} ms)\n`);
      model.dispose();
      x.dispose();
    }
  }
  const lines = [
    '## Diagnostics: activationStats against model.predict',
    '',
    'Written by `npm run bench:diagnostics` (`bench/diagnostics.ts`, also run by `npm run bench`). Do not edit by hand.',
    '',
    `- Machine: ${machineLine()}; load average (1, 5, 15 min) at the start ${loadStart.map((v) => v.toFixed(2)).join(', ')}, at the end ${loadavg().map((v) => v.toFixed(2)).join(', ')} (2 shared cores: above 2, other processes competed)`,
    `- ${runs} interleaved runs after 3 warm-up calls; median ms. Both sides read their results back (\`dataSync\`).`,
    '- `predict`: `model.predict(x)` as a user calls it (tfjs splits the batch into batches of 32); `predict (one batch)`: `model.predict(x, { batchSize: n })`, one pass over the whole batch, the stricter reference.',
    '- `activationStats(model, x)` with the defaults (30 bins, every layer, `reduceOn: \'auto\'`, i.e. on the host for cpu and wasm): one forward pass over the whole batch, then per layer its values read once (`dataSync` on cpu, a view of the wasm memory on wasm) and two float64 passes in JS. `activationStats (device)`: `reduceOn: \'device\'`, the statistics reduced with tf ops and read with one `dataSync` for all layers (the path GPU backends take by default).',
    '- Target (issue 7): activationStats ≤ 1.5× one plain predict of the same batch; the verdict is against the stricter of the two references.',
    '',
    '| backend | model | batch | layers reported | predict ms | predict (one batch) ms | activationStats ms | ratio to predict | ratio to one batch | target ≤ 1.5× | activationStats (device) ms | its ratio to predict |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...rows.map((r) => {
      const ratio = r.statsMs / r.predictMs;
      const strict = r.statsMs / Math.min(r.predictMs, r.predictFullMs);
      return `| ${r.backend} | ${r.model} | ${r.batch} | ${r.layers} | ${r.predictMs.toFixed(1)} | ${r.predictFullMs.toFixed(1)} | ${r.statsMs.toFixed(1)} | ${ratio.toFixed(2)}× | ${(r.statsMs / r.predictFullMs).toFixed(2)}× | ${strict <= 1.5 ? 'PASS' : 'MISS'} | ${r.deviceMs.toFixed(1)} | ${(r.deviceMs / r.predictMs).toFixed(2)}× |`;
    }),
  ];
  return { rows, markdown: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { markdown } = await benchDiagnostics();
  writeResultsSection('diagnostics', markdown);
  process.stdout.write(markdown + '\n');
}
