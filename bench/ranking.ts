// Data and timing helpers of the ranking-metrics benchmark (see run.ts).
import seedrandom from 'seedrandom';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** A seeded binary problem: labels and scores of a mediocre classifier. */
export interface Problem {
  n: number;
  prevalence: number;
  labels: Uint8Array;
  scores: Float64Array;
  /** Sample weights 0.5, 1.5, 2.5, 3.5 in turn, for the weighted rows. */
  weights: Float64Array;
}

/**
 * n examples, positive with probability `prevalence`; score = logistic(z + 1.5·y)
 * with z standard normal: continuous probabilities in (0, 1) with overlapping
 * classes (ROC AUC ≈ 0.86), seeded so every run sees the same data.
 */
export function makeProblem(n: number, prevalence: number, seed = `bench-${n}-${prevalence}`): Problem {
  const rng = seedrandom(seed);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = rng() < prevalence ? 1 : 0;
    // Box–Muller from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    labels[i] = y;
    scores[i] = 1 / (1 + Math.exp(-(z + 1.5 * y)));
  }
  const weights = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 4));
  return { n, prevalence, labels, scores, weights };
}

/** Milliseconds taken by `f` (one call). */
export function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

let gcFn: (() => void) | undefined;

/** A handle on V8's `gc()` without restarting node with --expose-gc. */
export function getGc(): () => void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  return gcFn;
}

/**
 * ArrayBuffer bytes per example allocated by one call and not yet collected
 * when it returns, after a full GC before the call: the typed-array memory
 * the call allocated (its peak, unless a GC ran inside the call, which only
 * lowers the figure), result included. Also the RSS growth per example.
 */
export function memoryPerExample(n: number, f: () => unknown): { arrayBuffers: number; rss: number } {
  const gc = getGc();
  gc();
  gc();
  const a0 = process.memoryUsage();
  let keep: unknown = f();
  const a1 = process.memoryUsage();
  keep = undefined;
  void keep;
  gc();
  return { arrayBuffers: (a1.arrayBuffers - a0.arrayBuffers) / n, rss: (a1.rss - a0.rss) / n };
}
