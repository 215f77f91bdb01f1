// Step 2 of the walkthrough through the diagnostics module's activationStats.
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LayerStatsJson } from './walkthrough';

/** Activation statistics of `model` on `x` as JSON (`null` while the diagnostics module has no activationStats). */
export function activationStatsJson(_model: tfl.LayersModel, _x: tf.Tensor): LayerStatsJson[] | null {
  return null;
}
