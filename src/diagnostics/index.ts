// The diagnostics module (`tfjs-methodology/diagnostics`): only re-exports.
export type * from './types';
