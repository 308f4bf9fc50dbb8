import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
const LOCK_KEY = 781_230_113; // arbitrary, constant: "piazza migrations"

/** Apply every committed migration not yet applied. Safe when several instances start at once. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' };
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the concrete driver type
    await run(database.db as any, config);
    return;
  }
  const pool = database.pool!;
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the concrete driver type
    await run(database.db as any, config);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function committedMigrations(): Journal['entries'] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries;
}

/** For /ready: every committed migration has been applied. */
export async function migrationsApplied(database: Database): Promise<{ applied: number; committed: number; ok: boolean }> {
  const committed = committedMigrations().length;
  let applied = 0;
  try {
    const { rows } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, committed, ok: applied >= committed };
}
