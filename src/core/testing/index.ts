import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config/index.ts';
import { createLogger } from '../logger.ts';
import { createContext } from '../boot.ts';
import type { AppContext } from '../context.ts';
import { createTenant } from '../tenancy/index.ts';
import type { Tenant } from '../tenancy/types.ts';
import { buildApp } from '../../app.ts';
import { modules as enabledModules } from '../../modules.ts';
import type { PiazzaModule } from '../module.ts';
import { createTestDatabase } from './database.ts';

export { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  /** The test comune, served on Host "localhost" (the default tenant) and "test.localhost". */
  tenant: Tenant;
  /** Make another comune, served on `${slug}.localhost`. */
  addTenant(slug: string, name?: string): Promise<Tenant>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  modules?: PiazzaModule[];
  /** Seed the demo comune (and every module's demo data) as a development start does. */
  seedDemo?: boolean;
}

export function testEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PIAZZA_ENV: 'development',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    BASE_URL: 'http://localhost:3000',
    ...extra,
  };
}

/** A whole app on a fresh database, for one test file. Call close() in afterAll. */
export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'piazza-test-'));
  const config = loadConfig(testEnv(dataDir, { ...(opts.seedDemo ? { SEED_DEMO: 'true' } : { DEFAULT_TENANT: 'test' }), ...opts.env }));
  const database = await createTestDatabase();
  const log = createLogger(config.logLevel);
  const ctx = await createContext({ config: { ...config, databaseUrl: undefined }, log, modules: opts.modules ?? enabledModules, database, migrate: false });
  const created = await createTenant(ctx.db, { slug: 'test', name: 'Comune di Prova', istatCode: '096004', ipaCode: 'c_a859', hosts: ['test.localhost'] });
  let tenant: Tenant;
  if (created.ok) tenant = created.value;
  else throw new Error(JSON.stringify(created.errors));
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    config,
    tenant,
    async addTenant(slug, name) {
      const r = await createTenant(ctx.db, { slug, name: name ?? `Comune di ${slug}`, hosts: [`${slug}.localhost`] });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      app.ctx.tenants.invalidate();
      return r.value;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
