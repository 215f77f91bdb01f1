// The diagnostics module (`tfjs-methodology/diagnostics`): only re-exports.
export type * from './types';
export { DiagnosticsInputError } from './errors';
export * from './learningCurve';
export * from './capacitySweep';
export * from './activationStats';
export * from './diagnoseFit';
export * from './worstMistakes';
export * from './mostConfused';
export * from './gradientStats';
export * from './bayesErrorBounds';
export * from './overfitTinyBatch';
export * from './diagnosticsCallback';
