/**
 * The tables of the PostgreSQL storage and their versions. Internal.
 *
 * The schema carries a version number (table `schema_version`); opening a
 * storage brings an older schema up to this library's version by running the
 * missing migrations in one transaction, under an advisory lock so that two
 * workers starting at once do not both migrate, and refuses a schema newer
 * than the library (an older library must not write tables it does not know).
 */
import { show } from '../../core/fail';
import { failSearch, SearchError } from '../errors';
import type { PgPoolClient, PostgresPool } from './pgClient';

/** Lower-case SQL identifiers only: nothing to escape, and no surprise from case folding. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validates a schema name and returns it quoted for SQL (`"tfjs_methodology"`).
 * The schema name is the one identifier the storage puts into SQL text;
 * every value goes in as a parameter.
 *
 * @throws {SearchError} `postgresStorage: schema is "a-b", expected a lower-case SQL identifier …`.
 */
export function quoteSchema(schema: unknown, fn: string): string {
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema)) {
    failSearch(fn, `schema is ${show(schema)}, expected a lower-case SQL identifier (a letter or _, then letters, digits or _; at most 63 characters)`);
  }
  return `"${schema}"`;
}

/** A migration: the statements that bring the schema from version `n - 1` to `n` (`q` is the quoted schema). */
export type Migration = (q: string) => readonly string[];

const FINISHED_SQL = `('complete', 'pruned', 'failed')`;

/**
 * Version 1. A study row holds the counter its trial numbers come from
 * (`next_number`, incremented in the statement that inserts the trial, so
 * numbers are unique and contiguous); a trial row holds everything of a
 * trial, JSON in `jsonb` columns. Times are epoch milliseconds from the
 * server's clock; `heartbeat` is a server timestamp. The tokens record which
 * write changed a row, so that a write whose connection dropped before its
 * answer can tell whether it took effect.
 */
export const MIGRATIONS: readonly Migration[] = [
  (q) => [
    `CREATE TABLE ${q}.studies (
      study_id bigserial PRIMARY KEY,
      name text NOT NULL UNIQUE,
      direction text NOT NULL CHECK (direction IN ('minimize', 'maximize')),
      datetime_start double precision NOT NULL,
      next_number integer NOT NULL DEFAULT 0,
      create_token text
    )`,
    `CREATE TABLE ${q}.trials (
      study_id bigint NOT NULL REFERENCES ${q}.studies (study_id) ON DELETE CASCADE,
      number integer NOT NULL,
      state text NOT NULL CHECK (state IN ('running', 'waiting', 'complete', 'pruned', 'failed')),
      params jsonb NOT NULL DEFAULT '{}',
      param_names text[] NOT NULL DEFAULT '{}',
      distributions jsonb NOT NULL DEFAULT '{}',
      value double precision,
      intermediate_values jsonb NOT NULL DEFAULT '{}',
      datetime_start double precision,
      datetime_complete double precision,
      error text,
      user_attrs jsonb NOT NULL DEFAULT '{}',
      system_attrs jsonb NOT NULL DEFAULT '{}',
      heartbeat timestamptz,
      create_token text,
      claim_token text,
      finish_token text,
      PRIMARY KEY (study_id, number)
    )`,
    `CREATE INDEX trials_unfinished ON ${q}.trials (study_id, number) WHERE state NOT IN ${FINISHED_SQL}`,
  ],
];

/** The schema version this library writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema to `migrations.length`: creates it (and its version
 * table) if missing, runs the missing migrations, all in one transaction
 * holding an advisory lock keyed by the schema name. A schema already at
 * the version costs one query.
 *
 * @returns The version before (0 for a new schema).
 * @throws {SearchError} when the database's schema is newer than `migrations`.
 */
export async function migrate(pool: PostgresPool, schema: string, fn: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const q = quoteSchema(schema, fn);
  const latest = migrations.length;
  try {
    const { rows } = await pool.query(`SELECT version FROM ${q}.schema_version`);
    const v = Number(rows[0]?.version);
    if (v === latest) return v;
  } catch (e) {
    if ((e as { code?: unknown }).code !== '42P01') throw e; // 42P01: no such table, a new schema
  }
  const client: PgPoolClient = await pool.connect();
  let broken: Error | undefined;
  // A checked-out connection has no listener of the pool's: if the server drops it between two of our
  // queries, its 'error' event must find one here (else it is an uncaught exception).
  const onError = (e: Error): void => {
    broken ??= e;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`tfjs-methodology schema ${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${q}.schema_version (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        version integer NOT NULL
      )`);
      await client.query(`INSERT INTO ${q}.schema_version (version) VALUES (0) ON CONFLICT DO NOTHING`);
      const { rows } = await client.query(`SELECT version FROM ${q}.schema_version`);
      const before = Number(rows[0]!.version);
      if (before > latest) {
        failSearch(
          fn,
          `the database schema ${JSON.stringify(schema)} has version ${before}, newer than this library's ${latest}: upgrade tfjs-methodology on this worker (every worker of a study must run a version that knows the schema), or use another schema`,
        );
      }
      for (let v = before; v < latest; v++) {
        for (const sql of migrations[v]!(q)) await client.query(sql);
      }
      if (before < latest) await client.query(`UPDATE ${q}.schema_version SET version = $1`, [latest]);
      await client.query('COMMIT');
      return before;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw e;
    }
  } catch (e) {
    if (!(e instanceof SearchError)) broken ??= e as Error;
    throw e;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
