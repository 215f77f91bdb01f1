// The TPE sampler's folder: only re-exports.
export { tpeSampler } from './tpeSampler';
export type { TpeSamplerOptions } from './tpeSampler';
