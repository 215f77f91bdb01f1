// The Gaussian-process sampler's folder: only re-exports.
export { gpSampler } from './gpSampler';
export type { GpSamplerOptions } from './gpSampler';
