import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { withTenantTx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/types.ts';
import { loginCookie, makeStaff } from '../../../core/testing/factories.ts';
import type { PageContext } from '../../../core/views/layout.tsx';
import { findPublished, saveDraft } from '../content/repository.ts';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { M } from '../../../core/views/markers.ts';
import { seedSiteContent, SERVICE_CONDITIONS_DOCUMENT } from '../seed.ts';
import { demoAreas, demoOffices } from '../demo/areas-offices.ts';
import { demoDocuments, demoGovernment } from '../demo/news-events-places.ts';
import { demoOrganisations, demoStaff } from '../demo/organisations-staff.ts';
import { demoServices } from '../demo/services.ts';
import { ADMINISTRATION_SECTIONS as S, topicPath } from '../content/urls.ts';
import { detailRenderer } from '../content/renderers.ts';
import { OpeningHours, openStatus, openingHoursSpecification, romeNow } from './opening-hours.tsx';
import { DOCUMENTS_PER_PAGE } from './administration.tsx';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });

async function page(url: string): Promise<string> {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  return res.body;
}

/** Visible text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The links carrying a marker: [href, text]. */
function markedLinks(html: string, marker: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attrs = m[1] ?? '';
    if (!attrs.includes(`data-element="${marker}"`)) continue;
    out.push([/href="([^"]*)"/.exec(attrs)?.[1] ?? '', text(m[2] ?? '')]);
  }
  return out;
}

/** The main content (without header and footer). */
const main = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
/** The content of a detail page (without the contact box and the rating widget the layout adds). */
const article = (html: string) => /<article\b[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
/** The h1 of the page. */
const h1 = (html: string) => text(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

/** The rating widget's container (a core/views marker). */
const FEEDBACK = 'feedback';
const MANAGEMENT_IT = ['Organi di governo', 'Aree amministrative', 'Uffici', 'Enti e fondazioni', 'Politici', 'Personale amministrativo', 'Documenti e dati'];
const SECTION_PATHS = [S.government, S.areas, S.offices, S.organisations, S.politicians, S.staff, S.documents];

describe('Amministrazione (first level)', () => {
  it('shows the seven management-category-link cards with the exact texts, in order, and the latest documents', async () => {
    const html = await page('/amministrazione');
    const links = markedLinks(html, M.managementCategoryLink);
    expect(links.map(([, txt]) => txt)).toEqual(MANAGEMENT_IT);
    expect(links.map(([href]) => href)).toEqual(SECTION_PATHS);
    expect(h1(html)).toBe('Amministrazione');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    // The three newest documents, newest first.
    const newest = [...demoDocuments].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
    const body = main(html);
    const positions = newest.map((d) => body.indexOf(`${S.documents}/${d.slug}"`));
    for (const p of positions) expect(p).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('translates the cards on English pages', async () => {
    const html = await page('/amministrazione?lang=en');
    expect(markedLinks(html, M.managementCategoryLink).map(([, txt]) => txt)).toEqual([
      'Governing bodies',
      'Administrative areas',
      'Offices',
      'Public bodies and foundations',
      'Politicians',
      'Administrative staff',
      'Documents and data',
    ]);
    expect(h1(html)).toBe('Administration');
  });

  it('gives each second-level page its title and the Amministrazione breadcrumb', async () => {
    for (const [i, path] of SECTION_PATHS.entries()) {
      const html = await page(path);
      expect(h1(html), path).toBe(MANAGEMENT_IT[i]);
      expect(html.match(/<h1\b/g), path).toHaveLength(1);
      expect(html).toContain(`<title>${MANAGEMENT_IT[i]} – `);
      const crumb = new RegExp(`<ol\\b[^>]*data-element="${M.breadcrumb}"[^>]*>([\\s\\S]*?)</ol>`).exec(html)?.[1] ?? '';
      expect(hrefs(crumb), path).toEqual(['/', '/amministrazione']);
      expect(text(crumb).endsWith(`Amministrazione / ${MANAGEMENT_IT[i]}`), path).toBe(true);
      expect(html.split(`data-element="${FEEDBACK}"`), path).toHaveLength(2);
    }
  });
});

describe('Organi di governo and Politici', () => {
  it('lists the Giunta with the mayor first, then the council, linking each person', async () => {
    const html = main(await page(S.government));
    const giunta = html.indexOf('id="giunta"');
    const consiglio = html.indexOf('id="consiglio"');
    expect(giunta).toBeGreaterThan(0);
    expect(consiglio).toBeGreaterThan(giunta);
    const mayor = demoGovernment.find((p) => p.role.it === 'Sindaco')!;
    const links = hrefs(html.slice(giunta, consiglio)).filter((h) => h.startsWith(`${S.politicians}/`));
    expect(links[0]).toBe(`${S.politicians}/${mayor.slug}`);
    const members = demoGovernment.filter((p) => p.body === 'giunta');
    expect(links).toHaveLength(members.length);
    for (const p of demoGovernment.filter((x) => x.body === 'consiglio')) {
      expect(html.indexOf(`${S.politicians}/${p.slug}"`), p.slug).toBeGreaterThan(consiglio);
    }
    expect(text(html)).toContain('Sindaco');
  });

  it('lists every politician but no staff, and shows role, delegations and biography', async () => {
    const html = main(await page(S.politicians));
    for (const p of demoGovernment) expect(html, p.slug).toContain(`${S.politicians}/${p.slug}"`);
    for (const p of demoStaff) expect(html).not.toContain(p.slug);
    const mayor = demoGovernment[0]!;
    const detail = await page(`${S.politicians}/${mayor.slug}`);
    expect(h1(detail)).toBe(mayor.name);
    expect(text(detail)).toContain(mayor.delegations!.it);
    expect(text(detail)).toContain(mayor.biography.it.slice(0, 60));
    const en = await page(`${S.politicians}/${mayor.slug}?lang=en`);
    expect(text(en)).toContain('Mayor');
    expect(text(en)).toContain(mayor.delegations!.en);
  });
});

describe('Aree amministrative', () => {
  it('lists every area with its manager', async () => {
    const html = text(main(await page(S.areas)));
    for (const a of demoAreas) {
      expect(html).toContain(a.name.it);
      expect(html).toContain(a.manager);
    }
  });

  it('shows an area: description, the manager linking the staff page, its offices', async () => {
    const area = demoAreas.find((a) => a.slug === 'servizi-demografici')!;
    const html = main(await page(`${S.areas}/${area.slug}`));
    expect(h1(html)).toBe(area.name.it);
    expect(text(html)).toContain(area.description.it);
    const manager = demoStaff.find((p) => p.area === area.slug)!;
    expect(hrefs(html)).toContain(`${S.staff}/${manager.slug}`);
    for (const o of demoOffices.filter((x) => x.area === area.slug)) expect(hrefs(html)).toContain(`${S.offices}/${o.slug}`);
    expect(hrefs(html)).not.toContain(`${S.offices}/ufficio-tributi`);
  });
});

describe('Uffici', () => {
  it('lists every office grouped by area', async () => {
    const html = main(await page(S.offices));
    for (const o of demoOffices) expect(hrefs(html), o.slug).toContain(`${S.offices}/${o.slug}`);
    const demografici = html.indexOf('id="area-servizi-demografici"');
    const tributi = html.indexOf('id="area-bilancio-tributi"');
    expect(demografici).toBeGreaterThan(0);
    expect(html.indexOf(`${S.offices}/ufficio-anagrafe"`)).toBeGreaterThan(demografici);
    expect(html.indexOf(`${S.offices}/ufficio-tributi"`)).toBeGreaterThan(tributi);
  });

  it('searches by name and filters by area, without JavaScript', async () => {
    const found = hrefs(main(await page(`${S.offices}?q=anagrafe`)));
    expect(found).toContain(`${S.offices}/ufficio-anagrafe`);
    expect(found).not.toContain(`${S.offices}/ufficio-tributi`);
    const byArea = main(await page(`${S.offices}?area=bilancio-tributi`));
    const links = hrefs(byArea).filter((h) => h.startsWith(`${S.offices}/`));
    expect(links).toEqual(demoOffices.filter((o) => o.area === 'bilancio-tributi').map((o) => `${S.offices}/${o.slug}`));
    expect(byArea).toMatch(/<option value="bilancio-tributi" selected/);
    const none = main(await page(`${S.offices}?q=zzzqqq`));
    expect(text(none)).toContain('Nessun ufficio corrisponde alla ricerca.');
    // An unknown area is ignored rather than failing.
    const unknown = hrefs(main(await page(`${S.offices}?area=%3Cscript%3E`))).filter((h) => h.startsWith(`${S.offices}/`));
    expect(unknown).toHaveLength(demoOffices.length);
  });

  it('shows an office: area, address, map link, opening hours table, contacts, booking, services', async () => {
    const office = demoOffices.find((o) => o.slug === 'ufficio-anagrafe')!;
    const full = await page(`${S.offices}/${office.slug}`);
    const html = article(full);
    const plain = text(html);
    expect(h1(html)).toBe(office.name.it);
    expect(hrefs(html)).toContain(`${S.areas}/servizi-demografici`);
    expect(plain).toContain(office.address.street);
    expect(hrefs(html).some((h) => h.startsWith(`https://www.openstreetmap.org/?mlat=${office.lat}&mlon=${office.lon}`))).toBe(true);
    // The weekly table, one row per day in Italian.
    const table = /<table\b[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => text(m[0]));
    expect(rows).toContain('martedì 08:30–12:30 e 14:00–16:00');
    expect(rows).toContain('lunedì 08:30–12:30');
    expect(rows).toContain('sabato 08:30–12:00');
    expect(rows).toContain('domenica Chiuso');
    expect(plain).toMatch(/(Aperto|Chiuso) ora/);
    expect(plain).toContain(office.hours.notes!.it);
    expect(plain).toContain(office.phone);
    expect(hrefs(html)).toContain(`mailto:${office.email}`);
    expect(hrefs(html)).toContain(`mailto:${office.pec}`);
    expect(hrefs(html)).toContain(`/prenotazione-appuntamento?ufficio=${office.slug}`);
    // The services this office is responsible for, and no others.
    const services = demoServices.filter((s) => s.office === office.slug);
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(hrefs(html)).toContain(`/servizi/${s.slug}`);
    expect(hrefs(html).filter((h) => /^\/servizi\/[a-z0-9-]+$/.test(h))).toHaveLength(services.length);
    // The head of the area is listed among the people.
    expect(hrefs(html)).toContain(`${S.staff}/paola-gremmo`);
    // schema.org GovernmentOffice with structured hours.
    const ld = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(full)?.[1];
    const data = JSON.parse(ld!) as { '@type': string; address: { streetAddress: string }; openingHoursSpecification: { dayOfWeek?: string }[] };
    expect(data['@type']).toBe('GovernmentOffice');
    expect(data.address.streetAddress).toBe(office.address.street);
    expect(data.openingHoursSpecification.filter((s) => s.dayOfWeek === 'https://schema.org/Tuesday')).toHaveLength(2);
  });

  it('says when an office takes no online bookings', async () => {
    const html = article(await page(`${S.offices}/ufficio-elettorale`));
    expect(hrefs(html).some((h) => h.startsWith('/prenotazione-appuntamento'))).toBe(false);
    expect(text(html)).toContain('non è prevista la prenotazione online');
  });

  it('shows the office in English with days in English', async () => {
    const html = main(await page(`${S.offices}/ufficio-anagrafe?lang=en`));
    expect(h1(html)).toBe('Registry office');
    const table = /<table\b[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(text(table)).toContain('Tuesday 08:30–12:30 and 14:00–16:00');
    expect(text(table)).toContain('Sunday Closed');
    expect(text(html)).toContain('Book an appointment');
    expect(text(html)).toContain('Open in OpenStreetMap');
  });
});

describe('Enti e fondazioni', () => {
  it('lists every organisation and shows kind, participation and website', async () => {
    const html = main(await page(S.organisations));
    for (const o of demoOrganisations) expect(hrefs(html)).toContain(`${S.organisations}/${o.slug}`);
    const org = demoOrganisations.find((o) => o.website)!;
    const detail = main(await page(`${S.organisations}/${org.slug}`));
    expect(h1(detail)).toBe(org.name.it);
    expect(text(detail)).toContain(org.participation.it);
    expect(text(detail)).toContain('Società partecipata');
    expect(hrefs(detail)).toContain(org.website);
  });
});

describe('Personale amministrativo', () => {
  it('lists the staff and shows role, area link and e-mail', async () => {
    const html = main(await page(S.staff));
    for (const p of demoStaff) expect(hrefs(html)).toContain(`${S.staff}/${p.slug}`);
    for (const p of demoGovernment) expect(hrefs(html)).not.toContain(`${S.politicians}/${p.slug}`);
    const person = demoStaff[0]!;
    const detail = main(await page(`${S.staff}/${person.slug}`));
    expect(h1(detail)).toBe(person.name);
    expect(text(detail)).toContain(person.role.it);
    expect(hrefs(detail)).toContain(`${S.areas}/${person.area}`);
    expect(hrefs(detail)).toContain(`mailto:${person.email}`);
  });
});

describe('Documenti e dati', () => {
  const all = [...demoDocuments.map((d) => ({ slug: d.slug, date: d.date, kind: d.kind })), { slug: SERVICE_CONDITIONS_DOCUMENT, date: '2026-01-15', kind: 'regolamento' }];
  const docLinks = (html: string) => hrefs(main(html)).filter((h) => h.startsWith(`${S.documents}/`));

  it('lists documents newest first, with pager links to the next page', async () => {
    const first = await page(S.documents);
    const links = docLinks(first);
    expect(links).toHaveLength(Math.min(DOCUMENTS_PER_PAGE, all.length));
    const bySlug = new Map(all.map((d) => [d.slug, d.date]));
    const dates = links.map((l) => bySlug.get(l.slice(S.documents.length + 1))!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(all.length).toBeGreaterThan(DOCUMENTS_PER_PAGE);
    const pager = markedLinks(first, M.pagerLink).map(([h]) => h.replace(/&amp;/g, '&'));
    expect(pager).toContain(`${S.documents}?page=2`);
    const second = await page(`${S.documents}?page=2`);
    const rest = docLinks(second);
    expect(rest).toHaveLength(all.length - DOCUMENTS_PER_PAGE);
    for (const l of rest) expect(links).not.toContain(l);
    expect(markedLinks(second, M.pagerLink).map(([h]) => h)).toContain(S.documents);
    expect((await get(`${S.documents}?page=99`)).statusCode).toBe(404);
  });

  it('filters by kind and searches, keeping the filters in the form', async () => {
    const regolamenti = await page(`${S.documents}?kind=regolamento`);
    expect(docLinks(regolamenti).sort()).toEqual(all.filter((d) => d.kind === 'regolamento').map((d) => `${S.documents}/${d.slug}`).sort());
    expect(regolamenti).toMatch(/<option value="regolamento" selected/);
    const tari = await page(`${S.documents}?q=TARI`);
    expect(docLinks(tari)).toContain(`${S.documents}/regolamento-tari`);
    expect(docLinks(tari)).not.toContain(`${S.documents}/piano-neve-2026-2027`);
    expect(tari).toContain('value="TARI"');
    const both = await page(`${S.documents}?q=bilancio&kind=piano`);
    expect(docLinks(both)).not.toContain(`${S.documents}/bilancio-di-previsione-2026-2028`);
    expect(text(main(await page(`${S.documents}?q=zzzqqq`)))).toContain('Nessun documento corrisponde alla ricerca.');
    // An unknown kind is ignored.
    expect(docLinks(await page(`${S.documents}?kind=nope`))).toHaveLength(Math.min(DOCUMENTS_PER_PAGE, all.length));
  });

  it('shows a document with its kind, date, topics and a PDF attachment that downloads', async () => {
    const doc = demoDocuments.find((d) => d.slug === 'regolamento-tari')!;
    const html = main(await page(`${S.documents}/${doc.slug}`));
    expect(h1(html)).toBe(doc.title.it);
    expect(text(html)).toContain('Regolamento');
    expect(text(html)).toContain('26 marzo 2026');
    expect(text(html)).toContain(doc.description.it);
    for (const topic of doc.topics) expect(hrefs(html)).toContain(topicPath(topic));
    const file = hrefs(html).find((h) => h.startsWith('/uploads/'));
    expect(file).toBeDefined();
    expect(text(html)).toMatch(/PDF, \d+ (KB|bytes)/);
    const res = await get(file!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows a document in English', async () => {
    const html = main(await page(`${S.documents}/regolamento-tari?lang=en`));
    expect(h1(html)).toBe('Regulation on the waste tax (TARI)');
    expect(text(html)).toContain('26 March 2026');
    expect(text(html)).toContain('Attachments');
  });
});

describe('unknown contents', () => {
  it('answers 404 on unknown slugs and on a person under the wrong section', async () => {
    for (const url of [
      `${S.offices}/non-esiste`,
      `${S.areas}/non-esiste`,
      `${S.organisations}/non-esiste`,
      `${S.politicians}/non-esiste`,
      `${S.staff}/non-esiste`,
      `${S.documents}/non-esiste`,
      `${S.documents}/NOT_A_SLUG`,
      `${S.politicians}/${demoStaff[0]!.slug}`,
      `${S.staff}/${demoGovernment[0]!.slug}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
    }
  });

  it('never fails on odd query strings', async () => {
    for (const url of [
      `${S.documents}?q=%27%22%3C%25_&kind=regolamento&kind=piano&page=abc`,
      `${S.documents}?q=${'x'.repeat(500)}`,
      `${S.documents}?page=-3`,
      `${S.offices}?q=%E2%80%99&area=`,
      `${S.offices}?q=:*%20%26%20!`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('registers the detail pages as back office preview renderers', () => {
    for (const type of ['office', 'area', 'person', 'organisation', 'document'] as const) expect(detailRenderer(type), type).toBeTypeOf('function');
  });

  it('previews an office draft in the back office with the public page, which keeps the published version', async () => {
    const staff = await makeStaff(t.app, t.tenant, ['admin']);
    const actor: Actor = { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] };
    const office = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => findPublished(tx, 'office', 'ufficio-tributi'));
    const draft = { ...office!.data, name: { it: 'Ufficio tributi e canoni', en: 'Taxes and fees office' } };
    const saved = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => saveDraft(tx, { tenantId: t.tenant.id, actor }, office!.id, draft));
    expect(saved.ok).toBe(true);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', staff.id);
    const res = await t.app.inject({ url: `/admin/sito/office/${office!.id}/anteprima`, headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Ufficio tributi e canoni');
    expect(h1(await page(`${S.offices}/ufficio-tributi`))).toBe('Ufficio tributi');
  });
});

describe('opening hours', () => {
  const hours = demoOffices.find((o) => o.slug === 'ufficio-anagrafe')!.hours;

  it('reads the time in Rome, winter and summer', () => {
    expect(romeNow(new Date('2026-11-23T09:00:00Z'))).toEqual({ date: '2026-11-23', day: 'mon', time: '10:00' });
    expect(romeNow(new Date('2026-07-01T22:30:00Z'))).toEqual({ date: '2026-07-02', day: 'thu', time: '00:30' });
  });

  it('says whether the office is open now, and when it reopens', () => {
    // Monday 10:00 in Rome (UTC+1 in November).
    expect(openStatus(hours, new Date('2026-11-23T09:00:00Z'))).toEqual({ open: true, until: '12:30' });
    // Monday 13:00: no afternoon opening on Mondays, so tomorrow at 08:30.
    expect(openStatus(hours, new Date('2026-11-23T12:00:00Z'))).toEqual({ open: false, next: { inDays: 1, day: 'tue', time: '08:30' } });
    // Tuesday 13:00: this afternoon at 14:00.
    expect(openStatus(hours, new Date('2026-11-24T12:00:00Z'))).toEqual({ open: false, next: { inDays: 0, day: 'tue', time: '14:00' } });
    // Summer (UTC+2): Wednesday 1 July 2026 at 12:29 Rome is still open.
    expect(openStatus(hours, new Date('2026-07-01T10:29:00Z'))).toEqual({ open: true, until: '12:30' });
    expect(openStatus(hours, new Date('2026-07-01T10:30:00Z'))).toMatchObject({ open: false });
    // Tuesday 8 December is a holiday: closed all day, reopens on Wednesday.
    expect(openStatus(hours, new Date('2026-12-08T09:00:00Z'))).toEqual({ open: false, closedToday: '2026-12-08', next: { inDays: 1, day: 'wed', time: '08:30' } });
    // 24, 25 and 26 December closed; 27 is Sunday: next opening Monday 28.
    expect(openStatus(hours, new Date('2026-12-24T09:00:00Z'))).toMatchObject({ next: { inDays: 4, day: 'mon' } });
    expect(openStatus({ weekly: [] }, new Date())).toBeNull();
  });

  const ctx = (locale: 'it' | 'en'): PageContext => ({ locale, tenant: null, actor: { type: 'anonymous' }, csrfToken: '', path: '/' });

  it('renders today, the state now and the upcoming closures only', () => {
    // Tuesday 8 December 2026, 10:00 in Rome: a holiday.
    const html = render(h(OpeningHours, { ctx: ctx('it'), hours, now: new Date('2026-12-08T09:00:00Z') }));
    expect(text(html)).toContain('Chiuso ora Oggi: Immacolata Concezione (festività nazionale). Riapre');
    expect(text(/<tr\b[^>]*aria-current="date"[^>]*>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '')).toBe('martedì 08:30–12:30 e 14:00–16:00');
    const closures = text(html.slice(html.indexOf('Prossime chiusure')));
    expect(closures).toContain('8 dicembre 2026');
    expect(closures).toContain('6 gennaio 2027');
    // Later on, past closures are no longer listed.
    const january = render(h(OpeningHours, { ctx: ctx('en'), hours, now: new Date('2027-01-04T09:00:00Z') }));
    expect(text(january)).toContain('Open now Closes at 12:30.');
    expect(text(january)).not.toContain('8 December 2026');
    expect(text(january)).toContain('6 January 2027');
    expect(text(january)).toContain('Upcoming closures');
  });

  it('describes the weekly hours and closures for schema.org', () => {
    const spec = openingHoursSpecification(hours);
    expect(spec).toContainEqual({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Saturday', opens: '08:30', closes: '12:00' });
    expect(spec).toContainEqual({ '@type': 'OpeningHoursSpecification', validFrom: '2026-12-25', validThrough: '2026-12-25', opens: '00:00', closes: '00:00' });
  });
});
