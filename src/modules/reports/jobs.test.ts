import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { makeStaff } from '../../core/testing/factories.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { auditLog, domainEvents, messageDeliveries } from '../../core/db/schema.ts';
import type { AuditContext } from '../../core/audit/index.ts';
import { siteModule } from '../site/module.ts';
import { reportsModule } from './module.ts';
import { reports } from './schema.ts';
import { ensureDefaultCategories } from './categories.ts';
import { changeStatus, createReport, getReport, reportHistory, type ReportRow } from './repository.ts';
import { notifyFollowers } from './notifications.ts';
import { autoCloseJob, reportsJobs, reportsSubscribers } from './jobs.ts';
import { AUTO_CLOSE_DAYS } from './domain.ts';

let t: TestApp;
let audit: AuditContext;
const DAY = 86_400_000;

const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);

async function resolvedDaysAgo(days: number, email?: string): Promise<ReportRow> {
  const c = await createReport(
    t.ctx,
    t.tenant.id,
    { categoryCode: 'rifiuti', title: 'Cassonetto pieno', description: 'Il cassonetto in piazza trabocca.', source: 'web', skipTriage: true, ...(email ? { reporterEmail: email } : {}) },
    { tenantId: t.tenant.id, actor: { type: 'anonymous' } },
  );
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  const r = await changeStatus(t.ctx, t.tenant.id, c.value.id, { to: 'resolved', publicReply: 'Svuotato.' }, audit);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  await tx((q) => q.update(reports).set({ resolvedAt: new Date(Date.now() - days * DAY) }).where(eq(reports.id, r.value.id)));
  return r.value;
}

beforeAll(async () => {
  t = await buildTestApp({ modules: [siteModule, { ...reportsModule, jobs: reportsJobs, subscribers: reportsSubscribers }] });
  await tx((q) => ensureDefaultCategories(q, t.tenant.id));
  const staff = await makeStaff(t.app, t.tenant, ['operator']);
  audit = { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['operator'], officeIds: [] } };
});
afterAll(async () => t?.close());

describe('reports jobs', () => {
  it('are registered: the daily auto-close and the notification subscribers', () => {
    expect(t.ctx.jobs.jobs.get('reports.autoclose.run')?.cron).toBe('20 2 * * *');
    expect(t.ctx.jobs.subscribersOf('reports.report.changed').map((s) => s.name)).toContain('reports.notify-followers');
    expect(t.ctx.jobs.subscribersOf('reports.report.submitted').map((s) => s.name)).toContain('reports.notify-receipt');
  });

  it(`closes reports resolved more than ${AUTO_CLOSE_DAYS} days ago, as 'system', and tells their followers`, async () => {
    const old = await resolvedDaysAgo(AUTO_CLOSE_DAYS + 1, 'vecchia@example.org');
    const recent = await resolvedDaysAgo(AUTO_CLOSE_DAYS - 2);
    await autoCloseJob.handler({}, t.ctx, { id: 'test', queue: autoCloseJob.name, retryCount: 0, retryLimit: 0, isLastAttempt: true });

    expect((await tx((q) => getReport(q, old.id)))!).toMatchObject({ status: 'closed' });
    expect((await tx((q) => getReport(q, recent.id)))!).toMatchObject({ status: 'resolved' });
    const last = (await tx((q) => reportHistory(q, old.id))).at(-1)!;
    expect(last).toMatchObject({ kind: 'status', fromStatus: 'resolved', toStatus: 'closed', actor: 'system' });
    const audits = await tx((q) => q.select().from(auditLog).where(and(eq(auditLog.entityId, old.id), eq(auditLog.action, 'reports.report.status-changed'))));
    expect(audits.at(-1)).toMatchObject({ actorType: 'system' });

    // The followers' message goes out through the subscriber of the change event.
    const changed = await tx((q) => q.select().from(domainEvents).where(eq(domainEvents.name, 'reports.report.changed')));
    const closing = changed.find((e) => e.payload.reportId === old.id && e.payload.eventId === last.id)!;
    expect(await notifyFollowers(t.ctx, t.tenant.id, old.id, closing.payload.eventId as string)).toBe(1);
    const mails = await tx((q) => q.select().from(messageDeliveries).where(like(messageDeliveries.toAddress, '%vecchia@example.org%')));
    expect(mails.map((m) => m.subject)).toContain(`Segnalazione n. ${old.number}: chiusa`);

    // Idempotent: a second run changes nothing.
    await autoCloseJob.handler({}, t.ctx, { id: 'test2', queue: autoCloseJob.name, retryCount: 0, retryLimit: 0, isLastAttempt: true });
    expect((await tx((q) => reportHistory(q, old.id))).filter((e) => e.toStatus === 'closed')).toHaveLength(1);
  });
});
