// The search module (`tfjs-methodology/search`): only re-exports.
export * from './types';
export { SearchError, TrialPruned } from './errors';
export { floatDistribution, intDistribution, categoricalDistribution } from './distributions';
export type { NumericDistributionOptions } from './distributions';
export * from './Trial';
export * from './Study';
export { inMemoryStorage } from './storages/inMemoryStorage';
export * from './samplers/randomSampler';
export * from './pruners/nopPruner';
export * from './samplers/tpe';
export { journalFileStorage } from './storages/journalFileStorage';
export type { JournalFileStorage, JournalFileStorageOptions, CorruptJournalLine } from './storages/journalFileStorage';
export { percentilePruner, medianPruner } from './pruners/percentilePruner';
export type { PercentilePrunerOptions } from './pruners/percentilePruner';
export { successiveHalvingPruner } from './pruners/successiveHalvingPruner';
export type { SuccessiveHalvingPrunerOptions } from './pruners/successiveHalvingPruner';
export { hyperbandPruner } from './pruners/hyperbandPruner';
export type { HyperbandPrunerOptions } from './pruners/hyperbandPruner';
