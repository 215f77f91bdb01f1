// The search module (`tfjs-methodology/search`): only re-exports.
export * from './types';
export { SearchError, TrialPruned } from './errors';
export { floatDistribution, intDistribution, categoricalDistribution } from './distributions';
export type { NumericDistributionOptions } from './distributions';
