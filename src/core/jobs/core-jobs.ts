import { and, isNotNull, lt } from 'drizzle-orm';
import { domainEvents, sessions } from '../db/schema.ts';
import { deliverSubscriber } from '../notify/deliver.ts';
import type { JobRegistry } from './registry.ts';

/** Dispatched domain events are kept this long (for tracing), then purged. */
export const EVENT_RETENTION_DAYS = 90;

/** Maintenance jobs and subscribers of the core. Times are Europe/Rome. */
export function registerCoreJobs(jobs: JobRegistry): void {
  jobs.define({
    name: 'core.sessions.purge',
    cron: '17 3 * * *',
    handler: async (_data, ctx) => {
      await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    },
  });
  jobs.define({
    name: 'core.events.purge',
    cron: '29 3 * * *',
    handler: async (_data, ctx) => {
      const before = new Date(Date.now() - EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
      await ctx.db.delete(domainEvents).where(and(isNotNull(domainEvents.dispatchedAt), lt(domainEvents.dispatchedAt, before)));
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
  // notify(): the e-mail of each delivery row, sent after the transaction that wrote it commits.
  jobs.subscribe(deliverSubscriber);
}
