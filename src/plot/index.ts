// The plot module (`tfjs-methodology/plot`): only re-exports.
export {};
