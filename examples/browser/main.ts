/// <reference types="vite/client" />
// The browser demo: picks a tfjs backend (WebGL, falling back to wasm, then
// cpu, and saying which), runs the walkthrough's core steps, shows the results
// and the plots, and leaves everything as plain JSON on `window.__results` for
// the browser test suite.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import embed from 'vega-embed';
import { walkthroughPlots, type Figure } from './plots';
import { runWalkthrough, type WalkthroughResults } from './walkthrough';

/** The backends, in the order the page falls back through them. */
const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
type BackendName = (typeof BACKENDS)[number];

/** What the page leaves on `window.__results`. */
export interface PageResults {
  readonly requestedBackend: BackendName;
  readonly backend: string;
  /** Backends tried before the one in use, and why each failed. */
  readonly fallbacks: { readonly backend: string; readonly reason: string }[];
  readonly backendInfo: Record<string, string | number | boolean>;
  readonly tensors: { readonly before: number; readonly after: number };
  readonly walkthrough: WalkthroughResults;
  /** The figures rendered with vega-embed: titles and Vega-Lite specs. */
  readonly plots: Figure[];
  readonly millis: number;
}

declare global {
  interface Window {
    __results?: PageResults;
    __error?: string;
    __done?: boolean;
  }
}

// Vite serves (and fingerprints) the wasm binaries; tfjs picks the one the browser supports.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

const $ = (id: string): HTMLElement => document.getElementById(id)!;

function requestedBackend(): BackendName {
  const asked = new URLSearchParams(location.search).get('backend') ?? 'webgl';
  if (!(BACKENDS as readonly string[]).includes(asked)) {
    throw new Error(`unknown backend '${asked}' in ?backend=, expected one of ${BACKENDS.join(', ')}`);
  }
  return asked as BackendName;
}

/** Tries the requested backend, then the ones after it in {@link BACKENDS}. */
async function chooseBackend(requested: BackendName): Promise<{ backend: string; fallbacks: { backend: string; reason: string }[] }> {
  const fallbacks: { backend: string; reason: string }[] = [];
  for (const name of BACKENDS.slice(BACKENDS.indexOf(requested))) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { backend: name, fallbacks };
      }
      fallbacks.push({ backend: name, reason: 'tf.setBackend returned false (the backend failed to initialise)' });
    } catch (error) {
      fallbacks.push({ backend: name, reason: String(error) });
    }
  }
  throw new Error(`no tfjs backend could be initialised: ${JSON.stringify(fallbacks)}`);
}

interface WebGLBackendLike {
  getGPGPUContext?: () => { gl: WebGLRenderingContext | WebGL2RenderingContext };
}

/**
 * The device's arithmetic precision, measured: (1 + 2^-20) − 1 on 1024-element
 * tensors (large enough that WebGL runs them on the GPU, not forwarded to the
 * CPU). 2^-20 ≈ 9.5e-7 in float32; 0 in float16, whose spacing near 1 is 2^-10.
 */
function precisionProbe(): number {
  const values = tf.tidy(() => tf.sub(tf.add(tf.fill([1024], 1), tf.fill([1024], 2 ** -20)), tf.fill([1024], 1)).dataSync());
  return Math.min(...values);
}

/**
 * What the backend runs on: for WebGL, the GL renderer tfjs's own context
 * reports (SwiftShader when headless) and whether it renders to float32
 * textures. `floatPrecision` is what tfjs reports: its WebGL backend says 16
 * whenever it renders to float32 textures (tfjs 4.22), so `precisionProbe` is
 * the measurement to trust.
 */
async function describeBackend(backend: string): Promise<Record<string, string | number | boolean>> {
  const info: Record<string, string | number | boolean> = {
    floatPrecision: tf.backend().floatPrecision(),
    precisionProbe: precisionProbe(),
  };
  if (backend === 'webgl') {
    const gl = (tf.backend() as WebGLBackendLike).getGPGPUContext?.().gl;
    info.webglVersion = tf.env().getNumber('WEBGL_VERSION');
    info.float32Textures = tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED');
    if (gl) {
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      info.renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      info.vendor = String(gl.getParameter(debug ? debug.UNMASKED_VENDOR_WEBGL : gl.VENDOR));
    }
  } else if (backend === 'wasm') {
    info.simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    info.threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  }
  return info;
}

/** The banner's wording of {@link describeBackend}'s facts. */
function describeForPeople(backend: string, info: Record<string, string | number | boolean>): string {
  const precision = info.precisionProbe === 2 ** -20 ? 'float32' : 'less than float32';
  if (backend === 'webgl') {
    return `WebGL ${info.webglVersion} on ${info.renderer ?? 'an unknown renderer'}, ${info.float32Textures ? 'float32' : 'float16'} textures; measured precision: ${precision}`;
  }
  if (backend === 'wasm') return `WebAssembly, SIMD ${info.simd ? 'on' : 'off'}, threads ${info.threads ? 'on' : 'off'}; measured precision: ${precision}`;
  return `plain JavaScript; measured precision: ${precision}`;
}

const fmt = (v: number, digits = 4): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

function table(rows: [string, string | number][]): string {
  return `<table>${rows.map(([k, v]) => `<tr><td>${k}</td><td>${typeof v === 'number' ? fmt(v) : v}</td></tr>`).join('')}</table>`;
}

const verdict = (ok: boolean, good: string, bad: string): string => `<span class="${ok ? 'ok' : 'fail'}">${ok ? good : bad}</span>`;

function show(r: WalkthroughResults): void {
  const m = r.metrics;
  $('metrics').innerHTML =
    `<h2>1. Metrics on a rare event (${m.positives} positives in ${m.n})</h2>` +
    table([
      ['accuracy of always predicting "negative"', m.alwaysNegativeAccuracy],
      ['average precision (AUPRC)', m.averagePrecision],
      ['95% bootstrap interval (BCa, 200 stratified resamples)', `[${fmt(m.apInterval.lower)}, ${fmt(m.apInterval.upper)}]`],
      ['ROC AUC', m.rocAuc],
      ['best F1 threshold', m.bestF1.threshold],
      ['F1 / precision / recall there', `${fmt(m.bestF1.fScore)} / ${fmt(m.bestF1.precision)} / ${fmt(m.bestF1.recall)}`],
    ]);
  const a = r.activations;
  $('activations').innerHTML =
    `<h2>2. The MLP at initialisation (${a.examples} examples)</h2>` +
    `<table><tr><th>layer</th><th>activation</th><th>mean</th><th>std</th><th>zeros</th><th>dead units</th></tr>${a.layers
      .map((l) => `<tr><td>${l.name}</td><td>${l.activation ?? ''}</td><td>${fmt(l.mean)}</td><td>${fmt(l.std)}</td><td>${fmt(l.zeroFraction, 3)}</td><td>${l.deadUnits} / ${l.units}</td></tr>`)
      .join('')}</table>` +
    `<table><tr><th>variable</th><th>‖gradient‖</th><th>‖weights‖</th><th>status</th></tr>${r.gradients.variables
      .map((v) => `<tr><td>${v.name}</td><td>${v.gradientNorm.toExponential(3)}</td><td>${fmt(v.weightNorm)}</td><td>${v.status}</td></tr>`)
      .join('')}</table><p>Gradient trend with depth: ${r.gradients.trend.direction}.</p>`;
  const g = r.gradcheck;
  $('gradcheck').innerHTML =
    '<h2>3. Gradient check</h2>' +
    table([
      ['the MLP (binary cross-entropy)', verdict(g.correct.ok, `passes (${g.correct.comparisons} comparisons, worst error ${fmt(g.correct.worstErrorOverTolerance, 2)} of its tolerance)`, `FAILS (${g.correct.failures} failures)`)],
      ['a custom layer whose gradient is 10% too large', verdict(!g.planted.ok, `caught: ${g.planted.failures} failures, worst at ${g.planted.worst}`, 'NOT caught')],
    ]);
  const t = r.training;
  $('training').innerHTML =
    `<h2>4. Training on two moons (${t.loss.length} epochs)</h2>` +
    table([
      ['loss, first → last epoch', `${fmt(t.loss[0])} → ${fmt(t.loss[t.loss.length - 1])}`],
      ['test accuracy', t.testAccuracy],
      ['test average precision', t.testAveragePrecision],
      ['leaked tensors (initialisation, gradient check, training)', `${r.leaks.initialisation}, ${r.leaks.gradcheck}, ${r.leaks.training}`],
      ['time per step (ms)', Object.entries(r.millis).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')],
    ]);
}

async function main(): Promise<void> {
  const start = performance.now();
  const requested = requestedBackend();
  const { backend, fallbacks } = await chooseBackend(requested);
  const backendInfo = await describeBackend(backend);
  const banner = $('backend');
  const details = describeForPeople(backend, backendInfo);
  banner.textContent =
    fallbacks.length === 0
      ? `Running on the ${backend} backend (${details}).`
      : `Asked for ${requested}, running on the ${backend} backend (${details}). Fell back because ${fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')}.`;
  if (fallbacks.length > 0) banner.classList.add('fallback');
  banner.dataset.backend = backend;

  const before = tf.memory().numTensors;
  const walkthrough = await runWalkthrough(async (step) => {
    $('status').textContent = `Running: ${step}…`;
    // Let the browser paint the progress line before the step computes.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const after = tf.memory().numTensors;
  show(walkthrough);

  $('status').textContent = 'Rendering plots…';
  const plots = walkthroughPlots(walkthrough);
  for (const { spec } of plots) {
    const div = document.createElement('div');
    $('plots').appendChild(div);
    await embed(div, spec as never, { actions: false, renderer: 'svg' });
  }
  const millis = performance.now() - start;
  $('status').textContent = `Done in ${(millis / 1000).toFixed(1)} s.`;
  window.__results = { requestedBackend: requested, backend, fallbacks, backendInfo, tensors: { before, after }, walkthrough, plots, millis };
}

main()
  .catch((error: unknown) => {
    window.__error = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    const status = $('status');
    status.textContent = `Failed: ${window.__error}`;
    status.classList.add('error');
  })
  .finally(() => {
    window.__done = true;
  });
