import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../../core/random';
import { GradientCheckError } from '../gradientCheckError';
import type {
  GradientCheckReport,
  GradientComparison,
  InputGradientReport,
  NonDifferentiablePoint,
} from '../gradientCheckReport';
import type { Differentiable } from './differentiable';
import { derivativeWeights, noiseThrough } from './stencil';

/** The unit roundoff of float32, 2^-24. */
export const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;

/**
 * The float32 rounding allowed in the analytic gradient itself, relative to
 * the largest analytic gradient over all inputs: 2^8·u ≈ 1.5e-5. A gradient
 * that is mathematically zero but computed as a sum of cancelling terms (the
 * bias before a batch normalisation) comes out of float32 as ~1e-8, not 0.
 */
export const ANALYTIC_ROUNDING = 2 ** 8 * FLOAT32_UNIT_ROUNDOFF;

/** Resolved options of a check. @internal */
export interface CheckSettings {
  mode: 'full' | 'fast';
  stencil: 2 | 4;
  eps: number | null;
  relativeStep: number;
  atol: number;
  rtol: number;
  gtol: number;
  noiseFactor: number;
  maxElementsPerInput: number;
  directions: number;
  jacobianOutputs: number;
  maxReported: number;
  seed: string | number;
}

/** A weighting of the outputs: L(x) = Σ_i w_i·f_i(x), computed in float64. */
interface Row {
  weights: Float64Array;
  dy: Float32Array;
  output: number[] | null;
  /** The analytic gradient of L, per input. */
  analytic: Float32Array[];
  /** L at the inputs. */
  base: number;
  /** Per input: the largest |∂L/∂x_j|, the scale of the gtol term. */
  scale: Float64Array;
  /** The largest |∂L/∂x_j| over all inputs. */
  globalScale: number;
}

/** How many times a step that leaves f's domain is halved before giving up. */
const MAX_HALVINGS = 6;

/** How many times a comparison that straddles a kink is redone with a step 8 times smaller. */
const KINK_RETRIES = 2;

function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

function gaussian(rng: Rng): number {
  // Box–Muller; 1 − u avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function multiIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

/** k distinct indices of [0, n), seeded, increasing (partial Fisher–Yates). */
function sampleIndices(n: number, k: number, rng: Rng): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const swapped = new Map<number, number>();
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const vj = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = vj;
  }
  return out.sort();
}

/**
 * L at one evaluation and the float32 rounding bound of the outputs it moved:
 * δ = 2u·Σ_{i changed} |w_i|·max(|f_i|, |f_i⁰|). Outputs that did not change
 * are computed by the same float32 operations at both points and cancel
 * exactly in the differences, so only the moved ones carry noise.
 */
function weigh(row: Row, out: Float32Array, base: Float32Array): { value: number; delta: number } {
  const w = row.weights;
  let value = 0;
  let delta = 0;
  for (let i = 0; i < out.length; i++) {
    if (w[i] === 0) continue;
    const d = out[i] - base[i];
    if (d !== 0) {
      value += w[i] * d;
      delta += Math.abs(w[i]) * Math.max(Math.abs(out[i]), Math.abs(base[i]));
    }
  }
  return { value, delta: 2 * FLOAT32_UNIT_ROUNDOFF * delta };
}

interface Estimate {
  numeric: number;
  /** |D(h) − D(h/2)|: the disagreement between neighbouring step sizes. */
  disagreement: number;
  noise: number;
  forward: number;
  backward: number;
  oneSidedNoise: number;
}

/**
 * The finite-difference estimates from the values y_k = L(x + d_k) − L(x) at
 * the actual offsets d = [−h, −h/2, +h/2, +h] (after float32 rounding).
 */
function estimate(stencil: 2 | 4, d: readonly number[], y: readonly number[], delta: readonly number[], delta0: number): Estimate {
  const dh = (y[3] - y[0]) / (d[3] - d[0]);
  const dh2 = (y[2] - y[1]) / (d[2] - d[1]);
  let numeric: number;
  let noise: number;
  if (stencil === 4) {
    // Cubic through the four nodes: Richardson's (4·D(h/2) − D(h))/3 on exact nodes.
    const c = derivativeWeights(d);
    numeric = c[0] * y[0] + c[1] * y[1] + c[2] * y[2] + c[3] * y[3];
    noise = noiseThrough(c, delta);
  } else {
    numeric = dh;
    noise = (delta[0] + delta[3]) / (d[3] - d[0]);
  }
  // One-sided second-order derivatives on {0, h/2, h} and {0, −h/2, −h}: both
  // have the error (h²/12)·f‴, which cancels in their difference, so they
  // disagree only through noise, fourth derivatives, or a kink in between.
  const cf = derivativeWeights([0, d[2], d[3]]);
  const cb = derivativeWeights([0, d[1], d[0]]);
  const forward = cf[1] * y[2] + cf[2] * y[3];
  const backward = cb[1] * y[1] + cb[2] * y[0];
  const oneSidedNoise =
    Math.abs(cf[0]) * delta0 + Math.abs(cf[1]) * delta[2] + Math.abs(cf[2]) * delta[3] +
    Math.abs(cb[0]) * delta0 + Math.abs(cb[1]) * delta[1] + Math.abs(cb[2]) * delta[0];
  return { numeric, disagreement: Math.abs(dh - dh2), noise, forward, backward, oneSidedNoise };
}

interface Verdict {
  kink: boolean;
  tolerance: number;
}

/**
 * The tolerance: atol + rtol·max(|a|, |n|) + gtol·G + 2^8·u·G_all + (D(h)
 * vs D(h/2) disagreement) + noiseFactor·(propagated float32 noise), with G
 * the input's largest analytic gradient and G_all the largest over all inputs
 * (`floor` carries the gtol and G_all terms). A kink is declared when the
 * one-sided derivatives differ by more than atol + floor + 10·rtol·max(...)
 * plus their noise, or, for a comparison that would fail, by more than
 * atol + floor + rtol·max(...) plus their noise.
 */
function judge(s: CheckSettings, analytic: number, e: Estimate, floor: number): Verdict {
  const base = s.atol + floor;
  const jump = Math.abs(e.forward - e.backward);
  const scale = Math.max(Math.abs(e.forward), Math.abs(e.backward), Math.abs(analytic));
  const noise = s.noiseFactor * e.oneSidedNoise;
  const kinkTolerance = base + 10 * s.rtol * scale + noise;
  if (jump > kinkTolerance) return { kink: true, tolerance: kinkTolerance };
  const truncation = s.stencil === 4 ? e.disagreement : 1.5 * e.disagreement;
  const tolerance = base + s.rtol * Math.max(Math.abs(analytic), Math.abs(e.numeric)) + truncation + s.noiseFactor * e.noise;
  // A comparison that fails while the one-sided derivatives already disagree
  // by more than rtol (which smooth functions do not: their difference is
  // O(h³)) straddles a kink, e.g. a hidden ReLU crossing zero along a
  // random direction: not differentiable nearby rather than wrong.
  if (Math.abs(analytic - e.numeric) > tolerance && jump > base + s.rtol * scale + noise) return { kink: true, tolerance };
  return { kink: false, tolerance };
}

/**
 * Compares analytic and finite-difference gradients of `target`.
 *
 * @internal
 */
export function runCheck(fn: string, target: Differentiable, s: CheckSettings): GradientCheckReport {
  const rng = createRng(s.seed, fn);
  let evaluations = 0;
  let gradientEvaluations = 0;
  const evaluate = (p: number, values: Float32Array | null) => {
    evaluations++;
    return target.evaluate(p, values);
  };

  const base = evaluate(-1, null);
  const outputSize = base.data.length;
  for (let i = 0; i < outputSize; i++) {
    if (!Number.isFinite(base.data[i])) {
      throw new GradientCheckError(`${fn}: f's output[${multiIndex(i, base.shape).join(', ')}] is ${base.data[i]} at the inputs`);
    }
  }
  if (outputSize === 0) throw new GradientCheckError(`${fn}: f returned an empty tensor`);

  // Output weightings: the scalar itself, the full Jacobian row by row for
  // small outputs in the full mode, otherwise one seeded Gaussian weighting.
  const rowSpecs: { weights: Float64Array; output: number[] | null }[] = [];
  if (outputSize === 1) rowSpecs.push({ weights: Float64Array.of(1), output: null });
  else if (s.mode === 'full' && outputSize <= s.jacobianOutputs) {
    for (let i = 0; i < outputSize; i++) {
      const w = new Float64Array(outputSize);
      w[i] = 1;
      rowSpecs.push({ weights: w, output: multiIndex(i, base.shape) });
    }
  } else {
    const w = new Float64Array(outputSize);
    for (let i = 0; i < outputSize; i++) w[i] = Math.fround(gaussian(rng));
    rowSpecs.push({ weights: w, output: null });
  }
  const rows: Row[] = rowSpecs.map(({ weights, output }) => {
    const dy = Float32Array.from(weights);
    gradientEvaluations++;
    const analytic = target.vjp(dy, base.shape);
    const scale = Float64Array.from(analytic, (g) => {
      let m = 0;
      for (let j = 0; j < g.length; j++) m = Math.max(m, Math.abs(g[j]));
      return m;
    });
    let l = 0;
    for (let i = 0; i < outputSize; i++) l += weights[i] * base.data[i];
    return { weights, dy, output, analytic, base: l, scale, globalScale: Math.max(0, ...scale) };
  });
  for (const row of rows) {
    row.analytic.forEach((g, p) => {
      for (let j = 0; j < g.length; j++) {
        if (!Number.isFinite(g[j])) {
          throw new GradientCheckError(`${fn}: the analytic gradient of ${target.names[p]}[${multiIndex(j, target.shapes[p]).join(', ')}] is ${g[j]}`);
        }
      }
    });
  }

  const comparisons: GradientComparison[] = [];
  const kinks: NonDifferentiablePoint[] = [];
  const inputs: InputGradientReport[] = [];
  let failures = 0;

  for (let p = 0; p < target.values.length; p++) {
    const x = target.values[p];
    const n = x.length;
    const summary: InputGradientReport = {
      name: target.names[p],
      shape: target.shapes[p].slice(),
      maxAbsError: 0,
      maxRelError: 0,
      checked: 0,
      total: n,
      directions: 0,
      failures: 0,
      nonDifferentiable: 0,
    };
    inputs.push(summary);
    if (n === 0) continue;

    interface Pending {
      r: Row;
      analytic: number;
      e: Estimate;
      verdict: Verdict;
    }
    const settle = (pending: Pending[], index: number[] | null, direction: number | null): void => {
      for (const { r, analytic, e, verdict } of pending) {
        if (verdict.kink) {
          summary.nonDifferentiable++;
          kinks.push({ input: p, name: summary.name, index, direction, output: r.output, analytic, forward: e.forward, backward: e.backward });
          continue;
        }
        const absError = Math.abs(analytic - e.numeric);
        const denominator = Math.max(Math.abs(analytic), Math.abs(e.numeric));
        const relError = denominator === 0 ? 0 : absError / denominator;
        const ok = absError <= verdict.tolerance;
        if (!ok) {
          failures++;
          summary.failures++;
        }
        summary.maxAbsError = Math.max(summary.maxAbsError, absError);
        summary.maxRelError = Math.max(summary.maxRelError, relError);
        comparisons.push({ input: p, name: summary.name, index, direction, output: r.output, analytic, numeric: e.numeric, absError, relError, tolerance: verdict.tolerance, ok });
      }
    };
    const weighAll = (r: Row, outs: Float32Array[]) => {
      const y = [0, 0, 0, 0];
      const delta = [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        const w = weigh(r, outs[k], base.data);
        y[k] = w.value;
        delta[k] = w.delta;
      }
      return { y, delta };
    };

    // Element by element (the full mode).
    const elements = s.mode === 'full' ? sampleIndices(n, Math.min(n, s.maxElementsPerInput), rng) : new Int32Array(0);
    const perturbed = Float32Array.from(x);
    for (const j of elements) {
      const xj = x[j];
      const index = multiIndex(j, target.shapes[p]);
      const where = `${summary.name}[${index.join(', ')}]`;
      /** The four evaluations around x_j at step h, or null if h is below the float32 spacing. */
      const around = (h: number): { d: number[]; outs: Float32Array[] } | null => {
        const d = [-h, -h / 2, h / 2, h].map((t) => Math.fround(xj + t) - xj);
        if (d[1] === 0 || d[2] === 0 || d[0] === d[1] || d[2] === d[3]) return null;
        const outs = d.map((dk) => {
          perturbed[j] = xj + dk;
          const out = evaluate(p, perturbed).data;
          perturbed[j] = xj;
          return out;
        });
        return { d, outs };
      };
      let h = s.eps ?? s.relativeStep * Math.max(Math.abs(xj), 1);
      let pending: Pending[] = [];
      for (let retry = 0; ; retry++) {
        // A step that leaves f's domain (log, sqrt near 0) gives non-finite
        // outputs: halve it, at most MAX_HALVINGS times.
        let at = around(h);
        for (let halving = 0; at && !at.outs.every(allFinite); halving++) {
          if (halving === MAX_HALVINGS) throw new GradientCheckError(`${fn}: f is not finite within ${h} of ${where} = ${xj} (its domain ends there?)`);
          h /= 2;
          at = around(h);
        }
        if (!at) {
          if (retry > 0) break; // a kink retry went below the float32 spacing: keep the last verdicts
          throw new GradientCheckError(`${fn}: eps ${h} is below the float32 spacing at ${where} = ${xj}`);
        }
        const { d, outs } = at;
        pending = rows.map((r) => {
          const { y, delta } = weighAll(r, outs);
          const e = estimate(s.stencil, d, y, delta, 0);
          const analytic = r.analytic[p][j];
          return { r, analytic, e, verdict: judge(s, analytic, e, s.gtol * r.scale[p] + ANALYTIC_ROUNDING * r.globalScale) };
        });
        // A kink within the step may be absent within a step 8 times smaller
        // (a max whose arguments are close, a ReLU input near 0): look again.
        if (retry < KINK_RETRIES && pending.some((q) => q.verdict.kink)) {
          h /= 8;
          continue;
        }
        break;
      }
      summary.checked++;
      settle(pending, index, null);
    }

    // Random directional derivatives uᵀ·J·v: the fast mode, and in the full
    // mode the elements the sample left out.
    const count = s.mode === 'fast' ? s.directions : elements.length < n ? 1 : 0;
    for (let k = 0; k < count; k++) {
      const v = new Float64Array(n);
      for (let j = 0; j < n; j++) v[j] = (rng() < 0.5 ? -1 : 1) * (s.eps === null ? Math.max(Math.abs(x[j]), 1) : 1);
      const along = (h: number) => {
        const nominal = [-h, -h / 2, h / 2, h];
        const offsets = nominal.map((t) => {
          const o = new Float64Array(n);
          for (let j = 0; j < n; j++) o[j] = Math.fround(x[j] + t * v[j]) - x[j];
          return o;
        });
        const outs = offsets.map((o) => {
          const moved = new Float32Array(n);
          for (let j = 0; j < n; j++) moved[j] = x[j] + o[j];
          return evaluate(p, moved).data;
        });
        return { nominal, offsets, outs };
      };
      let h = s.eps ?? s.relativeStep;
      let pending: Pending[] = [];
      for (let retry = 0; ; retry++) {
        let at = along(h);
        for (let halving = 0; !at.outs.every(allFinite); halving++) {
          if (halving === MAX_HALVINGS) {
            throw new GradientCheckError(`${fn}: f is not finite within a relative step ${h} of ${summary.name} along a random direction (its domain ends there?)`);
          }
          h /= 2;
          at = along(h);
        }
        const { nominal, offsets, outs } = at;
        const c = derivativeWeights(nominal);
        pending = rows.map((r) => {
          // The analytic counterpart of Σ_k c_k·L(x + d_k) is a·Σ_k c_k·d_k,
          // exact to first order whatever float32 did to the offsets.
          const a = r.analytic[p];
          let analytic = 0;
          let squares = 0;
          let lengthSquared = 0;
          for (let j = 0; j < n; j++) {
            let e = 0;
            for (let q = 0; q < 4; q++) e += c[q] * offsets[q][j];
            analytic += a[j] * e;
            squares += (a[j] * e) ** 2;
            lengthSquared += e * e;
          }
          // gtol·‖a ⊙ v‖₂ + 2^8·u·G_all·‖v‖₂ play the part of gtol·G.
          const floor = s.gtol * Math.sqrt(squares) + ANALYTIC_ROUNDING * r.globalScale * Math.sqrt(lengthSquared);
          const { y, delta } = weighAll(r, outs);
          const e = estimate(s.stencil, nominal, y, delta, 0);
          return { r, analytic, e, verdict: judge(s, analytic, e, floor) };
        });
        if (retry < KINK_RETRIES && pending.some((q) => q.verdict.kink)) {
          h /= 8;
          continue;
        }
        break;
      }
      summary.directions++;
      settle(pending, null, k);
    }
  }

  const ratio = (c: GradientComparison) => (c.tolerance > 0 ? c.absError / c.tolerance : c.absError > 0 ? Infinity : 0);
  comparisons.sort((a, b) => ratio(b) - ratio(a));
  return {
    ok: failures === 0,
    mode: s.mode,
    stencil: s.stencil,
    backend: tf.getBackend(),
    eps: s.eps,
    relativeStep: s.relativeStep,
    atol: s.atol,
    rtol: s.rtol,
    gtol: s.gtol,
    noiseFactor: s.noiseFactor,
    inputs,
    worst: comparisons.slice(0, s.maxReported),
    comparisons: comparisons.length,
    failures,
    nonDifferentiable: kinks.slice(0, s.maxReported),
    evaluations,
    gradientEvaluations,
  };
}
