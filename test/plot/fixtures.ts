// Hand-made results of the diagnostics functions, built from their types
// (src/diagnostics/types.ts) with values worked out by hand.
import type { ActivationStats, CapacitySweep, GradientStats, LayerActivationStats, LearningCurve } from '../../src/diagnostics/types';

/** A learning curve whose validation error follows 2·n^(−0.5) + 0.05 exactly. */
export function learningCurveFixture(): LearningCurve {
  const sizes = Float64Array.from([100, 200, 400, 800, 1600]);
  const fit = { a: 2, b: 0.5, c: 0.05, rmse: 0 };
  return {
    sizes,
    trainError: Float64Array.from([0.01, 0.02, 0.04, 0.05, 0.06]),
    validationError: sizes.map((n) => fit.a * n ** -fit.b + fit.c),
    fit,
    examplesNeeded(target: number) {
      if (target <= fit.c) return { examples: Infinity, additional: Infinity, reason: `the asymptote ${fit.c} is at or above the target ${target}` };
      const examples = Math.ceil((fit.a / (target - fit.c)) ** (1 / fit.b));
      return { examples, additional: Math.max(0, examples - 1600), reason: undefined };
    },
  };
}

/** A double descent: peak at 64, interpolation threshold at 64, best at 1024. */
export function capacitySweepFixture(): CapacitySweep {
  return {
    capacities: Float64Array.from([4, 16, 32, 64, 256, 1024]),
    trainError: Float64Array.from([0.3, 0.15, 0.05, 0, 0, 0]),
    validationError: Float64Array.from([0.32, 0.22, 0.25, 0.4, 0.2, 0.15]),
    best: { index: 5, capacity: 1024, validationError: 0.15 },
    shape: 'double-descent',
    interpolationThreshold: { index: 3, capacity: 64 },
    peak: { index: 3, capacity: 64, validationError: 0.4 },
  };
}

function layer(name: string, activation: string | undefined, units: number, dead: number, counts: number[], lo: number, hi: number, saturated = NaN): LayerActivationStats {
  const bins = counts.length;
  return {
    name,
    className: 'Dense',
    activation,
    outputShape: [null, units],
    units,
    mean: 0.5,
    std: 0.5,
    min: lo,
    max: hi,
    zeroFraction: dead / units,
    deadUnits: dead,
    deadFraction: dead / units,
    saturatedFraction: saturated,
    nonFiniteFraction: 0,
    histogram: { edges: Float64Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins), counts: Float64Array.from(counts) },
  };
}

/** Three layers: a ReLU layer with 8 of 32 units dead, a saturated sigmoid layer, a linear output. */
export function activationStatsFixture(): ActivationStats {
  return {
    examples: 64,
    layers: [
      layer('dense_1', 'relu', 32, 8, [900, 300, 200, 100, 40, 8], 0, 3),
      layer('dense_2', 'sigmoid', 16, 0, [300, 50, 20, 20, 50, 584], 0, 1, 0.6),
      layer('output', 'linear', 1, 0, [2, 10, 30, 15, 7], -2, 3),
    ],
  };
}

/** Gradients shrinking toward the input: the first kernel vanishing. */
export function gradientStatsFixture(): GradientStats {
  const v = (name: string, depth: number, gradientNorm: number, weightNorm: number, status: 'ok' | 'vanishing' | 'exploding') => ({
    name,
    layerName: name.split('/')[0],
    depth,
    shape: [4, 4],
    gradientNorm,
    weightNorm,
    ratio: weightNorm > 0 ? gradientNorm / weightNorm : NaN,
    updateRatio: weightNorm > 0 ? (0.01 * gradientNorm) / weightNorm : NaN,
    status,
  });
  return {
    loss: 0.69,
    learningRate: 0.01,
    thresholds: { vanishing: 1e-5, exploding: 10 },
    variables: [
      v('dense_1/kernel', 0, 1e-7, 1, 'vanishing'),
      v('dense_1/bias', 0, 1e-8, 0, 'vanishing'),
      v('dense_2/kernel', 1, 1e-4, 1, 'ok'),
      v('dense_2/bias', 1, 1e-4, 0.1, 'ok'),
      v('dense_3/kernel', 2, 0.05, 0.5, 'ok'),
      v('dense_3/bias', 2, 0.02, 0.1, 'ok'),
    ],
    trend: { slope: 2.8, direction: 'shrinking-toward-input' },
  };
}
