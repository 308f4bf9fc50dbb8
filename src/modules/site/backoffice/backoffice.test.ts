import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog } from '../../../core/db/schema.ts';
import type { StaffRole } from '../../../core/auth/types.ts';
import { makePdf, seedSiteContent } from '../seed.ts';
import { siteContents } from '../schema.ts';
import { findPublished, getEditable } from '../content/repository.ts';
import { detailRenderer, registerDetailRenderer } from '../content/renderers.ts';
import type { ContentDataMap, ContentType } from '../content/types.ts';
import { demoServices } from '../demo/services.ts';
import { demoEvents, demoNews } from '../demo/news-events-places.ts';
import { demoOffices } from '../demo/areas-offices.ts';
import { toRaw, type Raw } from './parse.ts';

let t: TestApp;
let editor: { cookie: string; csrf: string };
let admin: { cookie: string; csrf: string };
let png: Buffer;

async function login(roles: StaffRole[]) {
  const s = await makeStaff(t.app, t.tenant, roles);
  const { cookie, csrfToken } = await loginCookie(t.app, t.tenant, 'staff', s.id);
  return { cookie, csrf: csrfToken };
}

/** Whether the preview test registered its own area renderer (the area page had not registered one). */
let testRendererUsed = false;

beforeAll(async () => {
  t = await buildTestApp();
  if (!detailRenderer('area')) {
    testRendererUsed = true;
    registerDetailRenderer('area', (_req, reply, item, opts) => reply.type('text/html').send(`<h1>${item.data.name.it}</h1><p>preview=${opts.preview}</p>`));
  }
  await seedSiteContent(t.ctx, t.tenant);
  editor = await login(['editor']);
  admin = await login(['admin']);
  png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#3366cc' } }).png().toBuffer();
});
afterAll(async () => {
  await t?.close();
});

interface UploadPart {
  name: string;
  filename: string;
  type: string;
  bytes: Buffer | Uint8Array;
}

/** A multipart form as a browser sends it: text fields (repeated for checkboxes) and files. */
function multipart(fields: Raw, files: UploadPart[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----piazzaBackOffice9d2c1f';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function postForm(who: { cookie: string; csrf: string }, url: string, fields: Raw, files: UploadPart[] = [], withCsrf = true) {
  const m = multipart(withCsrf ? { _csrf: who.csrf, ...fields } : fields, files);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: who.cookie } });
}

async function postUrlencoded(who: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const get = (who: { cookie: string } | null, url: string) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);
const idFrom = (location: string | undefined) => /\/admin\/sito\/\w+\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

async function rowBySlug(type: ContentType, slug: string) {
  const [r] = await tx((x) => x.select().from(siteContents).where(and(eq(siteContents.type, type), eq(siteContents.slug, slug))));
  return r;
}

/** A valid form for a content: a demo content's values, with some changed. */
function formOf<T extends ContentType>(type: T, data: ContentDataMap[T], over: Raw = {}): Raw {
  return { ...toRaw(type, data), ...over };
}
const strip = <T extends { slug: string }>({ slug: _s, ...d }: T) => d;

describe('access to the back office', () => {
  it('sends anonymous visitors to the login, forbids citizens and operators, lets editors in', async () => {
    const anon = await get(null, '/admin/sito');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/auth/login?next=%2Fadmin%2Fsito');
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCMRA85C52A859E' });
    const citizen = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    expect((await get(citizen, '/admin/sito')).statusCode).toBe(403);
    const operator = await login(['operator']);
    expect((await get(operator, '/admin/sito')).statusCode).toBe(403);
    expect((await get(operator, '/admin/sito/service')).statusCode).toBe(403);
    const op = await postForm(operator, '/admin/sito/faq/nuovo', { 'question.it': 'Domanda?', 'answer.it': 'Risposta.', action: 'draft' });
    expect(op.statusCode).toBe(403);
    const anonPost = await t.app.inject({ method: 'POST', url: '/admin/sito/faq/nuovo', ...multipart({ 'question.it': 'Domanda?' }) });
    expect(anonPost.statusCode).toBe(401);

    const home = await get(editor, '/admin');
    expect(home.body).toContain('href="/admin/sito"');
    expect(home.body).toContain('Contenuti del sito');
    expect((await get(operator, '/admin')).body).not.toContain('href="/admin/sito"');
  });

  it('lists the 10 content types with Italian and English names and counts', async () => {
    const res = await get(editor, '/admin/sito');
    expect(res.statusCode).toBe(200);
    for (const [it, en] of [
      ['Servizi', 'Services'],
      ['Uffici', 'Offices'],
      ['Aree amministrative', 'Administrative areas'],
      ['Notizie, comunicati e avvisi', 'News, press releases and notices'],
      ['Eventi', 'Events'],
      ['Luoghi', 'Places'],
      ['Persone', 'People'],
      ['Enti e fondazioni', 'Bodies and foundations'],
      ['Documenti', 'Documents'],
      ['Domande frequenti', 'Frequently asked questions'],
    ]) {
      expect(res.body).toContain(`>${it}</a>`);
      expect(res.body).toContain(`lang="en">${en}</span>`);
    }
    // 39 published demo services, no drafts
    expect(res.body).toMatch(/href="\/admin\/sito\/service">Servizi<\/a>[\s\S]*?<td class="text-end">39<\/td><td class="text-end">0<\/td><td class="text-end">0<\/td>/);
    const en = await get(editor, '/admin/sito?lang=en');
    expect(en.body).toContain('>Services</a>');
    expect(en.body).toContain('lang="it">Servizi</span>');
  });

  it('answers unknown types and ids with 404, never 500', async () => {
    expect((await get(editor, '/admin/sito/ricette')).statusCode).toBe(404);
    expect((await get(editor, '/admin/sito/service/not-a-uuid')).statusCode).toBe(404);
    expect((await get(editor, '/admin/sito/service/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const office = await rowBySlug('office', demoOffices[0]!.slug);
    expect((await get(editor, `/admin/sito/service/${office!.id}`)).statusCode).toBe(404);
  });
});

describe('the form of every content type', () => {
  it('labels every input, with unique ids, one h1 and the CSRF field in a multipart form', async () => {
    for (const type of ['service', 'office', 'area', 'news', 'event', 'place', 'person', 'organisation', 'document', 'faq'] as const) {
      const [r] = await tx((x) => x.select({ id: siteContents.id }).from(siteContents).where(eq(siteContents.type, type)).limit(1));
      for (const url of [`/admin/sito/${type}/nuovo`, `/admin/sito/${type}/${r!.id}`]) {
        const res = await get(editor, url);
        expect(res.statusCode, url).toBe(200);
        const html = res.body;
        expect(html.match(/<h1[ >]/g), url).toHaveLength(1);
        expect(/<form method="post" action="[^"]+" enctype="multipart\/form-data" novalidate data-bo-form><input type="hidden" name="_csrf" value="[^"]+"\/>/.test(html), url).toBe(true);
        const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
        expect(ids.filter((id, i) => ids.indexOf(id) !== i), url).toEqual([]);
        const controls = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].filter((m) => !/type="(hidden|submit)"/.test(m[2]!));
        for (const c of controls) {
          const id = / id="([^"]+)"/.exec(c[2]!)?.[1];
          expect(id, c[0]).toBeTruthy();
          expect(html.includes(`for="${id}"`) || /aria-label="/.test(c[2]!), `${url}: ${c[0]}`).toBe(true);
        }
      }
    }
  });
});

describe('list of a content type', () => {
  it('searches, paginates and shows status badges with links to edit, preview and the public page', async () => {
    const res = await get(editor, '/admin/sito/service');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('39 contenuti.');
    expect(res.body).toContain('Pagina 1 di 2');
    expect(res.body).toContain('<span class="badge bg-success me-1">Pubblicato</span>');
    const page2 = await get(editor, '/admin/sito/service?page=2');
    expect(page2.body).toContain('Pagina 2 di 2');
    const q = await get(editor, '/admin/sito/service?q=identit%C3%A0');
    expect(q.body).toContain('carta-identita-elettronica');
    expect(q.body).toContain('href="/servizi/carta-identita-elettronica"');
    const row = await rowBySlug('service', 'carta-identita-elettronica');
    expect(q.body).toContain(`href="/admin/sito/service/${row!.id}"`);
    expect(q.body).toContain(`href="/admin/sito/service/${row!.id}/anteprima"`);
    const none = await get(editor, '/admin/sito/service?q=zzzzzz');
    expect(none.body).toContain('0 contenuti per «zzzzzz».');
  });
});

describe('creating contents', () => {
  it('creates a service: field errors with every value kept, then a draft that citizens do not see', async () => {
    const demo = strip(demoServices[0]!);
    const bad = await postForm(editor, '/admin/sito/service/nuovo', {
      ...formOf('service', demo, { 'title.it': '', 'title.en': 'Parking permit for residents', topics: [], office: '' }),
      action: 'draft',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Il contenuto non è stato salvato');
    expect(bad.body).toMatch(/<a href="#f-title-it">Titolo – Italiano: Campo obbligatorio\.<\/a>/);
    expect(bad.body).toContain('id="f-title-it-error"');
    expect(bad.body).toContain('Scegli da 1 a 4 argomenti.');
    expect(bad.body).toMatch(/id="f-office-error"[^>]*>Scegli un valore\./);
    // what was typed is still there
    expect(bad.body).toContain('value="Parking permit for residents"');
    expect(bad.body).toContain(demo.summary.it);

    const ok = await postForm(editor, '/admin/sito/service/nuovo', {
      ...formOf('service', demo, { 'title.it': 'Permesso di sosta per residenti', 'title.en': 'Parking permit for residents', topics: ['Parcheggi', 'Mobilità sostenibile'] }),
      action: 'draft',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/admin\/sito\/service\/[0-9a-f-]{36}\?fatto=creato$/);
    const item = await tx((x) => getEditable<'service'>(x, idFrom(ok.headers.location)));
    expect(item?.slug).toBe('permesso-di-sosta-per-residenti');
    expect(item?.published).toBeNull();
    expect(item?.draft.title).toEqual({ it: 'Permesso di sosta per residenti', en: 'Parking permit for residents' });
    expect(item?.draft.topics).toEqual(['Parcheggi', 'Mobilità sostenibile']);
    expect(await tx((x) => findPublished(x, 'service', 'permesso-di-sosta-per-residenti'))).toBeNull();

    const page = await get(editor, ok.headers.location!);
    expect(page.body).toContain('Contenuto creato come bozza');
    expect(page.body).toContain('<span class="badge bg-secondary">Bozza</span>');
    expect(page.body).not.toContain('name="slug"');
    expect(page.body).toContain('value="Parking permit for residents"');
    if (t.app.hasRoute({ method: 'GET', url: '/servizi/:slug' })) expect((await get(null, '/servizi/permesso-di-sosta-per-residenti')).statusCode).toBe(404);
  });

  it('creates a news item, refusing a reserved or taken slug', async () => {
    const demo = strip(demoNews[0]!);
    const reserved = await postForm(editor, '/admin/sito/news/nuovo', { ...formOf('news', demo), slug: 'avvisi', action: 'draft' });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.body).toContain('Questo indirizzo è riservato');
    expect(reserved.body).toContain('value="avvisi"');
    const taken = await postForm(editor, '/admin/sito/news/nuovo', { ...formOf('news', demo), slug: demoNews[0]!.slug, action: 'draft' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('è già usato da un altro contenuto');
    const invalid = await postForm(editor, '/admin/sito/news/nuovo', { ...formOf('news', demo, { date: '2026-02-31' }), slug: 'Notizia Con Spazi', action: 'draft' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Usa solo lettere minuscole');
    expect(invalid.body).toContain('Data non valida');
    const ok = await postForm(editor, '/admin/sito/news/nuovo', {
      ...formOf('news', demo, { 'title.it': 'Nuova apertura della biblioteca', 'title.en': 'The library reopens', services: ['iscrizione-biblioteca-civica'] }),
      slug: 'riapertura-biblioteca',
      action: 'publish',
    });
    expect(ok.statusCode).toBe(303);
    const item = await tx((x) => getEditable<'news'>(x, idFrom(ok.headers.location)));
    expect(item?.slug).toBe('riapertura-biblioteca');
    expect(item?.published?.services).toEqual(['iscrizione-biblioteca-civica']);
    expect((await tx((x) => findPublished(x, 'news', 'riapertura-biblioteca')))?.data.title.en).toBe('The library reopens');
  });

  it('creates an event, checking the dates and the place', async () => {
    const demo = strip(demoEvents[0]!);
    const bad = await postForm(editor, '/admin/sito/event/nuovo', { ...formOf('event', demo, { 'title.it': 'Concerto di Capodanno', start: '2026-12-31T21:00', end: '2026-12-31T20:00', place: 'luogo-inesistente' }), action: 'draft' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('La fine deve essere uguale o successiva all’inizio.');
    expect(bad.body).toContain('Il contenuto scelto non esiste più');
    expect(bad.body).toContain('value="2026-12-31T21:00"');
    const ok = await postForm(editor, '/admin/sito/event/nuovo', { ...formOf('event', demo, { 'title.it': 'Concerto di Capodanno', 'title.en': 'New Year’s Eve concert', start: '2026-12-31T21:00', end: '2027-01-01T00:30' }), action: 'draft' });
    expect(ok.statusCode).toBe(303);
    const item = await tx((x) => getEditable<'event'>(x, idFrom(ok.headers.location)));
    expect(item?.draft).toMatchObject({ start: '2026-12-31T21:00', end: '2027-01-01T00:30', place: demo.place, title: { en: 'New Year’s Eve concert' } });
  });

  it('creates an office with its opening hours', async () => {
    const demo = strip(demoOffices[0]!);
    const base = formOf('office', demo, { 'name.it': 'Sportello polifunzionale di quartiere', 'name.en': 'Neighbourhood one-stop desk' });
    for (const k of Object.keys(base)) if (k.startsWith('hours.')) delete base[k];
    const bad = await postForm(editor, '/admin/sito/office/nuovo', { ...base, 'hours.mon.1.open': '09:00', 'hours.mon.1.close': '08:00', lat: 'nord', action: 'draft' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('La chiusura deve essere dopo l’apertura.');
    expect(bad.body).toContain('Inserisci un numero tra -90 e 90.');
    expect(bad.body).toContain('value="nord"');
    const ok = await postForm(editor, '/admin/sito/office/nuovo', {
      ...base,
      'hours.mon.1.open': '08:30',
      'hours.mon.1.close': '12:30',
      'hours.thu.1.open': '08:30',
      'hours.thu.1.close': '12:30',
      'hours.thu.2.open': '14:00',
      'hours.thu.2.close': '17:00',
      'hours.exceptions.it': '2026-12-24 Vigilia di Natale',
      'hours.exceptions.en': '2026-12-24 Christmas Eve',
      action: 'draft',
    });
    expect(ok.statusCode).toBe(303);
    const item = await tx((x) => getEditable<'office'>(x, idFrom(ok.headers.location)));
    expect(item?.slug).toBe('sportello-polifunzionale-di-quartiere');
    expect(item?.draft.hours).toEqual({
      weekly: [
        { day: 'mon', open: '08:30', close: '12:30' },
        { day: 'thu', open: '08:30', close: '12:30' },
        { day: 'thu', open: '14:00', close: '17:00' },
      ],
      exceptions: [{ date: '2026-12-24', closed: true, reason: { it: 'Vigilia di Natale', en: 'Christmas Eve' } }],
    });
    const page = await get(editor, ok.headers.location!);
    expect(page.body).toMatch(/name="hours\.thu\.2\.close" value="17:00"/);
  });

  it('refuses a multipart form without its CSRF token', async () => {
    const res = await postForm(editor, '/admin/sito/faq/nuovo', { 'question.it': 'Senza token?', 'answer.it': 'No.', action: 'draft' }, [], false);
    expect(res.statusCode).toBe(403);
    expect(await rowBySlug('faq', 'senza-token')).toBeUndefined();
  });
});

describe('images and files', () => {
  it('requires the alternative text of an uploaded image, keeping the upload while the form has errors', async () => {
    const demo = strip(demoNews[1]!);
    const fields = { ...formOf('news', demo, { 'title.it': 'Lavori in piazza Martiri', 'title.en': '' }), action: 'draft' };
    const noAlt = await postForm(editor, '/admin/sito/news/nuovo', fields, [{ name: 'image.file', filename: 'piazza.png', type: 'image/png', bytes: png }]);
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Il testo alternativo è obbligatorio quando c’è un’immagine.');
    const uploadId = /name="image\.current" value="([0-9a-f-]{36})"/.exec(noAlt.body)?.[1];
    expect(uploadId).toBeTruthy();
    expect(noAlt.body).toContain(`src="/uploads/${uploadId}"`);

    const ok = await postForm(editor, '/admin/sito/news/nuovo', { ...fields, 'image.current': uploadId!, 'image.alt.it': 'Il cantiere in piazza Martiri', 'image.alt.en': 'The building site in Piazza Martiri' });
    expect(ok.statusCode).toBe(303);
    const id = idFrom(ok.headers.location);
    const item = await tx((x) => getEditable<'news'>(x, id));
    expect(item?.draft.image).toEqual({ uploadId, alt: { it: 'Il cantiere in piazza Martiri', en: 'The building site in Piazza Martiri' } });
    expect((await get(editor, `/uploads/${uploadId}`)).statusCode).toBe(200);

    // saving again without a new file keeps the image; a new file replaces it; "remove" takes it away
    const form = await get(editor, `/admin/sito/news/${id}`);
    expect(form.body).toContain(`name="image.current" value="${uploadId}"`);
    const keep = await postForm(editor, `/admin/sito/news/${id}`, { ...formOf('news', item!.draft), action: 'draft' });
    expect(keep.statusCode).toBe(303);
    expect((await tx((x) => getEditable<'news'>(x, id)))?.draft.image?.uploadId).toBe(uploadId);
    const replaced = await postForm(editor, `/admin/sito/news/${id}`, { ...formOf('news', item!.draft), action: 'draft' }, [{ name: 'image.file', filename: 'nuova.png', type: 'image/png', bytes: png }]);
    expect(replaced.statusCode).toBe(303);
    const after = (await tx((x) => getEditable<'news'>(x, id)))!.draft;
    expect(after.image?.uploadId).not.toBe(uploadId);
    expect(after.image?.alt.it).toBe('Il cantiere in piazza Martiri');
    const removed = await postForm(editor, `/admin/sito/news/${id}`, { ...formOf('news', after), 'image.remove': 'on', action: 'draft' });
    expect(removed.statusCode).toBe(303);
    expect((await tx((x) => getEditable<'news'>(x, id)))?.draft.image).toBeUndefined();
  });

  it('refuses a file that is not an image, with the error next to the field', async () => {
    const demo = strip(demoNews[2]!);
    const res = await postForm(editor, '/admin/sito/news/nuovo', { ...formOf('news', demo, { 'title.it': 'Foto sbagliata' }), 'image.alt.it': 'x', action: 'draft' }, [
      { name: 'image.file', filename: 'foto.png', type: 'image/png', bytes: Buffer.from('not an image') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="f-image-file-error"[^>]*>Questo tipo di file non è accettato/);
  });

  it('attaches PDFs with a title to a document', async () => {
    const pdf = await makePdf('Regolamento del verde', ['Articolo 1.']);
    const fields: Raw = {
      'title.it': 'Regolamento del verde urbano',
      'title.en': 'Urban green spaces regulation',
      kind: 'regolamento',
      'description.it': 'Le regole per la cura del verde pubblico e privato.',
      date: '2026-03-01',
      topics: ['Spazio Verde'],
      'attachments.count': '0',
      action: 'draft',
    };
    const bad = await postForm(editor, '/admin/sito/document/nuovo', { ...fields, 'attachments.new0.title.it': 'Testo del regolamento', 'attachments.new1.title.it': 'Allegato senza file' }, [
      { name: 'attachments.new0.file', filename: 'regolamento.pdf', type: 'application/pdf', bytes: pdf },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Hai scritto il titolo ma non hai scelto il file PDF.');
    // the PDF that did arrive is now a row of the list, with its title
    expect(bad.body).toContain('name="attachments.count" value="1"');
    expect(bad.body).toContain('value="Testo del regolamento"');
    const notPdf = await postForm(editor, '/admin/sito/document/nuovo', { ...fields, 'attachments.new0.title.it': 'Foto' }, [{ name: 'attachments.new0.file', filename: 'foto.png', type: 'image/png', bytes: png }]);
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.body).toContain('Il file deve essere un documento PDF.');

    const uploadId = /name="attachments\.0\.uploadId" value="([0-9a-f-]{36})"/.exec(bad.body)?.[1];
    const ok = await postForm(editor, '/admin/sito/document/nuovo', {
      ...fields,
      'attachments.count': '1',
      'attachments.0.uploadId': uploadId!,
      'attachments.0.title.it': 'Testo del regolamento',
      'attachments.0.title.en': 'Text of the regulation',
      'attachments.new0.title.it': 'Planimetria',
    }, [{ name: 'attachments.new0.file', filename: 'planimetria.pdf', type: 'application/pdf', bytes: pdf }]);
    expect(ok.statusCode).toBe(303);
    const item = await tx((x) => getEditable<'document'>(x, idFrom(ok.headers.location)));
    expect(item?.draft.attachments?.map((a) => a.title.it)).toEqual(['Testo del regolamento', 'Planimetria']);
    expect(item?.draft.attachments?.[0]).toEqual({ uploadId, title: { it: 'Testo del regolamento', en: 'Text of the regulation' } });
  });
});

describe('drafts, publishing, preview, unpublishing, deleting', () => {
  it('keeps the published version until the editor publishes, then shows the change on the site; unpublishing takes it off', async () => {
    const row = await rowBySlug('service', 'carta-identita-elettronica');
    const id = row!.id;
    const url = `/admin/sito/service/${id}`;
    const current = (await tx((x) => getEditable<'service'>(x, id)))!;
    const saved = await postForm(editor, url, { ...formOf('service', current.draft, { 'title.it': 'Carta d’identità elettronica (CIE) – nuova', 'title.en': 'Electronic identity card – new' }), action: 'draft' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?fatto=salvato`);
    expect((await tx((x) => findPublished(x, 'service', 'carta-identita-elettronica')))?.data.title.it).toBe(current.draft.title.it);
    const page = await get(editor, url);
    expect(page.body).toContain('<span class="badge bg-warning">Modifiche non pubblicate</span>');
    expect(page.body).toContain('Pubblica le modifiche');
    const listed = await get(editor, '/admin/sito/service?q=nuova');
    expect(listed.body).toContain('Modifiche non pubblicate');
    const counts = await get(editor, '/admin/sito');
    expect(counts.body).toMatch(/href="\/admin\/sito\/service">Servizi<\/a>[\s\S]*?<td class="text-end">39<\/td><td class="text-end">1<\/td><td class="text-end">1<\/td>/);

    const hasPage = t.app.hasRoute({ method: 'GET', url: '/servizi/:slug' });
    if (hasPage) expect((await get(null, '/servizi/carta-identita-elettronica')).body).not.toContain('(CIE) – nuova');

    const published = await postForm(editor, url, { ...formOf('service', (await tx((x) => getEditable<'service'>(x, id)))!.draft), action: 'publish' });
    expect(published.headers.location).toBe(`${url}?fatto=pubblicato`);
    expect((await tx((x) => findPublished(x, 'service', 'carta-identita-elettronica')))?.data.title).toEqual({ it: 'Carta d’identità elettronica (CIE) – nuova', en: 'Electronic identity card – new' });
    if (hasPage) {
      expect((await get(null, '/servizi/carta-identita-elettronica')).body).toContain('Carta d’identità elettronica (CIE) – nuova');
      expect((await get(null, '/servizi/carta-identita-elettronica?lang=en')).body).toContain('Electronic identity card – new');
    }

    const off = await postUrlencoded(editor, `${url}/ritira`, {});
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe(`${url}?fatto=ritirato`);
    expect(await tx((x) => findPublished(x, 'service', 'carta-identita-elettronica'))).toBeNull();
    if (hasPage) expect((await get(null, '/servizi/carta-identita-elettronica')).statusCode).toBe(404);
    const again = await postUrlencoded(editor, `${url}/pubblica`, {});
    expect(again.headers.location).toBe(`${url}?fatto=pubblicato`);
    expect(await tx((x) => findPublished(x, 'service', 'carta-identita-elettronica'))).not.toBeNull();
  });

  it('previews the draft through the public page renderer, or says the preview is unavailable', async () => {
    for (const type of ['service', 'news', 'event', 'office', 'place', 'person', 'organisation', 'document', 'faq'] as const) {
      const [r] = await tx((x) => x.select().from(siteContents).where(eq(siteContents.type, type)).limit(1));
      const res = await get(editor, `/admin/sito/${type}/${r!.id}/anteprima`);
      expect(res.statusCode, type).toBe(200);
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
      if (!detailRenderer(type)) expect(res.body).toContain('Anteprima non disponibile');
    }
    // the draft, not the published version, with preview: true
    const area = await rowBySlug('area', 'servizi-demografici');
    const draft = (await tx((x) => getEditable<'area'>(x, area!.id)))!.draft;
    const res = await postForm(editor, `/admin/sito/area/${area!.id}`, { ...formOf('area', draft, { 'name.it': 'Servizi demografici e cimiteriali' }), action: 'preview' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/sito/area/${area!.id}/anteprima`);
    const preview = await get(editor, res.headers.location!);
    expect(preview.body).toContain('Servizi demografici e cimiteriali');
    if (testRendererUsed) expect(preview.body).toContain('preview=true');
    else expect(preview.body).toContain('<meta name="robots" content="noindex"/>');
    expect((await tx((x) => findPublished(x, 'area', 'servizi-demografici')))?.data.name.it).toBe('Servizi demografici');
    expect((await get(null, `/admin/sito/area/${area!.id}/anteprima`)).statusCode).toBe(303);
  });

  it('deletes only unpublished contents, after a confirmation page', async () => {
    const row = await rowBySlug('faq', (await tx((x) => x.select({ slug: siteContents.slug }).from(siteContents).where(eq(siteContents.type, 'faq')).limit(1)))[0]!.slug);
    const url = `/admin/sito/faq/${row!.id}`;
    const early = await get(editor, `${url}/elimina`);
    expect(early.body).toContain('prima di eliminarlo ritiralo dalla pubblicazione');
    expect(early.body).not.toContain('Sì, elimina definitivamente');
    expect((await postUrlencoded(editor, `${url}/elimina`, { confirm: 'yes' })).statusCode).toBe(409);

    await postUrlencoded(editor, `${url}/ritira`, {});
    const edit = await get(editor, url);
    expect(edit.body).toContain(`href="${url}/elimina"`);
    const confirm = await get(editor, `${url}/elimina`);
    expect(confirm.body).toContain('Sì, elimina definitivamente');
    expect(confirm.body).toContain(`action="${url}/elimina"`);
    expect((await postUrlencoded(editor, `${url}/elimina`, {})).statusCode).toBe(400);
    const done = await postUrlencoded(editor, `${url}/elimina`, { confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/sito/faq?fatto=eliminato');
    expect((await get(editor, url)).statusCode).toBe(404);
    expect((await get(editor, done.headers.location!)).body).toContain('Contenuto eliminato.');
  });

  it('records every change in the audit log', async () => {
    const row = await rowBySlug('service', 'carta-identita-elettronica');
    const entries = await tx((x) => x.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.entityId, row!.id))));
    const actions = entries.map((e) => e.action);
    for (const a of ['site.content.draft-saved', 'site.content.published', 'site.content.unpublished']) expect(actions).toContain(a);
    expect(entries.every((e) => e.actorType === 'staff' && e.entityType === 'site.service')).toBe(true);

    const log = await get(admin, '/admin/audit?action=site.content.*');
    expect(log.statusCode).toBe(200);
    for (const a of ['site.content.created', 'site.content.created-published', 'site.content.draft-saved', 'site.content.published', 'site.content.unpublished', 'site.content.deleted']) {
      expect(log.body, a).toContain(`<code>${a}</code>`);
    }
    const uploads = await get(admin, '/admin/audit?action=core.upload.created');
    expect(uploads.body).toContain('<code>core.upload.created</code>');
  });
});
