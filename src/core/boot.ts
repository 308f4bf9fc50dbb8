import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { PermissionRegistry } from './permissions/index.ts';
import { JobRegistry } from './jobs/registry.ts';
import { registerCoreJobs } from './jobs/core-jobs.ts';
import type { PiazzaModule } from './module.ts';
import { DEMO_SLUG, seedDemo } from './seed.ts';
import { findTenantBySlug, TenantResolver } from './tenancy/index.ts';
import { openOwnDatabase } from './db/open.ts';

export interface BootOptions {
  config: Config;
  log: Logger;
  modules: PiazzaModule[];
  /** An already open database (tests, or opened early by main.ts); otherwise opened from the config. */
  database?: Database;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /**
   * 'now' (default): seed the demo comune before returning. 'deferred': when the demo comune already exists,
   * leave its (idempotent) top-up to the caller via `pendingSeed`, so a restart can serve requests sooner.
   */
  seed?: 'now' | 'deferred';
}

/** Open the database, apply migrations, build the registries and (in development) seed the demo comune. */
export async function createContext(opts: BootOptions): Promise<AppContext & { pendingSeed?: () => Promise<void> }> {
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
  if (config.seedDemo && !config.isProduction) {
    if (opts.seed === 'deferred' && (await findTenantBySlug(ctx.db, DEMO_SLUG))) {
      return Object.assign(ctx, { pendingSeed: () => seedDemo(ctx).then(() => undefined) });
    }
    await seedDemo(ctx);
  }
  return ctx;
}
