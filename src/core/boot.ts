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
  const database =
    opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` }));
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
