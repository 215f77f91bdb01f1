import { show } from '../../core/fail';
import { describeDistribution, distributionFromJSON } from '../distributions';
import { failSearch, SearchError } from '../errors';
import { readIntSearchOption } from '../options';
import { readHeartbeatOptions } from '../storages/heartbeatOptions';
import type { HeartbeatOptions } from '../storages/heartbeatOptions';
import { FINISHED_STATES } from '../types';
import type { Direction, Distribution, FrozenTrial, HeartbeatSettings, ParamValue, Storage, StudySummary, TrialFinish, TrialState, TrialTemplate } from '../types';
import { isPool, loadPg } from './pgClient';
import type { PgResult, PostgresPool } from './pgClient';
import { migrate, quoteSchema } from './schema';

/** Options of {@link postgresStorage}. */
export interface PostgresStorageOptions extends HeartbeatOptions {
  /**
   * The PostgreSQL schema (namespace) holding the storage's tables, created
   * on first use. A lower-case SQL identifier. Several independent storages
   * can share one database under different schemas. Defaults to
   * `'tfjs_methodology'`.
   */
  readonly schema?: string;
  /**
   * The most connections the storage's own pool opens (node-postgres's
   * `max`); ignored when `connection` is a pool (give that one `max >= 2`).
   * A worker needs few: one held by the study lock while a trial starts
   * ({@link Storage.withStudyLock}) and one per concurrent storage call.
   * At least 2. Defaults to `4`.
   */
  readonly poolSize?: number;
  /**
   * More node-postgres `Pool` options for the storage's own pool (e.g.
   * `ssl: { ca, rejectUnauthorized }`, `connectionTimeoutMillis`,
   * `idleTimeoutMillis`, `application_name`); ignored when `connection` is
   * a pool. Defaults to none.
   */
  readonly poolOptions?: Readonly<Record<string, unknown>>;
  /**
   * Send the storage's statements as named prepared statements, parsed and
   * planned once per connection (about a third faster per statement here).
   * Turn it off behind a connection pooler that cannot keep prepared
   * statements (PgBouncer in transaction mode before version 1.21).
   * Defaults to `true`.
   */
  readonly prepare?: boolean;
  /**
   * Called with the error when the server drops an idle connection of the
   * pool (idle timeout, restart, `pg_terminate_backend`). The storage has
   * already handled it (the next query opens a new connection); the library
   * never prints. Defaults to ignoring it.
   */
  readonly onConnectionError?: (error: Error) => void;
}

/** The storage returned by {@link postgresStorage}. */
export interface PostgresStorage extends Storage {
  /** The schema holding the tables. */
  readonly schema: string;
  /** Ends the pool the storage created (a pool passed in stays open: its owner ends it). */
  close(): Promise<void>;
}

const FN = 'postgresStorage';
const STATES: readonly TrialState[] = ['running', 'waiting', 'complete', 'pruned', 'failed'];
const isFinished = (s: TrialState): boolean => FINISHED_STATES.includes(s);
/** The server's clock in epoch milliseconds (whole, as `Date.now()`). */
const NOW_MS = `floor(extract(epoch FROM clock_timestamp()) * 1000)::float8`;
const TRIAL_COLUMNS = `t.number, t.state, t.params::text AS params, t.param_names, t.distributions::text AS distributions, t.value,
  t.intermediate_values::text AS intermediate_values, t.datetime_start, t.datetime_complete, t.error,
  t.user_attrs::text AS user_attrs, t.system_attrs::text AS system_attrs`;

/**
 * A storage in a PostgreSQL database, shared by any number of worker
 * processes on any number of machines (Optuna's `RDBStorage`). Workers
 * point at one server and open the same study with
 * `createStudy({ storage, name, loadIfExists: true })`; every worker's
 * sampler sees every worker's trials.
 *
 * Guarantees, each from one SQL statement (one transaction): a trial's
 * number comes from a counter in the study's row, incremented by the
 * statement that inserts the trial, so numbers are unique and contiguous
 * across workers; the first `setTrialState` that finishes a trial wins
 * (`… WHERE state NOT IN ('complete', 'pruned', 'failed')`), later ones
 * return `false`; claiming an enqueued trial (`setTrialState(…,
 * 'running')`) succeeds for one worker only. `withStudyLock` holds a
 * session advisory lock (`pg_advisory_lock`) while a study reads its trials
 * and creates or claims the next one, so a study's trial count and a grid
 * point are taken by one worker at a time. Values travel as query
 * parameters only, never in SQL text: a study called `x'); DROP TABLE …` is
 * stored as that name.
 *
 * The tables live in `schema` (default `tfjs_methodology`), created on first
 * use, with a version number: a database at an older version is upgraded
 * (once, under an advisory lock), one at a newer version is refused. The
 * database user needs the right to create a schema on first use.
 *
 * Heartbeats (`heartbeatIntervalMs`, `gracePeriodMs`) use the database's
 * clock, so the workers' clocks need not agree: `failStaleTrials` fails, in
 * one `UPDATE … RETURNING`, every running trial whose last heartbeat is older
 * than the grace period, and returns them to the one caller that failed them.
 * A storage with heartbeats gives a trial its first heartbeat when it creates
 * or claims it, so a worker that dies before its first `recordHeartbeat` is
 * seen dead too.
 *
 * Reads are cheap at any size: finished trials never change, so the storage
 * keeps them and `getAllTrials` reads only the unfinished and new rows;
 * statements are prepared once per connection (`prepare`).
 * A connection the server drops (idle timeout, restart,
 * `pg_terminate_backend`) is handled: the pool's `error` event is listened
 * to (`onConnectionError`), never left to crash the process, and a
 * statement that fails because its connection was lost is run again on a
 * new connection when that is safe — a read, a write the server reported as
 * aborted, or a write whose token shows it did not take effect (a write
 * whose answer was lost but which did take effect returns its result
 * instead, so no trial is created or finished twice). A server restart
 * drops every connection at once, so after a short pause that lets the pool
 * discard its other dead connections the statement is tried at most twice
 * more; a server that stays down fails the call with node-postgres's error.
 *
 * `pg` (node-postgres) is an optional peer dependency, loaded on first use:
 * `npm install pg`.
 *
 * Reference: Optuna's `RDBStorage` and `RetryFailedTrialCallback`.
 *
 * @param connection - A connection string (`postgres://user:password@host:5432/db`;
 *   `?sslmode=verify-full` for TLS with the server's certificate checked) or a
 *   node-postgres `Pool` that the caller owns (with `max >= 2`).
 * @param options - `schema`, `poolSize`, `poolOptions`, `heartbeatIntervalMs`, `gracePeriodMs`, `prepare`, `onConnectionError`.
 * @returns A {@link PostgresStorage}; nothing connects until its first call.
 * @throws {SearchError} bad options at once (`postgresStorage: schema is "a-b", expected a lower-case SQL identifier …`);
 *   on first use, a missing `pg` (`postgresStorage: needs the PostgreSQL client "pg" … run \`npm install pg\``)
 *   or a database schema newer than the library.
 * @example
 * const storage = postgresStorage(process.env.DATABASE_URL!, { heartbeatIntervalMs: 10_000 });
 * storage.schema;
 * // => 'tfjs_methodology'
 * const study = await createStudy({ storage, name: 'mlp', direction: 'minimize', loadIfExists: true });
 * await study.optimize(objective, { trials: 25 }); // run this on every worker
 * await storage.close();
 */
export function postgresStorage(connection: string | PostgresPool, options: PostgresStorageOptions = {}): PostgresStorage {
  if (typeof connection !== 'string' && !isPool(connection)) failSearch(FN, `connection is ${show(connection)}, expected a connection string or a pg Pool`);
  if (typeof connection === 'string' && connection === '') failSearch(FN, 'connection is "", expected a connection string such as "postgres://user:password@host:5432/db"');
  if (options === null || typeof options !== 'object') failSearch(FN, `options is ${show(options)}, expected an object`);
  const schema = options.schema ?? 'tfjs_methodology';
  quoteSchema(schema, FN);
  const poolSize = readIntSearchOption(options.poolSize, 4, FN, 'poolSize', 2);
  const heartbeat = readHeartbeatOptions(options, FN);
  if (options.prepare !== undefined && typeof options.prepare !== 'boolean') failSearch(FN, `prepare is ${show(options.prepare)}, expected a boolean`);
  const storage = new PgStorage(connection, schema, poolSize, options.poolOptions ?? {}, options.onConnectionError, heartbeat, options.prepare ?? true);
  if (heartbeat === undefined) {
    // As the other storages: no heartbeat members without heartbeats.
    for (const k of ['heartbeat', 'recordHeartbeat', 'failStaleTrials'] as const) Object.defineProperty(storage, k, { value: undefined, enumerable: false });
  }
  return storage;
}

interface CachedStudy {
  /** Trials by number; finished ones are final. */
  trials: (FrozenTrial | undefined)[];
  /** The numbers below `trials.length` to read again: unfinished trials, and numbers not read yet. */
  open: Set<number>;
  snapshot: readonly FrozenTrial[] | undefined;
}

const newCache = (): CachedStudy => ({ trials: [], open: new Set(), snapshot: undefined });

/** An error from a lost connection, and whether the statement certainly did not take effect. */
function connectionLoss(e: unknown): { certainlyNotApplied: boolean } | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : '';
  // SQLSTATE 57P01-57P03 (terminated, crash, cannot connect now), class 08 (connection exception): the server
  // answered with an error, so the statement's transaction was rolled back.
  if (typeof code === 'string' && /^(57P0[123]|08...)$/.test(code)) return { certainlyNotApplied: true };
  if (code === 'ECONNREFUSED' || /not queryable|Cannot use a pool after/i.test(message)) return { certainlyNotApplied: true };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || /Connection terminated|connection (was )?(closed|lost|ended)|socket/i.test(message)) {
    return { certainlyNotApplied: false };
  }
  return undefined;
}

let instances = 0;

/** Prepared statements' names, one per distinct statement text (the schema is part of the text). */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `tfjs_methodology_${statementNames.size}`));
  return name;
}

/** The pauses before the retries of a statement whose connection was lost. */
const RETRY_PAUSES_MS = [5, 50];

/** The PostgreSQL storage. Internal: use {@link postgresStorage}. */
class PgStorage implements PostgresStorage {
  readonly heartbeat: HeartbeatSettings | undefined;
  private pool: PostgresPool | undefined;
  private opening: Promise<PostgresPool> | undefined;
  private closed = false;
  private readonly q: string;
  private readonly cache = new Map<string, CachedStudy>();
  private readonly tokenPrefix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${(instances++).toString(36)}`;
  private tokens = 0;
  private readonly onPoolError = (error: Error): void => {
    try {
      this.onConnectionError?.(error);
    } catch {
      // A throwing listener must not turn a handled event into a crash.
    }
  };

  constructor(
    private readonly connection: string | PostgresPool,
    readonly schema: string,
    private readonly poolSize: number,
    private readonly poolOptions: Readonly<Record<string, unknown>>,
    private readonly onConnectionError: ((error: Error) => void) | undefined,
    heartbeat: HeartbeatSettings | undefined,
    private readonly prepare: boolean,
  ) {
    this.q = quoteSchema(schema, FN);
    this.heartbeat = heartbeat;
  }

  // ---- connection, retries -------------------------------------------------

  private ready(): Promise<PostgresPool> {
    if (this.closed) return Promise.reject(new SearchError(`${FN}: the storage is closed`));
    this.opening ??= (async () => {
      let pool: PostgresPool;
      if (typeof this.connection === 'string') {
        const Pool = await loadPg(FN);
        pool = new Pool({ ...this.poolOptions, connectionString: this.connection, max: this.poolSize });
      } else pool = this.connection;
      pool.on('error', this.onPoolError);
      this.pool = pool;
      try {
        await this.retrying(() => migrate(pool, this.schema, FN), { safe: true });
      } catch (e) {
        await this.releasePool();
        if ((e as { code?: unknown }).code === '42501') {
          // insufficient_privilege: the first worker of a database must be allowed to create the schema.
          failSearch(
            FN,
            `the database user may not create the schema ${JSON.stringify(this.schema)} and its tables (${(e as Error).message}): grant it once with GRANT CREATE ON DATABASE, or let a user who may open the storage first`,
          );
        }
        throw e;
      }
      return pool;
    })().catch((e: unknown) => {
      this.opening = undefined; // a later call tries again (the server may be up by then)
      throw e;
    });
    return this.opening;
  }

  /**
   * Runs `op`; if its connection was lost, runs it again when that is safe:
   * always for `safe` operations (reads and idempotent writes), else when
   * the error shows the statement was not applied, or when `applied()`
   * (reading the write's token) finds it was not — if it was, its result is
   * returned instead. A server restart or a `pg_terminate_backend` sweep
   * drops every connection of the pool at once, so before trying again the
   * storage lets the pool discard its other dead idle connections (a short
   * pause), and tries at most twice more (the retry itself may have been
   * handed one of them).
   */
  private async retrying<T>(op: () => Promise<T>, how: { safe: boolean; applied?: () => Promise<T | undefined> }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (e) {
        const loss = connectionLoss(e);
        if (loss === undefined || this.closed || attempt === RETRY_PAUSES_MS.length) throw e;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSES_MS[attempt]));
        if (!how.safe && !loss.certainlyNotApplied) {
          if (how.applied === undefined) throw e;
          const result = await how.applied();
          if (result !== undefined) return result;
        }
      }
    }
  }

  private async query(text: string, values: readonly unknown[], how: { safe: boolean; applied?: () => Promise<PgResult | undefined> } = { safe: true }): Promise<PgResult> {
    const pool = await this.ready();
    const config = this.prepare ? { name: statementName(text), text, values } : { text, values };
    return this.retrying(() => pool.query(config), how);
  }

  private token(): string {
    return `${this.tokenPrefix}-${(this.tokens++).toString(36)}`;
  }

  private async releasePool(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool === undefined) return;
    // Our own pool keeps the listener for good: its connections finish closing after `end()` resolves, and
    // an error in that window (the server going down) must not crash the process. A pool passed in is
    // left as it was given, listeners included.
    if (typeof this.connection === 'string') await pool.end();
    else pool.removeListener('error', this.onPoolError);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const opening = this.opening;
    this.opening = undefined;
    await opening?.catch(() => undefined);
    await this.releasePool();
    this.cache.clear();
  }

  // ---- studies --------------------------------------------------------------

  async createStudy(name: string, direction: Direction): Promise<string> {
    const fn = 'createStudy';
    if (typeof name !== 'string' || name === '') failSearch(fn, `name is ${show(name)}, expected a non-empty string`);
    if (direction !== 'minimize' && direction !== 'maximize') failSearch(fn, `direction is ${show(direction)}, expected "minimize" or "maximize"`);
    const token = this.token();
    const { rows } = await this.query(
      `INSERT INTO ${this.q}.studies (name, direction, datetime_start, create_token) VALUES ($1, $2, ${NOW_MS}, $3)
       ON CONFLICT (name) DO NOTHING RETURNING study_id::text AS id`,
      [name, direction, token],
      { safe: false, applied: () => this.query(`SELECT study_id::text AS id FROM ${this.q}.studies WHERE name = $1 AND create_token = $2`, [name, token]).then((r) => (r.rows.length > 0 ? r : undefined)) },
    );
    if (rows.length === 0) failSearch(fn, `a study named ${JSON.stringify(name)} already exists`);
    return rows[0]!.id as string;
  }

  async getStudyId(name: string): Promise<string | undefined> {
    const { rows } = await this.query(`SELECT study_id::text AS id FROM ${this.q}.studies WHERE name = $1`, [name]);
    return rows[0]?.id as string | undefined;
  }

  async getStudyDirection(studyId: string): Promise<Direction> {
    const fn = 'getStudyDirection';
    const id = this.studyKey(studyId, fn);
    const { rows } = await this.query(`SELECT direction FROM ${this.q}.studies WHERE study_id = $1`, [id]);
    if (rows.length === 0) noStudy(fn, studyId);
    return rows[0]!.direction as Direction;
  }

  async listStudies(): Promise<readonly StudySummary[]> {
    const counts = STATES.map((s) => `count(*) FILTER (WHERE t.state = '${s}')::int AS "${s}"`).join(', ');
    const best = (agg: string): string => `${agg}(t.value) FILTER (WHERE t.state = 'complete' AND t.value <> 'NaN')`;
    const { rows } = await this.query(
      `SELECT s.study_id::text AS id, s.name, s.direction, s.datetime_start, count(t.number)::int AS n, ${counts},
         ${best('min')} AS min_value, ${best('max')} AS max_value
       FROM ${this.q}.studies s LEFT JOIN ${this.q}.trials t ON t.study_id = s.study_id
       GROUP BY s.study_id ORDER BY s.study_id`,
      [],
    );
    return rows.map((r) => {
      const trialCounts = Object.freeze(Object.fromEntries(STATES.map((s) => [s, r[s] as number]))) as Readonly<Record<TrialState, number>>;
      const bestValue = (r.direction === 'minimize' ? r.min_value : r.max_value) as number | null;
      return Object.freeze({
        studyId: r.id as string,
        name: r.name as string,
        direction: r.direction as Direction,
        nTrials: r.n as number,
        trialCounts,
        bestValue: bestValue ?? undefined,
        datetimeStart: r.datetime_start as number,
      });
    });
  }

  async deleteStudy(studyId: string): Promise<void> {
    const fn = 'deleteStudy';
    const id = this.studyKey(studyId, fn);
    let lost = false;
    const { rowCount } = await this.query(`DELETE FROM ${this.q}.studies WHERE study_id = $1`, [id], {
      safe: false,
      // The first attempt's answer was lost: run it again, and if the study is gone by then, that attempt deleted it.
      applied: async () => {
        lost = true;
        return undefined;
      },
    });
    this.cache.delete(studyId);
    if (rowCount === 0 && !lost) noStudy(fn, studyId);
  }

  // ---- trials: writes -------------------------------------------------------

  async createTrial(studyId: string, template: TrialTemplate = {}): Promise<FrozenTrial> {
    const fn = 'createTrial';
    const id = this.studyKey(studyId, fn);
    const state = template.state ?? 'running';
    if (!STATES.includes(state)) failSearch(fn, `template.state is ${show(state)}, expected one of ${STATES.map((s) => JSON.stringify(s)).join(', ')}`);
    const distributions: Record<string, Distribution> = {};
    for (const [k, d] of Object.entries(template.distributions ?? {})) distributions[k] = distributionFromJSON(d, fn);
    const params = template.params ?? {};
    const token = this.token();
    const { rows } = await this.query(
      `WITH n AS (
         UPDATE ${this.q}.studies SET next_number = next_number + 1 WHERE study_id = $1
         RETURNING study_id, next_number - 1 AS number, ${NOW_MS} AS now
       )
       INSERT INTO ${this.q}.trials AS t (study_id, number, state, params, param_names, distributions, value, intermediate_values,
         datetime_start, datetime_complete, error, user_attrs, system_attrs, create_token, heartbeat)
       SELECT n.study_id, n.number, $2::text, $3::jsonb, $4::text[], $5::jsonb, $6::float8, $7::jsonb,
         COALESCE($8::float8, CASE WHEN $2::text = 'waiting' THEN NULL ELSE n.now END),
         COALESCE($9::float8, CASE WHEN $2::text IN ('complete', 'pruned', 'failed') THEN n.now END),
         $10::text, $11::jsonb, $12::jsonb, $13::text,
         CASE WHEN $14::boolean AND $2::text = 'running' THEN clock_timestamp() END
       FROM n
       RETURNING ${TRIAL_COLUMNS}`,
      [
        id,
        state,
        toJson(params),
        Object.keys(params),
        toJson(distributions),
        template.value ?? null,
        toJson(Object.fromEntries(template.intermediateValues ?? [])),
        template.datetimeStart ?? null,
        template.datetimeComplete ?? null,
        template.error ?? null,
        toJson(template.userAttrs ?? {}),
        toJson(template.systemAttrs ?? {}),
        token,
        // With heartbeats, a trial starts with one: a worker that dies before its first heartbeat is still seen dead.
        this.heartbeat !== undefined,
      ],
      {
        safe: false,
        applied: async () => {
          const r = await this.query(`SELECT ${TRIAL_COLUMNS} FROM ${this.q}.trials t WHERE t.study_id = $1 AND t.create_token = $2`, [id, token]);
          return r.rows.length > 0 ? r : undefined;
        },
      },
    );
    if (rows.length === 0) noStudy(fn, studyId);
    return this.remember(studyId, toFrozen(rows[0]!, fn));
  }

  async setTrialParam(studyId: string, number: number, name: string, distribution: Distribution, value: ParamValue): Promise<void> {
    const fn = 'setTrialParam';
    const id = this.studyKey(studyId, fn);
    const d = distributionFromJSON(distribution, fn);
    const update = (checkDistribution: boolean): Promise<PgResult> =>
      this.query(
        `UPDATE ${this.q}.trials SET
           params = params || jsonb_build_object($3::text, $4::jsonb),
           param_names = CASE WHEN $3::text = ANY (param_names) THEN param_names ELSE array_append(param_names, $3::text) END,
           distributions = CASE WHEN distributions ? $3::text THEN distributions ELSE distributions || jsonb_build_object($3::text, $5::jsonb) END
         WHERE study_id = $1 AND number = $2 AND state IN ('running', 'waiting')
           ${checkDistribution ? 'AND (NOT distributions ? $3::text OR distributions -> $3::text = $5::jsonb)' : ''}`,
        [id, number, name, toJson(value), toJson(d)],
      );
    if ((await update(true)).rowCount === 1) return;
    const t = await this.loadTrial(studyId, id, number, fn);
    if (isFinished(t.state)) failSearch(fn, `trial ${number} is already finished (${t.state})`);
    const old = t.distributions[name];
    if (old !== undefined && describeDistribution(old) !== describeDistribution(d)) failSearch(fn, `trial ${number} already has "${name}" as ${describeDistribution(old)}`);
    // The same distribution written differently: keep the stored one.
    if ((await update(false)).rowCount === 1) return;
    failSearch(fn, `trial ${number} is already finished`);
  }

  async setTrialIntermediateValue(studyId: string, number: number, step: number, value: number): Promise<void> {
    const fn = 'setTrialIntermediateValue';
    const id = this.studyKey(studyId, fn);
    // A step keeps its first value (as the other storages and Optuna).
    await this.updateUnfinished(
      fn,
      studyId,
      id,
      number,
      `intermediate_values = CASE WHEN intermediate_values ? $3::text THEN intermediate_values ELSE intermediate_values || jsonb_build_object($3::text, $4::jsonb) END`,
      [String(step), toJson(value)],
    );
  }

  async setTrialUserAttr(studyId: string, number: number, key: string, value: unknown): Promise<void> {
    const fn = 'setTrialUserAttr';
    await this.updateUnfinished(fn, studyId, this.studyKey(studyId, fn), number, `user_attrs = user_attrs || jsonb_build_object($3::text, $4::jsonb)`, [key, toJson(value)]);
  }

  async setTrialSystemAttr(studyId: string, number: number, key: string, value: unknown): Promise<void> {
    const fn = 'setTrialSystemAttr';
    await this.updateUnfinished(fn, studyId, this.studyKey(studyId, fn), number, `system_attrs = system_attrs || jsonb_build_object($3::text, $4::jsonb)`, [key, toJson(value)]);
  }

  /** An idempotent update of an unfinished trial; throws a `SearchError` naming why it changed nothing. */
  private async updateUnfinished(fn: string, studyId: string, id: string, number: number, set: string, values: readonly unknown[]): Promise<void> {
    const { rowCount } = await this.query(`UPDATE ${this.q}.trials SET ${set} WHERE study_id = $1 AND number = $2 AND state IN ('running', 'waiting')`, [id, number, ...values]);
    if (rowCount === 1) return;
    const t = await this.loadTrial(studyId, id, number, fn);
    failSearch(fn, `trial ${number} is already finished (${t.state})`);
  }

  async setTrialState(studyId: string, number: number, state: TrialState, finish: TrialFinish = {}): Promise<boolean> {
    const fn = 'setTrialState';
    const id = this.studyKey(studyId, fn);
    if (!STATES.includes(state)) failSearch(fn, `state is ${show(state)}, expected one of ${STATES.map((s) => JSON.stringify(s)).join(', ')}`);
    if (state === 'waiting') {
      const t = await this.loadTrial(studyId, id, number, fn);
      if (isFinished(t.state)) return false;
      failSearch(fn, `trial ${number} cannot go back to waiting`);
    }
    const token = this.token();
    const claimed = (column: string) => async (): Promise<PgResult | undefined> => {
      const r = await this.query(`SELECT 1 FROM ${this.q}.trials WHERE study_id = $1 AND number = $2 AND ${column} = $3`, [id, number, token]);
      return r.rows.length > 0 ? r : undefined;
    };
    const { rowCount } =
      state === 'running'
        ? // Claiming an enqueued trial: one worker wins.
          await this.query(
            `UPDATE ${this.q}.trials SET state = 'running', datetime_start = COALESCE(datetime_start, ${NOW_MS}), claim_token = $3,
               heartbeat = CASE WHEN $4::boolean THEN clock_timestamp() ELSE heartbeat END
             WHERE study_id = $1 AND number = $2 AND state = 'waiting'`,
            [id, number, token, this.heartbeat !== undefined],
            { safe: false, applied: claimed('claim_token') },
          )
        : // The first finish wins.
          await this.query(
            `UPDATE ${this.q}.trials SET state = $3, value = $4::float8, error = $5::text, datetime_complete = COALESCE($6::float8, ${NOW_MS}), finish_token = $7
             WHERE study_id = $1 AND number = $2 AND state IN ('running', 'waiting')`,
            [id, number, state, finish.value ?? null, finish.error ?? null, finish.datetimeComplete ?? null, token],
            { safe: false, applied: claimed('finish_token') },
          );
    if (rowCount === 1) return true;
    await this.loadTrial(studyId, id, number, fn); // throws for an unknown study or trial
    return false;
  }

  /** Records a heartbeat on the server's clock; a trial no longer running is left alone. */
  async recordHeartbeat(studyId: string, number: number): Promise<void> {
    const fn = 'recordHeartbeat';
    const id = this.studyKey(studyId, fn);
    const { rowCount } = await this.query(`UPDATE ${this.q}.trials SET heartbeat = clock_timestamp() WHERE study_id = $1 AND number = $2 AND state = 'running'`, [id, number]);
    if (rowCount === 0) await this.loadTrial(studyId, id, number, fn);
  }

  /** Fails, in one statement, the running trials whose heartbeat is older than the grace period (server clock). */
  async failStaleTrials(studyId: string): Promise<readonly FrozenTrial[]> {
    const fn = 'failStaleTrials';
    const id = this.studyKey(studyId, fn);
    const grace = this.heartbeat!.gracePeriodMs;
    const token = this.token();
    const columns = TRIAL_COLUMNS.replace(/\bt\./g, 'u.');
    const { rows } = await this.query(
      `WITH s AS (SELECT study_id FROM ${this.q}.studies WHERE study_id = $1),
       u AS (
         UPDATE ${this.q}.trials AS t SET state = 'failed', value = NULL, datetime_complete = ${NOW_MS}, finish_token = $4,
           error = 'heartbeat lost: no heartbeat for ' || round(extract(epoch FROM clock_timestamp() - t.heartbeat) * 1000)::bigint
             || ' ms (grace period ' || $3::text || ' ms)'
         WHERE t.study_id IN (SELECT study_id FROM s) AND t.state = 'running' AND t.heartbeat IS NOT NULL
           AND t.heartbeat < clock_timestamp() - $2::float8 * interval '1 millisecond'
         RETURNING t.*
       )
       SELECT s.study_id AS found, ${columns} FROM s LEFT JOIN u ON true ORDER BY u.number`,
      [id, grace, String(grace), token],
      {
        safe: false,
        applied: async () => {
          // The sweep's answer was lost: its trials are the ones carrying its token (possibly none).
          const r = await this.query(`SELECT 1 AS found, ${TRIAL_COLUMNS} FROM ${this.q}.trials t WHERE t.study_id = $1 AND t.finish_token = $2 ORDER BY t.number`, [id, token]);
          return r.rows.length > 0 ? r : undefined;
        },
      },
    );
    if (rows.length === 0) noStudy(fn, studyId);
    return rows.filter((r) => r.number !== null).map((r) => this.remember(studyId, toFrozen(r, fn)));
  }

  private lockChain: Promise<void> = Promise.resolve();

  /**
   * Runs `fn` holding the study's lock: across processes a session advisory
   * lock (`pg_advisory_lock`) on a connection of the pool kept for the time
   * of `fn`, while `fn`'s own queries use the pool's other connections; in
   * this process a promise chain, so that the storage holds at most one
   * such connection at a time (with two, two studies of one process could
   * hold both connections of a pool of 2 and wait forever for a third; the
   * lock is held for milliseconds, so queueing costs little). If that
   * connection drops, the server releases the lock with it.
   */
  async withStudyLock<T>(studyId: string, fn: () => Promise<T>): Promise<T> {
    const fnName = 'withStudyLock';
    const id = this.studyKey(studyId, fnName);
    const previous = this.lockChain;
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.lockChain = previous.then(() => mine);
    await previous;
    let unlocked: Promise<void> | undefined;
    try {
      const pool = await this.ready();
      const key = `tfjs-methodology study lock ${this.schema} ${id}`;
      const client = await this.retrying(async () => {
        const c = await pool.connect();
        // A checked-out connection has none of the pool's listeners: a drop must find one here.
        c.on('error', ignore);
        try {
          await c.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
          return c;
        } catch (e) {
          c.removeListener('error', ignore);
          c.release(e as Error);
          throw e;
        }
      }, { safe: true });
      try {
        return await fn();
      } finally {
        // The caller goes on without waiting for the unlock's round trip; the lock stays held until it lands,
        // and this process's next lock (the chain) waits for it.
        unlocked = client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).then(
          () => {
            client.removeListener('error', ignore);
            client.release();
          },
          (e: unknown) => {
            client.removeListener('error', ignore);
            client.release(e as Error); // the connection is gone, and its session lock with it
          },
        );
      }
    } finally {
      if (unlocked === undefined) release();
      else void unlocked.then(release);
    }
  }

  // ---- trials: reads ----------------------------------------------------------

  async getTrial(studyId: string, number: number): Promise<FrozenTrial> {
    const fn = 'getTrial';
    // Always asks the server (a cached finished trial would outlive its study deleted by another process);
    // a finished trial read again keeps its cached object.
    return this.loadTrial(studyId, this.studyKey(studyId, fn), number, fn);
  }

  /** Reads one trial; throws a `SearchError` for an unknown study or trial. */
  private async loadTrial(studyId: string, id: string, number: number, fn: string): Promise<FrozenTrial> {
    const n = Number.isSafeInteger(number) && number >= 0 && number < 2 ** 31 ? number : -1;
    const { rows } = await this.query(
      `SELECT s.name AS study_name, ${TRIAL_COLUMNS} FROM ${this.q}.studies s LEFT JOIN ${this.q}.trials t ON t.study_id = s.study_id AND t.number = $2 WHERE s.study_id = $1`,
      [id, n],
    );
    if (rows.length === 0) noStudy(fn, studyId);
    if (rows[0]!.number === null) failSearch(fn, `study ${JSON.stringify(rows[0]!.study_name)} has no trial ${number}`);
    return this.remember(studyId, toFrozen(rows[0]!, fn));
  }

  async getAllTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    const fn = 'getAllTrials';
    const id = this.studyKey(studyId, fn);
    let c = this.cache.get(studyId);
    if (c === undefined) this.cache.set(studyId, (c = newCache()));
    // Finished trials never change: read only the rows that may have (unfinished or missing ones) and the new ones.
    const again = [...c.open];
    // Two index scans rather than one `number >= $2 OR number = ANY ($3)`, which a prepared (generic) plan
    // answers by filtering every trial of the study.
    const { rows } = await this.query(
      `SELECT x.* FROM ${this.q}.studies s LEFT JOIN LATERAL (
         SELECT ${TRIAL_COLUMNS} FROM ${this.q}.trials t WHERE t.study_id = s.study_id AND t.number >= $2
         UNION ALL
         SELECT ${TRIAL_COLUMNS} FROM ${this.q}.trials t WHERE t.study_id = s.study_id AND t.number = ANY ($3::int[]) AND t.number < $2
       ) x ON true
       WHERE s.study_id = $1 ORDER BY x.number`,
      [id, c.trials.length, again],
    );
    if (rows.length === 0) {
      this.cache.delete(studyId);
      noStudy(fn, studyId);
    }
    for (const r of rows) if (r.number !== null) this.remember(studyId, toFrozen(r, fn));
    c.snapshot ??= Object.freeze(c.trials.filter((t): t is FrozenTrial => t !== undefined));
    return states === undefined ? c.snapshot : c.snapshot.filter((t) => states.includes(t.state));
  }

  /** Puts a trial read from the database into the study's cache (a changed record invalidates the snapshot). */
  private remember(studyId: string, t: FrozenTrial): FrozenTrial {
    let c = this.cache.get(studyId);
    if (c === undefined) this.cache.set(studyId, (c = newCache()));
    const old = c.trials[t.number];
    if (old !== undefined && isFinished(old.state)) return old;
    for (let k = c.trials.length; k < t.number; k++) c.open.add(k); // numbers skipped: not read yet
    if (isFinished(t.state)) c.open.delete(t.number);
    else c.open.add(t.number);
    if (old === undefined || !sameTrial(old, t)) {
      c.trials[t.number] = t;
      c.snapshot = undefined;
      return t;
    }
    return old;
  }

  /** The study id as the database key; an id that cannot be one names no study. */
  private studyKey(studyId: string, fn: string): string {
    if (typeof studyId !== 'string' || !/^[1-9][0-9]{0,17}$/.test(studyId)) noStudy(fn, studyId);
    return studyId;
  }
}

const ignore = (): void => undefined;

function noStudy(fn: string, studyId: unknown): never {
  failSearch(fn, `no study with id ${JSON.stringify(studyId)}`);
}

/** JSON has no infinities or NaN: such a number is written as `{"$num": "Infinity"}` (as the journal does). */
function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $num: String(v) } : v));
}

function fromJson(text: unknown): unknown {
  return JSON.parse(text as string, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && '$num' in v && Object.keys(v).length === 1 ? Number((v as { $num: string }).$num) : v,
  );
}

const numberOrUndefined = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : (v as number));

/** A trial row as an immutable record. */
function toFrozen(r: Record<string, unknown>, fn: string): FrozenTrial {
  const stored = fromJson(r.params) as Record<string, ParamValue>;
  const params: Record<string, ParamValue> = {};
  for (const name of r.param_names as string[]) if (name in stored) params[name] = stored[name]!;
  for (const name of Object.keys(stored)) if (!(name in params)) params[name] = stored[name]!;
  const distributions: Record<string, Distribution> = {};
  for (const [k, d] of Object.entries(fromJson(r.distributions) as Record<string, unknown>)) distributions[k] = distributionFromJSON(d, fn);
  const iv = Object.entries(fromJson(r.intermediate_values) as Record<string, number>)
    .map(([k, v]) => [Number(k), v] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const start = numberOrUndefined(r.datetime_start);
  const complete = numberOrUndefined(r.datetime_complete);
  return Object.freeze({
    number: r.number as number,
    state: r.state as TrialState,
    params: Object.freeze(params),
    distributions: Object.freeze(distributions),
    value: numberOrUndefined(r.value),
    intermediateValues: new Map(iv) as ReadonlyMap<number, number>,
    datetimeStart: start,
    datetimeComplete: complete,
    durationMs: start !== undefined && complete !== undefined ? complete - start : undefined,
    error: (r.error as string | null) ?? undefined,
    userAttrs: Object.freeze(fromJson(r.user_attrs) as Record<string, unknown>),
    systemAttrs: Object.freeze(fromJson(r.system_attrs) as Record<string, unknown>),
  });
}

/** Whether two records of one trial are the same (so a re-read unchanged trial keeps its object and the snapshot). */
function sameTrial(a: FrozenTrial, b: FrozenTrial): boolean {
  if (a.state !== b.state || !Object.is(a.value, b.value) || a.error !== b.error || a.datetimeStart !== b.datetimeStart || a.datetimeComplete !== b.datetimeComplete) return false;
  if (a.intermediateValues.size !== b.intermediateValues.size) return false;
  return toJson(a.params) === toJson(b.params) && toJson(a.userAttrs) === toJson(b.userAttrs) && toJson(a.systemAttrs) === toJson(b.systemAttrs) && toJson(a.distributions) === toJson(b.distributions) && toJson([...a.intermediateValues]) === toJson([...b.intermediateValues]);
}
