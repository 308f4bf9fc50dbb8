import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeCitizen } from '../../../core/testing/factories.ts';
import { InjectBrowser } from '../../../core/auth/test-browser.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { storeUpload } from '../../../core/storage/uploads.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { siteModule } from '../../site/module.ts';
import { reportsModule } from '../module.ts';
import { reportCategories, reportEvents, reportFollowers, reportPhotos, reports } from '../schema.ts';
import { DEFAULT_CATEGORIES } from '../triage/categories.ts';
import { publicReportPages } from './public.tsx';
import { mapQuery, reportsPublicApi } from '../api/public.ts';

/**
 * The public pages and API of the reports, on rows written directly (so dates, states and personal data are
 * exactly known): list and filters, detail without personal data or internal notes, photos, follow/unfollow,
 * statistics, the map API. Another comune's reports are never visible.
 */

let t: TestApp;
let other: Tenant;
let ip = 0;
const browser = (host = 'localhost') => new InjectBrowser(t.app, { host, remoteAddress: `10.9.0.${++ip}` });
const get = (url: string, host = 'localhost') => t.app.inject({ url, headers: { host } });
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

const REPORTER = { reporterName: 'Ermenegilda Fumagalli', reporterEmail: 'ermenegilda.fumagalli@example.org', reporterPhone: '3331234567' };
const INTERNAL = 'NOTA INTERNA: richiamare la ditta appaltatrice';
const REPLY = 'Abbiamo programmato la riparazione per la prossima settimana.';
// Biella, around piazza Vittorio Veneto.
const BIELLA = { lat: 45.5663, lon: 8.0537 };

let ids: Record<string, string> = {};
let photoVisible = '';
let photoHidden = '';
let hiddenUploadId = '';

async function seed(tenant: Tenant, rows: (Partial<typeof reports.$inferInsert> & { number: number; categoryCode: string; title: string })[]) {
  return withTenantTx(t.ctx.db, tenant.id, async (tx) => {
    const cats = DEFAULT_CATEGORIES.filter((c) => ['buche', 'illuminazione', 'rifiuti'].includes(c.code));
    await tx
      .insert(reportCategories)
      .values(cats.map((c, i) => ({ tenantId: tenant.id, code: c.code, nameIt: c.name.it, nameEn: c.name.en, officeName: c.office.name, targetDays: c.targetDays, sortOrder: i })))
      .onConflictDoNothing();
    const out: Record<string, string> = {};
    for (const r of rows) {
      const [row] = await tx
        .insert(reports)
        .values({ tenantId: tenant.id, description: `${r.title}: descrizione.`, ...r })
        .returning({ id: reports.id });
      out[String(r.number)] = row!.id;
    }
    return out;
  });
}

async function jpeg(color: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: color } }).jpeg().toBuffer());
}

beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      siteModule,
      {
        ...reportsModule,
        routes: async (app, ctx) => {
          await publicReportPages(app, ctx);
          await reportsPublicApi(app, ctx);
        },
      },
    ],
  });
  other = await t.addTenant('altro');
  const tid = t.tenant.id;
  ids = await seed(t.tenant, [
    {
      number: 1,
      categoryCode: 'buche',
      title: 'Buca profonda in via Italia',
      description: 'Buca profonda davanti al civico 12, pericolosa per i motorini. Chiamatemi al 333 123 4567.',
      status: 'in_progress',
      createdAt: day('2026-03-10'),
      dueAt: day('2026-03-25'),
      area: 'Centro',
      address: 'Via Italia 12',
      lat: BIELLA.lat,
      lon: BIELLA.lon,
      officeName: 'Ufficio lavori pubblici',
      ...REPORTER,
    },
    { number: 2, categoryCode: 'illuminazione', title: 'Lampione spento in via Rosselli', status: 'resolved', createdAt: day('2026-01-05'), resolvedAt: day('2026-01-07'), area: 'Vernato', lat: 45.5701, lon: 8.0489 },
    { number: 3, categoryCode: 'illuminazione', title: 'Luce che lampeggia in piazza', status: 'resolved', createdAt: day('2026-01-10'), resolvedAt: day('2026-01-14'), area: 'Centro', lat: 45.5665, lon: 8.054 },
    { number: 4, categoryCode: 'illuminazione', title: 'Tre lampioni spenti al parco', status: 'closed', createdAt: day('2026-02-01'), resolvedAt: day('2026-02-11'), closedAt: day('2026-02-20'), area: 'Chiavazza', lat: 45.5801, lon: 8.0702 },
    { number: 5, categoryCode: 'rifiuti', title: 'Cassonetto pieno', status: 'submitted', createdAt: day('2026-04-02'), area: 'Centro', lat: 45.5668, lon: 8.0531 },
    // Far away (Milan): outside the Biella box.
    { number: 6, categoryCode: 'rifiuti', title: 'Sacchi abbandonati', status: 'accepted', createdAt: day('2026-04-03'), lat: 45.4642, lon: 9.19 },
  ]);
  const dup = await seed(t.tenant, [{ number: 7, categoryCode: 'buche', title: 'Buca in via Italia', status: 'duplicate', duplicateOf: ids['1']!, createdAt: day('2026-03-11'), lat: BIELLA.lat, lon: BIELLA.lon }]);
  ids = { ...ids, ...dup };
  await seed(other, [{ number: 50, categoryCode: 'buche', title: 'Segnalazione di un altro comune', createdAt: day('2026-03-01'), lat: 45.56, lon: 8.05 }]);

  // History of n. 1: sent, accepted with a public reply, an internal note, in progress.
  await withTenantTx(t.ctx.db, tid, (tx) =>
    tx.insert(reportEvents).values([
      { tenantId: tid, reportId: ids['1']!, at: day('2026-03-10'), kind: 'status', toStatus: 'submitted', actor: 'citizen:x' },
      { tenantId: tid, reportId: ids['1']!, at: day('2026-03-11'), kind: 'status', fromStatus: 'submitted', toStatus: 'accepted', publicReply: REPLY, actor: 'staff:00000000-0000-0000-0000-000000000001' },
      { tenantId: tid, reportId: ids['1']!, at: day('2026-03-12'), kind: 'note', internalNote: INTERNAL, actor: 'staff:00000000-0000-0000-0000-000000000001' },
      { tenantId: tid, reportId: ids['1']!, at: day('2026-03-13'), kind: 'status', fromStatus: 'accepted', toStatus: 'in_progress', actor: 'staff:00000000-0000-0000-0000-000000000001' },
    ]),
  );
  // Two photos of n. 1; the second hidden by an operator.
  const anon = { type: 'anonymous' as const };
  const a = await storeUpload(t.ctx, { tenantId: tid, actor: anon, filename: 'buca.jpg', bytes: await jpeg('#884400'), kind: 'image' });
  const b = await storeUpload(t.ctx, { tenantId: tid, actor: anon, filename: 'targa.jpg', bytes: await jpeg('#004488'), kind: 'image' });
  if (!a.ok || !b.ok) throw new Error('upload failed');
  hiddenUploadId = b.value.id;
  const photos = await withTenantTx(t.ctx.db, tid, (tx) =>
    tx
      .insert(reportPhotos)
      .values([
        { tenantId: tid, reportId: ids['1']!, uploadId: a.value.id, position: 0 },
        { tenantId: tid, reportId: ids['1']!, uploadId: b.value.id, position: 1, hidden: true },
      ])
      .returning({ id: reportPhotos.id, hidden: reportPhotos.hidden }),
  );
  photoVisible = photos.find((p) => !p.hidden)!.id;
  photoHidden = photos.find((p) => p.hidden)!.id;
});
afterAll(async () => t?.close());

const numbersIn = (html: string) => [...main(html).matchAll(/href="\/segnalazioni\/(\d+)"/g)].map((m) => Number(m[1]));

describe('/segnalazioni: the list', () => {
  it('lists the reports newest first with number, title, category, state, date and area, a map and the button to report', async () => {
    const res = await get('/segnalazioni');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Segnalazioni<\/h1>/);
    expect(numbersIn(html)).toEqual([6, 5, 7, 1, 4, 3, 2]);
    expect(html).toContain('Buca profonda in via Italia');
    expect(html).toContain('Buche e manto stradale');
    expect(html).toMatch(/<span class="badge bg-primary">In lavorazione<\/span>/);
    expect(html).toContain('10 marzo 2026');
    expect(html).toContain('Chiavazza');
    expect(html).toContain('href="/segnalazioni/nuova"');
    expect(html).toContain('Segnala un disservizio');
    expect(html).toContain('data-reports-map data-api="/api/v1/reports/map"');
    expect(html).toContain('/assets/leaflet.markercluster/leaflet.markercluster.js');
    expect(html).toContain('/assets/piazza/reports-map.js');
    expect(html).not.toContain('Segnalazione di un altro comune');
    expect(html).not.toContain(REPORTER.reporterName);
    expect(html).not.toContain(REPORTER.reporterEmail);
    const en = await get('/segnalazioni?lang=en');
    expect(en.body).toMatch(/<h1[^>]*>Reports<\/h1>/);
    expect(en.body).toContain('Report a problem');
    expect(en.body).toContain('Potholes and road surface');
  });

  it('narrows the list with the filters of the plain GET form (category, state, period, area, text)', async () => {
    expect(numbersIn((await get('/segnalazioni?category=illuminazione')).body)).toEqual([4, 3, 2]);
    expect(numbersIn((await get('/segnalazioni?status=resolved')).body)).toEqual([3, 2]);
    expect(numbersIn((await get('/segnalazioni?status=aperte')).body)).toEqual([6, 5, 1]);
    expect(numbersIn((await get('/segnalazioni?status=concluse')).body)).toEqual([7, 4, 3, 2]);
    expect(numbersIn((await get('/segnalazioni?status=closed')).body)).toEqual([4]);
    expect(numbersIn((await get('/segnalazioni?from=2026-01-10&to=2026-02-01')).body)).toEqual([4, 3]);
    expect(numbersIn((await get('/segnalazioni?area=Centro')).body)).toEqual([5, 1, 3]);
    const res = await get('/segnalazioni?category=illuminazione&area=Centro');
    expect(numbersIn(res.body)).toEqual([3]);
    expect(res.body).toContain('1 segnalazione trovata');
    // The form shows the chosen filters again, and the map asks the API for the same ones.
    expect(res.body).toMatch(/<option value="illuminazione" selected>/);
    expect(res.body).toContain('data-api="/api/v1/reports/map?category=illuminazione&amp;area=Centro"');
  });

  it('answers an impossible date with a 400 page that shows the error next to the field, keeping the other filters', async () => {
    const res = await get('/segnalazioni?from=2026-02-30&category=buche');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/id="from-error"[^>]*>la data non è valida/);
    expect(res.body).toMatch(/<input type="date" id="from" name="from" value="2026-02-30" class="form-control is-invalid" aria-invalid="true"/);
    expect(res.body).toMatch(/<option value="buche" selected>/);
    const range = await get('/segnalazioni?from=2026-03-01&to=2026-02-01');
    expect(range.statusCode).toBe(400);
    expect(range.body).toContain('la data finale non può precedere quella iniziale');
  });

  it('is paginated (20 a page) keeping the filters in the page links', async () => {
    const tid = t.tenant.id;
    await withTenantTx(t.ctx.db, tid, (tx) =>
      tx.insert(reports).values(
        Array.from({ length: 25 }, (_, i) => ({ tenantId: tid, number: 100 + i, categoryCode: 'rifiuti', title: `Rifiuti ${i}`, description: 'x', area: 'Pavignano', createdAt: day('2025-06-01') })),
      ),
    );
    const p1 = await get('/segnalazioni?area=Pavignano');
    expect(numbersIn(p1.body)).toHaveLength(20);
    expect(p1.body).toContain('href="/segnalazioni?area=Pavignano&amp;page=2"');
    const p2 = await get('/segnalazioni?area=Pavignano&page=2');
    expect(numbersIn(p2.body)).toHaveLength(5);
    await withTenantTx(t.ctx.db, tid, (tx) => tx.delete(reports).where(eq(reports.area, 'Pavignano')));
  });
});

describe('/segnalazioni/{n}: the detail', () => {
  it('shows title, description, category, state, timeline with the public reply, office, place and photos — no personal data, no internal notes', async () => {
    const res = await get('/segnalazioni/1');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1>Buca profonda in via Italia<\/h1>/);
    expect(html).toContain('Segnalazione n. 1');
    expect(html).toContain('Buche e manto stradale');
    expect(html).toContain('In lavorazione');
    expect(html).toContain(REPLY);
    expect(html).toContain('Accettata');
    expect(html).toContain('Ufficio lavori pubblici');
    expect(html).toContain('Via Italia 12');
    expect(html).toContain('(Centro)');
    expect(html).toContain('https://www.openstreetmap.org/?mlat=45.5663&amp;mlon=8.0537');
    expect(html).toMatch(/data-map data-tiles=/);
    // Overdue: due on 25 March, still in progress.
    expect(html).toContain('In ritardo');
    // Never: reporter's name, e-mail, phone (even inside the description), internal notes, staff.
    expect(html).not.toContain(INTERNAL);
    expect(html).not.toContain(REPORTER.reporterName);
    expect(html).not.toContain(REPORTER.reporterEmail);
    expect(html).not.toContain('333 123 4567');
    expect(html).not.toContain('staff:');
    expect(html).toContain(`/segnalazioni/1/foto/${photoVisible}`);
    expect(html).not.toContain(photoHidden);
    expect(html).not.toContain(hiddenUploadId);
    // Rating widget and follow form.
    expect(html).toContain('data-element="feedback-rating-question"');
    expect(html).toMatch(/<form method="post" action="\/segnalazioni\/1\/segui"/);
  });

  it('links a duplicate to the report it duplicates', async () => {
    const res = await get('/segnalazioni/7');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="/segnalazioni/1">n. 1</a>');
  });

  it('serves a visible photo, but not a hidden one nor a photo under another report', async () => {
    const ok = await get(`/segnalazioni/1/foto/${photoVisible}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect(ok.rawPayload.length).toBeGreaterThan(100);
    expect((await get(`/segnalazioni/1/foto/${photoHidden}`)).statusCode).toBe(404);
    expect((await get(`/segnalazioni/2/foto/${photoVisible}`)).statusCode).toBe(404);
    expect((await get(`/segnalazioni/1/foto/not-a-uuid`)).statusCode).toBe(404);
  });

  it("is a 404 for another comune's report, an unknown number or a malformed one", async () => {
    expect((await get('/segnalazioni/50')).statusCode).toBe(404);
    expect((await get('/segnalazioni/50', 'altro.localhost')).statusCode).toBe(200);
    expect((await get('/segnalazioni/1', 'altro.localhost')).statusCode).toBe(404);
    expect((await get('/segnalazioni/999')).statusCode).toBe(404);
    expect((await get('/segnalazioni/01x')).statusCode).toBe(404);
    expect((await get('/api/v1/reports/50')).statusCode).toBe(404);
  });
});

describe('following a report', () => {
  it('by e-mail: confirmation message, then the unsubscribe link stops it', async () => {
    const b = browser();
    const token = await b.csrfFrom('/segnalazioni/2');
    const bad = await b.post('/segnalazioni/2/segui', { _csrf: token, email: 'non-una-mail' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="email-error"[^>]*>l&#39;indirizzo e-mail non è valido|id="email-error"[^>]*>l'indirizzo e-mail non è valido/);
    expect(bad.body).toContain('value="non-una-mail"');

    const res = await b.post('/segnalazioni/2/segui', { _csrf: token, email: 'Lettore@Example.org' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/segnalazioni/2?seguita=1#segui');
    const page = await b.get('/segnalazioni/2?seguita=1');
    expect(page.body).toContain('Ora segui questa segnalazione');

    const [f] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(reportFollowers).where(eq(reportFollowers.reportId, ids['2']!)));
    expect(f?.email).toBe('lettore@example.org');
    // Another comune does not know the token.
    expect((await get(`/segnalazioni/smetti-di-seguire/${f!.token}`, 'altro.localhost')).statusCode).toBe(404);
    const off = await get(`/segnalazioni/smetti-di-seguire/${f!.token}`);
    expect(off.statusCode).toBe(200);
    expect(off.body).toContain('Non segui più la segnalazione');
    const left = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(reportFollowers).where(eq(reportFollowers.reportId, ids['2']!)));
    expect(left).toHaveLength(0);
    const again = await get(`/segnalazioni/smetti-di-seguire/${f!.token}`);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('Link non valido');
  });

  it('a logged-in citizen follows with one click; a post without the CSRF token is refused', async () => {
    const citizen = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCGLI85M41A859X', email: 'giulia@example.org' });
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', citizen.id);
    const b = browser().withCookies(cookie);
    const page = await b.get('/segnalazioni/3');
    expect(page.body).not.toContain('id="email"');
    const noToken = await b.post('/segnalazioni/3/segui', {});
    expect(noToken.statusCode).toBe(403);
    const token = await b.csrfFrom('/segnalazioni/3');
    const res = await b.post('/segnalazioni/3/segui', { _csrf: token });
    expect(res.statusCode).toBe(303);
    const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(reportFollowers).where(eq(reportFollowers.reportId, ids['3']!)));
    expect(rows.map((r) => r.citizenId)).toEqual([citizen.id]);
    const after = await b.get('/segnalazioni/3?seguita=1');
    expect(after.body).toContain('Ora segui questa segnalazione');
    expect(after.body).not.toMatch(/<button type="submit" class="btn btn-primary">Segui la segnalazione/);
    const later = await b.get('/segnalazioni/3');
    expect(later.body).toContain('Segui già questa segnalazione');
    expect(later.body).not.toMatch(/<button type="submit" class="btn btn-primary">Segui la segnalazione/);
  });
});

describe('/segnalazioni/statistiche', () => {
  it('shows totals and, per category, the count and the median days to resolution in accessible tables', async () => {
    const res = await get('/segnalazioni/statistiche');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<caption[^>]*>Segnalazioni per stato<\/caption>/);
    expect(html).toContain('<th scope="col">Categoria</th>');
    expect(html).toMatch(/<p class="h2 mb-0" data-stat="total">7<\/p>/);
    expect(html).toMatch(/<p class="h2 mb-0" data-stat="open">3<\/p>/);
    // Street lighting: solved in 2, 4 and 10 days → median 4.
    const row = /<tr data-category="illuminazione">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(row).toContain('<th scope="row">Illuminazione pubblica</th>');
    expect(row).toMatch(/data-median>4 giorni</);
  });

  it('filters by period, and answers a bad date with a 400 page', async () => {
    const res = await get('/segnalazioni/statistiche?from=2026-03-01&to=2026-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/data-stat="total">4</);
    expect((await get('/segnalazioni/statistiche?to=31/12/2026')).statusCode).toBe(400);
  });
});

describe('JSON API', () => {
  it('GET /api/v1/reports lists public fields only, with the same filters; bad input is problem+json', async () => {
    const res = await get('/api/v1/reports?category=illuminazione&limit=2');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Record<string, unknown>[] };
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.number)).toEqual([4, 3]);
    const all = await get('/api/v1/reports?limit=100');
    expect(all.body).not.toContain('reporter');
    expect(all.body).not.toContain(REPORTER.reporterEmail);
    expect(all.body).not.toContain('citizenId');
    expect((all.json() as { items: { number: number; duplicateOf: number | null }[] }).items.find((i) => i.number === 7)?.duplicateOf).toBe(1);
    const bad = await get('/api/v1/reports?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ type: '/problems/validation', errors: [{ field: 'from' }] });
  });

  it('GET /api/v1/reports/{n} gives the public history without internal notes', async () => {
    const res = await get('/api/v1/reports/1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(REPLY);
    expect(res.body).not.toContain(INTERNAL);
    expect(res.body).not.toContain('staff:');
    expect(res.body).not.toContain(REPORTER.reporterName);
    const body = res.json() as { report: { overdue: boolean }; photos: { url: string }[] };
    expect(body.report.overdue).toBe(true);
    expect(body.photos.map((p) => p.url)).toEqual([`/segnalazioni/1/foto/${photoVisible}`]);
  });

  it('GET /api/v1/reports/map returns the points of the box as GeoJSON, with the filters', async () => {
    const res = await get('/api/v1/reports/map?bbox=8.0,45.5,8.1,45.6&zoom=15');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json() as { type: string; clustered: boolean; features: { geometry: { coordinates: number[] }; properties: { number: number; status: string; category: string; title: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.clustered).toBe(false);
    expect(fc.features.map((f) => f.properties.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 7]);
    const one = fc.features.find((f) => f.properties.number === 1)!;
    expect(one.geometry.coordinates).toEqual([8.0537, 45.5663]);
    expect(one.properties).toMatchObject({ status: 'in_progress', category: 'buche', title: 'Buca profonda in via Italia' });
    expect(res.body).not.toContain(REPORTER.reporterEmail);

    const filtered = (await get('/api/v1/reports/map?bbox=8.0,45.5,8.1,45.6&zoom=15&category=illuminazione&status=resolved')).json() as typeof fc;
    expect(filtered.features.map((f) => f.properties.number).sort()).toEqual([2, 3]);
    // The other comune's report at 45.56, 8.05 is in the box but never in the answer.
    expect((await get('/api/v1/reports/map?bbox=8.0,45.5,8.1,45.6&zoom=15', 'altro.localhost')).json()).toMatchObject({ features: [{ properties: { number: 50 } }] });
  });

  it('clusters at low zoom (count and centroid per cell), and when there are more points than allowed', async () => {
    const res = await get('/api/v1/reports/map?bbox=7,45,10,46&zoom=8');
    expect(res.statusCode).toBe(200);
    const fc = res.json() as { clustered: boolean; total: number; features: { geometry: { coordinates: number[] }; properties: { cluster: boolean; count: number } }[] };
    expect(fc.clustered).toBe(true);
    expect(fc.total).toBe(7);
    expect(fc.features.every((f) => f.properties.cluster)).toBe(true);
    const counts = fc.features.map((f) => f.properties.count).sort((a, b) => a - b);
    // Biella's six reports in one cell, Milan's one in another.
    expect(counts).toEqual([1, 6]);
    const biella = fc.features.find((f) => f.properties.count === 6)!;
    expect(biella.geometry.coordinates[0]).toBeCloseTo(8.055, 2);
    expect(biella.geometry.coordinates[1]).toBeCloseTo(45.569, 2);

    const many = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => mapQuery(tx, { bbox: [8, 45.5, 8.1, 45.6], zoom: 16, maxPoints: 3 }));
    expect(many.kind).toBe('clusters');
    const few = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => mapQuery(tx, { bbox: [8, 45.5, 8.1, 45.6], zoom: 16, maxPoints: 10 }));
    expect(few.kind).toBe('points');
  });

  it('answers a bad bbox or zoom with problem+json 400', async () => {
    for (const q of ['bbox=1,2,3', 'bbox=8.1,45.5,8.0,45.6', 'bbox=a,b,c,d', 'bbox=8,45,9,46&zoom=99', 'zoom=3', 'bbox=8,45,9,46&from=ieri']) {
      const res = await get(`/api/v1/reports/map?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type'], q).toContain('application/problem+json');
    }
  });
});
