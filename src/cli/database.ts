import { join } from 'node:path';
import { loadConfigOrExit, type Config } from '../core/config/index.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { acquirePgliteLock } from '../core/db/pglite-lock.ts';
import { migrateCommand } from './db-commands.ts';

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

type Parsed<A> = { ok: true; help: true } | { ok: true; help?: false; value: A } | { ok: false; errors: string[] };

/**
 * The shape every data-changing command shares: parse the arguments (or print the usage), load the config,
 * open the configured database, apply pending migrations, run, close, and exit 0 — or 1 with the errors.
 * `run` prints its own success lines and returns the error lines of an expected failure.
 */
export async function runDatabaseCommand<A>(opts: {
  command: string;
  usage: string;
  parsed: Parsed<A>;
  run: (database: Database, args: A, config: Config) => Promise<{ ok: true } | { ok: false; heading: string; errors: string[] }>;
}): Promise<never> {
  const { parsed } = opts;
  if (parsed.ok && parsed.help) {
    console.log(opts.usage);
    process.exit(0);
  }
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(`piazza: ${e}`);
    console.error(`\n${opts.usage}`);
    process.exit(1);
  }
  const config = loadConfigOrExit();
  let exitCode = 0;
  try {
    const database = await openConfiguredDatabase(config, opts.command);
    try {
      const m = await migrateCommand(database);
      if (m.applied.length) console.log(`Applied ${m.applied.length} pending migration(s) first: ${m.applied.join(', ')}`);
      const r = await opts.run(database, parsed.value, config);
      if (!r.ok) {
        console.error(`piazza: ${r.heading}:`);
        for (const e of r.errors) console.error(`  ${e}`);
        exitCode = 1;
      }
    } finally {
      await database.close();
    }
  } catch (err) {
    console.error(`piazza: ${errorText(err)}`);
    exitCode = 1;
  }
  process.exit(exitCode);
}
