// Step 2 of the walkthrough: the diagnostics module's activationStats, as JSON.
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { activationStats } from 'tfjs-methodology/diagnostics';
import type { LayerStatsJson } from './walkthrough';

/** Histogram bins per layer. */
export const ACTIVATION_BINS = 20;

/** Activation statistics of every layer of `model` on the batch `x`, with plain arrays for JSON. */
export function activationStatsJson(model: tfl.LayersModel, x: tf.Tensor): LayerStatsJson[] {
  return activationStats(model, x, { bins: ACTIVATION_BINS }).layers.map((l) => ({
    name: l.name,
    activation: l.activation,
    units: l.units,
    mean: l.mean,
    std: l.std,
    min: l.min,
    max: l.max,
    zeroFraction: l.zeroFraction,
    deadUnits: l.deadUnits,
    saturatedFraction: l.saturatedFraction,
    histogram: { edges: Array.from(l.histogram.edges), counts: Array.from(l.histogram.counts) },
  }));
}
