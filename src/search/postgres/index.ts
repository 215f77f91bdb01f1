// PostgreSQL storage for the search module (`tfjs-methodology/search/postgres`): only re-exports.
export {};
