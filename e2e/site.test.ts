import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations, startServer, throwAwayDatabase, type RunningServer } from './harness.ts';
import { TOPICS } from '../src/modules/site/content/topics.ts';

/**
 * The public site of the demo comune in Chromium, read the way the national validator
 * (italia/pa-website-validator-ng) reads it: from the rendered DOM. Every Modello Comuni marker with its exact
 * text (shared/MODELLO-COMUNI.md), the rating widget with and without JavaScript, axe-core on every page type,
 * keyboard-only use, and the citizen flows without JavaScript. One server and one browser for the whole file.
 */

let server: RunningServer;
let database: Awaited<ReturnType<typeof throwAwayDatabase>>;
let browser: Browser;
let js: BrowserContext;
let noJs: BrowserContext;
let page: Page;
let plain: Page;

// The class names Bootstrap Italia defines: every `.name` in the selectors of its stylesheet.
const require = createRequire(import.meta.url);
const BI_CLASSES = (() => {
  const css = readFileSync(require.resolve('bootstrap-italia/dist/css/bootstrap-italia.min.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/url\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)]*)\)/g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '');
  const names = new Set<string>();
  // selectors only: the text before each `{` that is not inside a declaration block
  for (const m of css.matchAll(/([^{}]+)\{/g)) {
    const selector = m[1]!;
    if (selector.trim().startsWith('@')) continue;
    for (const c of selector.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*(?:\\.[_a-zA-Z0-9-]*)*)/g)) names.add(c[1]!.replace(/\\/g, ''));
  }
  return names;
})();

const SERVICE_CATEGORIES = [
  'Anagrafe e stato civile',
  'Cultura e tempo libero',
  'Vita lavorativa',
  'Imprese e commercio',
  'Appalti pubblici',
  'Catasto e urbanistica',
  'Turismo',
  'Mobilità e trasporti',
  'Educazione e formazione',
  'Giustizia e sicurezza pubblica',
  'Tributi, finanze e contravvenzioni',
  'Ambiente',
  'Salute, benessere e assistenza',
  'Autorizzazioni',
  'Agricoltura e pesca',
];
const MANAGEMENT_CATEGORIES = ['Organi di governo', 'Aree amministrative', 'Uffici', 'Enti e fondazioni', 'Politici', 'Personale amministrativo', 'Documenti e dati'];
const PAGE_INDEX = ['A chi è rivolto', 'Come fare', 'Cosa serve', 'Cosa si ottiene', 'Tempi e scadenze', 'Accedi al servizio', 'Condizioni di servizio', 'Contatti'];
const LEGAL_NOTES_BODY =
  'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0. Gli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive.';
const FEEDBACK_TITLE = 'Quanto sono chiare le informazioni su questa pagina?';
const NEGATIVE = {
  question: 'Dove hai incontrato le maggiori difficoltà?',
  answers: ['A volte le indicazioni non erano chiare', 'A volte le indicazioni non erano complete', 'A volte non capivo se stavo procedendo correttamente', 'Ho avuto problemi tecnici', 'Altro'],
};
const POSITIVE = {
  question: 'Quali sono stati gli aspetti che hai preferito?',
  answers: ['Le indicazioni erano chiare', 'Le indicazioni erano complete', 'Capivo sempre che stavo procedendo correttamente', 'Non ho avuto problemi tecnici', 'Altro'],
};
const THANKS = 'Grazie, il tuo parere ci aiuterà a migliorare il servizio!';

const SERVICE = '/servizi/carta-identita-elettronica';
const SERVICE_TITLE = 'Carta d’identità elettronica';

/** Every page type of the public site (Italian). */
const PUBLIC_PAGES = [
  '/',
  '/servizi',
  '/servizi/categoria/anagrafe-e-stato-civile',
  SERVICE,
  '/amministrazione',
  '/amministrazione/organi-di-governo',
  '/amministrazione/aree-amministrative',
  '/amministrazione/uffici',
  '/amministrazione/enti-e-fondazioni',
  '/amministrazione/politici',
  '/amministrazione/personale-amministrativo',
  '/amministrazione/documenti-e-dati',
  '/amministrazione/uffici/ufficio-anagrafe',
  '/novita',
  '/novita/notizie',
  '/novita/iscrizioni-mensa-scolastica-online',
  '/vivere',
  '/vivere/luoghi',
  '/vivere/luoghi/biblioteca-civica',
  '/vivere/eventi',
  '/vivere/eventi/mercatino-di-natale-2026',
  '/argomenti',
  '/argomenti/anagrafe',
  '/cerca?q=carta+identit%C3%A0',
  '/faq',
  '/mappa-del-sito',
  '/privacy',
  '/note-legali',
  '/cookie',
  '/richiesta-assistenza',
  '/prenotazione-appuntamento',
];
/** Pages that must carry the rating widget: the home page, first- and second-level pages, a service card. */
const RATED_PAGES = [
  '/',
  '/amministrazione',
  '/novita',
  '/servizi',
  '/vivere',
  '/argomenti',
  SERVICE,
  '/servizi/categoria/anagrafe-e-stato-civile',
  '/amministrazione/uffici',
  '/novita/notizie',
  '/vivere/eventi',
  '/vivere/luoghi',
];

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const sel = (marker: string) => `[data-element="${marker}"]`;
const texts = async (p: Page, marker: string) => (await p.locator(sel(marker)).allTextContents()).map(norm);

async function open(p: Page, path: string): Promise<void> {
  // DOMContentLoaded: the stylesheets and the deferred scripts have run (images, fonts and map tiles need not)
  const res = await p.goto(server.url + path, { waitUntil: 'domcontentloaded' });
  expect(res?.status(), `GET ${path}`).toBe(200);
}

async function expectAccessible(p: Page, soft = false): Promise<void> {
  (soft ? expect.soft : expect)(await seriousA11yViolations(p), `serious or critical axe violations on ${p.url()}`).toEqual([]);
}

interface CommonFacts {
  cssVersion: string;
  jsVersion: string | null;
  classes: string[];
  badFonts: string[];
  h1: number;
  mainNavigation: number;
  nav: { marker: string; count: number; text: string; order: number }[];
  personalAreaLogin: { tag: string; href: string | null }[];
  allTopics: string[];
  footer: Record<string, { text: string; href: string | null }[]>;
  links: string[];
}

/** What the validator checks on every page, read from the DOM. */
async function commonFacts(p: Page): Promise<CommonFacts> {
  return p.evaluate(() => {
    const FONTS = ['titillium web', 'lora', 'roboto mono'];
    const n = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const all = Array.from(document.querySelectorAll('*'));
    const classes = new Set<string>();
    for (const el of all) for (const c of Array.from(el.classList)) classes.add(c);
    const badFonts: string[] = [];
    for (const el of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, p'))) {
      for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
        const first = getComputedStyle(e).fontFamily.split(',')[0]!.replace(/["']/g, '').trim().toLowerCase();
        if (!FONTS.includes(first)) badFonts.push(`<${e.tagName.toLowerCase()}> "${n(e.textContent).slice(0, 40)}": ${getComputedStyle(e).fontFamily}`);
      }
    }
    const markers = (m: string, root: ParentNode = document) => Array.from(root.querySelectorAll(`[data-element="${m}"]`));
    const position = (el: Element | undefined) => (el ? all.indexOf(el) : -1);
    const footerEl = document.querySelector('footer');
    const footer: Record<string, { text: string; href: string | null }[]> = {};
    for (const m of ['faq', 'report-inefficiency', 'privacy-policy-link', 'legal-notes', 'accessibility-link']) {
      footer[m] = footerEl ? markers(m, footerEl).map((e) => ({ text: n(e.textContent), href: (e as HTMLAnchorElement).href ?? null })) : [];
    }
    const links = Array.from(document.querySelectorAll('header a[href], footer a[href]')).map((a) => (a as HTMLAnchorElement).href);
    return {
      cssVersion: getComputedStyle(document.documentElement).getPropertyValue('--bootstrap-italia-version').trim(),
      jsVersion: (window as unknown as { BOOTSTRAP_ITALIA_VERSION?: string }).BOOTSTRAP_ITALIA_VERSION ?? null,
      classes: [...classes],
      badFonts: badFonts.slice(0, 10),
      h1: document.querySelectorAll('h1').length,
      mainNavigation: markers('main-navigation').length,
      nav: ['management', 'news', 'all-services', 'live'].map((m) => {
        const found = markers(m);
        return { marker: m, count: found.length, text: n(found[0]?.textContent ?? null), order: position(found[0]) };
      }),
      personalAreaLogin: markers('personal-area-login').map((e) => ({ tag: e.tagName.toLowerCase(), href: e.getAttribute('href') })),
      allTopics: markers('all-topics').map((e) => n(e.textContent)),
      footer,
      links,
    };
  });
}

/** Header and footer links seen on every page, fetched at the end. */
const chromeLinks = new Set<string>();

/** Soft assertions: a page's report lists every missing marker at once. */
function expectCommonMarkers(f: CommonFacts, path: string): void {
  expect.soft(f.cssVersion, `${path}: --bootstrap-italia-version`).toMatch(/^["']?2\./);
  expect.soft(f.jsVersion, `${path}: window.BOOTSTRAP_ITALIA_VERSION`).toMatch(/^2\./);
  const bi = f.classes.filter((c) => BI_CLASSES.has(c));
  const foreign = f.classes.filter((c) => !BI_CLASSES.has(c));
  expect.soft(bi.length / f.classes.length, `${path}: share of Bootstrap Italia classes (not BI: ${foreign.join(' ')})`).toBeGreaterThanOrEqual(0.3);
  expect.soft(f.badFonts, `${path}: fonts of h1..h6, p`).toEqual([]);
  expect.soft(f.h1, `${path}: one h1`).toBe(1);
  // header
  expect.soft(f.personalAreaLogin, `${path}: personal-area-login`).toHaveLength(1);
  expect.soft(f.personalAreaLogin[0]?.tag).toBe('a');
  expect.soft(f.mainNavigation, `${path}: main-navigation`).toBe(1);
  expect.soft(
    f.nav.map((x) => [x.marker, x.count]),
    `${path}: each main navigation item exactly once`,
  ).toEqual([
    ['management', 1],
    ['news', 1],
    ['all-services', 1],
    ['live', 1],
  ]);
  expect.soft(f.nav.slice(0, 3).map((x) => x.text), `${path}: main navigation texts`).toEqual(['Amministrazione', 'Novità', 'Servizi']);
  expect.soft(f.nav[3]?.text, `${path}: live item text`).toMatch(/^Vivere (il Comune|\S.*)$/);
  const order = f.nav.map((x) => x.order);
  expect.soft([...order].sort((a, b) => a - b), `${path}: main navigation order`).toEqual(order);
  expect.soft(f.allTopics, `${path}: all-topics`).toEqual(['Tutti gli argomenti']);
  // footer
  for (const m of ['faq', 'report-inefficiency', 'privacy-policy-link', 'legal-notes', 'accessibility-link']) {
    expect.soft(f.footer[m]?.length, `${path}: footer ${m}`).toBeGreaterThanOrEqual(1);
    expect.soft(f.footer[m]?.[0]?.href, `${path}: footer ${m} is a link`).toBeTruthy();
  }
  expect.soft(f.footer['report-inefficiency']?.[0]?.text, `${path}: report-inefficiency text`).toBe('Segnalazione disservizio');
  expect.soft(f.footer['accessibility-link']?.[0]?.href, `${path}: accessibility-link`).toMatch(/^https:\/\/form\.agid\.gov\.it\//);
  for (const l of f.links) chromeLinks.add(l.split('#')[0]!);
}

/** Rating widget: exact title, five stars, both answer groups with their questions and answers. */
async function expectRatingWidget(p: Page, path: string): Promise<void> {
  expect(await p.locator(sel('feedback')).count(), `${path}: feedback`).toBe(1);
  expect(await texts(p, 'feedback-title'), `${path}: feedback-title`).toEqual([FEEDBACK_TITLE]);
  for (let n = 1; n <= 5; n++) expect(await p.locator(sel(`feedback-rate-${n}`)).count(), `${path}: feedback-rate-${n}`).toBe(1);
  for (const [kind, want] of [
    ['negative', NEGATIVE],
    ['positive', POSITIVE],
  ] as const) {
    const block = p.locator(sel(`feedback-rating-${kind}`));
    expect(await block.count(), `${path}: feedback-rating-${kind}`).toBe(1);
    expect((await block.locator(sel('feedback-rating-question')).allTextContents()).map(norm)).toEqual([want.question]);
    expect((await block.locator(sel('feedback-rating-answer')).allTextContents()).map(norm)).toEqual(want.answers);
  }
  expect(await p.locator(sel('feedback-input-text')).count(), `${path}: feedback-input-text`).toBe(1);
}

beforeAll(async () => {
  // PGlite, or a throw-away database when DATABASE_URL points at a PostgreSQL server
  database = await throwAwayDatabase();
  server = await startServer({ SEED_DEMO: 'true', ...database.env });
  browser = await launchBrowser();
  js = await browser.newContext();
  noJs = await browser.newContext({ javaScriptEnabled: false });
  page = await js.newPage();
  plain = await noJs.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe('every public page', () => {
  it('parses the Bootstrap Italia class names from its stylesheet', () => {
    for (const c of ['container', 'it-header-wrapper', 'card', 'chip', 'rating', 'callout', 'it-footer-main']) expect(BI_CLASSES.has(c), c).toBe(true);
    expect(BI_CLASSES.size).toBeGreaterThan(1000);
  });

  it.each(PUBLIC_PAGES)('%s: Bootstrap Italia, fonts, header and footer markers, no serious axe violation', async (path) => {
    await open(page, path);
    expectCommonMarkers(await commonFacts(page), path);
    await expectAccessible(page, true);
  });

  it('links from the header and the footer only to pages that answer 200 (external links over https)', async () => {
    for (const path of ['/', SERVICE]) {
      await open(page, path);
      for (const l of (await commonFacts(page)).links) chromeLinks.add(l.split('#')[0]!);
    }
    expect(chromeLinks.size).toBeGreaterThan(5);
    const broken: string[] = [];
    for (const href of chromeLinks) {
      const u = new URL(href);
      if (u.protocol === 'mailto:' || u.protocol === 'tel:') continue;
      if (u.origin !== server.url) {
        if (u.protocol !== 'https:') broken.push(`${href}: not https`);
        continue;
      }
      const r = await fetch(href, { redirect: 'follow' });
      if (r.status !== 200) broken.push(`${href}: ${r.status}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('first-level pages and the service card', () => {
  it('home and /servizi: 15 categories, service links, more results, appointment booking', async () => {
    await open(page, '/');
    expect(await page.locator('main').textContent()).toContain('Comune di Biella');
    await open(page, '/servizi');
    const cats = await texts(page, 'service-category-link');
    expect([...cats].sort()).toEqual([...SERVICE_CATEGORIES].sort());
    expect(await page.locator(`a${sel('service-link')}`).count()).toBeGreaterThanOrEqual(10);
    const more = page.locator(`button${sel('load-other-cards')}`);
    expect(await more.count()).toBe(1);
    expect(norm(await more.textContent())).toBe('Carica altri risultati');
    expect(await page.locator(`a${sel('appointment-booking')}`).count()).toBeGreaterThanOrEqual(1);
    // with JavaScript, the button adds cards in place
    const before = await page.locator(sel('service-link')).count();
    await more.click();
    await expect.poll(() => page.locator(sel('service-link')).count()).toBeGreaterThan(before);
  });

  it('service card: JSON-LD, breadcrumb, title, status, description, topics, page index and every section', async () => {
    await open(page, SERVICE);
    const ld = await page.locator(`script[type="application/ld+json"]${sel('metatag')}`).allTextContents();
    expect(ld).toHaveLength(1);
    const svc = JSON.parse(ld[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(svc['@type']).toBe('GovernmentService');
    expect(svc.name).toBe(SERVICE_TITLE);
    expect(norm(svc.serviceType)).not.toBe('');
    expect(norm(svc.serviceOperator?.name)).not.toBe('');
    expect(norm(svc.areaServed?.name)).not.toBe('');
    expect(norm(svc.audience?.audienceType)).not.toBe('');
    const channels = [svc.availableChannel].flat();
    expect(channels.some((c) => /^https:\/\//.test(c?.serviceUrl ?? ''))).toBe(true);
    const location = channels.map((c) => c?.serviceLocation).find(Boolean);
    expect(norm(location?.name)).not.toBe('');
    expect(norm(location?.address?.streetAddress)).not.toBe('');
    expect(location?.address?.postalCode).toMatch(/^\d{5}$/);
    expect(norm(location?.address?.addressLocality)).not.toBe('');

    const crumbs = (await page.locator(`ol${sel('breadcrumb')} li`).allTextContents()).map((t) => norm(t).replace(/\s*\/$/, ''));
    expect(crumbs).toEqual(['Home', 'Servizi', 'Anagrafe e stato civile', SERVICE_TITLE]);
    expect(await texts(page, 'service-title')).toEqual([SERVICE_TITLE]);
    expect((await texts(page, 'service-status'))[0]?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect((await texts(page, 'service-description'))[0]?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(await texts(page, 'service-topic')).toContain('Anagrafe');

    const index = (await page.locator(`ul${sel('page-index')} a`).allTextContents()).map(norm);
    const positions = PAGE_INDEX.map((t) => index.indexOf(t));
    expect(positions.every((p) => p >= 0), `page index: ${index.join(' | ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    for (const m of ['service-addressed', 'service-how-to', 'service-needed', 'service-achieved', 'service-area']) {
      expect((await texts(page, m))[0]?.length ?? 0, m).toBeGreaterThanOrEqual(3);
    }
    const calendar = [...(await texts(page, 'service-calendar-text')), ...(await texts(page, 'service-calendar-list'))];
    expect(calendar.some((t) => t.length >= 3), 'service-calendar-text or -list').toBe(true);
    const access = ['service-online-access', 'service-booking-access', 'service-generic-access'];
    expect((await Promise.all(access.map((m) => page.locator(sel(m)).count()))).some((n) => n > 0), 'an access marker').toBe(true);
    expect(await page.locator(sel('service-file')).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(`a${sel('appointment-booking')}`).count()).toBeGreaterThanOrEqual(1);
  });

  it('/amministrazione, /novita, /vivere, /argomenti and /note-legali: category links and exact texts', async () => {
    await open(page, '/amministrazione');
    expect([...(await texts(page, 'management-category-link'))].sort()).toEqual([...MANAGEMENT_CATEGORIES].sort());
    expect(await page.locator(`a${sel('management-category-link')}`).count()).toBe(7);

    await open(page, '/novita');
    expect([...(await texts(page, 'news-category-link'))].sort()).toEqual(['Avvisi', 'Comunicati', 'Notizie']);

    await open(page, '/vivere');
    expect(await page.locator(sel('live-button-locations')).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(sel('live-button-events')).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(`a${sel('event-link')}`).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(`button${sel('load-other-cards')}`).count()).toBe(1);

    await open(page, '/argomenti');
    const topics = await page.locator(sel('topic-element')).evaluateAll((els) =>
      els.map((e) => (e.querySelector('h2, h3, h4, .card-title, .chip-label') ?? e).textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(topics).toHaveLength(64);
    expect([...topics].sort()).toEqual([...TOPICS].sort());

    await open(page, '/note-legali');
    expect(await texts(page, 'legal-notes-section')).toEqual(['Licenza dei contenuti']);
    expect(await texts(page, 'legal-notes-body')).toEqual([LEGAL_NOTES_BODY]);
  });
});

describe('search', () => {
  it('finds the service card with the words people use, and says so when nothing matches', async () => {
    await open(page, '/cerca?q=carta+identit%C3%A0');
    expect(await page.locator(`main a[href="${SERVICE}"]`).count()).toBeGreaterThanOrEqual(1);
    await open(page, '/cerca?q=zzzxqw');
    expect(await page.locator(`main a[href="${SERVICE}"]`).count()).toBe(0);
    expect(norm(await page.locator('main').textContent())).toMatch(/nessun/i);
  });
});

describe('rating widget', () => {
  it.each(RATED_PAGES)('%s has the widget with the exact title, five stars, questions and answers', async (path) => {
    await open(page, path);
    await expectRatingWidget(page, path);
  });

  it('shows the difficulties for 1–3 stars and the preferences for 4–5, then records a rating', async () => {
    await open(page, SERVICE);
    const negative = page.locator(sel('feedback-rating-negative'));
    const positive = page.locator(sel('feedback-rating-positive'));
    await page.locator(sel('feedback-rate-2')).click();
    expect([await negative.isVisible(), await positive.isVisible()]).toEqual([true, false]);
    await page.locator(sel('feedback-rate-5')).click();
    expect([await negative.isVisible(), await positive.isVisible()]).toEqual([false, true]);
    await positive.getByText('Le indicazioni erano complete', { exact: true }).click();
    await page.locator(sel('feedback-input-text')).fill('Chiaro anche il costo.');
    await page.getByRole('button', { name: 'Invia la valutazione' }).click();
    await page.waitForURL(/feedback=grazie/);
    expect(new URL(page.url()).pathname).toBe(SERVICE);
    expect(norm(await page.locator(sel('feedback')).textContent())).toContain(THANKS);
  });

  it('records a rating without JavaScript', async () => {
    await open(plain, '/servizi');
    // without JS both answer groups show; pick 2 stars and a difficulty
    expect(await plain.locator(sel('feedback-rating-negative')).isVisible()).toBe(true);
    await plain.locator(sel('feedback-rate-2')).click();
    await plain.locator(sel('feedback-rating-negative')).getByText('Ho avuto problemi tecnici', { exact: true }).click();
    await plain.getByRole('button', { name: 'Invia la valutazione' }).click();
    await plain.waitForURL(/feedback=grazie/);
    expect(new URL(plain.url()).pathname).toBe('/servizi');
    expect(norm(await plain.locator(sel('feedback')).textContent())).toContain(THANKS);
  });
});

describe('keyboard only', () => {
  const focused = (p: Page) =>
    p.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        text: (a?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        inHeader: !!a?.closest('header'),
        inSkipLinks: !!a?.closest('.skiplinks'),
        marker: a?.getAttribute('data-element') ?? null,
        href: a?.getAttribute('href') ?? null,
      };
    });

  it('reaches the skip link first, then the header and the main navigation, which Enter follows', async () => {
    await open(page, '/');
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.text).toBe('Vai al contenuto principale');
    expect(first.href).toBe('#main-container');
    // right after the skip links, focus enters the header, then walks the main navigation in order
    let f = first;
    for (let i = 0; i < 5 && f.inSkipLinks; i++) {
      await page.keyboard.press('Tab');
      f = await focused(page);
    }
    expect(f.inHeader, `first stop after the skip links: "${f.text}"`).toBe(true);
    const seen: string[] = [];
    for (let i = 0; i < 40 && seen.length < 4; i++) {
      if (f.marker && ['management', 'news', 'all-services', 'live'].includes(f.marker)) seen.push(f.marker);
      if (seen.length === 4) break;
      await page.keyboard.press('Tab');
      f = await focused(page);
    }
    expect(seen).toEqual(['management', 'news', 'all-services', 'live']);
    // back to "Servizi" and follow it with Enter
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).marker).toBe('all-services');
    await Promise.all([page.waitForURL(`${server.url}/servizi`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toMatch(/Servizi/);
  });

  it('opens the collapsed main menu on a phone-sized screen and follows "Servizi"', async () => {
    const p = await js.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await open(p, '/');
    const menu = p.locator('#main-menu');
    const services = p.locator(`${sel('main-navigation')} ${sel('all-services')}`);
    expect(await services.isVisible()).toBe(false);
    let toggler = false;
    for (let i = 0; i < 15 && !toggler; i++) {
      await p.keyboard.press('Tab');
      toggler = await p.evaluate(() => document.activeElement?.getAttribute('aria-controls') === 'main-menu');
    }
    expect(toggler, 'Tab reaches the menu button').toBe(true);
    await p.keyboard.press('Enter');
    await expect.poll(() => services.isVisible()).toBe(true);
    expect(await p.locator('[aria-controls="main-menu"]').getAttribute('aria-expanded')).toBe('true');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await p.keyboard.press('Tab');
      reached = await p.evaluate(() => document.activeElement?.getAttribute('data-element') === 'all-services');
    }
    expect(reached, 'Tab reaches "Servizi" inside the open menu').toBe(true);
    expect(await menu.isVisible()).toBe(true);
    await Promise.all([p.waitForURL(`${server.url}/servizi`), p.keyboard.press('Enter')]);
    await p.close();
  });

  it('the skip link moves focus to the main content', async () => {
    await open(page, '/servizi');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main-container');
  });

  it('fills and submits the richiesta di assistenza with the keyboard only', async () => {
    const p = await js.newPage();
    await open(p, '/richiesta-assistenza');
    const done = await fillFormWithKeyboard(p);
    expect(done.submitted, `fields reached: ${done.filled.join(', ')}`).toBe(true);
    await expectAssistanceSent(p);
    await p.close();
  });
});

async function expectAssistanceSent(p: Page): Promise<void> {
  expect(norm(await p.locator('h1').textContent())).toBe('Richiesta inviata');
  expect(norm(await p.locator('main').textContent())).toMatch(/Abbiamo ricevuto la tua richiesta di assistenza\. Il numero della richiesta è \S+/);
}

/**
 * Walk the assistance form with Tab only: type into text fields, pick the second option of each select with the
 * arrow keys, tick checkboxes with Space, and press Enter on the submit button.
 */
async function fillFormWithKeyboard(p: Page): Promise<{ submitted: boolean; filled: string[] }> {
  const filled: string[] = [];
  for (let i = 0; i < 120; i++) {
    await p.keyboard.press('Tab');
    const el = await p.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      if (!a || !a.closest('main form')) return null;
      const form = a.closest('form')!;
      if (form.getAttribute('action') === '/feedback' || form.closest('[data-element="feedback"]')) return null;
      return {
        tag: a.tagName.toLowerCase(),
        type: (a.getAttribute('type') ?? '').toLowerCase(),
        name: a.getAttribute('name') ?? '',
        value: a.value ?? '',
        checked: !!a.checked,
        text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    });
    if (!el || filled.includes(el.name + el.value)) continue;
    if (el.tag === 'button' || (el.tag === 'input' && el.type === 'submit')) {
      if (el.text !== 'Invia la richiesta') continue;
      await Promise.all([p.waitForEvent('load'), p.keyboard.press('Enter')]);
      return { submitted: true, filled };
    }
    filled.push(el.name + el.value);
    if (el.tag === 'select') {
      await p.keyboard.press('ArrowDown');
    } else if (el.type === 'checkbox') {
      if (!el.checked) await p.keyboard.press('Space');
    } else if (el.type === 'radio') {
      await p.keyboard.press('Space');
    } else if (el.tag === 'textarea') {
      await p.keyboard.type('Non trovo come rinnovare la carta d’identità scaduta: posso prenotare online?');
    } else if (el.type === 'email' || /mail/i.test(el.name)) {
      await p.keyboard.type('maria.bianchi@example.org');
    } else if (/cognome|surname|family/i.test(el.name)) {
      await p.keyboard.type('Bianchi');
    } else if (el.type === 'text' || el.type === '') {
      await p.keyboard.type('Maria');
    }
  }
  return { submitted: false, filled };
}

describe('without JavaScript', () => {
  it.each(['/', '/servizi', SERVICE, '/amministrazione', '/novita', '/vivere', '/vivere/eventi', '/argomenti', '/note-legali'])(
    '%s renders its content',
    async (path) => {
      await open(plain, path);
      expect(norm(await plain.locator('h1').textContent()).length).toBeGreaterThan(2);
      expect(norm(await plain.locator('main').textContent()).length).toBeGreaterThan(200);
    },
  );

  it('/servizi "Carica altri risultati" loads more services', async () => {
    await open(plain, '/servizi');
    const before = await plain.locator(sel('service-link')).count();
    const url = plain.url();
    await Promise.all([plain.waitForURL((u) => u.toString() !== url), plain.locator(sel('load-other-cards')).click()]);
    expect(await plain.locator(sel('service-link')).count()).toBeGreaterThan(before);
  });

  it('filters events by date', async () => {
    await open(plain, '/vivere/eventi');
    const all = await plain.locator(sel('event-link')).allTextContents();
    expect(all.length).toBeGreaterThan(1);
    const date = plain.locator('main form input[type="date"]').first();
    await date.fill('2027-02-01');
    await Promise.all([plain.waitForNavigation(), date.evaluate((el) => (el as HTMLInputElement).form!.requestSubmit())]);
    expect(new URL(plain.url()).search).toContain('2027-02-01');
    const filtered = await plain.locator(sel('event-link')).allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
  });

  it('submits the richiesta di assistenza', async () => {
    const p = await noJs.newPage();
    await open(p, '/richiesta-assistenza');
    const done = await fillFormWithKeyboard(p);
    expect(done.submitted, `fields reached: ${done.filled.join(', ')}`).toBe(true);
    await expectAssistanceSent(p);
    await p.close();
  });
});

describe('back office', () => {
  it('the editor’s dashboard, content list, edit and new pages have no serious axe violation', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await open(p, '/auth/staff/login?lang=it');
    await p.getByLabel('E-mail').fill('marco.ricci@demo.piazza.example');
    await p.getByLabel('Password').fill('demo-editor-piazza');
    await p.getByRole('button', { name: 'Accedi' }).click();
    expect(new URL(p.url()).pathname).toBe('/admin');
    await open(p, '/admin/sito');
    await expectAccessible(p, true);
    await open(p, '/admin/sito/service');
    await expectAccessible(p, true);
    const edit = p.locator('main a[href^="/admin/sito/service/"]:not([href$="/nuovo"]):not([href$="/anteprima"])').first();
    const href = await edit.getAttribute('href');
    expect(href).toMatch(/^\/admin\/sito\/service\/[^/]+$/);
    await open(p, href!);
    expect(await p.locator('main form').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(p, true);
    await open(p, '/admin/sito/news/nuovo');
    await expectAccessible(p, true);
    await ctx.close();
  });
});
