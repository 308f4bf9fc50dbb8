import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { M } from '../../../core/views/markers.ts';
import { seedSiteContent } from '../seed.ts';
import { listPublished } from '../content/repository.ts';
import { contentPath } from '../content/urls.ts';
import { FEATURED_SERVICES, HOME_SIZES } from './home.tsx';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
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
const text = (html: string) => decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
const main = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
const h1s = (html: string) => [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => text(m[1] ?? ''));
const count = (html: string, marker: string) => html.split(`data-element="${marker}"`).length - 1;
const section = (html: string, id: string) => new RegExp(`<section[^>]*aria-labelledby="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('home page', () => {
  it('works for a comune without content yet: name, search, quick links, rating widget', async () => {
    const html = await page('/');
    expect(h1s(html)).toEqual(['Comune di Prova']);
    expect(main(html)).toMatch(/<form method="get" action="\/cerca" role="search"[\s\S]*?name="q"/);
    expect(hrefs(main(html))).toContain('/area-personale');
    expect(count(html, 'feedback')).toBe(1);
    expect(text(main(html))).toContain('Al momento non ci sono eventi in programma');
    expect(section(html, 'home-news')).toBe('');
  });

  it('shows the latest news, upcoming events with event-link, the featured services and topics', async () => {
    await seedSiteContent(t.ctx, t.tenant);
    const html = await page('/');
    const m = main(html);
    expect(h1s(html)).toEqual(['Comune di Prova']);
    expect(html).toContain('<title>Sito istituzionale – Comune di Prova</title>');

    const latest = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => listPublished(tx, 'news', { order: 'date-desc', limit: HOME_SIZES.news }));
    const news = section(m, 'home-news');
    for (const n of latest.rows) expect(hrefs(news)).toContain(contentPath('news', n.slug));
    expect(hrefs(news)).toContain('/novita');

    const upcoming = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => listPublished(tx, 'event', { from: new Date(), order: 'date-asc', limit: HOME_SIZES.events }));
    const events = section(m, 'home-events');
    expect(count(events, M.eventLink)).toBe(upcoming.rows.length);
    for (const e of upcoming.rows) expect(hrefs(events)).toContain(contentPath('event', e.slug));
    expect(hrefs(events)).toContain('/vivere/eventi');

    const services = section(m, 'home-services');
    expect(count(services, M.serviceLink)).toBe(HOME_SIZES.services);
    for (const slug of FEATURED_SERVICES) expect(hrefs(services)).toContain(contentPath('service', slug));
    expect(hrefs(services)).toContain('/servizi');

    const topics = section(m, 'home-topics');
    expect(hrefs(topics).filter((h) => h.startsWith('/argomenti/')).length).toBe(HOME_SIZES.topics);
    expect(hrefs(topics)).toContain('/argomenti');
    // topic-element belongs to the Argomenti page only.
    expect(count(m, M.topicElement)).toBe(0);

    expect(count(html, 'feedback')).toBe(1);
    expect(html).toContain('data-element="feedback-title"');
    // Light: no script of its own beyond the layout's and the rating widget's.
    const scripts = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((x) => x[1]);
    expect(scripts.every((s) => s!.startsWith('/assets/'))).toBe(true);
    expect(m).not.toMatch(/<img\b/);
  });

  it('is in English with ?lang=en', async () => {
    const html = await page('/?lang=en');
    expect(html).toContain('<html lang="en"');
    const body = text(main(html));
    expect(body).toContain('Featured services');
    expect(body).toContain('Upcoming events');
    expect(body).toContain('Electronic identity card');
  });
});
