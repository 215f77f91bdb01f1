/**
 * The result types of the diagnostics module: plain data (numbers, strings,
 * `Float64Array`s), ready for `JSON.stringify` and for the plot module.
 * Fields may be added; none is renamed.
 */

/** A histogram: `counts[i]` values fell in `[edges[i], edges[i + 1])` (the last bin includes its upper edge). */
export interface Histogram {
  /** `bins + 1` increasing bin edges. */
  readonly edges: Float64Array;
  /** Number of values per bin. */
  readonly counts: Float64Array;
}

/** Activation statistics of one layer's output over a batch (see `activationStats`). */
export interface LayerActivationStats {
  /** The layer's name (`model.layers[i].name`; nested models' layers are `outer/inner`). */
  readonly name: string;
  /** The layer's class name (`Dense`, `Conv2D`, `Activation`, `ReLU`, …). */
  readonly className: string;
  /** The activation applied to the output (`relu`, `sigmoid`, `tanh`, `softmax`, `linear`, …), or `undefined` when the layer has none. */
  readonly activation: string | undefined;
  /** The output shape, batch dimension first (`null` for the batch). */
  readonly outputShape: readonly (number | null)[];
  /** Number of units: the product of the output's non-batch dimensions (channels × positions for a convolution). */
  readonly units: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Fraction of output values exactly 0. */
  readonly zeroFraction: number;
  /** Number of units whose output is exactly 0 for every example of the batch. */
  readonly deadUnits: number;
  /** `deadUnits / units`. */
  readonly deadFraction: number;
  /** For a bounded activation (sigmoid, tanh, softmax, hard sigmoid): fraction of values within the tolerance of a bound; `NaN` otherwise. */
  readonly saturatedFraction: number;
  /** Fraction of output values that are NaN or ±Infinity (0 for a healthy layer); `min`, `max` and the histogram cover the finite values. */
  readonly nonFiniteFraction: number;
  readonly histogram: Histogram;
}

/** The result of `activationStats`: one entry per layer, in forward order, the input layer excluded. */
export interface ActivationStats {
  /** Number of examples in the batch. */
  readonly examples: number;
  readonly layers: readonly LayerActivationStats[];
}

/** How a gradient looks relative to its weights. */
export type GradientStatus = 'ok' | 'vanishing' | 'exploding';

/** Gradient statistics of one trainable variable (see `gradientStats`). */
export interface VariableGradientStats {
  /** The variable's name (`dense_1/kernel`). */
  readonly name: string;
  /** The name of the layer that owns it. */
  readonly layerName: string;
  /** Depth of its layer among the layers with trainable weights: 0 is the one closest to the input. */
  readonly depth: number;
  readonly shape: readonly number[];
  /** ‖∂loss/∂w‖₂. */
  readonly gradientNorm: number;
  /** ‖w‖₂. */
  readonly weightNorm: number;
  /** gradientNorm / weightNorm; `NaN` when the weights are all zero. */
  readonly ratio: number;
  /** learningRate · gradientNorm / weightNorm: the relative size of one plain SGD step (healthy around 1e-3); `NaN` when the weights are all zero. */
  readonly updateRatio: number;
  /** Judged on `ratio`, or on `gradientNorm` alone while the weights are all zero. */
  readonly status: GradientStatus;
}

/** The trend of gradient size across depth. */
export interface GradientTrend {
  /** Least-squares slope of log10 of each layer's gradient norm (√ of the sum of its variables' squared norms) per layer of depth (input → output); `NaN` with fewer than two layers. */
  readonly slope: number;
  /** `shrinking-toward-input` when gradients get smaller toward the input (vanishing), `growing-toward-input` when larger (exploding), else `flat`. */
  readonly direction: 'flat' | 'shrinking-toward-input' | 'growing-toward-input';
}

/** The result of `gradientStats`. */
export interface GradientStats {
  /** The loss at (x, y). */
  readonly loss: number;
  /** The learning rate used for `updateRatio`. */
  readonly learningRate: number;
  /** The thresholds the status was judged with. */
  readonly thresholds: { readonly vanishing: number; readonly exploding: number };
  /** One entry per trainable variable, in the model's order. */
  readonly variables: readonly VariableGradientStats[];
  readonly trend: GradientTrend;
}

/** A fitted power law `error(n) ≈ a · n^(−b) + c`. */
export interface PowerLawFit {
  readonly a: number;
  readonly b: number;
  /** The asymptote: the error more data alone converges to. */
  readonly c: number;
  /** Root-mean-square residual of the fit on the measured points. */
  readonly rmse: number;
}

/** What reaching a target validation error would take, by the fitted power law. */
export interface ExamplesNeeded {
  /** Training-set size at which the fit reaches the target; `Infinity` when it never does. */
  readonly examples: number;
  /** `examples` minus the largest size measured (0 when already reached). */
  readonly additional: number;
  /** Why `examples` is `Infinity` (the asymptote is at or above the target), else `undefined`. */
  readonly reason: string | undefined;
}

/** The result of `learningCurve`. */
export interface LearningCurve {
  readonly sizes: Float64Array;
  readonly trainError: Float64Array;
  readonly validationError: Float64Array;
  /** The power law fitted to the validation errors. */
  readonly fit: PowerLawFit;
  /** The training-set size at which the fitted power law reaches `targetError`: n = (a / (targetError − c))^(1/b), or `Infinity` with the reason when c ≥ targetError. */
  examplesNeeded(targetError: number): ExamplesNeeded;
}

/** The shape of a capacity sweep's validation curve. */
export type CapacityCurveShape = 'u-shape' | 'double-descent' | 'decreasing' | 'increasing' | 'flat';

/** The result of `capacitySweep`. */
export interface CapacitySweep {
  readonly capacities: Float64Array;
  readonly trainError: Float64Array;
  readonly validationError: Float64Array;
  /** The capacity with the lowest validation error. */
  readonly best: { readonly index: number; readonly capacity: number; readonly validationError: number };
  readonly shape: CapacityCurveShape;
  /** The first capacity whose training error is ~0 (the interpolation threshold), if any. */
  readonly interpolationThreshold: { readonly index: number; readonly capacity: number } | undefined;
  /** The validation-error peak of a double descent, if any. */
  readonly peak: { readonly index: number; readonly capacity: number; readonly validationError: number } | undefined;
}

/** The result of `overfitTinyBatch`. */
export interface OverfitTinyBatchResult {
  /** Whether the loss reached `targetLoss` within the epochs. */
  readonly passed: boolean;
  /** The loss on the tiny batch before training. */
  readonly initialLoss: number;
  /** The loss on the tiny batch after the last step. */
  readonly finalLoss: number;
  /** The target the loss had to reach. */
  readonly targetLoss: number;
  /** Number of training steps taken (full-batch: one per epoch); fewer than asked when the target was reached early. */
  readonly epochs: number;
  /** The loss before training (`history[0]`) and after each step. */
  readonly history: Float64Array;
  /** Why it did not pass (no trainable weights, a non-finite loss, the target not reached); `undefined` when it passed. */
  readonly reason: string | undefined;
}

/** One warning of `diagnosticsCallback` / `diagnosticsReport`, as plain data. */
export interface DiagnosticsWarning {
  /** What was seen. */
  readonly kind: 'non-finite-loss' | 'dead-units' | 'vanishing-gradient' | 'exploding-gradient';
  /** The epoch (0-based) of the report. */
  readonly epoch: number;
  /** The layer (`dead-units`) or variable (gradients) concerned; `undefined` for the loss. */
  readonly target: string | undefined;
  /** The measured value: the loss, the dead fraction or ‖g‖/‖w‖ (‖g‖ while ‖w‖ = 0). */
  readonly value: number;
  /** The threshold it crossed (NaN for a non-finite loss). */
  readonly threshold: number;
  /** One sentence for a person. */
  readonly message: string;
}

/** The diagnostics of one model on a fixed sample at one point of training. */
export interface DiagnosticsReport {
  /** The epoch (0-based) it was taken at the end of; `-1` outside training. */
  readonly epoch: number;
  /** The training loss from the epoch's logs (`NaN` when absent or outside training). */
  readonly loss: number;
  readonly activations: ActivationStats;
  /** Present when the sample has targets (`{ x, y }`). */
  readonly gradients: GradientStats | undefined;
  readonly warnings: readonly DiagnosticsWarning[];
}
