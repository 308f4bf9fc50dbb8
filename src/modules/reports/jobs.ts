import { asc } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { tenants } from '../../core/db/schema.ts';
import { t } from '../../core/i18n/index.ts';
import type { EventSubscriber, JobDefinition } from '../../core/jobs/registry.ts';
import { AUTO_CLOSE_DAYS } from './domain.ts';
import { changeStatus, resolvedBefore } from './repository.ts';
import { notificationSubscribers } from './notifications.ts';

/**
 * Background work of the reports module. The lead adds `reportsJobs` and `reportsSubscribers` to module.ts
 * (`jobs: [...reportsJobs, ...]`, `subscribers: [...reportsSubscribers, ...]`).
 */

const DAY_MS = 86_400_000;

/**
 * Close the reports of one comune resolved more than AUTO_CLOSE_DAYS ago (nobody reopened them). Each closing
 * is a normal status change by 'system': history, audit and the followers' notification. Idempotent: only
 * reports still `resolved` are touched.
 */
export async function autoCloseResolved(ctx: AppContext, tenantId: string, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS);
  let closed = 0;
  for (;;) {
    const batch = await withTenantTx(ctx.db, tenantId, (tx) => resolvedBefore(tx, before, 200));
    if (!batch.length) break;
    let progressed = false;
    for (const r of batch) {
      const res = await changeStatus(
        ctx,
        tenantId,
        r.id,
        { to: 'closed', internalNote: t('it', 'reports.notify.autoClosed', { days: AUTO_CLOSE_DAYS }) },
        { tenantId, actor: { type: 'anonymous' } },
      );
      if (res.ok) {
        closed++;
        progressed = true;
      } else ctx.log.warn({ tenantId, reportId: r.id, error: res.error }, 'reports: auto-close skipped a report');
    }
    if (!progressed || batch.length < 200) break;
  }
  return closed;
}

export const autoCloseJob: JobDefinition = {
  name: 'reports.autoclose.run',
  cron: '20 2 * * *',
  handler: async (_data, ctx) => {
    // The list of comuni is public to the owning login; each comune's reports are read under its own RLS.
    const all = await ctx.db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.id));
    for (const tenant of all) {
      const n = await autoCloseResolved(ctx, tenant.id);
      if (n) ctx.log.info({ tenantId: tenant.id, closed: n }, 'reports: resolved reports closed automatically');
    }
  },
};

export const reportsJobs: JobDefinition[] = [autoCloseJob];
export const reportsSubscribers: EventSubscriber[] = [...notificationSubscribers];
