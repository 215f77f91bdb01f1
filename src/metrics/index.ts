export { MetricInputError, UndefinedMetricError, TfjsMethodologyError } from '../core/errors';
export type { NumericInput, LabelInput, Label, ScoreMatrixInput, ZeroDivision } from '../core/types';
export type { TensorLike } from '../core/tensorLike';
export * from './confusionAtThresholds';
