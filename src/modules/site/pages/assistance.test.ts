import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { csrfPair, loginCookie, makeCitizen, makeStaff } from '../../../core/testing/factories.ts';
import { InjectBrowser } from '../../../core/auth/test-browser.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog, domainEvents, messageDeliveries, notifications } from '../../../core/db/schema.ts';
import { siteAssistanceRequests, siteContents } from '../schema.ts';
import { seedSiteContent } from '../seed.ts';
import { SERVICE_CATEGORIES } from '../content/types.ts';

let t: TestApp;
let ip = 0;
/** Each browser posts from its own address: the form allows 5 posts a minute per address. */
const browser = () => new InjectBrowser(t.app, { host: 'localhost', remoteAddress: `10.7.0.${++ip}` });
const db = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);

const VALID = {
  name: 'Giulia',
  surname: 'Bianchi',
  email: 'giulia.bianchi@example.org',
  category: 'Tributi, finanze e contravvenzioni',
  service: '',
  details: 'Vorrei sapere come si calcola la TARI per una seconda casa.\nGrazie.',
  privacy: '1',
  action: 'send',
};

async function officeId(slug: string): Promise<string> {
  const [r] = await db((tx) => tx.select({ id: siteContents.id }).from(siteContents).where(and(eq(siteContents.type, 'office'), eq(siteContents.slug, slug))));
  return r!.id;
}
async function requestByRef(reference: string) {
  const [r] = await db((tx) => tx.select().from(siteAssistanceRequests).where(eq(siteAssistanceRequests.reference, reference)));
  return r;
}
async function deliveriesTo(address: string) {
  return db((tx) => tx.select().from(messageDeliveries).where(eq(messageDeliveries.toAddress, address)).orderBy(desc(messageDeliveries.createdAt)));
}
const refOf = (location: string) => /ref=(AS-[0-9A-F]{8})/.exec(location)?.[1] ?? '';

/** Send the form from a fresh browser (GET for the CSRF token, then POST); returns the browser and the response. */
async function send(fields: Record<string, string | string[]>, b = browser(), path = '/richiesta-assistenza') {
  const token = await b.csrfFrom(path);
  const res = await b.post('/richiesta-assistenza', { _csrf: token, ...fields });
  return { b, res };
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => t?.close());

describe('richiesta di assistenza: the form', () => {
  it('shows every field with its label, the 15 categories, the services by category and the privacy link', async () => {
    const res = await t.app.inject({ url: '/richiesta-assistenza', headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Richiesta di assistenza<\/h1>/);
    for (const [id, label] of [
      ['name', 'Nome'],
      ['surname', 'Cognome'],
      ['email', 'E-mail'],
      ['category', 'Categoria di servizio'],
      ['service', 'Servizio'],
      ['details', 'Dettagli'],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}"[^>]*>${label}`));
      expect(html).toContain(`id="${id}"`);
    }
    for (const c of SERVICE_CATEGORIES) expect(html).toContain(`<option value="${c}">${c}</option>`);
    expect(html).toContain('<optgroup label="Anagrafe e stato civile" data-category="Anagrafe e stato civile">');
    expect(html).toContain('<option value="carta-identita-elettronica">');
    expect(html).toMatch(/<textarea[^>]*maxlength="600"/);
    expect(html).toMatch(/<input[^>]*id="privacy"[^>]*required/);
    expect(html).toContain('<a href="/privacy">informativa sulla privacy</a>');
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
    expect(html).toContain('/assets/piazza/assistance.js');
    expect(html).not.toContain('Salva bozza');
    expect(html).toMatch(/<ol[^>]*data-element="breadcrumb"[^>]*><li class="breadcrumb-item"><a href="\/">Home<\/a>.*Richiesta di assistenza<\/li><\/ol>/s);
    expect(html).toContain('data-element="feedback"');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('preselects the category and the service from ?servizio=, and shows English with ?lang=en', async () => {
    const res = await t.app.inject({ url: '/richiesta-assistenza?servizio=tari', headers: { host: 'localhost' } });
    expect(res.body).toContain('<option value="Tributi, finanze e contravvenzioni" selected>');
    expect(res.body).toMatch(/<option value="tari" selected>/);
    const unknown = await t.app.inject({ url: '/richiesta-assistenza?servizio=%3Cscript%3E', headers: { host: 'localhost' } });
    expect(unknown.statusCode).toBe(200);
    const en = await t.app.inject({ url: '/richiesta-assistenza?lang=en', headers: { host: 'localhost' } });
    expect(en.body).toMatch(/<h1[^>]*>Request for assistance<\/h1>/);
    expect(en.body).toContain('Service category');
    expect(en.body).toContain('Civil registry and vital records');
  });

  it('shows errors next to the fields, keeps every value, and never answers 500 to bad input', async () => {
    const { res } = await send({ ...VALID, surname: '', email: 'non-una-mail', privacy: '' });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toMatch(/id="surname-error"[^>]*>Compila questo campo\./);
    expect(html).toMatch(/id="email-error"[^>]*>Scrivi un indirizzo e-mail valido/);
    expect(html).toMatch(/id="privacy-error"[^>]*>Per inviare la richiesta devi accettare/);
    expect(html).toContain('value="Giulia"');
    expect(html).toContain('value="non-una-mail"');
    expect(html).toContain('<option value="Tributi, finanze e contravvenzioni" selected>');
    expect(html).toContain('Vorrei sapere come si calcola la TARI per una seconda casa.\nGrazie.</textarea>');
    expect(html).toContain('href="#surname"');
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);

    const bad: Record<string, string | string[]>[] = [
      { ...VALID, category: 'Astrologia' },
      { ...VALID, service: 'non-esiste' },
      { ...VALID, service: 'carta-identita-elettronica' }, // another category
      { ...VALID, service: '../../etc/passwd' },
      { ...VALID, details: 'x'.repeat(601) },
      { ...VALID, name: 'Giu\u0000lia' },
      { ...VALID, details: 'riga\u0000' },
      { ...VALID, name: 'n'.repeat(101) },
      { ...VALID, email: `${'a'.repeat(250)}@example.org` },
      { ...VALID, name: ['Uno', 'Due'], details: '' },
      { action: 'send' },
    ];
    for (const fields of bad) {
      const r = (await send(fields)).res;
      expect(r.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(r.body).toContain('invalid-feedback');
    }
    expect((await send({ ...VALID, service: 'carta-identita-elettronica' })).res.body).toContain('Il servizio scelto non appartiene alla categoria indicata.');
    const before = await db((tx) => tx.select().from(siteAssistanceRequests));
    expect(before).toHaveLength(0);
    // Without the form token the post is refused.
    const csrf = csrfPair(t.app);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/richiesta-assistenza',
      remoteAddress: '10.7.1.1',
      headers: { host: 'localhost', cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(VALID).toString(),
    });
    expect(noToken.statusCode).toBe(403);
  });

  it('counts 600 characters with Windows line ends as a browser sends them', async () => {
    const details = `${'a'.repeat(299)}\r\n${'b'.repeat(300)}`;
    const { res } = await send({ ...VALID, details });
    expect(res.statusCode).toBe(303);
    const row = await requestByRef(refOf(res.headers.location as string));
    expect(row!.details).toHaveLength(600);
  });
});

describe('richiesta di assistenza: sending', () => {
  it('stores the request, routes it to the category’s office, e-mails the citizen, tells the office and the operators, emits the event', async () => {
    const tributi = await officeId('ufficio-tributi');
    const member = await makeStaff(t.app, t.tenant, ['office'], { officeIds: [tributi], email: 'tributi@comune.example' });
    const operator = await makeStaff(t.app, t.tenant, ['operator'], { email: 'operatore@comune.example' });
    const elsewhere = await makeStaff(t.app, t.tenant, ['office'], { officeIds: [await officeId('ufficio-anagrafe')] });
    const editor = await makeStaff(t.app, t.tenant, ['editor'], { officeIds: [tributi] });

    const { b, res } = await send({ ...VALID, email: 'routing@example.org' });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/richiesta-assistenza\/inviata\?ref=AS-[0-9A-F]{8}$/);
    const reference = refOf(location);

    const row = await requestByRef(reference);
    expect(row).toMatchObject({ status: 'submitted', name: 'Giulia', surname: 'Bianchi', email: 'routing@example.org', category: VALID.category, serviceSlug: null, officeSlug: 'ufficio-tributi', citizenId: null, locale: 'it' });
    expect(row!.submittedAt).toBeInstanceOf(Date);

    const [mail] = await deliveriesTo('"Giulia Bianchi" <routing@example.org>');
    expect(mail!.subject).toBe(`Abbiamo ricevuto la tua richiesta ${reference}`);
    expect(mail!.bodyText).toContain('Categoria di servizio: Tributi, finanze e contravvenzioni');
    expect(mail!.bodyText).toContain('Ufficio che la gestisce: Ufficio tributi');
    expect(mail!.bodyText).toContain('come si calcola la TARI');

    const inboxes = await db((tx) => tx.select().from(notifications).where(eq(notifications.template, 'site.assistance-new')));
    const told = inboxes.filter((n) => n.subject === `Nuova richiesta di assistenza ${reference}`).map((n) => n.recipientId);
    expect(told).toEqual(expect.arrayContaining([member.id, operator.id]));
    expect(told).not.toContain(elsewhere.id);
    expect(told).not.toContain(editor.id);
    expect(inboxes.find((n) => n.recipientId === member.id)!.link).toBe(`/admin/assistenza/${row!.id}`);
    expect((await deliveriesTo('tributi@comune.example')).length).toBeGreaterThan(0);

    const events = await db((tx) => tx.select().from(domainEvents).where(eq(domainEvents.name, 'site.assistance-request.submitted')));
    expect(events.some((e) => e.payload.reference === reference && e.payload.officeSlug === 'ufficio-tributi')).toBe(true);

    // The confirmation, in the browser that sent it: reference, summary, e-mail, the rating for a finished service.
    const page = await b.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1[^>]*>Richiesta inviata<\/h1>/);
    expect(page.body).toContain(`Il numero della richiesta è ${reference}.`);
    expect(page.body).toContain('Ti abbiamo inviato una e-mail a routing@example.org con il riepilogo.');
    expect(page.body).toContain('Ufficio tributi');
    expect(page.body).toContain('Vorrei sapere come si calcola la TARI per una seconda casa.<br/>Grazie.');
    expect(page.body).toMatch(/data-element="feedback-title"[^>]*>Quanto è stato facile usare questo servizio\?</);
    expect(page.body).toMatch(/<ol[^>]*data-element="breadcrumb"[^>]*>.*<a href="\/richiesta-assistenza">Richiesta di assistenza<\/a>.*Richiesta inviata<\/li><\/ol>/s);

    // Back from the rating widget (which drops the query) the same browser still sees its request.
    const rated = await b.get('/richiesta-assistenza/inviata?feedback=grazie');
    expect(rated.body).toContain(`Il numero della richiesta è ${reference}.`);

    // Anyone else who has the link sees no personal data.
    const stranger = await browser().get(location);
    expect(stranger.statusCode).toBe(200);
    expect(stranger.body).not.toContain('routing@example.org');
    expect(stranger.body).not.toContain('TARI');
    expect(stranger.body).toContain('Riepilogo non disponibile');
    const forged = await t.app.inject({ url: location, headers: { host: 'localhost', cookie: `piazza_assistenza=${reference}` } });
    expect(forged.body).not.toContain('routing@example.org');
  });

  it('routes a request with a service to the service’s office, and writes in English to an English form', async () => {
    const { res } = await send(
      { ...VALID, email: 'english@example.org', category: 'Anagrafe e stato civile', service: 'matrimonio-civile', details: 'When can we get married?' },
      browser(),
      '/richiesta-assistenza?lang=en',
    );
    expect(res.statusCode).toBe(303);
    const reference = refOf(res.headers.location as string);
    expect(await requestByRef(reference)).toMatchObject({ serviceSlug: 'matrimonio-civile', officeSlug: 'ufficio-stato-civile', locale: 'en' });
    const [mail] = await deliveriesTo('"Giulia Bianchi" <english@example.org>');
    expect(mail!.subject).toBe(`We received your request ${reference}`);
    expect(mail!.bodyText).toContain('Service category: Civil registry and vital records');
  });

  it('limits each address to 5 posts a minute', async () => {
    const b = browser();
    const token = await b.csrfFrom('/richiesta-assistenza');
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await b.post('/richiesta-assistenza', { _csrf: token, action: 'send' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});

describe('richiesta di assistenza: drafts of a logged-in citizen', () => {
  it('prefills the profile, saves one draft, reloads it, and turns it into the request when sent', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'VRDLGU80A01L219X', givenName: 'Luigi', familyName: 'Verdi', email: 'luigi.verdi@example.org' });
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    const b = browser().withCookies(cookie);
    const first = await b.get('/richiesta-assistenza');
    expect(first.body).toContain('value="Luigi"');
    expect(first.body).toContain('value="Verdi"');
    expect(first.body).toContain('value="luigi.verdi@example.org"');
    expect(first.body).toContain('Salva bozza');

    const token = await b.csrfFrom('/richiesta-assistenza');
    const saved = await b.post('/richiesta-assistenza', { _csrf: token, name: 'Luigi', surname: 'Verdi', email: 'luigi.verdi@example.org', category: 'Ambiente', service: '', details: 'Prima versione', action: 'draft' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/richiesta-assistenza?bozza=salvata');
    const again = await b.post('/richiesta-assistenza', { _csrf: token, name: 'Luigi', surname: '', email: 'luigi.verdi@example.org', category: 'Ambiente', service: '', details: 'Seconda versione', action: 'draft' });
    expect(again.statusCode).toBe(303);
    const drafts = await db((tx) => tx.select().from(siteAssistanceRequests).where(and(eq(siteAssistanceRequests.citizenId, c.id), eq(siteAssistanceRequests.status, 'draft'))));
    expect(drafts).toHaveLength(1);

    const reloaded = await b.get('/richiesta-assistenza?bozza=salvata');
    expect(reloaded.body).toContain('Bozza salvata.');
    expect(reloaded.body).toContain('Seconda versione</textarea>');
    expect(reloaded.body).toContain('<option value="Ambiente" selected>');
    expect(reloaded.body).toMatch(/id="surname" name="surname" value required/);
    expect((await b.get('/richiesta-assistenza')).body).toContain('Hai una bozza salvata');

    // A draft still checks what it can: an invalid e-mail is not stored.
    const badDraft = await b.post('/richiesta-assistenza', { _csrf: token, name: 'Luigi', email: 'x@', category: '', details: '', action: 'draft' });
    expect(badDraft.statusCode).toBe(400);

    const sent = await b.post('/richiesta-assistenza', { _csrf: token, name: 'Luigi', surname: 'Verdi', email: 'luigi.verdi@example.org', category: 'Ambiente', service: '', details: 'Versione finale', privacy: '1', action: 'send' });
    expect(sent.statusCode).toBe(303);
    const reference = refOf(sent.headers.location as string);
    const row = await requestByRef(reference);
    expect(row).toMatchObject({ id: drafts[0]!.id, status: 'submitted', details: 'Versione finale', citizenId: c.id, officeSlug: 'ufficio-ambiente' });
    const left = await db((tx) => tx.select().from(siteAssistanceRequests).where(and(eq(siteAssistanceRequests.citizenId, c.id), eq(siteAssistanceRequests.status, 'draft'))));
    expect(left).toHaveLength(0);
    // Inbox of the personal area and one e-mail to the same address.
    const inbox = await db((tx) => tx.select().from(notifications).where(eq(notifications.recipientId, c.id)));
    expect(inbox.map((n) => n.subject)).toContain(`Abbiamo ricevuto la tua richiesta ${reference}`);
    expect(await deliveriesTo('luigi.verdi@example.org')).toHaveLength(1);
    // The owner sees the summary from any browser once logged in.
    const owner = await browser().withCookies(cookie).get(`/richiesta-assistenza/inviata?ref=${reference}`);
    expect(owner.body).toContain('Versione finale');
    // After sending, the form starts again from the profile.
    expect((await b.get('/richiesta-assistenza')).body).not.toContain('Versione finale');
  });

  it('asks an anonymous visitor to log in to save a draft, keeping what they wrote', async () => {
    const { res } = await send({ ...VALID, action: 'draft' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Per salvare una bozza devi accedere');
    expect(res.body).toContain('value="Giulia"');
  });
});

describe('staff inbox', () => {
  let tributiRef: string;
  let anagrafeRef: string;
  beforeAll(async () => {
    tributiRef = refOf((await send({ ...VALID, email: 'inbox1@example.org', details: 'Richiesta sui tributi' })).res.headers.location as string);
    anagrafeRef = refOf(
      (await send({ ...VALID, email: 'inbox2@example.org', category: 'Anagrafe e stato civile', service: 'certificati-anagrafici', details: 'Richiesta anagrafe' })).res.headers.location as string,
    );
  });

  it('shows office members only their offices’ requests, operators and admins all; others are refused', async () => {
    const member = await makeStaff(t.app, t.tenant, ['office'], { officeIds: [await officeId('ufficio-tributi')] });
    const operator = await makeStaff(t.app, t.tenant, ['operator']);
    const editor = await makeStaff(t.app, t.tenant, ['editor']);
    const get = async (who: string, url: string) => t.app.inject({ url, headers: { host: 'localhost', cookie: (await loginCookie(t.app, t.tenant, 'staff', who)).cookie } });

    const mine = await get(member.id, '/admin/assistenza');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`data-reference="${tributiRef}"`);
    expect(mine.body).not.toContain(`data-reference="${anagrafeRef}"`);
    expect(mine.body).not.toContain('<option value="ufficio-anagrafe"');

    const all = await get(operator.id, '/admin/assistenza');
    expect(all.body).toContain(`data-reference="${tributiRef}"`);
    expect(all.body).toContain(`data-reference="${anagrafeRef}"`);
    // Newest first.
    expect(all.body.indexOf(anagrafeRef)).toBeLessThan(all.body.indexOf(tributiRef));

    const filtered = await get(operator.id, '/admin/assistenza?office=ufficio-anagrafe&status=submitted');
    expect(filtered.body).toContain(anagrafeRef);
    expect(filtered.body).not.toContain(tributiRef);
    const closedOnly = await get(operator.id, '/admin/assistenza?status=closed&office=%27%3B--');
    expect(closedOnly.statusCode).toBe(200);
    expect(closedOnly.body).not.toContain(anagrafeRef);

    const anagrafe = await requestByRef(anagrafeRef);
    expect((await get(member.id, `/admin/assistenza/${anagrafe!.id}`)).statusCode).toBe(404);
    expect((await get(operator.id, `/admin/assistenza/${anagrafe!.id}`)).statusCode).toBe(200);
    expect((await get(operator.id, '/admin/assistenza/non-un-id')).statusCode).toBe(404);
    expect((await get(editor.id, '/admin/assistenza')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: '/admin/assistenza', headers: { host: 'localhost' } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/auth/login');

    const home = await get(member.id, '/admin');
    expect(home.body).toContain('href="/admin/assistenza"');
    expect((await get(editor.id, '/admin')).body).not.toContain('href="/admin/assistenza"');
  });

  it('changes status and note with an audit entry, and tells the citizen when the request is closed', async () => {
    const member = await makeStaff(t.app, t.tenant, ['office'], { officeIds: [await officeId('ufficio-tributi')] });
    const { cookie, csrfToken } = await loginCookie(t.app, t.tenant, 'staff', member.id);
    const row = await requestByRef(tributiRef);
    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/admin/assistenza/${row!.id}`,
        headers: { host: 'localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfToken, ...fields }).toString(),
      });

    const taken = await post({ status: 'in-progress', staffNote: 'Chiamare il contribuente', closingMessage: '' });
    expect(taken.statusCode).toBe(303);
    expect(await requestByRef(tributiRef)).toMatchObject({ status: 'in-progress', staffNote: 'Chiamare il contribuente', handledBy: member.email });

    const invalid = await post({ status: 'draft', staffNote: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Scegli uno stato valido.');
    expect((await post({ status: 'closed', staffNote: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await requestByRef(tributiRef))!.status).toBe('in-progress');

    const closed = await post({ status: 'closed', staffNote: 'Chiamato il 3 marzo', closingMessage: 'La TARI per la seconda casa si paga per intero.' });
    expect(closed.statusCode).toBe(303);
    const after = await requestByRef(tributiRef);
    expect(after).toMatchObject({ status: 'closed', staffNote: 'Chiamato il 3 marzo' });
    expect(after!.closedAt).toBeInstanceOf(Date);

    const audit = await db((tx) => tx.select().from(auditLog).where(and(eq(auditLog.entityType, 'site.assistance-request'), eq(auditLog.entityId, row!.id))));
    expect(audit.map((a) => [a.action, a.details.from, a.details.to])).toEqual([
      ['site.assistance-request.updated', 'submitted', 'in-progress'],
      ['site.assistance-request.updated', 'in-progress', 'closed'],
    ]);
    expect(audit.every((a) => a.actorId === member.id)).toBe(true);

    const mails = await deliveriesTo('"Giulia Bianchi" <inbox1@example.org>');
    const closing = mails.find((m) => m.subject === `La tua richiesta ${tributiRef} è stata chiusa`);
    expect(closing!.bodyText).toContain('La TARI per la seconda casa si paga per intero.');

    // Saving again without changes writes nothing and sends nothing more.
    expect((await post({ status: 'closed', staffNote: 'Chiamato il 3 marzo' })).statusCode).toBe(303);
    expect(await db((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, row!.id)))).toHaveLength(2);
    expect((await deliveriesTo('"Giulia Bianchi" <inbox1@example.org>')).length).toBe(mails.length);

    const page = await t.app.inject({ url: `/admin/assistenza/${row!.id}?salvato=1`, headers: { host: 'localhost', cookie } });
    expect(page.body).toContain('Modifiche salvate.');
    expect(page.body).toContain('Chiusa');
    expect(page.body).toContain('Richiesta sui tributi');
  });
});

describe('prenotazione appuntamento (interim)', () => {
  it('lists the offices that take appointments with hours, phone and e-mail, and says how to book', async () => {
    const res = await t.app.inject({ url: '/prenotazione-appuntamento', headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Prenotazione appuntamento<\/h1>/);
    expect(html).toContain('Per ora gli appuntamenti si prenotano per telefono o per e-mail');
    expect(html).toContain('data-office="ufficio-anagrafe"');
    expect(html).toContain('data-office="ufficio-tributi"');
    expect(html).not.toContain('data-office="ufficio-elettorale"'); // not bookable
    expect(html).toContain('href="tel:+390153507201"');
    expect(html).toContain('href="mailto:anagrafe@comune.biella.example?subject=');
    expect(html).toContain('Orario settimanale');
    expect(html).toContain('Cosa portare');
  });

  it('highlights ?ufficio= and puts the service’s office first with what the service needs', async () => {
    const office = await t.app.inject({ url: '/prenotazione-appuntamento?ufficio=ufficio-tributi', headers: { host: 'localhost' } });
    expect(/data-office="([^"]+)"/.exec(office.body)![1]).toBe('ufficio-tributi');
    expect(office.body).toContain('Ufficio scelto');
    const service = await t.app.inject({ url: '/prenotazione-appuntamento?servizio=carta-identita-elettronica', headers: { host: 'localhost' } });
    expect(/data-office="([^"]+)"/.exec(service.body)![1]).toBe('ufficio-anagrafe');
    expect(service.body).toContain('Ufficio competente per il servizio');
    expect(service.body).toContain('Una fototessera recente');
    const notBookable = await t.app.inject({ url: '/prenotazione-appuntamento?servizio=tessera-elettorale', headers: { host: 'localhost' } });
    expect(/data-office="([^"]+)"/.exec(notBookable.body)![1]).toBe('ufficio-elettorale');
    expect(notBookable.body).toContain('Questo ufficio non riceve su appuntamento');
    for (const q of ['?ufficio=non-esiste', '?servizio=%00', '?ufficio[]=x', '?lang=en']) {
      const r = await t.app.inject({ url: `/prenotazione-appuntamento${q}`, headers: { host: 'localhost' } });
      expect(r.statusCode, q).toBe(200);
    }
    const en = await t.app.inject({ url: '/prenotazione-appuntamento?lang=en', headers: { host: 'localhost' } });
    expect(en.body).toContain('For now appointments are booked by phone or by e-mail');
  });
});
