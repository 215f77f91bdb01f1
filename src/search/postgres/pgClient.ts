/**
 * The part of node-postgres (`pg`) the PostgreSQL storage uses, typed
 * structurally so that the package's type declarations do not need
 * `@types/pg`, and its lazy loading. Internal.
 */
import { failSearch } from '../errors';

/** A query result: the rows (column name → value) and how many rows a write changed. */
export interface PgResult {
  readonly rows: Record<string, unknown>[];
  readonly rowCount: number | null;
}

/** A connection checked out of a pool. */
export interface PgPoolClient {
  /** Runs one statement with its parameters (`$1`, `$2`, …). */
  query(text: string, values?: readonly unknown[]): Promise<PgResult>;
  /** Returns the connection to the pool; with an error, the pool closes it instead. */
  release(error?: Error | boolean): void;
  /** Listens for the connection's errors (a server that drops it). */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Stops listening for the connection's errors. */
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** A statement with its parameters; with a `name`, node-postgres prepares it once per connection. */
export interface PgQueryConfig {
  readonly name?: string;
  readonly text: string;
  readonly values?: readonly unknown[];
}

/**
 * A node-postgres `Pool` (or anything with its methods): what
 * {@link postgresStorage} accepts in place of a connection string.
 */
export interface PostgresPool {
  /** Runs one statement on any connection of the pool. */
  query(textOrConfig: string | PgQueryConfig, values?: readonly unknown[]): Promise<PgResult>;
  /** Checks a connection out of the pool (release it when done). */
  connect(): Promise<PgPoolClient>;
  /** Listens for errors of idle connections (a server restart, an idle timeout). */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Stops listening for errors of idle connections. */
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  /** Closes every connection of the pool. */
  end(): Promise<void>;
}

/** The `pg` module's constructor of pools. */
export type PoolConstructor = new (config: Record<string, unknown>) => PostgresPool;

let loaded: Promise<PoolConstructor> | undefined;

/**
 * Loads `pg` on first use. A literal `import('pg')`, so that bundlers see
 * it; in the CommonJS build esbuild turns it into a `require` run at that
 * moment, so a consumer without `pg` can load the module and only fails
 * when a storage first connects.
 *
 * @throws {SearchError} naming `pg` and how to install it when it cannot be loaded.
 */
export function loadPg(fn: string, loader?: () => Promise<unknown>): Promise<PoolConstructor> {
  if (loader !== undefined) return resolvePool(fn, loader);
  // Only a success is cached: after a failure, installing pg and retrying works.
  loaded ??= resolvePool(fn, () => import('pg')).catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

async function resolvePool(fn: string, loader: () => Promise<unknown>): Promise<PoolConstructor> {
  let mod: unknown;
  try {
    mod = await loader();
  } catch (e) {
    failSearch(fn, `needs the PostgreSQL client "pg", an optional peer dependency that is not installed: run \`npm install pg\` (${e instanceof Error ? e.message : String(e)})`);
  }
  const m = mod as { Pool?: unknown; default?: { Pool?: unknown } } | null;
  const Pool = m?.Pool ?? m?.default?.Pool;
  if (typeof Pool !== 'function') failSearch(fn, 'the module "pg" has no Pool constructor (expected node-postgres: `npm install pg`)');
  return Pool as PoolConstructor;
}

/** Whether `x` looks like a node-postgres pool. */
export function isPool(x: unknown): x is PostgresPool {
  return x !== null && typeof x === 'object' && typeof (x as PostgresPool).query === 'function' && typeof (x as PostgresPool).connect === 'function';
}
