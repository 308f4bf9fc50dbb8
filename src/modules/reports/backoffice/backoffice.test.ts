import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog, uploads } from '../../../core/db/schema.ts';
import type { StaffRole } from '../../../core/auth/types.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { siteModule } from '../../site/module.ts';
import { siteContents } from '../../site/schema.ts';
import type { ContentData } from '../../site/content/types.ts';
import { reportsModule } from '../module.ts';
import { reportCategories, reportEvents, reportPhotos, reports } from '../schema.ts';
import { ensureDefaultCategories } from '../categories.ts';
import { createReport, type NewReport, type ReportRow } from '../repository.ts';
import { reportsBackOffice } from './routes.tsx';

let t: TestApp;
let other: Tenant;
type Who = { cookie: string; csrf: string; id: string };
let operator: Who;
let admin: Who;
let editor: Who;

async function login(roles: StaffRole[], tenant: Tenant = t.tenant): Promise<Who> {
  const s = await makeStaff(t.app, tenant, roles);
  const { cookie, csrfToken } = await loginCookie(t.app, tenant, 'staff', s.id);
  return { cookie, csrf: csrfToken, id: s.id };
}

const get = (url: string, who?: { cookie: string }) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
function post(url: string, who: { cookie: string; csrf: string }, fields: Record<string, string | string[]>) {
  const p = new URLSearchParams({ _csrf: who.csrf });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: p.toString() });
}

const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2], tenant: Tenant = t.tenant) => withTenantTx(t.ctx.db, tenant.id, fn);

async function create(over: Partial<NewReport> = {}, tenant: Tenant = t.tenant): Promise<ReportRow> {
  const r = await createReport(
    t.ctx,
    tenant.id,
    {
      categoryCode: 'altro',
      title: 'Buca in via Roma',
      description: "C'è una buca profonda sull'asfalto davanti al civico 12, le auto ci finiscono dentro.",
      lat: 45.5668,
      lon: 8.0532,
      address: 'Via Roma 12',
      source: 'web',
      reporterName: 'Maria Bianchi',
      reporterEmail: 'maria.bianchi@example.org',
      reporterPhone: '+39 333 1234567',
      ...over,
    },
    { tenantId: tenant.id, actor: { type: 'anonymous' } },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const load = (id: string) => tx(async (q) => (await q.select().from(reports).where(eq(reports.id, id)))[0]!);
const audits = (action: string, entityId: string) => tx((q) => q.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))));

beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      siteModule,
      {
        ...reportsModule,
        routes: async (app, ctx) => {
          await reportsBackOffice(app, ctx);
        },
      },
    ],
  });
  other = await t.addTenant('altrove');
  await tx((q) => ensureDefaultCategories(q, t.tenant.id));
  await tx((q) => ensureDefaultCategories(q, other.id), other);
  // A published office page of the site: offered in the office selects.
  const office = { name: { it: 'Ufficio manutenzioni', en: 'Maintenance office' } } as unknown as ContentData;
  await tx((q) =>
    q.insert(siteContents).values({ tenantId: t.tenant.id, type: 'office', slug: 'ufficio-manutenzioni', draft: office, published: office, publishedAt: new Date(), titleIt: 'Ufficio manutenzioni', titleEn: 'Maintenance office' }),
  );
  operator = await login(['operator']);
  admin = await login(['admin']);
  editor = await login(['editor']);
}, 60_000);
afterAll(async () => t?.close());

describe('who may use the back office', () => {
  it('sends nobody to the login, a citizen to the staff login, refuses an editor, lets an operator in', async () => {
    const anon = await get('/admin/segnalazioni');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/auth/login?next=%2Fadmin%2Fsegnalazioni');

    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCMRA85C52A859E' });
    const citizen = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    const cr = await get('/admin/segnalazioni/sla', citizen);
    expect(cr.statusCode).toBe(303);
    expect(cr.headers.location).toBe('/auth/staff/login?next=%2Fadmin%2Fsegnalazioni%2Fsla');
    // …and cannot post either.
    expect((await post('/admin/segnalazioni/azioni', { cookie: citizen.cookie, csrf: citizen.csrfToken }, { action: 'accept', numbers: '1' })).statusCode).toBe(403);

    expect((await get('/admin/segnalazioni', editor)).statusCode).toBe(403);
    expect((await get('/admin/segnalazioni/mappa', editor)).statusCode).toBe(403);
    expect((await post('/admin/segnalazioni/1/commento', editor, { internalNote: 'x' })).statusCode).toBe(403);
    expect((await get('/admin/segnalazioni', operator)).statusCode).toBe(200);
    // Categories are for admins.
    expect((await get('/admin/segnalazioni/categorie', operator)).statusCode).toBe(403);
    expect((await get('/admin/segnalazioni/categorie', admin)).statusCode).toBe(200);
  });

  it('links the queue from the admin home for operators only', async () => {
    expect((await get('/admin', operator)).body).toContain('href="/admin/segnalazioni"');
    expect((await get('/admin', editor)).body).not.toContain('href="/admin/segnalazioni"');
  });
});

describe('the queue', () => {
  it("shows each report with the AI's suggestion: category and confidence, priority, office, likely duplicates", async () => {
    const first = await create();
    const second = await create({ title: 'Buca pericolosa via Roma', description: "Buca enorme nell'asfalto di via Roma vicino al civico 12, pericolosa per le auto.", lat: 45.56685, lon: 8.05325 });
    const ai = second.aiSuggestion as { category: { code: string; confidence: number }; duplicates: { id: string }[] };
    expect(ai.category.code).toBe('buche');
    expect(ai.duplicates.map((d) => d.id)).toContain(first.id);

    const res = await get('/admin/segnalazioni', operator);
    expect(res.statusCode).toBe(200);
    const row = res.body.slice(res.body.indexOf(`data-report="${second.number}"`));
    const cell = row.slice(0, row.indexOf('</tr>'));
    expect(cell).toContain('data-ai-category="buche"');
    expect(cell).toContain('Buche e manto stradale');
    expect(cell).toContain(`${Math.round(ai.category.confidence * 100)}%`);
    expect(cell).toMatch(/Possibili doppioni:.*n\. \d+<\/a> \(\d+ m, simile al \d+%\)/s);
    expect(cell).toContain(`href="/admin/segnalazioni/${first.number}"`);
    expect(cell).toContain('Inviata');
    // Reporters' personal data stays off the queue.
    expect(res.body).not.toContain('maria.bianchi@example.org');
    // Bulk form with checkboxes and a CSRF token.
    expect(res.body).toContain(`name="numbers" value="${second.number}"`);
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('filters, sorts and flags overdue reports', async () => {
    const late = await create({ title: 'Lampione spento da mesi', description: 'Il lampione di piazza Duomo è spento da settimane, di sera è tutto buio.', createdAt: new Date(Date.now() - 90 * 86_400_000) });
    expect(late.dueAt!.getTime()).toBeLessThan(Date.now());
    const overdue = await get('/admin/segnalazioni?overdue=1', operator);
    expect(overdue.body).toContain(`data-report="${late.number}"`);
    expect(overdue.body).toContain('in ritardo');
    expect(overdue.body.match(/data-report="/g)).toHaveLength(1);
    const byText = await get('/admin/segnalazioni?q=lampione', operator);
    expect(byText.body).toContain('Lampione spento da mesi');
    expect(byText.body).not.toContain('Buca in via Roma');
    const oldest = await get('/admin/segnalazioni?sort=oldest&status=all', operator);
    const firstRow = /data-report="(\d+)"/.exec(oldest.body)?.[1];
    expect(Number(firstRow)).toBe(late.number);
    const none = await get('/admin/segnalazioni?priority=urgente&category=cimiteri', operator);
    expect(none.body).toContain('Nessuna segnalazione corrisponde ai filtri.');
  });

  it('bulk-assigns selected reports to an office in one POST, audited', async () => {
    const a = await create({ title: 'Rami sul marciapiede', description: 'Rami caduti sul marciapiede del parco' });
    const b = await create({ title: 'Cestino rotto', description: 'Il cestino della fermata è rotto' });
    const res = await post('/admin/segnalazioni/azioni', operator, { numbers: [String(a.number), String(b.number)], action: 'assign', officeSlug: 'ufficio-manutenzioni', back: 'sort=due' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/segnalazioni?sort=due&ok=2');
    for (const r of [a, b]) {
      const row = await load(r.id);
      expect(row).toMatchObject({ status: 'assigned', officeSlug: 'ufficio-manutenzioni', officeName: 'Ufficio manutenzioni' });
      expect(await audits('reports.report.assigned', r.id)).toHaveLength(1);
    }
    const page = await get(res.headers.location as string, operator);
    expect(page.body).toContain('Segnalazioni aggiornate: 2.');
  });

  it('bulk-accepts the AI suggestion and bulk-changes state with a public reply', async () => {
    const a = await create({ title: 'Semaforo spento', description: "Il semaforo dell'incrocio tra via Milano e corso Europa è spento" });
    const res = await post('/admin/segnalazioni/azioni', operator, { numbers: String(a.number), action: 'accept' });
    expect(res.statusCode).toBe(303);
    const row = await load(a.id);
    expect(row.status).toBe('accepted');
    expect(row.categoryCode).toBe((a.aiSuggestion as { category: { code: string } }).category.code);
    expect(row.categoryConfirmedBy).toBe(operator.id);

    const s = await post('/admin/segnalazioni/azioni', operator, { numbers: String(a.number), action: 'status', to: 'in_progress', publicReply: 'Abbiamo mandato una squadra.' });
    expect(s.statusCode).toBe(303);
    expect((await load(a.id)).status).toBe('in_progress');
    expect((await load(a.id)).publicReply).toBe('Abbiamo mandato una squadra.');
  });

  it('re-shows the queue with field errors (400) when nothing is selected or the state needs a reply', async () => {
    const none = await post('/admin/segnalazioni/azioni', operator, { action: 'assign', officeSlug: 'ufficio-manutenzioni' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Seleziona almeno una segnalazione.');
    const r = await create();
    const reject = await post('/admin/segnalazioni/azioni', operator, { numbers: String(r.number), action: 'status', to: 'rejected' });
    expect(reject.statusCode).toBe(400);
    expect(reject.body).toContain('Spiega al cittadino perché la segnalazione viene respinta.');
    // The selection is kept.
    expect(reject.body).toMatch(new RegExp(`name="numbers" value="${r.number}"[^>]*checked`));
    expect((await load(r.id)).status).toBe('submitted');
  });
});

describe('a report', () => {
  it('shows everything to staff: reporter contacts, AI suggestion, history', async () => {
    const r = await create();
    const res = await get(`/admin/segnalazioni/${r.number}`, operator);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Maria Bianchi');
    expect(res.body).toContain('maria.bianchi@example.org');
    expect(res.body).toContain('+39 333 1234567');
    expect(res.body).toContain('data-ai-category="buche"');
    expect(res.body).toContain('>Conferma</button>');
    expect(res.body).toContain('data-field="history"');
  });

  it('accepts the AI proposal in one action: state accepted, confirmation recorded, audited', async () => {
    const r = await create();
    const ai = r.aiSuggestion as { category: { code: string }; priority: string };
    const res = await post(`/admin/segnalazioni/${r.number}/triage`, operator, { categoryCode: ai.category.code, priority: ai.priority, officeSlug: '' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/segnalazioni/${r.number}?fatto=triage`);
    const row = await load(r.id);
    expect(row).toMatchObject({ status: 'accepted', categoryCode: ai.category.code, priority: ai.priority, categoryConfirmedBy: operator.id });
    expect(row.categoryConfirmedAt).toBeInstanceOf(Date);
    expect(await audits('reports.triage.accepted', r.id)).toHaveLength(1);
    const page = await get(res.headers.location as string, operator);
    expect(page.body).toContain('Smistamento confermato.');
    expect(page.body).toContain('Suggerimento confermato');
  });

  it('corrects the category, priority and office in the same action and records it in the history', async () => {
    const r = await create();
    const res = await post(`/admin/segnalazioni/${r.number}/triage`, operator, { categoryCode: 'tombini', priority: 'urgente', officeSlug: 'ufficio-manutenzioni' });
    expect(res.statusCode).toBe(303);
    const row = await load(r.id);
    expect(row).toMatchObject({ status: 'accepted', categoryCode: 'tombini', priority: 'urgente', officeSlug: 'ufficio-manutenzioni' });
    const events = await tx((q) => q.select().from(reportEvents).where(and(eq(reportEvents.reportId, r.id), eq(reportEvents.kind, 'category'))));
    expect(events[0]!.details).toMatchObject({ ai: 'buche', to: 'tombini', corrected: true });
    expect(await audits('reports.triage.corrected', r.id)).toHaveLength(1);
    const page = await get(`/admin/segnalazioni/${r.number}`, operator);
    expect(page.body).toContain('Categoria corretta: da «Buche e manto stradale» a «Tombini e caditoie»');
  });

  it('assigns to an office and an operator', async () => {
    const r = await create();
    const res = await post(`/admin/segnalazioni/${r.number}/assegna`, operator, { officeSlug: 'ufficio-manutenzioni', assignedTo: operator.id });
    expect(res.statusCode).toBe(303);
    expect(await load(r.id)).toMatchObject({ status: 'assigned', officeSlug: 'ufficio-manutenzioni', assignedTo: operator.id });
  });

  it('merges into a likely duplicate with one click', async () => {
    const target = await create({ title: 'Buca grande', description: "Buca grande nell'asfalto di via Roma 12" });
    const dup = await create({ title: 'Buca via Roma', description: "Buca grande nell'asfalto di via Roma davanti al 12" });
    const page = await get(`/admin/segnalazioni/${dup.number}`, operator);
    expect(page.body).toContain(`name="target" value="${target.number}"`);
    const res = await post(`/admin/segnalazioni/${dup.number}/unisci`, operator, { target: String(target.number) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/segnalazioni/${dup.number}?fatto=merge`);
    expect(await load(dup.id)).toMatchObject({ status: 'duplicate', duplicateOf: target.id });
    expect(await audits('reports.report.merged', dup.id)).toHaveLength(1);
    // Merging into itself is a field error.
    const self = await create();
    const bad = await post(`/admin/segnalazioni/${self.number}/unisci`, operator, { target: String(self.number) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('altra segnalazione, ancora aperta.');
  });

  it('refuses "duplicate" without the original number: 400 with the form re-shown, nothing lost', async () => {
    const r = await create();
    const res = await post(`/admin/segnalazioni/${r.number}/stato`, operator, { to: 'duplicate', duplicateOf: '', internalNote: 'Già segnalata al telefono' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indica il numero della segnalazione originale.');
    expect(res.body).toContain('Già segnalata al telefono');
    expect(res.body).toMatch(/<option value="duplicate" selected/);
    expect((await load(r.id)).status).toBe('submitted');
    const fwd = await post(`/admin/segnalazioni/${r.number}/stato`, operator, { to: 'forwarded', forwardedTo: '' });
    expect(fwd.statusCode).toBe(400);
    expect(fwd.body).toContain('ente a cui è inoltrata.');
  });

  it('changes state with a public reply and an internal note; the duplicate target by number works', async () => {
    const target = await create();
    const r = await create();
    const res = await post(`/admin/segnalazioni/${r.number}/stato`, operator, { to: 'duplicate', duplicateOf: String(target.number), publicReply: 'È la stessa buca della n. ' + target.number });
    expect(res.statusCode).toBe(303);
    expect(await load(r.id)).toMatchObject({ status: 'duplicate', duplicateOf: target.id });
    const r2 = await create();
    const ok = await post(`/admin/segnalazioni/${r2.number}/stato`, operator, { to: 'forwarded', forwardedTo: 'ASL BI', publicReply: "Inoltrata all'ASL", internalNote: 'Competenza ASL' });
    expect(ok.statusCode).toBe(303);
    expect(await load(r2.id)).toMatchObject({ status: 'forwarded', forwardedTo: 'ASL BI' });
    expect(await audits('reports.report.status-changed', r2.id)).toHaveLength(1);
    const page = await get(`/admin/segnalazioni/${r2.number}`, operator);
    expect(page.body).toContain('Competenza ASL');
  });

  it('adds comments and internal notes to the history', async () => {
    const r = await create();
    const empty = await post(`/admin/segnalazioni/${r.number}/commento`, operator, { publicReply: ' ', internalNote: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Scrivi una risposta o una nota.');
    const res = await post(`/admin/segnalazioni/${r.number}/commento`, operator, { internalNote: 'Chiamare il capocantiere' });
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location as string, operator);
    expect(page.body).toContain('Aggiunto alla storia.');
    expect(page.body).toMatch(/data-internal-note>[\s\S]*Chiamare il capocantiere/);
    expect(await audits('reports.report.noted', r.id)).toHaveLength(1);
  });

  it('hides and shows a photo, audited', async () => {
    const r = await create();
    const [up] = await tx((q) =>
      q.insert(uploads).values({ tenantId: t.tenant.id, storageKey: 'k-photo', originalName: 'buca.jpg', contentType: 'image/jpeg', sizeBytes: 3, sha256: 'x', createdByType: 'anonymous' }).returning(),
    );
    const [photo] = await tx((q) => q.insert(reportPhotos).values({ tenantId: t.tenant.id, reportId: r.id, uploadId: up!.id }).returning());
    const page = await get(`/admin/segnalazioni/${r.number}`, operator);
    expect(page.body).toContain(`/uploads/${up!.id}`);
    const res = await post(`/admin/segnalazioni/${r.number}/foto/${photo!.id}`, operator, { hidden: '1' });
    expect(res.statusCode).toBe(303);
    expect((await tx((q) => q.select().from(reportPhotos).where(eq(reportPhotos.id, photo!.id))))[0]!.hidden).toBe(true);
    expect(await audits('reports.photo.hidden', r.id)).toHaveLength(1);
    const again = await get(`/admin/segnalazioni/${r.number}`, operator);
    expect(again.body).toContain('Nascosta al pubblico');
    expect((await post(`/admin/segnalazioni/${r.number}/foto/${photo!.id}`, operator, { hidden: '0' })).statusCode).toBe(303);
    expect((await tx((q) => q.select().from(reportPhotos).where(eq(reportPhotos.id, photo!.id))))[0]!.hidden).toBe(false);
  });

  it("is 404 for another comune's report, and for unknown numbers", async () => {
    // The other comune has more reports than this one: its highest number does not exist here.
    const mine = await tx((q) => q.select({ n: reports.number }).from(reports));
    const max = Math.max(...mine.map((x) => x.n));
    let theirs: ReportRow | null = null;
    for (let i = 0; i <= max; i++) theirs = await create({}, other);
    expect(theirs!.number).toBeGreaterThan(max);
    expect((await get(`/admin/segnalazioni/${theirs!.number}`, operator)).statusCode).toBe(404);
    expect((await post(`/admin/segnalazioni/${theirs!.number}/commento`, operator, { internalNote: 'x' })).statusCode).toBe(404);
    expect((await post(`/admin/segnalazioni/${theirs!.number}/stato`, operator, { to: 'accepted' })).statusCode).toBe(404);
    expect((await get('/admin/segnalazioni/abc', operator)).statusCode).toBe(404);
    // Nothing changed over there.
    const [row] = await tx((q) => q.select().from(reports).where(eq(reports.id, theirs!.id)), other);
    expect(row!.status).toBe('submitted');
  });
});

describe('map and SLA views', () => {
  it('lists the filtered reports with a position for the map, coloured by state or priority', async () => {
    const res = await get('/admin/segnalazioni/mappa?status=all', operator);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-reports-admin-map ');
    expect(res.body).toContain('/assets/leaflet/leaflet.js');
    expect(res.body).toContain('/assets/piazza/reports-admin.js');
    expect(res.body).toMatch(/data-map-point data-lat="45\.56\d*" data-lon="8\.05\d*" data-color="#[0-9a-f]{6}"/);
    const byPriority = await get('/admin/segnalazioni/mappa?colour=priority&priority=urgente', operator);
    expect(byPriority.body).toContain('data-color="#b30000"');
    expect(byPriority.body).not.toContain('data-color="#0066cc"');
  });

  it('counts open and overdue reports per category and office and lists overdue ones oldest first', async () => {
    const older = await create({ title: 'Vecchissima', createdAt: new Date(Date.now() - 200 * 86_400_000) });
    const res = await get('/admin/segnalazioni/sla', operator);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-sla-table');
    expect(res.body).toMatch(/data-sla-row="buche"/);
    const list = res.body.slice(res.body.indexOf('data-overdue-list'));
    const numbers = [...list.matchAll(/data-report="(\d+)"/g)].map((m) => Number(m[1]));
    expect(numbers[0]).toBe(older.number);
    expect(numbers.length).toBeGreaterThanOrEqual(2);
  });
});

describe('categories', () => {
  it('edits a category with field errors, then saves it, audited', async () => {
    const page = await get('/admin/segnalazioni/categorie/buche', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Buche e manto stradale"');
    const bad = await post('/admin/segnalazioni/categorie/buche', admin, { nameIt: '', nameEn: 'Potholes', targetDays: '900', sortOrder: '5', officeSlug: 'ufficio-manutenzioni', active: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Campo obbligatorio.');
    expect(bad.body).toContain('Un numero intero di giorni tra 1 e 365.');
    expect(bad.body).toContain('value="Potholes"');
    const ok = await post('/admin/segnalazioni/categorie/buche', admin, {
      nameIt: 'Buche e strade',
      nameEn: 'Potholes and roads',
      descriptionIt: 'Buche, asfalto rovinato',
      descriptionEn: '',
      targetDays: '10',
      sortOrder: '1',
      officeSlug: 'ufficio-manutenzioni',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/segnalazioni/categorie?salvata=buche');
    const [c] = await tx((q) => q.select().from(reportCategories).where(eq(reportCategories.code, 'buche')));
    expect(c).toMatchObject({ nameIt: 'Buche e strade', nameEn: 'Potholes and roads', targetDays: 10, sortOrder: 1, active: false, officeSlug: 'ufficio-manutenzioni', officeName: 'Ufficio manutenzioni' });
    const logs = await tx((q) => q.select().from(auditLog).where(inArray(auditLog.action, ['reports.category.updated'])));
    expect(logs.length).toBeGreaterThanOrEqual(1);
    expect((await get(ok.headers.location as string, admin)).body).toContain('Categoria «Buche e strade» salvata.');
    expect((await post('/admin/segnalazioni/categorie/buche', operator, { nameIt: 'X', nameEn: 'X', targetDays: '3', sortOrder: '1' })).statusCode).toBe(403);
    expect((await get('/admin/segnalazioni/categorie/nessuna', admin)).statusCode).toBe(404);
  });
});
