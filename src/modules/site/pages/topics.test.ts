import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { M } from '../../../core/views/markers.ts';
import { seedSiteContent } from '../seed.ts';
import { countByTopic } from '../content/repository.ts';
import { contentPath, topicPath } from '../content/urls.ts';
import { TOPICS } from '../content/topics.ts';
import { demoServices } from '../demo/services.ts';
import { demoNews, demoPlaces } from '../demo/news-events-places.ts';
import { demoOffices } from '../demo/areas-offices.ts';
import { TOPIC_SECTION_SIZE, topicFromSlug } from './topics.tsx';

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
/** The links carrying a marker: [href, text]. */
function markedLinks(html: string, marker: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attrs = m[1] ?? '';
    if (!attrs.includes(`data-element="${marker}"`)) continue;
    out.push([decode(/href="([^"]*)"/.exec(attrs)?.[1] ?? ''), text(m[2] ?? '')]);
  }
  return out;
}
/** The section of a topic page about one content type. */
const section = (html: string, type: string) => new RegExp(`<section[^>]*id="topic-${type}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('Argomenti', () => {
  it('shows the 64 topics of the vocabulary as topic-element, with exact names, links and counts', async () => {
    const html = await page('/argomenti');
    const topics = markedLinks(html, M.topicElement);
    expect(topics).toHaveLength(64);
    expect(topics.map(([, name]) => name)).toEqual([...TOPICS]);
    for (const [href, name] of topics) expect(href).toBe(topicPath(name));
    expect(html.split(`data-element="${M.topicElement}"`).length - 1).toBe(64);
    const counts = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => countByTopic(tx));
    const body = text(main(html));
    const anagrafe = counts.get('Anagrafe') ?? 0;
    expect(anagrafe).toBeGreaterThan(1);
    expect(body).toContain(`Anagrafe ${anagrafe} contenuti`);
    expect(h1s(html)).toEqual(['Argomenti']);
    expect(html).toContain('data-element="feedback"');
    expect(html).toContain(`data-element="${M.breadcrumb}"`);
  });

  it('keeps the Italian topic names in English, marked as Italian', async () => {
    const html = await page('/argomenti?lang=en');
    expect(h1s(html)).toEqual(['Topics']);
    const topics = markedLinks(html, M.topicElement);
    expect(topics.map(([, name]) => name)).toEqual([...TOPICS]);
    expect(html).toMatch(new RegExp(`data-element="${M.topicElement}" lang="it">Acqua<`));
    expect(text(main(html))).toMatch(/Anagrafe \d+ items/);
  });
});

describe('a topic page', () => {
  it('gathers services, news, places and offices of the topic, each as its card, with the breadcrumb', async () => {
    const topic = 'Anagrafe';
    expect(topicFromSlug('anagrafe')).toBe(topic);
    const html = await page(topicPath(topic));
    const m = main(html);
    expect(h1s(html)).toEqual([topic]);
    const crumbs = text(/<ol[^>]*data-element="breadcrumb"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '');
    expect(crumbs).toMatch(/Home.*Argomenti.*Anagrafe/);
    expect(hrefs(/<ol[^>]*data-element="breadcrumb"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '')).toContain('/argomenti');

    const services = demoServices.filter((s) => s.topics.includes(topic));
    const shownServices = hrefs(section(m, 'service')).filter((h) => /^\/servizi\/(?!categoria\/)/.test(h));
    expect(shownServices.length).toBe(Math.min(services.length, TOPIC_SECTION_SIZE.service));
    for (const h of shownServices) expect(services.map((s) => contentPath('service', s.slug))).toContain(h);
    if (services.length > TOPIC_SECTION_SIZE.service) {
      expect(hrefs(section(m, 'service'))).toContain(`/cerca?type=service&topic=${topic}`);
      expect(text(section(m, 'service'))).toContain(`Vedi tutti i ${services.length} servizi`);
    }

    const news = demoNews.filter((n) => n.topics.includes(topic)).sort((a, b) => b.date.localeCompare(a.date));
    if (news.length) expect(hrefs(section(m, 'news'))).toContain(contentPath('news', news[0]!.slug));
    const offices = demoOffices.filter((o) => o.topics.includes(topic));
    expect(offices.length).toBeGreaterThan(0);
    expect(hrefs(section(m, 'office')).some((h) => offices.map((o) => contentPath('office', o.slug)).includes(h))).toBe(true);
    // Several content types on one page.
    const kinds = ['service', 'news', 'event', 'place', 'office', 'document', 'organisation', 'faq'].filter((k) => section(m, k) !== '');
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('data-element="feedback"');
  });

  it('shows places and upcoming events of a leisure topic, and hides empty sections', async () => {
    const topic = demoPlaces.flatMap((p) => p.topics).find((x) => x === 'Tempo libero' || x === 'Patrimonio culturale') ?? demoPlaces[0]!.topics[0]!;
    const m = main(await page(topicPath(topic)));
    expect(section(m, 'place')).not.toBe('');
    for (const h2 of m.matchAll(/<section[^>]*id="topic-(\w+)"[\s\S]*?<\/section>/g)) {
      // Every section shown has at least one card or FAQ link.
      expect(hrefs(h2[0]).length, h2[1]).toBeGreaterThan(0);
    }
  });

  it('says so on a topic without contents, and 404s on an unknown topic', async () => {
    const counts = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => countByTopic(tx));
    const empty = TOPICS.find((x) => !counts.get(x));
    if (empty) {
      const m = main(await page(topicPath(empty)));
      expect(text(m)).toContain('Non ci sono ancora contenuti su questo argomento');
      expect(m).not.toContain('id="topic-service"');
    }
    const res = await get('/argomenti/non-esiste');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('is in English with ?lang=en', async () => {
    const html = await page(`${topicPath('Anagrafe')}?lang=en`);
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<h1 lang="it">Anagrafe<\/h1>/);
    expect(text(main(html))).toContain('Services');
  });
});
