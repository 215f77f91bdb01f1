import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchError } from '../../../src/search/errors';
import { postgresStorage } from '../../../src/search/postgres';
import { migrate, MIGRATIONS, quoteSchema, SCHEMA_VERSION } from '../../../src/search/postgres/schema';
import type { Migration } from '../../../src/search/postgres/schema';
import { startTestPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

let server: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startTestPostgres();
  pool = new pg.Pool({ connectionString: server.url, max: 8 });
  pool.on('error', () => undefined); // connections still closing when the server stops
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const version = async (schema: string): Promise<number> => (await pool.query(`SELECT version FROM ${quoteSchema(schema, 'test')}.schema_version`)).rows[0].version as number;
const tables = async (schema: string): Promise<string[]> =>
  (await pool.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema])).rows.map((r) => r.table_name as string);

describe('the postgres storage schema', () => {
  it('is created on first use, at the library version, by one of several workers opening it at once', async () => {
    const storages = Array.from({ length: 4 }, () => postgresStorage(server.url, { schema: 'fresh' }));
    const ids = await Promise.allSettled(storages.map((s, i) => s.createStudy(`s${i}`, 'minimize')));
    expect(ids.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await tables('fresh')).toEqual(['schema_version', 'studies', 'trials']);
    expect(await version('fresh')).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(1);
    await Promise.all(storages.map((s) => s.close()));
  });

  it('upgrades an older schema once, even when four workers migrate at once, under the advisory lock', async () => {
    await migrate(pool, 'upgrade', 'test');
    expect(await version('upgrade')).toBe(1);
    // A made-up version 2 whose migration would fail if it ran twice (CREATE TABLE without IF NOT EXISTS).
    const m2: Migration = (q) => [`CREATE TABLE ${q}.runs (at timestamptz DEFAULT now())`, `INSERT INTO ${q}.runs DEFAULT VALUES`, `ALTER TABLE ${q}.trials ADD COLUMN note text`];
    const before = await Promise.all(Array.from({ length: 4 }, () => migrate(pool, 'upgrade', 'test', [...MIGRATIONS, m2])));
    expect(before.sort()).toEqual([1, 2, 2, 2]); // one worker found version 1 and upgraded; the others found 2
    expect(await version('upgrade')).toBe(2);
    expect((await pool.query('SELECT count(*)::int AS n FROM upgrade.runs')).rows[0].n).toBe(1);
    expect(await tables('upgrade')).toEqual(['runs', 'schema_version', 'studies', 'trials']);
  });

  it('refuses a database schema newer than the library with an error saying what to do, and changes nothing', async () => {
    const s = postgresStorage(server.url, { schema: 'newer' });
    await s.createStudy('kept', 'minimize');
    await s.close();
    await pool.query('UPDATE newer.schema_version SET version = 7');
    const old = postgresStorage(server.url, { schema: 'newer' });
    const error = await old.listStudies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchError);
    expect((error as Error).message).toBe(
      'postgresStorage: the database schema "newer" has version 7, newer than this library\'s 1: upgrade tfjs-methodology on this worker (every worker of a study must run a version that knows the schema), or use another schema',
    );
    await expect(old.createStudy('x', 'minimize')).rejects.toThrow(/has version 7, newer than this library's 1/);
    expect(await version('newer')).toBe(7);
    expect((await pool.query('SELECT name FROM newer.studies')).rows).toEqual([{ name: 'kept' }]);
    await old.close();
  });

  it('says what to grant when the database user may not create the schema', async () => {
    await pool.query("CREATE ROLE limited_worker LOGIN PASSWORD 'pw'");
    const url = new URL(server.url);
    url.username = 'limited_worker';
    url.password = 'pw';
    const s = postgresStorage(url.toString(), { schema: 'not_allowed' });
    const error = await s.listStudies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchError);
    expect((error as Error).message).toMatch(/^postgresStorage: the database user may not create the schema "not_allowed" and its tables \(permission denied .*\): grant it once with GRANT CREATE ON DATABASE/);
    // Once an allowed user has created the schema and granted its use, the limited user works in it.
    const admin = postgresStorage(server.url, { schema: 'not_allowed' });
    await admin.listStudies();
    await admin.close();
    await pool.query('GRANT USAGE ON SCHEMA not_allowed TO limited_worker; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA not_allowed TO limited_worker; GRANT USAGE ON ALL SEQUENCES IN SCHEMA not_allowed TO limited_worker');
    const id = await s.createStudy('ok', 'minimize');
    expect((await s.createTrial(id)).number).toBe(0);
    await s.close();
  });

  it('keeps separate storages apart in separate schemas of one database', async () => {
    const a = postgresStorage(server.url, { schema: 'team_a' });
    const b = postgresStorage(server.url, { schema: 'team_b' });
    await a.createStudy('same-name', 'minimize');
    await b.createStudy('same-name', 'maximize');
    expect((await a.listStudies()).map((x) => x.direction)).toEqual(['minimize']);
    expect((await b.listStudies()).map((x) => x.direction)).toEqual(['maximize']);
    await Promise.all([a.close(), b.close()]);
  });

  it('quotes only lower-case identifiers', () => {
    expect(quoteSchema('tfjs_methodology', 'f')).toBe('"tfjs_methodology"');
    expect(() => quoteSchema('x"; DROP SCHEMA public; --', 'f')).toThrow(SearchError);
    expect(() => quoteSchema(undefined, 'f')).toThrow('f: schema is undefined, expected a lower-case SQL identifier');
  });
});
