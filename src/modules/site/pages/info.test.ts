import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { tenants } from '../../../core/db/schema.ts';
import { M } from '../../../core/views/markers.ts';
import { seedSiteContent } from '../seed.ts';
import { demoFaqs } from '../demo/news-events-places.ts';
import { demoServices } from '../demo/services.ts';
import { TOPICS } from '../content/topics.ts';
import { ADMINISTRATION_SECTIONS, NEWS_KIND_PATHS, categoryPath, topicPath } from '../content/urls.ts';
import { slugify } from '../content/derive.ts';
import { SERVICE_CATEGORIES } from '../content/types.ts';
import { detailRenderer } from '../content/renderers.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { findPublished, saveDraft } from '../content/repository.ts';
import { loginCookie, makeStaff } from '../../../core/testing/factories.ts';
import type { Actor } from '../../../core/auth/types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
  await t.ctx.db
    .update(tenants)
    .set({
      settings: {
        ...t.tenant.settings,
        contacts: { address: 'Piazza del Municipio 1, 00000 Prova', phone: '+39 000 000000', email: 'urp@comune.prova.it', pec: 'protocollo@pec.comune.prova.it', taxCode: '00000000000' },
      },
    })
    .where(eq(tenants.id, t.tenant.id));
  t.ctx.tenants.invalidate();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });

async function page(url: string): Promise<string> {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  return res.body;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
/** Visible text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
const text = (html: string) => decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
/** The main content, without header and footer. */
const main = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
/** The text of every element carrying a marker (elements without nested elements of the same tag). */
function marked(html: string, marker: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(new RegExp(`<(\\w+)\\b[^>]*data-element="${marker}"[^>]*>([\\s\\S]*?)</\\1>`, 'g'))) out.push(text(m[2] ?? ''));
  return out;
}
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
const h1s = (html: string) => [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => text(m[1] ?? ''));
/** The titles of the search results, in order. */
const resultTitles = (html: string) => [...main(html).matchAll(/<li class="py-3 border-bottom">[\s\S]*?<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) => text(m[1] ?? ''));

const LICENCE_IT =
  'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0. Gli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive.';

describe('note legali', () => {
  it('has the licence section and body with the exact Modello Comuni texts, a breadcrumb and the rating widget', async () => {
    const html = await page('/note-legali');
    expect(marked(html, M.legalNotesSection)).toEqual(['Licenza dei contenuti']);
    expect(marked(html, M.legalNotesBody)).toEqual([LICENCE_IT]);
    // Character for character in the markup too (typographic apostrophe, no entity).
    expect(html).toContain(`data-element="${M.legalNotesBody}">${LICENCE_IT}</p>`);
    expect(h1s(html)).toEqual(['Note legali']);
    expect(marked(html, M.breadcrumb).join(' ')).toContain('Note legali');
    expect(html).toContain('data-element="feedback"');
    const body = text(main(html));
    for (const s of ['Stemma, loghi e marchi', 'Collegamenti ad altri siti', 'Responsabilità']) expect(body).toContain(s);
    expect(hrefs(main(html))).toContain('https://creativecommons.org/licenses/by/4.0/deed.it');
  });

  it('is translated in English', async () => {
    const html = await page('/note-legali?lang=en');
    expect(html).toContain('<html lang="en"');
    expect(h1s(html)).toEqual(['Legal notes']);
    expect(marked(html, M.legalNotesSection)).toEqual(['Content licence']);
    expect(marked(html, M.legalNotesBody)[0]).toContain('released under the CC-BY 4.0 licence');
  });
});

describe('privacy and cookies', () => {
  it('names the controller with its address and PEC, the DPO, purposes, rights and the Garante', async () => {
    const html = await page('/privacy');
    const body = text(main(html));
    expect(h1s(html)).toEqual(['Informativa privacy']);
    expect(body).toContain('Il titolare del trattamento è il Comune di Prova');
    expect(body).toContain('Piazza del Municipio 1, 00000 Prova');
    expect(hrefs(html)).toContain('mailto:protocollo@pec.comune.prova.it');
    expect(body).toContain('Responsabile della protezione dei dati');
    for (const s of ['Richieste di assistenza', 'Valutazione delle pagine', 'Area personale', 'Per quanto tempo conserviamo i dati', 'Reclamo al Garante']) expect(body).toContain(s);
    expect(body).toContain('dopo 2 ore di inattività e comunque dopo 12 ore');
    expect(hrefs(html)).toContain('https://www.garanteprivacy.it/');
    expect(html).toContain('data-element="feedback"');
    const en = text(main(await page('/privacy?lang=en')));
    expect(en).toContain('The data controller is Comune di Prova');
  });

  it('lists only the technical cookies the code sets, with purpose and duration', async () => {
    const html = await page('/cookie');
    const table = /<table\b[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const names = [...table.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(names).toEqual(['piazza_sid', 'piazza_csrf', 'lang']);
    expect(text(table)).toContain('1 anno');
    expect(text(main(html))).toContain('non usa cookie di profilazione');
    // The cookies really are those: the language switch sets "lang", a page with a form "piazza_csrf".
    const res = await get('/cookie?lang=it');
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split('=')[0]);
    for (const c of set) expect(names).toContain(c);
    expect(set).toContain('lang');
  });
});

describe('site search', () => {
  it('asks for a query, and says when it is too short', async () => {
    const empty = main(await page('/cerca'));
    expect(text(empty)).toContain('Scrivi cosa stai cercando');
    expect(empty).toContain('name="q"');
    const short = text(main(await page('/cerca?q=a')));
    expect(short).toContain('Scrivi almeno 2 caratteri');
  });

  it('finds services and news, with a count, type labels, links and summaries', async () => {
    const html = await page(`/cerca?q=${encodeURIComponent('carta identità')}`);
    const titles = resultTitles(html);
    expect(titles.slice(0, 3)).toContain('Carta d’identità elettronica');
    const body = text(main(html));
    expect(body).toMatch(/\d+ risultati/);
    expect(body).toContain('Servizio');
    expect(hrefs(main(html))).toContain('/servizi/carta-identita-elettronica');
    const cie = demoServices.find((s) => s.slug === 'carta-identita-elettronica')!;
    expect(body).toContain(cie.summary.it);
    const news = await page('/cerca?q=tari&type=news');
    const newsBody = main(news);
    expect(resultTitles(news).length).toBeGreaterThan(0);
    expect(hrefs(newsBody).filter((h) => h.startsWith('/novita/')).length).toBe(resultTitles(news).length);
    // The checkbox stays ticked, and the filter count badges are there.
    expect(newsBody).toMatch(/value="news" id="search-type-news" checked/);
  });

  it('searches in English with ?lang=en', async () => {
    const html = await page(`/cerca?q=${encodeURIComponent('identity card')}&lang=en`);
    expect(html).toContain('<html lang="en"');
    expect(resultTitles(html)[0]).toBe('Electronic identity card');
    expect(text(main(html))).toContain('Service');
  });

  it('filters by type and topic, and pages through results without JavaScript', async () => {
    const byTopic = await page(`/cerca?topic=${encodeURIComponent('Anagrafe')}&type=service`);
    const expected = demoServices.filter((s) => s.topics.includes('Anagrafe'));
    const body = text(main(byTopic));
    expect(body).toContain(`${expected.length} risultati`);
    const all = await page(`/cerca?q=comune`);
    const total = Number(/(\d+) risultati/.exec(text(main(all)))?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(resultTitles(all)).toHaveLength(10);
    const next = hrefs(main(all)).find((h) => h.includes('page=2'));
    expect(next).toBe('/cerca?q=comune&page=2');
    const second = await page(next!);
    expect(resultTitles(second).length).toBeGreaterThan(0);
    expect(resultTitles(second)[0]).not.toBe(resultTitles(all)[0]);
  });

  it('says so when nothing matches, with a way forward', async () => {
    const html = main(await page('/cerca?q=zzzqqqxxx'));
    expect(text(html)).toContain('Nessun risultato');
    expect(hrefs(html)).toContain('/faq');
  });
});

describe('FAQ', () => {
  it('lists every FAQ with its anchor, grouped by service, with a link to the service, working without JS', async () => {
    const html = await page('/faq');
    const m = main(html);
    expect(h1s(html)).toEqual(['Domande frequenti']);
    for (const f of demoFaqs) {
      const slug = slugify(f.question.it);
      expect(m, slug).toContain(`<details class="accordion-item" id="${slug}"`);
      expect(text(m)).toContain(f.question.it);
    }
    // The answers are in the page (no JS needed to read them: <details> opens natively).
    expect(text(m)).toContain(demoFaqs[0]!.answer.it);
    expect(hrefs(m)).toContain('/servizi/carta-identita-elettronica');
    expect(m).toMatch(/<h2 class="h4" id="faq-group-carta-identita-elettronica">Carta d’identità elettronica<\/h2>/);
    expect(html).toContain('data-element="feedback"');
    expect(marked(html, M.breadcrumb).join(' ')).toContain('Domande frequenti');
  });

  it('searches the FAQs with ?q= and opens the matches', async () => {
    const m = main(await page('/faq?q=TARI'));
    const opened = [...m.matchAll(/<details class="accordion-item" id="([^"]+)" open/g)].map((x) => x[1]);
    const expected = demoFaqs.filter((f) => /\bTARI\b/.test(f.question.it)).map((f) => slugify(f.question.it));
    expect(expected.length).toBeGreaterThan(0);
    expect(opened.length).toBeGreaterThan(0);
    for (const s of expected) expect(opened).toContain(s);
    expect(m).not.toContain(`id="${slugify('Entro quando devo dichiarare la nascita?')}"`);
    const en = await page('/faq?lang=en');
    expect(text(main(en))).toContain('I have lost my identity card: what should I do?');
  });

  it('previews a FAQ draft in the back office through its registered renderer', async () => {
    expect(detailRenderer('faq')).toBeTypeOf('function');
    const slug = slugify(demoFaqs[0]!.question.it);
    const faq = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => findPublished(tx, 'faq', slug));
    const staff = await makeStaff(t.app, t.tenant, ['admin']);
    const actor: Actor = { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] };
    const draft = { ...faq!.data, question: { it: 'Ho perso la carta d’identità: cosa faccio?', en: 'I lost my identity card: what now?' } };
    const saved = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => saveDraft(tx, { tenantId: t.tenant.id, actor }, faq!.id, draft));
    expect(saved.ok).toBe(true);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', staff.id);
    const res = await t.app.inject({ url: `/admin/sito/faq/${faq!.id}/anteprima`, headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(200);
    expect(h1s(res.body)).toEqual(['Ho perso la carta d’identità: cosa faccio?']);
    expect(hrefs(main(res.body))).toContain('/servizi/carta-identita-elettronica');
    expect(res.body).toContain('<meta name="robots" content="noindex"');
    // Citizens still see the published question.
    expect(text(main(await page('/faq')))).toContain(demoFaqs[0]!.question.it);
  });
});

describe('site map', () => {
  it('links every section, second-level page, category, topic and the legal pages', async () => {
    const html = await page('/mappa-del-sito');
    const links = hrefs(main(html));
    for (const p of ['/amministrazione', '/novita', '/servizi', '/vivere', '/vivere/luoghi', '/vivere/eventi', '/argomenti', '/faq', '/cerca', '/privacy', '/note-legali', '/cookie']) {
      expect(links, p).toContain(p);
    }
    for (const p of Object.values(ADMINISTRATION_SECTIONS)) expect(links, p).toContain(p);
    for (const p of Object.values(NEWS_KIND_PATHS)) expect(links, p).toContain(p);
    for (const c of SERVICE_CATEGORIES) expect(links, c).toContain(categoryPath(c));
    for (const topic of TOPICS) expect(links, topic).toContain(topicPath(topic));
    expect(text(main(html))).toContain('Organi di governo');
    const en = text(main(await page('/mappa-del-sito?lang=en')));
    expect(en).toContain('Governing bodies');
    expect(en).toContain('Site map');
  });
});
