import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { makeCitizen, makeStaff } from '../../core/testing/factories.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { domainEvents, messageDeliveries, notifications } from '../../core/db/schema.ts';
import type { AuditContext } from '../../core/audit/index.ts';
import { startJobRunner, type JobRunner } from '../../core/jobs/runner.ts';
import { FAST_RUNNER, waitFor } from '../../core/jobs/test-helpers.ts';
import { siteModule } from '../site/module.ts';
import { reportsModule } from './module.ts';
import { ensureDefaultCategories } from './categories.ts';
import { addComment, changeStatus, createReport, followReport, mergeReport, type NewReport, type ReportRow } from './repository.ts';
import { notifyFollowers, sendReceipt } from './notifications.ts';
import { reportsJobs, reportsSubscribers } from './jobs.ts';

let t: TestApp;
let runner: JobRunner;
let audit: AuditContext;
let citizenId: string;

const base = (over: Partial<NewReport> = {}): NewReport => ({
  categoryCode: 'illuminazione',
  title: 'Lampione spento',
  description: 'Il lampione davanti alla scuola è spento da tre sere.',
  lat: 45.56,
  lon: 8.05,
  source: 'web',
  skipTriage: true,
  ...over,
});

async function create(over: Partial<NewReport> = {}): Promise<ReportRow> {
  const r = await createReport(t.ctx, t.tenant.id, base(over), { tenantId: t.tenant.id, actor: { type: 'anonymous' } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);
const inbox = (id: string) => tx((q) => q.select().from(notifications).where(and(eq(notifications.recipientType, 'citizen'), eq(notifications.recipientId, id))).orderBy(notifications.createdAt));
const mails = (to: string) => tx((q) => q.select().from(messageDeliveries).where(like(messageDeliveries.toAddress, `%${to}%`)).orderBy(messageDeliveries.createdAt));
beforeAll(async () => {
  t = await buildTestApp({ modules: [siteModule, { ...reportsModule, jobs: reportsJobs, subscribers: reportsSubscribers }] });
  await tx((q) => ensureDefaultCategories(q, t.tenant.id));
  const staff = await makeStaff(t.app, t.tenant, ['operator']);
  audit = { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['operator'], officeIds: [] } };
  citizenId = (await makeCitizen(t.app, t.tenant, { email: 'mario@example.org', locale: 'it' })).id;
  runner = await startJobRunner(t.ctx, FAST_RUNNER);
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

describe('report notifications', () => {
  it('sends the reporter a receipt with the number, the title and the link, once', async () => {
    const r = await create({ reporterEmail: 'anna@example.org', reporterName: 'Anna', locale: 'en' });
    const [mail] = await waitFor('the receipt', async () => {
      const m = await mails('anna@example.org');
      return m.length ? m : null;
    });
    expect(mail!.subject).toBe(`Report no. ${r.number} received`);
    expect(mail!.bodyText).toContain('"Lampione spento"');
    expect(mail!.bodyText).toContain(`http://test.localhost:3000/segnalazioni/${r.number}`);
    expect(mail!.bodyText).toMatch(/\/segnalazioni\/smetti-di-seguire\/[A-Za-z0-9_-]{20,}/);
    expect(await sendReceipt(t.ctx, t.tenant.id, r.id)).toBe(0);
    expect(await mails('anna@example.org')).toHaveLength(1);

    const mine = await create({ citizenId });
    const [msg] = await waitFor('the citizen receipt', async () => {
      const m = await inbox(citizenId);
      return m.length ? m : null;
    });
    expect(msg).toMatchObject({ subject: `Segnalazione n. ${mine.number} ricevuta`, link: `/segnalazioni/${mine.number}` });
  });

  it('tells followers of a status change with its public reply, not of an internal note', async () => {
    const r = await create({ citizenId });
    await followReport(t.ctx, t.tenant.id, r.id, { email: 'vicino@example.org', locale: 'en' });
    await waitFor('the receipt', async () => (await inbox(citizenId)).some((n) => n.subject.includes(`n. ${r.number} ricevuta`)));
    const before = (await inbox(citizenId)).length;

    await addComment(t.ctx, t.tenant.id, r.id, { internalNote: 'ditta avvisata, nota solo interna' }, audit);
    await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'resolved', publicReply: 'Lampada sostituita.', internalNote: 'costo 40 euro' }, audit);

    const msgs = await waitFor('the citizen message', async () => {
      const m = await inbox(citizenId);
      return m.length > before ? m.slice(before) : null;
    });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ subject: `Segnalazione n. ${r.number}: risolta`, link: `/segnalazioni/${r.number}` });
    expect(msgs[0]!.bodyText).toContain('Lampada sostituita.');
    expect(msgs[0]!.bodyText).not.toContain('costo 40 euro');

    const [mail] = await waitFor('the follower e-mail', async () => {
      const m = await mails('vicino@example.org');
      return m.length ? m : null;
    });
    expect(mail!.subject).toBe(`Report no. ${r.number}: resolved`);
    expect(mail!.bodyText).toContain('Reply from the Comune:\nLampada sostituita.');
    expect(mail!.bodyText).toMatch(/Stop following it: http:\/\/test\.localhost:3000\/segnalazioni\/smetti-di-seguire\/[A-Za-z0-9_-]{20,}/);
    expect(mail!.bodyText).not.toContain('nota solo interna');
    expect(mail!.bodyText).not.toContain('costo 40 euro');
  });

  it('tells the followers of a merged report about the report they now follow, exactly once', async () => {
    const target = await create();
    const dup = await create({ reporterEmail: 'doppio@example.org' });
    await waitFor('the receipt', async () => (await mails('doppio@example.org')).length === 1);
    const m = await mergeReport(t.ctx, t.tenant.id, dup.id, target.id, audit);
    expect(m.ok).toBe(true);
    const mail = await waitFor('the merge e-mail', async () => (await mails('doppio@example.org'))[1]);
    expect(mail.subject).toBe(`Segnalazione n. ${dup.number} unita alla n. ${target.number}`);
    expect(mail.bodyText).toContain(`/segnalazioni/${target.number}`);
    // The subscriber runs at least once; a second run sends nothing.
    const events = await tx((q) => q.select().from(domainEvents).where(eq(domainEvents.name, 'reports.report.changed')));
    const last = events.find((e) => e.payload.reportId === dup.id)!;
    expect(await notifyFollowers(t.ctx, t.tenant.id, dup.id, last.payload.eventId as string)).toBe(0);
    expect(await mails('doppio@example.org')).toHaveLength(2);
  });
});
