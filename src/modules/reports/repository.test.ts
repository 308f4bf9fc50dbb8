import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { makeCitizen, makeStaff } from '../../core/testing/factories.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { auditLog, domainEvents, uploads } from '../../core/db/schema.ts';
import type { AuditContext } from '../../core/audit/index.ts';
import type { Tenant } from '../../core/tenancy/types.ts';
import { siteModule } from '../site/module.ts';
import { reportsModule } from './module.ts';
import { reportCounters, reportEvents, reportFollowers, reports } from './schema.ts';
import { ensureDefaultCategories } from './categories.ts';
import { assessPriority } from './triage/priority.ts';
import {
  addComment,
  assignReport,
  changeStatus,
  confirmTriage,
  createReport,
  followReport,
  getReport,
  getReportByNumber,
  isOverdue,
  listReports,
  mergeReport,
  reportHistory,
  reportPhotos,
  reportStats,
  unfollowByToken,
  type NewReport,
  type ReportRow,
} from './repository.ts';

let t: TestApp;
let other: Tenant;
let audit: AuditContext;
let staffId: string;

const DAY = 86_400_000;
const base = (over: Partial<NewReport> = {}): NewReport => ({
  categoryCode: 'buche',
  title: 'Buca in via Roma',
  description: 'Una buca profonda davanti al civico 12, pericolosa per le bici.',
  lat: 45.5668,
  lon: 8.0532,
  source: 'web',
  skipTriage: true,
  ...over,
});

async function create(over: Partial<NewReport> = {}, tenant: Tenant = t.tenant): Promise<ReportRow> {
  const r = await createReport(t.ctx, tenant.id, base(over), { tenantId: tenant.id, actor: { type: 'anonymous' } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2], tenant: Tenant = t.tenant) => withTenantTx(t.ctx.db, tenant.id, fn);

async function eventsNamed(name: string): Promise<Record<string, unknown>[]> {
  const rows = await tx((q) => q.select({ payload: domainEvents.payload }).from(domainEvents).where(eq(domainEvents.name, name)));
  return rows.map((r) => r.payload);
}

beforeAll(async () => {
  t = await buildTestApp({ modules: [siteModule, reportsModule] });
  other = await t.addTenant('altrove');
  await tx((q) => ensureDefaultCategories(q, t.tenant.id));
  await tx((q) => ensureDefaultCategories(q, other.id), other);
  const staff = await makeStaff(t.app, t.tenant, ['operator']);
  staffId = staff.id;
  audit = { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['operator'], officeIds: [] } };
});
afterAll(async () => t?.close());

describe('creating a report', () => {
  it('refuses bad input with a field error and writes nothing', async () => {
    const [img] = await tx((q) =>
      q.insert(uploads).values({ tenantId: t.tenant.id, storageKey: 'k1', originalName: 'a.txt', contentType: 'text/plain', sizeBytes: 3, sha256: 'x', createdByType: 'anonymous' }).returning(),
    );
    const cases: [Partial<NewReport>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(500) }, 'title'],
      [{ description: '  ' }, 'description'],
      [{ lat: 95 }, 'lat'],
      [{ lon: null }, 'lon'],
      [{ categoryCode: 'astronavi' }, 'categoryCode'],
      [{ reporterEmail: 'non-una-mail' }, 'reporterEmail'],
      [{ photoUploadIds: [img!.id] }, 'photos'],
      [{ photoUploadIds: ['00000000-0000-4000-8000-000000000000'] }, 'photos'],
    ];
    for (const [over, field] of cases) {
      const r = await createReport(t.ctx, t.tenant.id, base(over), audit);
      expect(r, field).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    }
    const counts = await tx(async (q) => ({
      reports: (await q.select({ n: sql<number>`count(*)::int` }).from(reports))[0]!.n,
      counters: (await q.select({ n: sql<number>`count(*)::int` }).from(reportCounters))[0]!.n,
      events: (await q.select({ n: sql<number>`count(*)::int` }).from(reportEvents))[0]!.n,
      audit: (await q.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'reports.report.created')))[0]!.n,
    }));
    expect(counts).toEqual({ reports: 0, counters: 0, events: 0, audit: 0 });
  });

  it('stores the report with office, due date, photos, history, the reporter as follower and a submitted event', async () => {
    const [img] = await tx((q) =>
      q.insert(uploads).values({ tenantId: t.tenant.id, storageKey: 'k2', originalName: 'buca.jpg', contentType: 'image/jpeg', sizeBytes: 3, sha256: 'y', createdByType: 'anonymous' }).returning(),
    );
    const r = await create({ reporterEmail: 'Anna@Example.org', reporterName: 'Anna', photoUploadIds: [img!.id] });
    expect(r).toMatchObject({ status: 'submitted', officeSlug: 'lavori-pubblici', officeName: 'Lavori pubblici e manutenzioni', reporterEmail: 'anna@example.org', priority: 'media' });
    expect(r.dueAt!.getTime() - r.createdAt.getTime()).toBe(15 * DAY);
    const photos = await tx((q) => reportPhotos(q, r.id));
    expect(photos.map((p) => p.uploadId)).toEqual([img!.id]);
    const history = await tx((q) => reportHistory(q, r.id));
    expect(history).toMatchObject([{ kind: 'status', toStatus: 'submitted' }]);
    const followers = await tx((q) => q.select().from(reportFollowers).where(eq(reportFollowers.reportId, r.id)));
    expect(followers).toMatchObject([{ email: 'anna@example.org', citizenId: null }]);
    expect((await eventsNamed('reports.report.submitted')).map((p) => p.reportId)).toContain(r.id);
    expect(await tx((q) => getReportByNumber(q, r.number))).toMatchObject({ id: r.id });
  });

  it('stores the AI triage as a suggestion, with its priority unless one is given (a failing triage never blocks)', async () => {
    const input = { title: 'Tombino aperto', description: 'In via Italia un tombino è senza coperchio, pericolo per chi passa a piedi.' };
    const r = await createReport(t.ctx, t.tenant.id, base({ ...input, categoryCode: 'tombini', skipTriage: false }), { tenantId: t.tenant.id, actor: { type: 'anonymous' } });
    expect(r.ok).toBe(true);
    if (!r.ok || !existsSync(new URL('./triage-service.ts', import.meta.url))) return;
    expect(r.value.aiSuggestion).toMatchObject({ category: { code: expect.any(String) as string }, priority: assessPriority(input).level });
    expect(r.value.priority).toBe(assessPriority(input).level);
    const given = await createReport(t.ctx, t.tenant.id, base({ ...input, priority: 'bassa', skipTriage: false }), audit);
    expect(given.ok && given.value.priority).toBe('bassa');
  });

  it('numbers reports sequentially per comune, independently across comuni', async () => {
    const a1 = await create();
    const a2 = await create();
    const b1 = await create({}, other);
    const b2 = await create({}, other);
    const a3 = await create();
    expect(a2.number).toBe(a1.number + 1);
    expect(a3.number).toBe(a2.number + 1);
    expect([b1.number, b2.number]).toEqual([1, 2]);
    const many = await Promise.all(Array.from({ length: 5 }, () => create()));
    const numbers = many.map((r) => r.number).sort((x, y) => x - y);
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((i) => a3.number + i));
  });

  it('another comune cannot read the reports (row-level security)', async () => {
    const mine = await create({ title: 'Solo nostra' });
    expect(await tx((q) => getReport(q, mine.id), other)).toBeNull();
    expect(await tx((q) => getReportByNumber(q, mine.number), other)).not.toMatchObject({ id: mine.id });
    const list = await tx((q) => listReports(q, { q: 'Solo nostra' }, { limit: 10, offset: 0 }), other);
    expect(list.total).toBe(0);
    const changed = await changeStatus(t.ctx, other.id, mine.id, { to: 'accepted' }, { ...audit, tenantId: other.id });
    expect(changed).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the life of a report', () => {
  it('allows the transitions of domain.ts and refuses the others', async () => {
    const r = await create();
    expect(await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'closed' }, audit)).toMatchObject({ ok: false, error: { code: 'transition', field: 'to' } });
    expect(await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'rejected' }, audit)).toMatchObject({ ok: false, error: { field: 'publicReply' } });
    expect(await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'forwarded' }, audit)).toMatchObject({ ok: false, error: { field: 'forwardedTo' } });
    const a = await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'accepted', internalNote: 'visto' }, audit);
    expect(a).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const res = await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'resolved', publicReply: 'Buca chiusa.' }, audit);
    expect(res).toMatchObject({ ok: true, value: { status: 'resolved', publicReply: 'Buca chiusa.' } });
    expect(res.ok && res.value.resolvedAt).toBeInstanceOf(Date);
    expect(await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'assigned' }, audit)).toMatchObject({ ok: false, error: { code: 'transition' } });
    const closed = await changeStatus(t.ctx, t.tenant.id, r.id, { to: 'closed' }, audit);
    expect(closed).toMatchObject({ ok: true, value: { status: 'closed' } });
    const history = await tx((q) => reportHistory(q, r.id));
    expect(history.map((e) => e.toStatus)).toEqual(['submitted', 'accepted', 'resolved', 'closed']);
    expect(history[1]).toMatchObject({ internalNote: 'visto', actor: `staff:${staffId}` });
    const pub = await tx((q) => reportHistory(q, r.id, { publicOnly: true }));
    expect(pub.every((e) => e.internalNote === null && !e.actor.includes(staffId))).toBe(true);
    const audits = await tx((q) => q.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'reports.report.status-changed'))));
    expect(audits).toHaveLength(3);
    expect(await changeStatus(t.ctx, t.tenant.id, '00000000-0000-4000-8000-000000000000', { to: 'accepted' }, audit)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('assigns to an office and an operator; comments keep internal notes internal', async () => {
    const r = await create();
    const a = await assignReport(t.ctx, t.tenant.id, r.id, { officeSlug: 'verde-pubblico', assignedTo: staffId }, audit);
    expect(a).toMatchObject({ ok: true, value: { status: 'assigned', officeSlug: 'verde-pubblico', officeName: 'Servizio verde pubblico', assignedTo: staffId } });
    expect(await assignReport(t.ctx, t.tenant.id, r.id, { assignedTo: '00000000-0000-4000-8000-000000000000' }, audit)).toMatchObject({ ok: false, error: { field: 'assignedTo' } });
    expect(await addComment(t.ctx, t.tenant.id, r.id, {}, audit)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await addComment(t.ctx, t.tenant.id, r.id, { internalNote: 'chiamare la ditta' }, audit);
    await addComment(t.ctx, t.tenant.id, r.id, { publicReply: 'Intervento programmato per lunedì.' }, audit);
    const pub = await tx((q) => reportHistory(q, r.id, { publicOnly: true }));
    expect(pub.map((e) => e.kind)).toEqual(['status', 'assignment', 'reply']);
    expect(JSON.stringify(pub)).not.toContain('chiamare la ditta');
    expect((await tx((q) => getReport(q, r.id)))!.publicReply).toBe('Intervento programmato per lunedì.');
  });

  it('merges a duplicate into an open report and moves its followers', async () => {
    const target = await create({ reporterEmail: 'primo@example.org' });
    const citizen = await makeCitizen(t.app, t.tenant, { taxCode: 'VRDGPP80A01L750X', email: 'giuseppe@example.org' });
    const dup = await create({ citizenId: citizen.id, reporterEmail: 'primo@example.org' });
    await followReport(t.ctx, t.tenant.id, dup.id, { email: 'primo@example.org' });
    expect(await mergeReport(t.ctx, t.tenant.id, dup.id, dup.id, audit)).toMatchObject({ ok: false, error: { field: 'duplicateOf' } });
    const m = await mergeReport(t.ctx, t.tenant.id, dup.id, target.id, audit);
    expect(m).toMatchObject({ ok: true, value: { status: 'duplicate', duplicateOf: target.id } });
    const followers = async (id: string) => tx((q) => q.select().from(reportFollowers).where(eq(reportFollowers.reportId, id)));
    expect(await followers(dup.id)).toHaveLength(0);
    const moved = await followers(target.id);
    expect(moved.map((f) => f.citizenId ?? f.email).sort()).toEqual([citizen.id, 'primo@example.org'].sort());
    const closed = await create();
    await changeStatus(t.ctx, t.tenant.id, closed.id, { to: 'rejected', publicReply: 'Non di competenza.' }, audit);
    const another = await create();
    expect(await mergeReport(t.ctx, t.tenant.id, another.id, closed.id, audit)).toMatchObject({ ok: false, error: { field: 'duplicateOf' } });
    const viaStatus = await changeStatus(t.ctx, t.tenant.id, another.id, { to: 'duplicate', duplicateOf: target.id, publicReply: 'Già segnalata.' }, audit);
    expect(viaStatus).toMatchObject({ ok: true, value: { status: 'duplicate', duplicateOf: target.id } });
  });

  it('follows once per person and unfollows by token', async () => {
    const r = await create();
    const f1 = await followReport(t.ctx, t.tenant.id, r.id, { email: 'Luca@Example.org' });
    const f2 = await followReport(t.ctx, t.tenant.id, r.id, { email: 'luca@example.org' });
    expect(f1.ok && f2.ok && f1.value.token === f2.value.token).toBe(true);
    expect(await followReport(t.ctx, t.tenant.id, r.id, { email: 'nope' })).toMatchObject({ ok: false, error: { field: 'email' } });
    expect(await unfollowByToken(t.ctx, other.id, f1.ok ? f1.value.token : '')).toBe(false);
    expect(await unfollowByToken(t.ctx, t.tenant.id, f1.ok ? f1.value.token : '')).toBe(true);
    expect(await unfollowByToken(t.ctx, t.tenant.id, f1.ok ? f1.value.token : '')).toBe(false);
  });

  it('confirms the AI category in one action; a correction emits reports.triage.corrected', async () => {
    const ai = { category: { code: 'buche', name: 'Buche e manto stradale', confidence: 0.9 }, alternatives: [], priority: 'alta', office: { id: 'lavori-pubblici', name: 'x' }, duplicates: [] };
    const r1 = await create();
    const r2 = await create();
    await tx((q) => q.update(reports).set({ aiSuggestion: ai }).where(sql`${reports.id} in (${r1.id}, ${r2.id})`));
    const before = (await eventsNamed('reports.triage.corrected')).length;
    const ok = await confirmTriage(t.ctx, t.tenant.id, r1.id, { categoryCode: 'buche', priority: 'alta' }, audit);
    expect(ok).toMatchObject({ ok: true, value: { status: 'accepted', categoryCode: 'buche', priority: 'alta', categoryConfirmedBy: staffId } });
    expect((await eventsNamed('reports.triage.corrected')).length).toBe(before);
    const fixed = await confirmTriage(t.ctx, t.tenant.id, r2.id, { categoryCode: 'tombini' }, audit);
    expect(fixed).toMatchObject({ ok: true, value: { status: 'accepted', categoryCode: 'tombini', officeSlug: 'lavori-pubblici' } });
    expect(fixed.ok && fixed.value.dueAt!.getTime() - fixed.value.createdAt.getTime()).toBe(10 * DAY);
    const corrected = await eventsNamed('reports.triage.corrected');
    expect(corrected.at(-1)).toEqual({ reportId: r2.id, from: 'buche', to: 'tombini' });
    expect(await confirmTriage(t.ctx, t.tenant.id, r2.id, { categoryCode: 'boh' }, audit)).toMatchObject({ ok: false, error: { field: 'categoryCode' } });
  });
});

describe('lists and statistics', () => {
  it('filters by bounding box, text, number, category, status and overdue', async () => {
    const tag = 'Zqx';
    const inside = await create({ title: `${tag} lampione spento`, categoryCode: 'illuminazione', lat: 45.1, lon: 7.1 });
    const outside = await create({ title: `${tag} lampione rotto`, categoryCode: 'illuminazione', lat: 46.1, lon: 7.1 });
    const old = await create({ title: `${tag} rifiuti`, categoryCode: 'rifiuti', createdAt: new Date(Date.now() - 40 * DAY), lat: null, lon: null });
    const ids = async (f: Parameters<typeof listReports>[1]) => (await tx((q) => listReports(q, { q: tag, ...f }, { limit: 50, offset: 0 }))).items.map((r) => r.id);
    expect(await ids({ bbox: [7.0, 45.0, 7.2, 45.2] })).toEqual([inside.id]);
    expect((await ids({})).sort()).toEqual([inside.id, outside.id, old.id].sort());
    expect(await ids({ category: ['rifiuti'] })).toEqual([old.id]);
    expect(await ids({ overdue: true })).toEqual([old.id]);
    expect(isOverdue(old)).toBe(true);
    expect(isOverdue(inside)).toBe(false);
    expect((await tx((q) => listReports(q, { q: String(outside.number) }, { limit: 5, offset: 0 }))).items.map((r) => r.id)).toContain(outside.id);
    expect((await tx((q) => listReports(q, { q: '100%_' }, { limit: 5, offset: 0 }))).total).toBe(0);
    await changeStatus(t.ctx, t.tenant.id, inside.id, { to: 'in_progress' }, audit);
    expect(await ids({ status: ['in_progress'] })).toEqual([inside.id]);
    const oldest = await tx((q) => listReports(q, { q: tag }, { limit: 1, offset: 0, order: 'oldest' }));
    expect(oldest).toMatchObject({ total: 3, items: [{ id: old.id }] });
    expect((await ids({ numbers: [inside.number, old.number] })).sort()).toEqual([inside.id, old.id].sort());
  });

  it('counts by category and status with the median days to resolution', async () => {
    const st = await t.addTenant('statistica');
    await tx((q) => ensureDefaultCategories(q, st.id), st);
    const now = Date.now();
    for (const days of [2, 4, 10]) {
      await create({ categoryCode: 'verde', status: 'closed', createdAt: new Date(now - 30 * DAY), closedAt: new Date(now - 30 * DAY + days * DAY), source: 'import' }, st);
    }
    await create({ categoryCode: 'verde' }, st);
    await create({ categoryCode: 'cimiteri', createdAt: new Date(now - 60 * DAY) }, st);
    const s = await tx((q) => reportStats(q), st);
    expect(s).toMatchObject({ total: 5, open: 2, overdue: 1, byStatus: { closed: 3, submitted: 2 } });
    expect(s.byCategory).toEqual([
      { code: 'cimiteri', count: 1, open: 1, resolved: 0, medianDays: null },
      { code: 'verde', count: 4, open: 1, resolved: 3, medianDays: 4 },
    ]);
    const filtered = await tx((q) => reportStats(q, { category: ['cimiteri'] }), st);
    expect(filtered.total).toBe(1);
  });
});
