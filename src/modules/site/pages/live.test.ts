import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { tenants } from '../../../core/db/schema.ts';
import { DEFAULT_ATTRIBUTION, DEFAULT_TILES } from '../../../core/views/site-settings.ts';
import { seedSiteContent } from '../seed.ts';
import { romeTime } from '../content/derive.ts';
import { detailRenderer } from '../content/renderers.ts';
import { demoEvents, demoPlaces } from '../demo/news-events-places.ts';

// The site's clock: 10 December 2026, 11:00 in Rome. The Christmas market (28 Nov – 24 Dec) is going on, the reading
// group of 3 December is over. Only Date is faked: timers and the database run as usual.
const NOW = new Date('2026-12-10T10:00:00Z');

let t: TestApp;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });
const count = (html: string, marker: string) => html.split(`data-element="${marker}"`).length - 1;
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** Slugs of the event-link anchors, in order. */
const eventLinks = (html: string) => [...html.matchAll(/href="\/vivere\/eventi\/([a-z0-9-]+)" data-element="event-link"/g)].map((m) => m[1]);
const upcoming = [...demoEvents].filter((e) => romeTime(e.end) >= NOW).sort((a, b) => a.start.localeCompare(b.start));
const markersOf = (html: string) => {
  const m = /data-markers="([^"]*)"/.exec(html);
  return m ? (JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { lat: number; lon: number; name: string; href: string }[]) : [];
};

describe('Vivere, first-level page', () => {
  it('has Luoghi and Eventi with the Modello Comuni markers, upcoming events and places, rating and contacts', async () => {
    const res = await get('/vivere');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // "Comune di Prova" → "Vivere Prova", the same words as the main navigation.
    expect(html).toMatch(/<h1[^>]*>Vivere Prova<\/h1>/);
    expect(html).toMatch(/<a [^>]*data-element="live"[^>]*>Vivere Prova<\/a>/);
    expect(html).toMatch(/<a [^>]*href="\/vivere\/luoghi"[^>]*data-element="live-button-locations"[^>]*>Luoghi<\/a>/);
    expect(html).toMatch(/<a [^>]*href="\/vivere\/eventi"[^>]*data-element="live-button-events"[^>]*>Eventi<\/a>/);
    expect(count(html, 'live-button-locations')).toBe(1);
    expect(count(html, 'live-button-events')).toBe(1);
    expect(eventLinks(html)).toEqual(upcoming.slice(0, 6).map((e) => e.slug));
    expect(eventLinks(html)).toContain('mercatino-di-natale-2026'); // going on
    expect(eventLinks(html)).not.toContain('gruppo-di-lettura-dicembre'); // over
    expect(html).toMatch(/<button[^>]*data-element="load-other-cards"[^>]*>Carica altri risultati<\/button>/);
    expect(count(html, 'feedback')).toBe(1);
    expect(count(html, 'appointment-booking')).toBeGreaterThanOrEqual(1);
    const places = html.slice(html.indexOf('id="live-places"'));
    expect((places.match(/href="\/vivere\/luoghi\/[a-z0-9-]+"/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('"Carica altri risultati" shows more events without JavaScript, until there are no more', async () => {
    expect(upcoming.length).toBeGreaterThan(6);
    const first = await get('/vivere');
    expect(first.body).toMatch(/<form method="get" action="\/vivere#live-event-cards"[^>]*>(?:(?!<\/form>).)*name="page" value="2"/s);
    const second = await get('/vivere?page=2');
    expect(eventLinks(second.body)).toEqual(upcoming.slice(0, 12).map((e) => e.slug));
    const all = await get(`/vivere?page=${Math.ceil(upcoming.length / 6)}`);
    expect(eventLinks(all.body)).toEqual(upcoming.map((e) => e.slug));
    expect(count(all.body, 'load-other-cards')).toBe(0);
  });
});

describe('events list', () => {
  it('starts today (events going on included), marks each event and loads more', async () => {
    const res = await get('/vivere/eventi');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1[^>]*>Eventi<\/h1>/);
    expect(res.body).toMatch(/<input type="date"[^>]*id="from"[^>]*value="2026-12-10"/);
    expect(eventLinks(res.body)).toEqual(upcoming.slice(0, 9).map((e) => e.slug));
    expect(count(res.body, 'load-other-cards')).toBe(1);
    const more = await get('/vivere/eventi?page=2');
    expect(eventLinks(more.body)).toEqual(upcoming.map((e) => e.slug));
    expect(count(more.body, 'load-other-cards')).toBe(0);
    expect(count(res.body, 'feedback')).toBe(1);
    const crumbs = res.body.slice(res.body.indexOf('data-element="breadcrumb"'), res.body.indexOf('</ol>'));
    expect(crumbs).toContain('<a href="/vivere">Vivere Prova</a>');
  });

  it('filters by period: events that overlap it, ongoing ones included', async () => {
    const res = await get('/vivere/eventi?from=2027-01-01&to=2027-01-31');
    expect(res.statusCode).toBe(200);
    const expected = [...demoEvents]
      .filter((e) => e.end.slice(0, 10) >= '2027-01-01' && e.start.slice(0, 10) <= '2027-01-31')
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((e) => e.slug);
    expect(expected).toContain('mostra-trame-del-territorio'); // from December to March
    expect(eventLinks(res.body)).toEqual(expected);
    // Past events can be asked for.
    const past = await get('/vivere/eventi?from=2026-12-01&to=2026-12-05');
    expect(eventLinks(past.body)).toContain('gruppo-di-lettura-dicembre');
  });

  it('filters by topic', async () => {
    const res = await get('/vivere/eventi?topic=sport&from=2026-01-01');
    expect(res.statusCode).toBe(200);
    const expected = demoEvents.filter((e) => e.topics.includes('Sport')).map((e) => e.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(eventLinks(res.body).sort()).toEqual(expected.sort());
    expect(res.body).toMatch(/<option value="sport" selected/);
  });

  it('wrong filters are field errors (400), never a server error', async () => {
    for (const q of ['from=2026-13-01', 'to=domani', 'from=2027-02-01&to=2027-01-01', 'topic=non-un-argomento']) {
      const res = await get(`/vivere/eventi?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body).toContain('class="alert alert-danger" role="alert"');
      expect(res.body).toMatch(/class="invalid-feedback d-block" role="alert">/);
      expect(eventLinks(res.body).length).toBeGreaterThan(0);
    }
  });

  it('has a map of the places, with tiles from the site settings, and the same places as a list', async () => {
    const res = await get('/vivere/eventi');
    expect(res.body).toContain('<script src="/assets/leaflet/leaflet.js" defer></script>');
    expect(res.body).toContain('<script src="/assets/piazza/map.js" defer></script>');
    expect(res.body).toContain(`data-tiles="${DEFAULT_TILES}"`);
    expect(res.body).toContain(`data-attribution="${DEFAULT_ATTRIBUTION}"`);
    const placeSlugs = [...new Set(upcoming.map((e) => e.place))];
    expect(markersOf(res.body).map((m) => m.href).sort()).toEqual(placeSlugs.map((s) => `/vivere/luoghi/${s}`).sort());
    const fallback = res.body.slice(res.body.indexOf('id="events-map"'));
    for (const s of placeSlugs) expect(fallback).toContain(`href="/vivere/luoghi/${s}"`);
    expect(fallback).toContain('https://www.openstreetmap.org/?mlat=');
  });
});

describe('event page', () => {
  it('shows when, where, cost, organiser, description, topics and the calendar link', async () => {
    const e = demoEvents.find((x) => x.slug === 'gruppo-di-lettura-dicembre')!;
    const place = demoPlaces.find((p) => p.slug === e.place)!;
    const res = await get(`/vivere/eventi/${e.slug}`);
    expect(res.statusCode).toBe(200);
    const html = main(res.body);
    expect(html).toContain(`<h1>${e.title.it.replace(/«/g, '«')}</h1>`);
    expect(html).toContain('3 dicembre 2026, 18:00–19:30');
    expect(html).toContain(`href="/vivere/luoghi/${place.slug}"`);
    expect(html).toContain(`${place.address.street}, ${place.address.postalCode} ${place.address.locality}`);
    expect(html).toContain(e.cost.it);
    expect(html).toContain(e.organiser);
    for (const p of e.description.it.split(/\n\s*\n/)) expect(html).toContain(p.trim());
    expect(html).toContain('href="/argomenti/tempo-libero"');
    expect(html).toMatch(/<a [^>]*href="\/vivere\/eventi\/gruppo-di-lettura-dicembre\/evento.ics"[^>]*>.*Aggiungi al calendario/s);
    expect(count(res.body, 'feedback')).toBe(1);
    expect(res.body).toContain('"@type":"Event"');
    expect(res.body).toContain('"startDate":"2026-12-03T17:00:00.000Z"');
  });

  it('a multi-day event shows both ends', async () => {
    const res = await get('/vivere/eventi/mercatino-di-natale-2026');
    expect(res.body).toContain('dal 28 novembre 2026 al 24 dicembre 2026');
    expect(res.body).toContain('<time datetime="2026-11-28T10:00">28 novembre 2026, 10:00</time>');
  });

  it('downloads an iCalendar file with the times in UTC', async () => {
    const res = await get('/vivere/eventi/gruppo-di-lettura-dicembre/evento.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="gruppo-di-lettura-dicembre.ics"');
    const ics = res.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    // 18:00–19:30 in Rome in winter (UTC+1).
    expect(ics).toContain('\r\nDTSTART:20261203T170000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261203T183000Z\r\n');
    // Lines are folded at 75 octets; unfolded, the text fields are escaped.
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Gruppo di lettura: «Storie di lana e di fabbrica»\r\n');
    expect(unfolded).toContain('LOCATION:Biblioteca civica\\, Piazza Curiel 13\\, 13900 Biella\r\n');
    expect(unfolded).toMatch(/DESCRIPTION:[^\r]*\\n\\n[^\r]*Organizzato da: Biblioteca civica di Biella/);
    expect(unfolded).toContain('URL:http://localhost/vivere/eventi/gruppo-di-lettura-dicembre\r\n');
    expect(unfolded).toMatch(/\r\nUID:event-[0-9a-f-]+@localhost\r\n/);
    // Summer time: the photo exhibition ends on 28 March 2027 at 18:30, after the clocks went forward (UTC+2).
    const dst = await get('/vivere/eventi/mostra-fotografica-biellese-inverno/evento.ics');
    expect(dst.body).toContain('\r\nDTSTART:20270220T090000Z\r\n');
    expect(dst.body).toContain('\r\nDTEND:20270328T163000Z\r\n');
    const en = await get('/vivere/eventi/gruppo-di-lettura-dicembre/evento.ics?lang=en');
    expect(en.body.replace(/\r\n /g, '')).toContain('SUMMARY:Reading group: “Stories of wool and factories”');
  });
});

describe('places', () => {
  it('lists every place with its address and OpenStreetMap link, and a map', async () => {
    const res = await get('/vivere/luoghi');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1[^>]*>Luoghi<\/h1>/);
    const cards = res.body.slice(res.body.indexOf('id="place-cards"'));
    for (const p of demoPlaces) {
      expect(cards).toContain(`href="/vivere/luoghi/${p.slug}"`);
      expect(cards).toContain(`https://www.openstreetmap.org/?mlat=${p.lat}&amp;mlon=${p.lon}`);
    }
    expect(markersOf(res.body)).toHaveLength(demoPlaces.length);
    expect(res.body).toMatch(/<div hidden role="region" aria-label="Mappa dei luoghi"/);
    expect(count(res.body, 'feedback')).toBe(1);
  });

  it('filters by kind', async () => {
    const res = await get('/vivere/luoghi?kind=museo');
    expect(res.statusCode).toBe(200);
    const museums = demoPlaces.filter((p) => p.kind === 'museo');
    expect(markersOf(res.body).map((m) => m.href).sort()).toEqual(museums.map((p) => `/vivere/luoghi/${p.slug}`).sort());
    expect(res.body).toMatch(/<option value="museo" selected>Museo \(3\)<\/option>/);
    const sport = await get('/vivere/luoghi?kind=impianto-sportivo');
    expect(markersOf(sport.body)).toHaveLength(demoPlaces.filter((p) => p.kind === 'impianto sportivo').length);
    const bad = await get('/vivere/luoghi?kind=astronave');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Scegli un tipo di luogo dall’elenco.');
  });

  it('uses the comune’s own map tiles and attribution', async () => {
    const [row] = await t.ctx.db.select().from(tenants).where(eq(tenants.id, t.tenant.id));
    const settings = { ...row!.settings, site: { ...(row!.settings.site ?? {}), mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapAttribution: '© Tiles & Co.' } };
    await t.ctx.db.update(tenants).set({ settings }).where(eq(tenants.id, t.tenant.id));
    t.ctx.tenants.invalidate();
    try {
      const res = await get('/vivere/luoghi');
      expect(res.body).toContain('data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"');
      expect(res.body).toContain('data-attribution="© Tiles &amp; Co."');
      // The Content-Security-Policy lets the browser load the tiles.
      expect(res.headers['content-security-policy']).toMatch(/img-src[^;]*https:/);
    } finally {
      await t.ctx.db.update(tenants).set({ settings: row!.settings }).where(eq(tenants.id, t.tenant.id));
      t.ctx.tenants.invalidate();
    }
  });

  it('a place page: description, address and map, opening hours, accessibility, its events, topics', async () => {
    const p = demoPlaces.find((x) => x.slug === 'biblioteca-civica')!;
    expect(p.hours).toBeDefined();
    const res = await get(`/vivere/luoghi/${p.slug}`);
    expect(res.statusCode).toBe(200);
    const html = main(res.body);
    expect(html).toContain(`<h1>${p.name.it}</h1>`);
    expect(html).toContain('Biblioteca'); // kind badge
    for (const para of p.description.it.split(/\n\s*\n/)) expect(html).toContain(para.trim());
    expect(html).toContain(`${p.address.street}, ${p.address.postalCode} ${p.address.locality}`);
    expect(markersOf(html)).toEqual([{ lat: p.lat, lon: p.lon, name: p.name.it, href: `/vivere/luoghi/${p.slug}`, address: `${p.address.street}, ${p.address.postalCode} ${p.address.locality}` }]);
    expect(html).toContain('Orari di apertura');
    expect(html).toMatch(/<table class="table table-sm">/);
    expect(html).toContain(p.accessibility.it.split(/\n\s*\n/)[0]!.trim());
    const expected = demoEvents.filter((e) => e.place === p.slug && romeTime(e.end) >= NOW).map((e) => e.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(eventLinks(html).sort()).toEqual(expected.sort());
    expect(eventLinks(html)).not.toContain('gruppo-di-lettura-dicembre'); // already over
    for (const topic of p.topics) expect(html).toContain(`<span class="chip-label">${topic}</span>`);
    expect(count(res.body, 'feedback')).toBe(1);
  });

  it('a place without opening hours has no hours table', async () => {
    const p = demoPlaces.find((x) => !x.hours)!;
    const res = await get(`/vivere/luoghi/${p.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Orari di apertura');
  });
});

describe('renderers, English and 404s', () => {
  it('registers the detail renderers used by the back office preview', () => {
    expect(detailRenderer('event')).toBeTypeOf('function');
    expect(detailRenderer('place')).toBeTypeOf('function');
  });

  it('translates the pages', async () => {
    const live = await get('/vivere?lang=en');
    expect(live.body).toMatch(/<h1[^>]*>Living in Prova<\/h1>/);
    expect(live.body).toMatch(/data-element="live-button-locations"[^>]*>Places<\/a>/);
    expect(live.body).toMatch(/data-element="live-button-events"[^>]*>Events<\/a>/);
    const e = demoEvents.find((x) => x.slug === 'concerto-di-natale-teatro-sociale')!;
    const ev = await get(`/vivere/eventi/${e.slug}?lang=en`);
    expect(ev.body).toContain(`<h1>${e.title.en}</h1>`);
    expect(ev.body).toContain('19 December 2026, 21:00–23:00');
    expect(ev.body).toContain('Add to calendar');
    const place = await get('/vivere/luoghi/biblioteca-civica?lang=en');
    expect(place.body).toContain('Opening hours');
    expect(place.body).toContain('>Library</span>');
    const bad = await get('/vivere/eventi?from=nope&lang=en');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a valid date');
  });

  it('answers 404 for unknown events and places', async () => {
    for (const url of ['/vivere/eventi/non-esiste', '/vivere/eventi/non-esiste/evento.ics', '/vivere/luoghi/non-esiste']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });
});
