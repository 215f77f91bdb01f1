// The plot module (`tfjs-methodology/plot`): only re-exports.
export type * from './types';
export * from './downsampleCurve';
export * from './renderSvg';
export * from './precisionRecallPlot';
export * from './rocPlot';
export * from './riskCoveragePlot';
export * from './reliabilityPlot';
