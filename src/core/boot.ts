import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { TenantResolver } from './tenancy/index.ts';
import { PermissionRegistry } from './permissions/index.ts';
import { JobRegistry } from './jobs/registry.ts';
import { registerCoreJobs } from './jobs/core-jobs.ts';
import type { PiazzaModule } from './module.ts';
import { seedDemo } from './seed.ts';
import { acquirePgliteLock } from './db/pglite-lock.ts';

/**
 * The server's database. An embedded data dir is locked for this process (PGlite is single-process: a backup
 * or a second server on the same files would corrupt them); the lock goes with database.close().
 */
async function openOwnDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const dataDir = `${config.dataDir}/pglite`;
  const lock = acquirePgliteLock(dataDir, 'server');
  try {
    const database = await openDatabase({ dataDir });
    const close = database.close.bind(database);
    database.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return database;
  } catch (err) {
    lock.release();
    throw err;
  }
}

export interface BootOptions {
  config: Config;
  log: Logger;
  modules: PiazzaModule[];
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  /** Apply migrations (default true). */
  migrate?: boolean;
}

/** Open the database, apply migrations, build the registries and (in development) seed the demo comune. */
export async function createContext(opts: BootOptions): Promise<AppContext> {
  const { config, log, modules } = opts;
  const database = opts.database ?? (await openOwnDatabase(config));
  if (opts.migrate !== false) await migrate(database);
  const jobs = new JobRegistry();
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    log,
    tenants: new TenantResolver(database.db, config.defaultTenant),
    permissions: new PermissionRegistry(),
    jobs,
    modules,
  };
  registerCoreJobs(jobs);
  for (const m of modules) {
    for (const j of m.jobs ?? []) jobs.define(j);
    for (const s of m.subscribers ?? []) jobs.subscribe(s);
  }
  if (config.seedDemo && !config.isProduction) await seedDemo(ctx);
  return ctx;
}
