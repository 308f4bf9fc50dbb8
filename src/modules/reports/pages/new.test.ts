import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { csrfPair, loginCookie, makeCitizen } from '../../../core/testing/factories.ts';
import { InjectBrowser } from '../../../core/auth/test-browser.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { tenants, uploads } from '../../../core/db/schema.ts';
import { getStorage } from '../../../core/storage/storage.ts';
import { reportsModule } from '../module.ts';
import { ensureDefaultCategories } from '../categories.ts';
import { createReport, getReportByNumber, reportPhotos } from '../repository.ts';
import { reports } from '../schema.ts';
import { BIELLA_STREETS } from '../data/streets-biella.ts';
import { setStreetList } from '../streets.ts';
import { citizenReportPages, NEW_PATH, SENT_PATH } from './new.tsx';


let t: TestApp;
let ip = 0;
/** Each browser posts from its own address (the form is rate-limited per address). */
const browser = (host = 'localhost') => {
  const remoteAddress = `10.9.0.${++ip}`;
  return Object.assign(new InjectBrowser(t.app, { host, remoteAddress }), { remoteAddress, host });
};
type Browser = ReturnType<typeof browser>;
const db = <T>(fn: Parameters<typeof withTenantTx<T>>[2], tenantId = t.tenant.id) => withTenantTx(t.ctx.db, tenantId, fn);

const DETAILS = {
  category: 'buche',
  title: 'Buca profonda davanti al civico 12',
  description: 'C’è una buca profonda in mezzo alla carreggiata, le auto la evitano all’ultimo.\nPericolosa per chi va in bici.',
};

/** Step 1 → 2: the consent form posted; returns the step-2 page. */
async function startFlow(b: Browser): Promise<LightMyRequestResponse> {
  const token = await b.csrfFrom(NEW_PATH);
  const res = await b.post(NEW_PATH, { _csrf: token, step: 'privacy', privacy: '1', action: 'next' });
  expect(res.statusCode).toBe(200);
  return res;
}

/** Post step 2 (multipart) with these fields added to the hidden ones of the page. */
function postDetails(b: Browser, page: string, fields: Record<string, string | string[]>, files: TestFile[] = []) {
  const list: [string, string][] = hiddenFields(page).filter(([k]) => !(k in fields));
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) list.push([k, x]);
  return postMultipart(t.app, b, { url: NEW_PATH, host: b.host, remoteAddress: b.remoteAddress }, list, files);
}

const photoTokens = (html: string) => hiddenFields(html).filter(([k]) => k === 'photo').map(([, v]) => v);

beforeAll(async () => {
  t = await buildTestApp({ modules: [{ ...reportsModule, routes: async (app, ctx) => citizenReportPages(app, ctx) }] });
  setStreetList('test', BIELLA_STREETS);
  await db((tx) => ensureDefaultCategories(tx, t.tenant.id));
});
afterAll(async () => t?.close());

describe('segnalazione disservizio: step 1, privacy', () => {
  it('asks for consent with a labelled checkbox, the privacy link, the stepper and a CSRF token', async () => {
    const res = await t.app.inject({ url: NEW_PATH, headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Segnalazione disservizio<\/h1>/);
    expect(html).toMatch(/<input id="privacy" type="checkbox" name="privacy" value="1" required/);
    expect(html).toMatch(/<label for="privacy">Ho letto e compreso l’<a href="\/privacy">informativa sulla privacy<\/a>/);
    expect(html).toContain('class="steppers');
    expect(html).toMatch(/<li class="active" aria-current="step">Informativa/);
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
    expect(html).toMatch(/<ol[^>]*data-element="breadcrumb"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const en = await t.app.inject({ url: `${NEW_PATH}?lang=en`, headers: { host: 'localhost' } });
    expect(en.body).toMatch(/<h1[^>]*>Report a problem<\/h1>/);
  });

  it('without consent stays on step 1 with the error next to the checkbox', async () => {
    const b = browser();
    const token = await b.csrfFrom(NEW_PATH);
    const res = await b.post(NEW_PATH, { _csrf: token, step: 'privacy', action: 'next' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="privacy-error"[^>]*>Per inviare una segnalazione devi accettare/);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('href="#privacy"');
  });

  it('refuses a post without the CSRF token', async () => {
    const b = browser();
    await b.get(NEW_PATH);
    const res = await b.post(NEW_PATH, { step: 'privacy', privacy: '1', action: 'next' });
    expect(res.statusCode).toBe(403);
  });
});

describe('segnalazione disservizio: the whole flow without JavaScript', () => {
  it('consent → street search → details with a photo carrying GPS → summary → sent; the stored photo has no EXIF', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    let html = step2.body;
    // Every field of step 2 is labelled.
    for (const [id, label] of [
      ['streetQuery', 'Via o piazza'],
      ['civic', 'Numero civico'],
      ['category', 'Tipo di problema'],
      ['title', 'Titolo'],
      ['description', 'Descrizione'],
      ['photos', 'Foto'],
      ['name', 'Nome e cognome'],
      ['email', 'E-mail'],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}"[^>]*>${label}`));
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<option value="buche">Buche e manto stradale</option>');
    expect(html).toContain('<option value="altro">Altro</option>');
    expect(html).toMatch(/<textarea[^>]*maxlength="4000"/);
    expect(html).toContain('/assets/piazza/report-form.js');
    expect(html).toMatch(/<div hidden role="region" aria-label="Mappa per indicare il punto del problema"[^>]*data-report-map/);
    expect(html).toContain('data-element="report-inefficiency"');
    expect(html).toMatch(/href="\/segnalazioni\/nuova" data-element="report-inefficiency"/);

    // Search the street (the photo goes along and is kept).
    const original = await photoWithGps();
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);
    let res = await postDetails(b, html, { action: 'search', streetQuery: 'MICCA', ...DETAILS }, [{ field: 'photos', filename: 'buca.jpg', type: 'image/jpeg', bytes: original }]);
    expect(res.statusCode).toBe(200);
    html = res.body;
    expect(html).toMatch(/<input class="form-check-input" type="radio" name="street" id="street-0" value="Via Pietro Micca" checked/);
    expect(html).toContain('Vie trovate (1)');
    expect(photoTokens(html)).toHaveLength(1);
    expect(html).toContain('value="Buca profonda davanti al civico 12"');

    // Pick it, add the house number, go to the summary.
    res = await postDetails(b, html, { action: 'next', street: 'Via Pietro Micca', civic: '12', streetQuery: 'MICCA', ...DETAILS });
    expect(res.statusCode).toBe(200);
    html = res.body;
    expect(html).toMatch(/<li class="active" aria-current="step">Riepilogo/);
    expect(html).toContain('Via Pietro Micca, 12');
    expect(html).toContain('Buche e manto stradale');
    expect(html).toContain('Segnalazione anonima');
    expect(html).toMatch(/<img src="\/uploads\/[0-9a-f-]{36}" alt="Foto 1 allegata alla segnalazione"/);
    expect(html.match(/value="edit" formaction="\/segnalazioni\/nuova#/g)?.length).toBeGreaterThanOrEqual(5);

    // "Modifica" goes back to step 2 with everything in place.
    const back = await b.post(NEW_PATH, Object.fromEntries([...groupFields(hiddenFields(html)), ['action', 'edit']]));
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('value="Via Pietro Micca" checked');
    expect(back.body).toContain('value="12"');
    expect(back.body).toContain('<option value="buche" selected>');
    expect(photoTokens(back.body)).toHaveLength(1);

    // Send.
    const sent = await b.post(NEW_PATH, Object.fromEntries([...groupFields(hiddenFields(html)), ['action', 'send']]));
    expect(sent.statusCode).toBe(303);
    const location = String(sent.headers.location);
    expect(location).toMatch(new RegExp(`^${SENT_PATH}\\?n=\\d+$`));
    const n = Number(location.split('=')[1]);

    const receipt = await b.get(location);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toMatch(/<h1[^>]*>Segnalazione inviata<\/h1>/);
    expect(receipt.body).toContain(`Abbiamo ricevuto la tua segnalazione n. ${n}.`);
    expect(receipt.body).toContain(`href="/segnalazioni/${n}"`);
    expect(receipt.body).toContain('Cosa succede ora');
    expect(receipt.body).toContain('data-element="feedback"');
    expect(receipt.body).toContain('Quanto è stato facile usare questo servizio?');
    // Without the query (back from the rating widget) the browser's cookie still finds it.
    const again = await b.get(SENT_PATH);
    expect(again.body).toContain(`n. ${n}`);
    // Another browser sees no details.
    const other = await browser().get(location);
    expect(other.body).not.toContain('Abbiamo ricevuto la tua segnalazione');

    const report = await db((tx) => getReportByNumber(tx, n));
    expect(report).toMatchObject({ title: DETAILS.title, categoryCode: 'buche', address: 'Via Pietro Micca, 12', area: 'Centro', source: 'web', status: 'submitted', citizenId: null });
    expect(report!.description).toBe(DETAILS.description);
    expect(report!.lat).toBeCloseTo(45.5667, 3);
    expect(report!.lon).toBeCloseTo(8.0562, 3);
    const photos = await db((tx) => reportPhotos(tx, report!.id));
    expect(photos).toHaveLength(1);

    // The stored photo was re-encoded: no EXIF at all (no GPS, no camera), as served to the public too.
    const [up] = await db((tx) => tx.select().from(uploads).where(eq(uploads.id, photos[0]!.uploadId)));
    const stored = await getStorage(t.ctx).get(up!.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of stored!.stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    const bytes = Buffer.concat(chunks);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(bytes.includes(Buffer.from('PiazzaCam'))).toBe(false);
    const served = await t.app.inject({ url: `/uploads/${up!.id}`, headers: { host: 'localhost' } });
    expect(served.statusCode).toBe(200);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('strips EXIF GPS from a PNG too, and takes a typed street name without the search', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const png = await pngWithGps();
    expect(hasGpsIfd((await sharp(png).metadata()).exif)).toBe(true);
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'piazza duomo', ...DETAILS, category: 'altro' }, [{ field: 'photos', filename: 'p.png', type: 'image/png', bytes: png }]);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Piazza Duomo');
    const id = photoTokens(res.body)[0]!.split('.')[0]!;
    const served = await t.app.inject({ url: `/uploads/${id}`, headers: { host: 'localhost' } });
    expect(served.headers['content-type']).toBe('image/png');
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
  });
});

/** Hidden fields as a record for InjectBrowser.post (repeated names become arrays). */
function groupFields(list: [string, string][]): [string, string | string[]][] {
  const m = new Map<string, string[]>();
  for (const [k, v] of list) m.set(k, [...(m.get(k) ?? []), v]);
  return [...m].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]);
}

describe('segnalazione disservizio: field errors keep every value', () => {
  it('an empty title is an error next to the field, with the other values and the photo kept', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'Via Italia', civic: '3', ...DETAILS, title: '  ' }, [{ field: 'photos', filename: 'a.jpg', type: 'image/jpeg', bytes: await photoWithGps() }]);
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toMatch(/id="title-error"[^>]*>Compila questo campo\./);
    expect(html).toContain('href="#title"');
    expect(html).toContain('<option value="buche" selected>');
    expect(html).toContain('value="Via Italia"');
    expect(html).toContain('value="3"');
    expect(html).toContain('Pericolosa per chi va in bici.</textarea>');
    expect(photoTokens(html)).toHaveLength(1);
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('six photos are an error: none of them is stored and the other fields stay', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const img = await photoWithGps();
    const files = Array.from({ length: 6 }, (_, i) => ({ field: 'photos', filename: `f${i}.jpg`, type: 'image/jpeg', bytes: img }));
    const before = await db((tx) => tx.select({ id: uploads.id }).from(uploads));
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'Via Italia', ...DETAILS }, files);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="photos-error"[^>]*>Puoi allegare al massimo 5 foto in tutto\./);
    expect(res.body).toContain(`value="${DETAILS.title}"`);
    expect(photoTokens(res.body)).toHaveLength(0);
    const after = await db((tx) => tx.select({ id: uploads.id }).from(uploads));
    expect(after.length).toBe(before.length);
  });

  it('five photos in two posts are fine; a sixth is refused', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const img = await photoWithGps();
    const three = Array.from({ length: 3 }, (_, i) => ({ field: 'photos', filename: `f${i}.jpg`, type: 'image/jpeg', bytes: img }));
    let res = await postDetails(b, step2.body, { action: 'search', streetQuery: 'italia', ...DETAILS }, three);
    expect(photoTokens(res.body)).toHaveLength(3);
    res = await postDetails(b, res.body, { action: 'search', streetQuery: 'italia', ...DETAILS }, three.slice(0, 2));
    expect(photoTokens(res.body)).toHaveLength(5);
    expect(res.body).toContain('Hai allegato il numero massimo di foto (5)');
    res = await postDetails(b, res.body, { action: 'next', streetQuery: 'italia', ...DETAILS }, three.slice(0, 1));
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="photos-error"[^>]*>Puoi allegare al massimo 5 foto/);
    expect(photoTokens(res.body)).toHaveLength(5);
  });

  it('a file that is not an image is an error naming it; the real photo next to it is kept', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'Via Italia', ...DETAILS }, [
      { field: 'photos', filename: 'virus.jpg', type: 'image/jpeg', bytes: Buffer.from('this is not a picture at all') },
      { field: 'photos', filename: 'ok.jpg', type: 'image/jpeg', bytes: await photoWithGps() },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="photos-error"[^>]*>Il file «virus.jpg» non è una foto/);
    expect(photoTokens(res.body)).toHaveLength(1);
    expect(res.body).toContain(`value="${DETAILS.title}"`);
  });

  it('no place, an unknown category, a bad house number and e-mail are errors; a forged photo token is dropped', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const res = await postDetails(b, step2.body, {
      action: 'next',
      ...DETAILS,
      category: 'astrologia',
      civic: '<script>',
      email: 'non-una-mail',
      photo: '00000000-0000-4000-8000-000000000000.forged',
    });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toMatch(/id="place-error"[^>]*>Indica il luogo/);
    expect(html).toMatch(/id="category-error"[^>]*>Questo tipo di problema non esiste/);
    expect(html).toMatch(/id="civic-error"/);
    expect(html).toMatch(/id="email-error"/);
    expect(html).toContain('value="&lt;script>"');
    expect(html).not.toContain('<script>"');
    expect(photoTokens(html)).toHaveLength(0);
  });

  it('a street that matches several is an error listing them to choose', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'lamarmora', ...DETAILS });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="place-error"[^>]*>Ci sono più vie con questo nome/);
    expect(res.body).toContain('value="Via Lamarmora"');
    expect(res.body).toContain('value="Piazza Lamarmora"');
  });

  it('a pin alone is enough for the place, and bad coordinates are an error', async () => {
    const b = browser();
    const step2 = await startFlow(b);
    let res = await postDetails(b, step2.body, { action: 'next', lat: '45.56701', lon: '8.05302', ...DETAILS });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Punto sulla mappa: 45.56701, 8.05302');
    res = await postDetails(b, step2.body, { action: 'next', lat: '145', lon: 'x', ...DETAILS });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="place-error"[^>]*>Il punto sulla mappa non è valido/);
  });

  it('never answers 500 to odd posts', async () => {
    const b = browser();
    const token = await b.csrfFrom(NEW_PATH);
    const bodies: Record<string, string>[] = [
      { _csrf: token },
      { _csrf: token, step: 'summary', privacy: '1', action: 'send' },
      { _csrf: token, step: 'details', privacy: '1', action: 'next', lat: '1e400' },
      { _csrf: token, step: 'nonsense', privacy: '1' },
      { _csrf: token, step: 'summary', privacy: '1', action: 'send', ...DETAILS, streetQuery: 'x'.repeat(5000), title: 'a\u0000b' },
    ];
    for (const body of bodies) {
      const res = await b.post(NEW_PATH, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      expect([200, 400]).toContain(res.statusCode);
    }
  });
  it('in a comune without a street list the address is free text (no search button)', async () => {
    const other = await t.addTenant('senzavie');
    await db((tx) => ensureDefaultCategories(tx, other.id), other.id);
    const b = browser('senzavie.localhost');
    const step2 = await startFlow(b);
    expect(step2.body).toMatch(/<label for="streetQuery" class="active">Indirizzo<\/label>/);
    expect(step2.body).not.toContain('Cerca la via');
    const res = await postDetails(b, step2.body, { action: 'next', streetQuery: 'Strada della Cascina', civic: '7', ...DETAILS });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Strada della Cascina, 7');
  });
});

describe('segnalazione disservizio: who may report', () => {
  it('prefills name and e-mail of a logged-in citizen and records the report as theirs', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCGLI85M41A859X', givenName: 'Giulia', familyName: 'Bianchi', email: 'giulia@example.org' });
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    const b = browser().withCookies(cookie) as Browser;
    const step2 = await startFlow(b);
    expect(step2.body).toContain('value="Giulia Bianchi"');
    expect(step2.body).toContain('value="giulia@example.org"');
    // The browser posts the prefilled fields as they are.
    const summary = await postDetails(b, step2.body, { action: 'next', streetQuery: 'Via Italia', ...DETAILS, name: 'Giulia Bianchi', email: 'giulia@example.org' });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('Gli aggiornamenti arriveranno a giulia@example.org.');
    const sent = await b.post(NEW_PATH, Object.fromEntries([...groupFields(hiddenFields(summary.body)), ['action', 'send']]));
    expect(sent.statusCode).toBe(303);
    const n = Number(String(sent.headers.location).split('=')[1]);
    const r = await db((tx) => getReportByNumber(tx, n));
    expect(r).toMatchObject({ citizenId: c.id, reporterName: 'Giulia Bianchi', reporterEmail: 'giulia@example.org' });
    const receipt = await b.get(String(sent.headers.location));
    expect(receipt.body).toContain('href="/area-personale/segnalazioni"');
  });

  it('sends anonymous visitors to the login when the comune does not allow anonymous reports', async () => {
    const closed = await t.addTenant('chiuso');
    await t.ctx.db.update(tenants).set({ settings: { reports: { allowAnonymous: false } } }).where(eq(tenants.id, closed.id));
    t.ctx.tenants.invalidate();
    await db((tx) => ensureDefaultCategories(tx, closed.id), closed.id);
    const get = await t.app.inject({ url: NEW_PATH, headers: { host: 'chiuso.localhost' } });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe('/auth/login?next=%2Fsegnalazioni%2Fnuova');
    const csrf = csrfPair(t.app);
    const b = browser('chiuso.localhost').withCookies(csrf.cookie) as Browser;
    const post = await b.post(NEW_PATH, { _csrf: csrf.token, step: 'summary', privacy: '1', action: 'send', streetQuery: 'x', ...DETAILS });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/auth/login?next=%2Fsegnalazioni%2Fnuova');
    expect(await db((tx) => tx.select().from(reports), closed.id)).toHaveLength(0);

    const c = await makeCitizen(t.app, { ...closed, settings: { reports: { allowAnonymous: false } } });
    const { cookie } = await loginCookie(t.app, closed, 'citizen', c.id);
    const logged = await t.app.inject({ url: NEW_PATH, headers: { host: 'chiuso.localhost', cookie } });
    expect(logged.statusCode).toBe(200);
    expect(logged.body).not.toContain('Puoi inviare la segnalazione anche senza accedere');
  });
});

describe('segnalazione disservizio: similar open reports on the summary', () => {
  it('lists a nearby open report about the same thing, with its link and a follow form', async () => {
    const existing = await createReport(
      t.ctx,
      t.tenant.id,
      { categoryCode: 'buche', title: 'Buca enorme in via Pietro Micca', description: 'Buca profonda in mezzo alla carreggiata di via Pietro Micca, pericolosa per le bici.', lat: 45.5667, lon: 8.0562, source: 'web' },
      { tenantId: t.tenant.id, actor: { type: 'anonymous' } },
    );
    expect(existing.ok).toBe(true);
    const n = existing.ok ? existing.value.number : 0;
    const b = browser();
    const step2 = await startFlow(b);
    const res = await postDetails(b, step2.body, { action: 'next', street: 'Via Pietro Micca', streetQuery: 'micca', ...DETAILS, email: 'anna@example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('È forse questa? Seguila invece');
    expect(res.body).toContain(`href="/segnalazioni/${n}"`);
    expect(res.body).toMatch(new RegExp(`<form method="post" action="/segnalazioni/${n}/segui"`));
    expect(res.body).toContain('<input type="hidden" name="email" value="anna@example.org"/>');
  });
});

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────────


interface TestFile {
  field: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

/** Post a multipart form from an InjectBrowser (its cookies and address), as a browser posts step 2 with photos. */
async function postMultipart(
  app: FastifyInstance,
  b: InjectBrowser,
  opts: { url: string; host?: string; remoteAddress?: string },
  fields: [string, string][],
  files: TestFile[] = [],
): Promise<LightMyRequestResponse> {
  const boundary = `----piazza${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await app.inject({
    method: 'POST',
    url: opts.url,
    payload: Buffer.concat(parts),
    headers: { host: opts.host ?? 'localhost', cookie: b.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
  b.store(res);
  return res;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields of the form with this id, in order (what the browser posts back). */
function hiddenFields(html: string, formId = 'report-form'): [string, string][] {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form #${formId}`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const out: [string, string][] = [];
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out.push([m[1]!, unescape(m[2]!)]);
  return out;
}

/** A JPEG photo as a phone takes it: camera make and the GPS position in its EXIF block. */
async function photoWithGps(color = '#7a6a58'): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PiazzaCam', Model: 'Test phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 33/1 58/1', GPSLongitudeRef: 'E', GPSLongitude: '8/1 3/1 13/1' },
    })
    .toBuffer();
}

/** A PNG image (with transparency, so it stays PNG when stored) carrying EXIF GPS too. */
async function pngWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 0.5 } } })
    .png()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 33/1 58/1' } })
    .toBuffer();
}

/** Whether an EXIF block (as sharp's metadata().exif gives it) holds a GPS IFD pointer (tag 0x8825). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.indexOf(Buffer.from('II*\0')) >= 0 ? 'le' : 'be';
  return exif.indexOf(Buffer.from(tiff === 'le' ? [0x25, 0x88] : [0x88, 0x25])) >= 0;
}
