import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Extension, PGlite } from '@electric-sql/pglite';
import type { Pool, QueryResult } from 'pg';
import * as schema from '../../schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL with $1…$n parameters, one statement; for pg-boss and tools. Runs as the owning login. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Multi-statement SQL without parameters. */
  exec(text: string): Promise<void>;
  /** Multi-statement SQL without parameters, returning the rows of every statement in order (pg-boss's schema plans). */
  execMany(text: string): Promise<{ rows: Record<string, unknown>[] }[]>;
  pglite?: PGlite;
  pool?: Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined = in memory (tests). */
  dataDir?: string | undefined;
  /** Max pool size for node-postgres. */
  poolSize?: number;
  /** PGlite only: start from this data-dir tarball (a migrated template, for fast test databases). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

/** Contrib extensions loaded into embedded PGlite; modules add theirs (with the migration creating them). */
export const PGLITE_EXTENSIONS: Record<string, Extension> = {};

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // PGlite's default 128 MB buffer pool is initialised at every open (~0.5 s). An embedded database is
    // small and the OS caches its files, so 32 MB is plenty and halves start-up (docs/benchmarks.md).
    postgresqlconf: 'shared_buffers=32MB',
    // Every PGlite extension is unpacked at each open (~0.1–0.15 s each, docs/benchmarks.md): add one here
    // only with the migration that needs it, e.g. unaccent/pg_trgm for search.
    extensions: PGLITE_EXTENSIONS,
  });
  const db = drizzle({ client: pg, schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite: pg,
    async executeSql(text, values) {
      const res = await pg.query<Record<string, unknown>>(text, values ?? []);
      return { rows: res.rows };
    },
    async exec(text) {
      await pg.exec(text);
    },
    async execMany(text) {
      try {
        const results = await pg.exec(text);
        return results.map((r) => ({ rows: r.rows as Record<string, unknown>[] }));
      } catch (err) {
        // A failed statement after an explicit BEGIN would leave the one shared connection in an aborted transaction.
        await pg.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const [{ default: pgMod }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pgMod.Pool({ connectionString: url, max, application_name: 'piazza' });
  pool.on('error', () => {
    /* idle client errors are reported by the next query */
  });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    async executeSql(text, values) {
      const res = await pool.query(text, values as unknown[] | undefined);
      return { rows: res.rows as Record<string, unknown>[] };
    },
    async exec(text) {
      await pool.query(text);
    },
    async execMany(text) {
      const res = (await pool.query(text)) as unknown as QueryResult | QueryResult[];
      return (Array.isArray(res) ? res : [res]).map((r) => ({ rows: (r.rows ?? []) as Record<string, unknown>[] }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * Run `fn` in a transaction as the non-superuser role `piazza_app` with the tenant set, so
 * row-level security hides every other comune's rows even if a query forgets its tenant filter.
 */
export async function withTenantTx<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql`set local role piazza_app`);
    return fn(tx as unknown as Tx);
  });
}
