// Step 2 of the walkthrough: the diagnostics module's activationStats, as JSON.
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { activationStats, type ActivationStats, type LayerActivationStats } from 'tfjs-methodology/diagnostics';

/** One layer's activation statistics (`LayerActivationStats`) as JSON: the histogram in plain arrays. */
export type LayerStatsJson = Omit<LayerActivationStats, 'histogram'> & {
  readonly histogram: { readonly edges: number[]; readonly counts: number[] };
};

/** `ActivationStats` as JSON. */
export interface ActivationStatsJson {
  readonly examples: number;
  readonly layers: LayerStatsJson[];
}

/** Histogram bins per layer. */
export const ACTIVATION_BINS = 20;

/** Activation statistics of every layer of `model` on the batch `x`, with plain arrays for JSON. */
export function activationStatsJson(model: tfl.LayersModel, x: tf.Tensor): ActivationStatsJson {
  const stats = activationStats(model, x, { bins: ACTIVATION_BINS });
  return {
    examples: stats.examples,
    layers: stats.layers.map((l) => ({ ...l, histogram: { edges: Array.from(l.histogram.edges), counts: Array.from(l.histogram.counts) } })),
  };
}

/** The JSON back as an `ActivationStats` (typed arrays), for the plot functions. */
export function activationStatsFromJson(json: ActivationStatsJson): ActivationStats {
  return {
    examples: json.examples,
    layers: json.layers.map((l) => ({ ...l, histogram: { edges: Float64Array.from(l.histogram.edges), counts: Float64Array.from(l.histogram.counts) } })),
  };
}
