import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.ts';

const CACHE_DIR = join(MIGRATIONS_DIR, '..', 'node_modules', '.cache', 'piazza');

/** Hash of every migration file: a template made from other migrations is never reused. */
function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort()) {
    h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  }
  h.update(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json')));
  return h.digest('hex').slice(0, 16);
}

/**
 * A fresh in-memory PGlite with every migration applied. Creating a PGlite cluster (initdb) is slow, so
 * the first call saves a migrated data-dir tarball and later ones (in every test worker) load it.
 */
async function freshPglite(): Promise<Database> {
  const file = join(CACHE_DIR, `pglite-${migrationsHash()}.tar`);
  if (existsSync(file)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
    await migrate(database); // no-op when the template is current
    return database;
  }
  const database = await openDatabase({});
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return database;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server of DATABASE_URL (created here, dropped at close).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return freshPglite();
  const name = `piazza_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await migrate(database);
  const close = database.close.bind(database);
  return {
    ...database,
    url,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
