import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/types.ts';
import { seedSiteContent } from '../seed.ts';
import { createContent } from '../content/repository.ts';
import { detailRenderer } from '../content/renderers.ts';
import { NEWS_KIND_PATHS } from '../content/urls.ts';
import { demoNews } from '../demo/news-events-places.ts';
import { parseDay } from './news.tsx';

let t: TestApp;
const editor: Actor = { type: 'staff', id: '00000000-0000-4000-8000-000000000002', email: 'redazione@example.org', name: 'Redazione', roles: ['editor'], officeIds: [] };

beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });
const count = (html: string, marker: string) => html.split(`data-element="${marker}"`).length - 1;
/** The HTML of the element with this id (up to the end of the page's main content). */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** Slugs of the news cards in the list, in order. */
const listed = (html: string) => {
  const start = html.indexOf('id="news-cards"');
  if (start < 0) return [];
  const part = html.slice(start, html.indexOf('</section>', start));
  return [...part.matchAll(/<h3 class="card-title h5"><a class="text-decoration-none" href="\/novita\/([a-z0-9-]+)"/g)].map((m) => m[1]);
};
const byDateDesc = [...demoNews].sort((a, b) => b.date.localeCompare(a.date) || a.title.it.localeCompare(b.title.it));

describe('Novità, first-level page', () => {
  it('links the three categories with the exact Modello Comuni texts, shows the latest item and the rating widget', async () => {
    const res = await get('/novita');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Novità<\/h1>/);
    const links = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*data-element="news-category-link"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      [NEWS_KIND_PATHS.notizia, 'Notizie'],
      [NEWS_KIND_PATHS.comunicato, 'Comunicati'],
      [NEWS_KIND_PATHS.avviso, 'Avvisi'],
    ]);
    const latest = byDateDesc[0]!;
    const evidence = html.slice(html.indexOf('id="news-latest"'), html.indexOf('id="news-all"'));
    expect(evidence).toContain(`href="/novita/${latest.slug}"`);
    expect(count(html, 'feedback')).toBe(1);
    expect(count(html, 'breadcrumb')).toBe(1);
    expect(count(html, 'appointment-booking')).toBeGreaterThanOrEqual(1);
    // Search and date fields, each with its label.
    for (const id of ['q', 'from', 'to']) expect(html).toMatch(new RegExp(`<label for="${id}"`));
    expect(html).toMatch(/<input type="date"[^>]*id="from"/);
  });

  it('lists every news item by date, newest first, on numbered pages that work without JavaScript', async () => {
    const first = await get('/novita');
    expect(listed(first.body)).toEqual(byDateDesc.slice(0, 9).map((n) => n.slug));
    const pagerLinks = [...first.body.matchAll(/<a class="page-link" href="([^"]+)" data-element="pager-link"/g)].map((m) => m[1]);
    expect(pagerLinks).toContain('/novita?page=2');
    const second = await get('/novita?page=2');
    expect(second.statusCode).toBe(200);
    expect(listed(second.body)).toEqual(byDateDesc.slice(9, 18).map((n) => n.slug));
    expect(second.body).toMatch(/<a class="page-link" href="\/novita" data-element="pager-link"/);
    // A page past the end is an empty list, not an error.
    const far = await get('/novita?page=50');
    expect(far.statusCode).toBe(200);
    expect(listed(far.body)).toEqual([]);
  });
});

describe('Novità, lists by kind', () => {
  it.each([
    ['notizia', 'Notizie'],
    ['comunicato', 'Comunicati'],
    ['avviso', 'Avvisi'],
  ] as const)('%s: only that kind, breadcrumb Home / Novità / %s, rating widget', async (kind, label) => {
    const res = await get(NEWS_KIND_PATHS[kind]);
    expect(res.statusCode).toBe(200);
    const expected = byDateDesc.filter((n) => n.kind === kind).map((n) => n.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(listed(res.body)).toEqual(expected);
    expect(res.body).toMatch(new RegExp(`<h1[^>]*>${label}</h1>`));
    const crumbs = res.body.slice(res.body.indexOf('data-element="breadcrumb"'), res.body.indexOf('</ol>'));
    expect([...crumbs.matchAll(/<li[^>]*>(?:<a href="([^"]*)">)?([^<]+)/g)].map((m) => [m[1], m[2]])).toEqual([
      ['/', 'Home'],
      ['/novita', 'Novità'],
      [undefined, label],
    ]);
    expect(count(res.body, 'news-category-link')).toBe(0);
    expect(count(res.body, 'feedback')).toBe(1);
  });
});

describe('Novità, search and date filter', () => {
  it('finds news by words in the text', async () => {
    const res = await get('/novita?q=mensa');
    expect(res.statusCode).toBe(200);
    const slugs = listed(res.body);
    expect(slugs).toContain('iscrizioni-mensa-scolastica-online');
    expect(slugs).toContain('menu-invernale-mensa-scolastica');
    expect(slugs).not.toContain('piano-neve-2026-2027');
    expect(res.body).toMatch(/id="q"[^>]*value="mensa"|value="mensa"[^>]*id="q"/);
    // No evidence box while searching, and a way back to the whole list.
    expect(res.body).not.toContain('id="news-latest"');
    expect(res.body).toContain('href="/novita">Mostra tutto, senza filtri</a>');
    const none = await get('/novita?q=zzzzqqq');
    expect(listed(none.body)).toEqual([]);
    expect(none.body).toContain('Nessuna novità corrisponde alla ricerca');
  });

  it('filters by date, in ISO or Italian format, and keeps the filter on every page', async () => {
    const october = byDateDesc.filter((n) => n.date >= '2026-10-01' && n.date <= '2026-10-31').map((n) => n.slug);
    expect(october.length).toBeGreaterThan(1);
    const iso = await get('/novita?from=2026-10-01&to=2026-10-31');
    expect(iso.statusCode).toBe(200);
    expect(listed(iso.body)).toEqual(october);
    const it2 = await get(`/novita?from=${encodeURIComponent('01/10/2026')}&to=${encodeURIComponent('31/10/2026')}`);
    expect(listed(it2.body)).toEqual(october);
    const since = await get('/novita?from=2026-03-01');
    const expected = byDateDesc.filter((n) => n.date >= '2026-03-01');
    expect(listed(since.body)).toEqual(expected.slice(0, 9).map((n) => n.slug));
    // The other pages keep the filter.
    expect(since.body).toContain('href="/novita?from=2026-03-01&amp;page=2" data-element="pager-link"');
    const since2 = await get('/novita?from=2026-03-01&page=2');
    expect(listed(since2.body)).toEqual(expected.slice(9, 18).map((n) => n.slug));
  });

  it('a kind list combines kind, search and dates', async () => {
    const res = await get('/novita/avvisi?from=2026-05-01&to=2026-09-30');
    const expected = byDateDesc.filter((n) => n.kind === 'avviso' && n.date >= '2026-05-01' && n.date <= '2026-09-30').map((n) => n.slug);
    expect(listed(res.body)).toEqual(expected);
  });

  it('a wrong date is a field error on the page (400), never a server error', async () => {
    for (const q of ['from=2026-02-31', 'from=ieri', 'to=32%2F13%2F2026', 'from=2026-05-01&to=2026-04-01', 'from[]=x&to=%00']) {
      const res = await get(`/novita?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body, q).toContain('class="form-control is-invalid"');
      expect(res.body).toMatch(/class="invalid-feedback d-block" role="alert">(Inserisci una data valida|La data finale non può essere precedente)/);
      // The list is still there, without the wrong filter.
      expect(listed(res.body).length).toBeGreaterThan(0);
    }
    const en = await get('/novita?from=2026-02-31&lang=en');
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Enter a valid date');
  });

  it('parses only real dates', () => {
    expect(parseDay('2026-02-28')).toBe('2026-02-28');
    expect(parseDay('5/12/2026')).toBe('2026-12-05');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('99999-01-01')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
});

describe('news item page', () => {
  const item = demoNews.find((n) => n.slug === 'iscrizioni-mensa-scolastica-online')!;

  it('shows kind, date, title, summary, body, topics and related services', async () => {
    const res = await get(`/novita/${item.slug}`);
    expect(res.statusCode).toBe(200);
    const html = main(res.body);
    expect(html).toMatch(/<a class="badge[^"]*" href="\/novita\/notizie">Notizia<\/a>/);
    expect(html).toContain('<time datetime="2026-02-23">23 febbraio 2026</time>');
    expect(res.body).toContain(`<h1>${item.title.it}</h1>`);
    expect(html).toContain(item.summary.it);
    const paragraphs = item.body.it.split(/\n\s*\n/);
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const p of paragraphs) expect(html).toContain(`<p>${p.trim()}</p>`);
    expect(html).toContain('href="/argomenti/istruzione"');
    expect(html).toContain('href="/argomenti/prodotti-alimentari"');
    for (const s of item.services ?? []) expect(html).toContain(`href="/servizi/${s}"`);
    const crumbs = res.body.slice(res.body.indexOf('data-element="breadcrumb"'), res.body.indexOf('</ol>'));
    expect(crumbs).toContain('href="/novita"');
    expect(crumbs).toContain('href="/novita/notizie"');
    expect(count(res.body, 'feedback')).toBe(1);
    expect(res.body).toContain('"@type":"NewsArticle"');
  });

  it('shows the image with its alternative text', async () => {
    const uploadId = '00000000-0000-4000-8000-00000000abcd';
    const r = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      createContent(tx, { tenantId: t.tenant.id, actor: editor }, {
        type: 'news',
        slug: 'nuova-illuminazione-piazza-martiri',
        publish: true,
        data: {
          kind: 'notizia',
          title: { it: 'Nuova illuminazione in piazza Martiri', en: 'New lighting in Piazza Martiri' },
          summary: { it: 'Lampioni a LED e meno consumi.', en: 'LED street lamps and lower consumption.' },
          body: { it: 'I lavori sono terminati.', en: 'The works are finished.' },
          date: '2026-11-21',
          topics: ['Energie rinnovabili'],
          image: { uploadId, alt: { it: 'La piazza illuminata di sera', en: 'The square lit at night' } },
        },
      }),
    );
    expect(r.ok).toBe(true);
    const res = await get('/novita/nuova-illuminazione-piazza-martiri');
    expect(res.body).toMatch(new RegExp(`<img [^>]*src="/uploads/${uploadId}" alt="La piazza illuminata di sera"`));
    const en = await get('/novita/nuova-illuminazione-piazza-martiri?lang=en');
    expect(en.body).toContain('alt="The square lit at night"');
    // The newest item is now the one in evidence, with its image in the card.
    const list = await get('/novita');
    const evidence = list.body.slice(list.body.indexOf('id="news-latest"'), list.body.indexOf('id="news-all"'));
    expect(evidence).toContain('href="/novita/nuova-illuminazione-piazza-martiri"');
    expect(evidence).toContain('alt="La piazza illuminata di sera"');
  });

  it('is the renderer the back office preview uses', () => {
    expect(detailRenderer('news')).toBeTypeOf('function');
  });

  it('answers 404 for an unknown or unpublished item', async () => {
    expect((await get('/novita/non-esiste')).statusCode).toBe(404);
    await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      createContent(tx, { tenantId: t.tenant.id, actor: editor }, {
        type: 'news',
        slug: 'bozza-non-pubblicata',
        data: { kind: 'avviso', title: { it: 'Bozza', en: 'Draft' }, summary: { it: 'x', en: 'x' }, body: { it: 'x', en: 'x' }, date: '2026-11-22', topics: [] },
      }),
    );
    expect((await get('/novita/bozza-non-pubblicata')).statusCode).toBe(404);
    expect(listed((await get('/novita?q=Bozza')).body)).not.toContain('bozza-non-pubblicata');
  });
});

describe('in English', () => {
  it('translates the pages and the content', async () => {
    const res = await get('/novita?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="en"/);
    expect(res.body).toMatch(/<h1[^>]*>News<\/h1>/);
    expect(res.body).toMatch(/data-element="news-category-link"[^>]*>Press releases<\/a>/);
    expect(res.body).toContain('aria-label="News pages"');
    const item = demoNews.find((n) => n.slug === 'piano-neve-2026-2027')!;
    const d = await get(`/novita/${item.slug}?lang=en`);
    expect(d.body).toContain(`<h1>${item.title.en}</h1>`);
    expect(d.body).toContain('10 November 2026');
    expect(d.body).toMatch(/>Press release<\/a>/);
    // Topic names stay Italian (controlled vocabulary), marked as such.
    expect(d.body).toMatch(/<a class="chip chip-simple" href="\/argomenti\/[a-z-]+" lang="it">/);
  });
});
