export * from './gradientCheckError';
export * from './gradientCheckReport';
export * from './checkGradients';
export * from './checkModelGradients';
export * from './assertGradients';
export * from './formatGradientReport';
export * from './gradcheckMatchers';
export * from './gradientNorms';
