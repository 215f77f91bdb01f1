// The plot module (`tfjs-methodology/plot`): only re-exports.
export type * from './types';
export * from './downsampleCurve';
export * from './renderSvg';
export * from './precisionRecallPlot';
export * from './rocPlot';
export * from './riskCoveragePlot';
export * from './reliabilityPlot';
export * from './learningRatePlot';
export * from './learningCurvePlot';
export * from './capacitySweepPlot';
export * from './optimizationHistoryPlot';
export * from './parameterImportancePlot';
export * from './activationHistogramsPlot';
export * from './deadUnitsPlot';
export * from './gradientNormsPlot';
export * from './concatPlots';
