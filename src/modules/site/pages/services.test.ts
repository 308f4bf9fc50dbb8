import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { seedSiteContent, SERVICE_CONDITIONS_DOCUMENT } from '../seed.ts';
import { countByKind, createContent, findPublished } from '../content/repository.ts';
import { loginCookie, makeStaff } from '../../../core/testing/factories.ts';
import { SERVICE_CATEGORIES, type ContentDataMap } from '../content/types.ts';
import { categoryPath, contentPath, topicPath } from '../content/urls.ts';
import { demoServices } from '../demo/services.ts';
import { detailRenderer } from '../content/renderers.ts';
import { PAGE_SIZE, localityOf, renderService } from './services.tsx';

let t: TestApp;
let total = 0;
let counts = new Map<string, number>();

beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
  counts = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => countByKind(tx, 'service'));
  total = [...counts.values()].reduce((a, b) => a + b, 0);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });

// ——— a small HTML reader (no dependencies): elements by marker, with their balanced inner HTML ———

/** The fields of the JSON-LD the validator reads. */
interface GovernmentService {
  '@context': string;
  '@type': string;
  name: string;
  serviceType: string;
  serviceOperator: { name: string };
  areaServed: { name: string };
  audience: { audienceType: string };
  availableChannel: { serviceUrl?: string; serviceLocation: { name: string; address: { streetAddress: string; postalCode: string; addressLocality: string } } };
}

interface El {
  tag: string;
  attrs: string;
  inner: string;
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const text = (html: string) => decode(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
const attr = (el: El, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(el.attrs);
  return m ? decode(m[1]!) : null;
};

/** Every element whose start tag matches `startRe` (on the attributes), with its inner HTML up to the matching end tag. */
function elements(html: string, attrRe: RegExp): El[] {
  const out: El[] = [];
  const start = /<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(html))) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2] ?? '';
    if (!attrRe.test(attrs)) continue;
    let depth = 1;
    const re = new RegExp(`<(/?)${tag}(?:\\s[^>]*)?>`, 'gi');
    re.lastIndex = start.lastIndex;
    let end = html.length;
    let e: RegExpExecArray | null;
    while ((e = re.exec(html))) {
      depth += e[1] ? -1 : 1;
      if (depth === 0) {
        end = e.index;
        break;
      }
    }
    out.push({ tag, attrs, inner: html.slice(start.lastIndex, end) });
  }
  return out;
}

const byMarker = (html: string, marker: string) => elements(html, new RegExp(`\\sdata-element="${marker}"`));
const one = (html: string, marker: string) => {
  const els = byMarker(html, marker);
  expect(els.length, marker).toBeGreaterThanOrEqual(1);
  return els[0]!;
};

describe('/servizi', () => {
  it('shows title, search form, the 15 categories with counts and at least 10 service cards (Italian)', async () => {
    const res = await get('/servizi');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(text(elements(html, /^/).find((e) => e.tag === 'h1')?.inner ?? '')).toBe('Servizi');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);

    // Search: a GET form with a labelled q field.
    const form = elements(html, /\sid="services-q-form"/)[0]!;
    expect(attr(form, 'role')).toBe('search');
    expect(attr(form, 'method')).toBe('get');
    expect(attr(form, 'action')).toBe('/servizi');
    expect(form.inner).toMatch(/<label for="services-q"[^>]*>Cerca un servizio<\/label>/);
    expect(form.inner).toMatch(/<input[^>]*id="services-q"[^>]*name="q"/);

    // The 15 categories, exact names, in order, linking their pages, each with its count.
    const cats = byMarker(html, 'service-category-link');
    expect(cats.map((c) => c.tag)).toEqual(SERVICE_CATEGORIES.map(() => 'a'));
    expect(cats.map((c) => text(c.inner))).toEqual([...SERVICE_CATEGORIES]);
    expect(cats.map((c) => attr(c, 'href'))).toEqual(SERVICE_CATEGORIES.map((c) => categoryPath(c)));
    const catCards = elements(html, /^/).filter((e) => e.tag === 'li' && e.inner.includes('data-element="service-category-link"'));
    expect(catCards).toHaveLength(15);
    SERVICE_CATEGORIES.forEach((c, i) => {
      const n = counts.get(c) ?? 0;
      expect(n).toBeGreaterThan(0);
      expect(text(catCards[i]!.inner.replace(/></g, "> <"))).toBe(`${c} ${n === 1 ? '1 servizio' : `${n} servizi`}`);
    });

    // The catalogue: a page of cards linking the schede servizio.
    const links = byMarker(html, 'service-link');
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.length).toBe(Math.min(PAGE_SIZE, total));
    for (const l of links) {
      expect(l.tag).toBe('a');
      expect(attr(l, 'href')).toMatch(/^\/servizi\/[a-z0-9-]+$/);
      expect(text(l.inner).length).toBeGreaterThan(3);
    }
    expect(text(html)).toContain(`${total} servizi`);
    expect(text(html)).toContain(`Mostrati ${PAGE_SIZE} di ${total}`);

    // "Carica altri risultati": a real button in a GET form asking for page 2.
    const more = one(html, 'load-other-cards');
    expect(more.tag).toBe('button');
    expect(text(more.inner)).toBe('Carica altri risultati');
    expect(html).toMatch(/<input type="hidden" name="page" value="2"/);

    // Transversal components: the rating widget and the "Contatta il comune" box with appointment booking.
    expect(byMarker(html, 'feedback')).toHaveLength(1);
    const booking = one(html, 'appointment-booking');
    expect(booking.tag).toBe('a');
  });

  it('"Carica altri risultati" works without JavaScript: ?page=2 lists the first 2 × page size cards', async () => {
    const html = (await get('/servizi?page=2')).body;
    const links = byMarker(html, 'service-link');
    expect(links.length).toBe(Math.min(2 * PAGE_SIZE, total));
    const first = byMarker((await get('/servizi')).body, 'service-link').map((l) => attr(l, 'href'));
    expect(links.slice(0, first.length).map((l) => attr(l, 'href'))).toEqual(first);
    // Once everything is shown there is no button left.
    const all = (await get(`/servizi?page=${Math.ceil(total / PAGE_SIZE)}`)).body;
    expect(byMarker(all, 'service-link')).toHaveLength(total);
    expect(byMarker(all, 'load-other-cards')).toHaveLength(0);
    expect((await get('/servizi?page=abc')).statusCode).toBe(200);
  });

  it('finds services by full-text search, in Italian and in English, and says when nothing matches', async () => {
    const html = (await get(`/servizi?q=${encodeURIComponent("carta d'identità")}`)).body;
    const hrefs = byMarker(html, 'service-link').map((l) => attr(l, 'href'));
    expect(hrefs[0]).toBe(contentPath('service', 'carta-identita-elettronica'));
    expect(text(html)).toContain('Risultati della ricerca');
    expect(text(html)).toMatch(/\d+ servizi? trovat[oi] per «carta d'identità»/);
    expect(html).toMatch(/<input[^>]*name="q"[^>]*value="carta d&#39;identità"|<input[^>]*name="q"[^>]*value="carta d'identità"/);

    const enHtml = (await get('/servizi?lang=en&q=identity%20card')).body;
    expect(byMarker(enHtml, 'service-link').map((l) => attr(l, 'href'))).toContain(contentPath('service', 'carta-identita-elettronica'));
    expect(text(enHtml)).toContain('Electronic identity card');
    expect(text(enHtml)).toMatch(/services? found/);

    const none = (await get('/servizi?q=zzzqqqxxx')).body;
    expect(byMarker(none, 'service-link')).toHaveLength(0);
    expect(text(none)).toContain('Nessun servizio corrisponde alla ricerca.');
    expect(byMarker(none, 'load-other-cards')).toHaveLength(0);
    // Categories are still there to browse.
    expect(byMarker(none, 'service-category-link')).toHaveLength(15);
  });

  it('is in English with ?lang=en, with the categories translated', async () => {
    const res = await get('/servizi?lang=en');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<html lang="en"/);
    expect(text(elements(html, /^/).find((e) => e.tag === 'h1')?.inner ?? '')).toBe('Services');
    expect(text(html)).toContain('Search for a service');
    const cats = byMarker(html, 'service-category-link').map((c) => text(c.inner));
    expect(cats).toHaveLength(15);
    expect(cats).toContain('Civil registry and vital records');
    expect(cats).toContain('Taxes, finance and fines');
    expect(cats).not.toContain('Anagrafe e stato civile');
    // Cards in English, sorted by their English titles.
    const titles = byMarker(html, 'service-link').map((l) => text(l.inner));
    expect(titles.length).toBe(Math.min(PAGE_SIZE, total));
    const english = new Set(demoServices.map((s) => s.title.en));
    for (const x of titles) expect(english.has(x), x).toBe(true);
    expect([...titles].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(titles);
  });
});

describe('/servizi/categoria/:cat', () => {
  it('lists the services of the category, with breadcrumb, search, feedback; unknown → 404', async () => {
    const cat = 'Anagrafe e stato civile';
    const res = await get(categoryPath(cat));
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(text(elements(html, /^/).find((e) => e.tag === 'h1')?.inner ?? '')).toBe(cat);
    const links = byMarker(html, 'service-link');
    const expected = demoServices.filter((s) => s.category === cat);
    expect(links.length).toBe(Math.min(PAGE_SIZE, expected.length));
    for (const l of links) expect(expected.map((s) => contentPath('service', s.slug))).toContain(attr(l, 'href'));
    const crumbs = one(html, 'breadcrumb');
    const items = elements(crumbs.inner, /^/).filter((e) => e.tag === 'li').map((li) => text(li.inner).replace(/^\/\s*|\s*\/$/g, ''));
    expect(items).toEqual(['Home', 'Servizi', cat]);
    expect(crumbs.inner).toContain('href="/servizi"');
    const form = elements(html, /\sid="category-q-form"/)[0]!;
    expect(attr(form, 'action')).toBe(categoryPath(cat));
    expect(byMarker(html, 'feedback')).toHaveLength(1);
    // The other 14 categories are linked below.
    expect(byMarker(html, 'service-category-link')).toHaveLength(14);

    // Search within the category only.
    const found = (await get(`${categoryPath(cat)}?q=residenza`)).body;
    const hrefs = byMarker(found, 'service-link').map((l) => attr(l, 'href'));
    expect(hrefs).toContain(contentPath('service', 'cambio-di-residenza'));
    for (const h of hrefs) expect(expected.map((s) => contentPath('service', s.slug))).toContain(h);
    const elsewhere = (await get(`${categoryPath('Ambiente')}?q=residenza`)).body;
    expect(byMarker(elsewhere, 'service-link').map((l) => attr(l, 'href'))).not.toContain(contentPath('service', 'cambio-di-residenza'));

    expect((await get('/servizi/categoria/non-esiste')).statusCode).toBe(404);
    const en = (await get(`${categoryPath(cat)}?lang=en`)).body;
    expect(text(elements(en, /^/).find((e) => e.tag === 'h1')?.inner ?? '')).toBe('Civil registry and vital records');
  });
});

describe('/servizi/:slug (scheda servizio)', () => {
  const slug = 'carta-identita-elettronica';
  const demo = demoServices.find((s) => s.slug === slug)!;

  it('has every Modello Comuni marker with content, the page index in order and the booking links', async () => {
    const res = await get(contentPath('service', slug));
    expect(res.statusCode).toBe(200);
    const html = res.body;

    const title = one(html, 'service-title');
    expect(title.tag).toBe('h1');
    expect(text(title.inner)).toBe('Carta d’identità elettronica');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(text(one(html, 'service-status').inner)).toContain('Servizio attivo');
    expect(text(one(html, 'service-description').inner)).toBe(demo.summary.it);
    const topics = byMarker(html, 'service-topic');
    expect(topics.map((x) => text(x.inner))).toEqual(demo.topics);
    expect(topics.map((x) => attr(x, 'href'))).toEqual(demo.topics.map(topicPath));

    // Page index: the validator's items, exactly and in order, each an anchor to a section on the page.
    const index = one(html, 'page-index');
    expect(index.tag).toBe('ul');
    const items = elements(index.inner, /^/).filter((e) => e.tag === 'a');
    const labels = items.map((a) => text(a.inner));
    const required = ['A chi è rivolto', 'Come fare', 'Cosa serve', 'Cosa si ottiene', 'Tempi e scadenze', 'Accedi al servizio', 'Condizioni di servizio', 'Contatti'];
    expect(labels.filter((l) => required.includes(l))).toEqual(required);
    expect(labels).toEqual([
      'A chi è rivolto',
      'Descrizione',
      'Come fare',
      'Cosa serve',
      'Cosa si ottiene',
      'Tempi e scadenze',
      'Quanto costa',
      'Accedi al servizio',
      'Ulteriori informazioni',
      'Condizioni di servizio',
      'Domande frequenti',
      'Contatti',
    ]);
    for (const a of items) {
      const href = attr(a, 'href')!;
      expect(href).toMatch(/^#/);
      expect(html).toContain(`id="${href.slice(1)}"`);
    }

    // Each section has its content in a <p> of at least 3 characters inside the marked element.
    for (const m of ['service-addressed', 'service-how-to', 'service-needed', 'service-achieved', 'service-calendar-text', 'service-extended-description', 'service-cost']) {
      const el = one(html, m);
      const ps = elements(el.inner, /^/).filter((e) => e.tag === 'p');
      expect(ps.length, m).toBeGreaterThan(0);
      expect(text(ps[0]!.inner).length, m).toBeGreaterThanOrEqual(3);
    }
    const steps = elements(one(html, 'service-how-to').inner, /^/).filter((e) => e.tag === 'li');
    expect(steps).toHaveLength(demo.howTo.length);
    expect(one(html, 'service-how-to').inner).toMatch(/^<ol/);
    expect(elements(one(html, 'service-needed').inner, /^/).filter((e) => e.tag === 'li')).toHaveLength(demo.needed.length);

    // Access: online, booking (servizio and ufficio preselected) and in person.
    const onlineAccess = one(html, 'service-online-access');
    expect(attr(onlineAccess, 'href')).toBe(demo.access.online!.url);
    const bookingAccess = one(html, 'service-booking-access');
    expect(bookingAccess.tag).toBe('button');
    const bookingForm = html.slice(html.lastIndexOf('<form', html.indexOf('data-element="service-booking-access"')), html.indexOf('data-element="service-booking-access"'));
    expect(bookingForm).toMatch(/action="\/prenotazione-appuntamento"/);
    expect(bookingForm).toContain(`name="servizio" value="${slug}"`);
    expect(bookingForm).toContain(`name="ufficio" value="${demo.office}"`);
    expect(text(one(html, 'service-generic-access').inner)).toContain('Via Battistero 4');

    // Conditions: the general document's PDF.
    const file = one(html, 'service-file');
    expect(file.tag).toBe('a');
    const doc = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => findPublished(tx, 'document', SERVICE_CONDITIONS_DOCUMENT));
    const upload = doc!.data.attachments![0]!.uploadId;
    expect(attr(file, 'href')).toBe(`/uploads/${upload}`);
    const pdf = await get(`/uploads/${upload}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(html).toContain(`href="${contentPath('document', SERVICE_CONDITIONS_DOCUMENT)}">Carta dei servizi e condizioni generali di fruizione</a>`);

    // Contacts: the responsible office.
    const area = one(html, 'service-area');
    expect(area.tag).toBe('div');
    expect(text(area.inner)).toContain('Ufficio anagrafe');
    expect(area.inner).toContain(`href="${contentPath('office', demo.office)}"`);
    expect(area.inner).toMatch(/href="tel:/);
    expect(area.inner).toMatch(/href="mailto:/);

    // FAQ of the service, appointment booking, rating widget.
    expect(text(html)).toContain('Domande frequenti');
    const bookings = byMarker(html, 'appointment-booking');
    expect(bookings.some((b) => b.tag === 'a' && attr(b, 'href') === `/prenotazione-appuntamento?servizio=${slug}&ufficio=${demo.office}`)).toBe(true);
    expect(byMarker(html, 'feedback')).toHaveLength(1);
    expect(text(html)).toContain('Quanto sono chiare le informazioni su questa pagina?');

    // Breadcrumb Home / Servizi / Categoria / Servizio (when the layout renders it).
    const crumbs = byMarker(html, 'breadcrumb');
    expect(crumbs.length).toBeGreaterThanOrEqual(1);
    const crumbItems = elements(crumbs[0]!.inner, /^/).filter((e) => e.tag === 'li').map((li) => text(li.inner).replace(/^\/\s*|\s*\/$/g, ''));
    expect(crumbItems).toEqual(['Home', 'Servizi', 'Anagrafe e stato civile', 'Carta d’identità elettronica']);
    expect(crumbs[0]!.inner).toContain(`href="${categoryPath('Anagrafe e stato civile')}"`);
  });

  it('publishes a schema.org GovernmentService in JSON-LD', async () => {
    const html = (await get(contentPath('service', slug))).body;
    const script = one(html, 'metatag');
    expect(script.tag).toBe('script');
    expect(attr(script, 'type')).toBe('application/ld+json');
    const ld = JSON.parse(script.inner) as GovernmentService;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('GovernmentService');
    expect(ld.name).toBe('Carta d’identità elettronica');
    expect(ld.serviceType).toBe('Anagrafe e stato civile');
    expect(ld.serviceOperator.name).toBe(t.tenant.name);
    expect(ld.areaServed.name).toBe('Prova');
    expect(ld.audience.audienceType).toBe('Cittadini');
    expect(ld.availableChannel.serviceUrl).toBe(demo.access.online!.url);
    expect(ld.availableChannel.serviceLocation.name).toBe('Ufficio anagrafe');
    expect(ld.availableChannel.serviceLocation.address).toMatchObject({ streetAddress: 'Via Battistero 4', postalCode: '13900', addressLocality: 'Biella' });
  });

  it('shows an inactive service with its reason, a service without online access, and English', async () => {
    const inactive = demoServices.find((s) => s.status === 'inactive')!;
    const html = (await get(contentPath('service', inactive.slug))).body;
    const status = text(one(html, 'service-status').inner);
    expect(status).toContain('Servizio non attivo');
    expect(status).toContain(inactive.statusReason!.it);

    const offline = demoServices.find((s) => !s.access.online)!;
    const off = (await get(contentPath('service', offline.slug))).body;
    expect(byMarker(off, 'service-online-access')).toHaveLength(0);
    expect(byMarker(off, 'service-generic-access').length).toBeGreaterThan(0);
    const ld = JSON.parse(one(off, 'metatag').inner) as GovernmentService;
    expect(ld.availableChannel.serviceUrl).toBeUndefined();

    const en = (await get(`${contentPath('service', slug)}?lang=en`)).body;
    expect(text(one(en, 'service-title').inner)).toBe('Electronic identity card');
    expect(text(one(en, 'service-status').inner)).toContain('Active service');
    const labels = elements(one(en, 'page-index').inner, /^/).filter((e) => e.tag === 'a').map((a) => text(a.inner));
    expect(labels).toContain('Who it is for');
    expect(labels).toContain('Access the service');
    expect(labels).toContain('Contacts');
    expect(text(en)).toContain('Civil registry and vital records');
    // No untranslated keys anywhere.
    for (const page of [html, off, en, (await get('/servizi?lang=en')).body, (await get('/servizi')).body]) expect(page).not.toContain('site.services.');
  });

  it('derives the locality served from the comune name', () => {
    expect(localityOf('Comune di Biella (demo)')).toBe('Biella');
    expect(localityOf('Città di Torino')).toBe('Torino');
    expect(localityOf('Comune d’Aosta')).toBe('Aosta');
    expect(localityOf('Biella')).toBe('Biella');
  });

  it('renders a draft for the back office preview with the same function, marked as a preview', async () => {
    expect(detailRenderer('service')).toBe(renderService);
    const staff = await makeStaff(t.app, t.tenant, ['admin']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', staff.id);
    const audit = { tenantId: t.tenant.id, actor: { type: 'staff' as const, id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin' as const], officeIds: [] } };
    const draft = { ...demo, title: { it: 'Carta d’identità (bozza)', en: 'Identity card (draft)' } } as Record<string, unknown>;
    delete draft.slug;
    const created = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      createContent(tx, audit, { type: 'service', slug: 'cie-bozza', data: draft as unknown as ContentDataMap['service'] }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // Citizens do not see the draft…
    expect((await get('/servizi/cie-bozza')).statusCode).toBe(404);
    // …editors preview it as the scheda servizio.
    const res = await t.app.inject({ url: `/admin/sito/service/${created.value.id}/anteprima`, headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(200);
    expect(text(one(res.body, 'service-title').inner)).toBe('Carta d’identità (bozza)');
    expect(res.body).toMatch(/<meta name="robots" content="noindex"/);
    expect(byMarker(res.body, 'page-index')).toHaveLength(1);
  });

  it('answers 404 for an unknown service', async () => {
    expect((await get('/servizi/non-esiste')).statusCode).toBe(404);
    expect((await get('/servizi/categoria')).statusCode).toBe(404);
  });
});
