import { join } from 'node:path';
import type { Config } from '../core/config/index.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { acquirePgliteLock } from '../core/db/pglite-lock.ts';

/** The embedded database directory of an installation (the same path the server opens). */
export function pgliteDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'pglite');
}

/** Where a command works: the PostgreSQL server of DATABASE_URL, or the embedded data directory. */
export function describeTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded database in ${pgliteDir(config)}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
}

/**
 * Open the configured database for an operator command. For PGlite the data directory's lock is
 * taken first (and released by close()), so a command never opens a directory another process uses.
 */
export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, purpose: string): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
  const dir = pgliteDir(config);
  const lock = acquirePgliteLock(dir, purpose);
  try {
    const database = await openDatabase({ dataDir: dir });
    const close = database.close.bind(database);
    return {
      ...database,
      async close() {
        try {
          await close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** An error for the console: its message and, for wrapped errors (drizzle's "Failed query"), the cause. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  const first = err.message.split('\n')[0]!.trim();
  return cause && !err.message.includes(cause) ? `${first} ${cause}`.trim() : err.message;
}
