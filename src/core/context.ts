import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Database, Db } from './db/client.ts';
import type { TenantResolver } from './tenancy/index.ts';
import type { PermissionRegistry } from './permissions/index.ts';
import type { JobRegistry } from './jobs/registry.ts';
import type { PiazzaModule } from './module.ts';

/** Everything a module or job needs from the platform, built once at boot. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  tenants: TenantResolver;
  permissions: PermissionRegistry;
  jobs: JobRegistry;
  modules: PiazzaModule[];
}
