// PostgreSQL storage for the search module (`tfjs-methodology/search/postgres`): only re-exports.
export { postgresStorage } from './postgresStorage';
export type { PostgresStorage, PostgresStorageOptions } from './postgresStorage';
export type { PostgresPool, PgPoolClient, PgQueryConfig, PgResult } from './pgClient';
