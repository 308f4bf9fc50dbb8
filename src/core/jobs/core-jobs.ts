import { lt } from 'drizzle-orm';
import { sessions } from '../db/schema.ts';
import type { JobRegistry } from './registry.ts';

/** Maintenance jobs of the core. Times are Europe/Rome. */
export function registerCoreJobs(jobs: JobRegistry): void {
  jobs.define({
    name: 'core.sessions.purge',
    cron: '17 3 * * *',
    handler: async (_data, ctx) => {
      await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    },
  });
  // PGlite has no autovacuum: vacuum and analyse every night.
  jobs.define({
    name: 'core.db.vacuum',
    cron: '43 3 * * *',
    enabled: (ctx) => ctx.database.kind === 'pglite',
    handler: async (_data, ctx) => {
      await ctx.database.exec('VACUUM ANALYZE');
    },
  });
}
