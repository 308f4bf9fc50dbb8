import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { h } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageContext } from '../../app.ts';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { loginCookie, makeCitizen } from '../testing/factories.ts';
import { modules as enabledModules } from '../../modules.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { slugify } from '../../modules/site/content/derive.ts';
import { TOPICS } from '../../modules/site/content/topics.ts';
import { SERVICE_CATEGORIES } from '../../modules/site/demo/types.ts';
import { Layout, renderPage } from './layout.tsx';
import { JsonLd, scriptSafeJson } from './json-ld.tsx';
import { LoadMore, Pager, pageHref, pageWindow } from './pager.tsx';
import { placeName, resetSiteLinks, serviceCategoryHref, setSiteLink, topicHref, urlSlug } from './site-links.ts';

/** Every page's shell: the Modello Comuni markers of header and footer, exactly once and with the exact texts. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      ...enabledModules,
      {
        id: 'layout-probe',
        routes: async (app) => {
          app.get('/prova-layout', async (req, reply) => {
            const ctx = pageContext(req, reply);
            const q = req.query as Record<string, string>;
            return reply.type('text/html; charset=utf-8').send(
              renderPage(
                h(
                  Layout,
                  {
                    ctx,
                    title: 'Pagina di prova',
                    breadcrumb: [{ href: '/servizi', label: 'Servizi' }, { label: 'Pagina di prova' }],
                    feedback: q.transactional ? 'transactional' : true,
                    contactBox: true,
                    preview: Boolean(q.preview),
                    scripts: ['feedback.js'],
                    head: h(JsonLd, { data: { '@type': 'GovernmentService', name: 'Prova </script><script>alert(1)</script>' } }),
                    children: [
                      h('h1', null, 'Pagina di prova'),
                      h('ul', { id: 'risultati' }, h('li', null, 'uno')),
                      h(Pager, { ctx, page: 2, pageCount: 7 }),
                      h(LoadMore, { ctx, nextPage: 3, target: 'risultati' }),
                    ],
                  },
                ),
              ),
            );
          });
        },
      },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => resetSiteLinks());

const count = (html: string, marker: string) => html.split(`data-element="${marker}"`).length - 1;

function decode(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The element carrying `marker`: its tag, attributes and whole text (trimmed, as the validator reads it). */
function marked(html: string, marker: string, tag = 'a'): { attrs: string; text: string; index: number } {
  const re = new RegExp(`<${tag}\\b([^>]*\\bdata-element="${marker}"[^>]*)>([\\s\\S]*?)</${tag}>`);
  const m = re.exec(html);
  if (!m) throw new Error(`no <${tag}> with data-element="${marker}"`);
  return { attrs: m[1]!, text: decode(m[2]!), index: m.index };
}

function section(html: string, open: RegExp, close: string): string {
  const m = open.exec(html);
  if (!m) throw new Error(`no ${open}`);
  const end = html.indexOf(close, m.index);
  return html.slice(m.index, end + close.length);
}

async function get(url: string, cookie?: string) {
  const res = await t.app.inject({ url, headers: { host: 'localhost', ...(cookie ? { cookie } : {}) } });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe('header', () => {
  it('has the main navigation with the four sections in order, each exactly once, with the exact texts', async () => {
    const html = await get('/auth/login?lang=it');
    expect(count(html, 'main-navigation')).toBe(1);
    const nav = section(html, /<ul class="navbar-nav" data-element="main-navigation">/, '</ul>');
    const expected = [
      ['management', 'Amministrazione', '/amministrazione'],
      ['news', 'Novità', '/novita'],
      ['all-services', 'Servizi', '/servizi'],
      ['live', 'Vivere Prova', '/vivere'],
    ] as const;
    let last = -1;
    for (const [marker, text, href] of expected) {
      expect(count(html, marker)).toBe(1);
      const a = marked(nav, marker);
      expect(a.text).toBe(text);
      expect(a.attrs).toContain(`href="${href}"`);
      expect(a.index).toBeGreaterThan(last);
      last = a.index;
    }
    // no hidden text inside the links: the whole <a> content is the label
    expect(nav).not.toContain('visually-hidden');
    // the mobile menu is Bootstrap Italia's collapse of the same list, not a second copy
    expect(html).toContain('data-bs-toggle="navbarcollapsible"');
  });

  it('links the personal area login and every topic, with skip links first and a language switch that keeps the page', async () => {
    const html = await get('/auth/login?lang=it&next=%2Fservizi');
    const login = marked(html, 'personal-area-login');
    expect(login.text).toBe("Accedi all'area personale");
    expect(login.attrs).toContain('href="/auth/login"');
    expect(count(html, 'personal-area-login')).toBe(1);
    const topics = marked(html, 'all-topics');
    expect(topics.text).toBe('Tutti gli argomenti');
    expect(topics.attrs).toContain('href="/argomenti"');
    expect(count(html, 'all-topics')).toBe(1);
    expect(html).toContain(`href="${topicHref('Tempo libero')}"`);

    const body = html.slice(html.indexOf('<body>'));
    expect(body).toMatch(/^<body><div class="skiplinks"><a class="visually-hidden-focusable" href="#main-container">Vai al contenuto principale<\/a><a class="visually-hidden-focusable" href="#footer">Vai al piè di pagina<\/a>/);
    expect(html).toContain('<main id="main-container">');
    expect(html).toContain('<footer class="it-footer" id="footer">');

    expect(html).toMatch(/<a class="nav-link" href="\/auth\/login\?next=%2Fservizi&amp;lang=en" lang="en" hreflang="en">English<\/a>/);
    const en = await get('/auth/login?lang=en');
    expect(en).toMatch(/<a class="nav-link" href="\/auth\/login\?lang=it" lang="it" hreflang="it">Italiano<\/a>/);

    // a search form that works without JavaScript
    expect(html).toMatch(/<form method="get" action="\/cerca" role="search"/);
    expect(html).toMatch(/<label for="site-search" class="visually-hidden">Cerca nel sito<\/label><input type="search" id="site-search" name="q"/);
  });

  it('speaks English but keeps every marker once', async () => {
    const html = await get('/auth/login?lang=en');
    expect(marked(html, 'management').text).toBe('Administration');
    expect(marked(html, 'news').text).toBe('News');
    expect(marked(html, 'all-services').text).toBe('Services');
    expect(marked(html, 'live').text).toBe('Living in Prova');
    expect(marked(html, 'personal-area-login').text).toBe('Log in to your personal area');
    expect(marked(html, 'all-topics').text).toBe('All topics');
    expect(marked(html, 'report-inefficiency').text).toBe('Report a problem');
    for (const m of ['management', 'news', 'all-services', 'live', 'all-topics', 'faq', 'report-inefficiency', 'privacy-policy-link', 'legal-notes', 'accessibility-link']) {
      expect(count(html, m)).toBe(1);
    }
  });

  it('shows a logged-in citizen their area and a logout form instead of the login link', async () => {
    const c = await makeCitizen(t.app, t.tenant, { givenName: 'Anna', familyName: 'Rossi' });
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    const html = await get('/auth/login?lang=it', cookie);
    expect(count(html, 'personal-area-login')).toBe(0);
    expect(html).toContain('href="/area-personale"');
    expect(html).toMatch(/<form method="post" action="\/auth\/logout"[^>]*><input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toContain('>Esci</button>');
  });

  it('names the "live" section after the place, or "Vivere il Comune"', () => {
    expect(placeName('Comune di Biella (demo)')).toBe('Biella');
    expect(placeName("Comune d'Ascoli")).toBe('Ascoli');
    expect(placeName('Comune di ')).toBe('');
  });
});

describe('footer', () => {
  it('has the Modello Comuni links inside <footer> with the exact Italian texts', async () => {
    const html = await get('/auth/login?lang=it');
    const footer = section(html, /<footer\b/, '</footer>');
    const expected = [
      ['faq', 'Leggi le FAQ', '/faq'],
      ['report-inefficiency', 'Segnalazione disservizio', '/servizi/segnalazione-disservizio'],
      ['privacy-policy-link', 'Informativa privacy', '/privacy'],
      ['legal-notes', 'Note legali', '/note-legali'],
      ['accessibility-link', 'Dichiarazione di accessibilità', 'https://form.agid.gov.it/'],
    ] as const;
    for (const [marker, text, href] of expected) {
      expect(count(html, marker)).toBe(1);
      const a = marked(footer, marker);
      expect(a.text).toBe(text);
      expect(a.attrs).toContain(`href="${href}"`);
    }
    for (const text of ['Amministrazione trasparente', 'Prenotazione appuntamento', "Richiesta d'assistenza", 'Mappa del sito', 'Cookie', 'Realizzato con piazza']) {
      expect(decode(footer)).toContain(text);
    }
    expect(footer).toContain('href="/mappa-del-sito"');
    expect(footer).toContain('href="/cookie"');
    expect(footer).toContain('href="/prenotazione-appuntamento"');
    expect(footer).toContain('href="/richiesta-assistenza"');
    // the same four sections as the header, without markers
    for (const href of ['/amministrazione', '/novita', '/servizi', '/vivere']) expect(footer).toContain(`href="${href}"`);
  });

  it('follows the shared links when a module moves them', async () => {
    setSiteLink('reportInefficiency', '/segnalazioni/nuova');
    setSiteLink('appointmentBooking', '/prenota');
    const html = await get('/prova-layout');
    expect(marked(html, 'report-inefficiency').attrs).toContain('href="/segnalazioni/nuova"');
    expect(marked(html, 'appointment-booking').attrs).toContain('href="/prenota"');
    expect(() => setSiteLink('assistance', 'javascript:alert(1)')).toThrow();
    expect(() => setSiteLink('assistance', '//evil.example')).toThrow();
  });
});

describe('page options', () => {
  it('renders the breadcrumb with Home first, the rating widget once, the contact box and structured data', async () => {
    const html = await get('/prova-layout?lang=it');
    const ol = section(html, /<ol class="breadcrumb[^"]*" data-element="breadcrumb">/, '</ol>');
    const items = [...ol.matchAll(/<li class="breadcrumb-item[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(items.map((x) => decode(x).replace(/\s*\/$/, ''))).toEqual(['Home', 'Servizi', 'Pagina di prova']);
    expect(items[0]).toContain('href="/"');
    expect(ol).toMatch(/<li class="breadcrumb-item active" aria-current="page">Pagina di prova<\/li>/);
    expect(html).toContain('<nav class="breadcrumb-container"');

    expect(count(html, 'feedback')).toBe(1);
    expect(marked(html, 'feedback-title', 'h2').text).toBe('Quanto sono chiare le informazioni su questa pagina?');
    expect(html.split('src="/assets/piazza/feedback.js"').length - 1).toBe(1);
    const main = section(html, /<main\b/, '</main>');
    expect(main).toContain('data-element="feedback"');

    const box = section(main, /<section class="bg-light py-5" aria-labelledby="contact-box-title">/, '</section>');
    expect(decode(box)).toContain('Contatta il comune');
    expect(box).toContain('href="/faq"');
    expect(box).toContain('href="/richiesta-assistenza"');
    expect(box).toContain('Problemi in città');
    expect(box).toContain('href="/servizi/segnalazione-disservizio"');
    const booking = marked(box, 'appointment-booking');
    expect(booking.text).toBe('Prenota appuntamento');
    expect(booking.attrs).toContain('href="/prenotazione-appuntamento"');
    expect(count(html, 'appointment-booking')).toBe(1);

    const ld = /<script type="application\/ld\+json" data-element="metatag">([\s\S]*?)<\/script>/.exec(html);
    expect(ld).not.toBeNull();
    expect(ld![1]).not.toContain('<');
    expect(JSON.parse(ld![1]!)).toEqual({ '@type': 'GovernmentService', name: 'Prova </script><script>alert(1)</script>' });

    expect(html).not.toContain('name="robots"');
    expect(html).not.toContain('Anteprima');
  });

  it('marks a preview as such, keeps it out of search engines and out of the ratings; a transactional rating asks how easy it was', async () => {
    const html = await get('/prova-layout?preview=1&transactional=1');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('Anteprima – bozza non pubblicata');
    expect(html).not.toContain('data-element="feedback"');
    const live = await get('/prova-layout?transactional=1');
    expect(marked(live, 'feedback-title', 'h2').text).toBe('Quanto è stato facile usare questo servizio?');
  });

  it('paginates with pager-link links that keep the other parameters, and loads more with a no-JS form', async () => {
    const html = await get('/prova-layout?q=anagrafe&page=2&feedback=grazie');
    const pager = section(html, /<nav class="pagination-wrapper[^"]*" aria-label="Paginazione">/, '</nav>');
    const links = [...pager.matchAll(/<a class="page-link" href="([^"]+)" data-element="pager-link"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toEqual(['/prova-layout?q=anagrafe', '/prova-layout?q=anagrafe', '/prova-layout?q=anagrafe&page=2', '/prova-layout?q=anagrafe&page=3', '/prova-layout?q=anagrafe&page=7', '/prova-layout?q=anagrafe&page=3']);
    expect(pager).toContain('aria-current="page"');
    expect(pager).toContain('<span class="visually-hidden">Pagina precedente</span>');
    expect(pager).toContain('<span class="visually-hidden">Pagina successiva</span>');

    const form = section(html, /<form method="get" action="\/prova-layout#risultati"/, '</form>');
    expect(form).toContain('<input type="hidden" name="q" value="anagrafe"/>');
    expect(form).toContain('<input type="hidden" name="page" value="3"/>');
    expect(form).not.toContain('feedback');
    expect(marked(form, 'load-other-cards', 'button')).toMatchObject({ text: 'Carica altri risultati' });
    expect(form).toContain('<button type="submit"');
  });
});

describe('assets', () => {
  it('loads Bootstrap Italia 2 (CSS, JS, fonts) from this server and site.js calls loadFonts', async () => {
    const html = await get('/auth/login');
    expect(html).toContain('<link rel="stylesheet" href="/assets/bootstrap-italia/css/bootstrap-italia.min.css"/>');
    expect(html).toContain('<script src="/assets/bootstrap-italia-piazza.js" defer></script><script src="/assets/piazza/site.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/);
    // Without JavaScript the collapsed mobile menu is shown inline by a stylesheet inside <noscript>.
    expect(html).toContain('<noscript><link rel="stylesheet" href="/assets/piazza/noscript.css"/></noscript>');
    const noscript = await t.app.inject({ url: '/assets/piazza/noscript.css' });
    expect(noscript.statusCode).toBe(200);
    expect(noscript.body).toContain('.navbar-collapsable');
    const js = await t.app.inject({ url: '/assets/piazza/site.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toContain("window.bootstrap.loadFonts('/assets/bootstrap-italia/fonts')");
    const font = await t.app.inject({ url: '/assets/bootstrap-italia/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2' });
    expect(font.statusCode).toBe(200);
    // Our bundle of the plugins in use: it sets the version marker and exposes loadFonts, and is much smaller.
    const bundle = await t.app.inject({ url: '/assets/bootstrap-italia-piazza.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('text/javascript');
    expect(bundle.body).toMatch(/BOOTSTRAP_ITALIA_VERSION/);
    expect(bundle.body).toMatch(/"2\.\d+\.\d+"/);
    expect(bundle.body).toContain('loadFonts');
    expect(bundle.body.length).toBeLessThan(200_000);
    const again = await t.app.inject({ url: '/assets/bootstrap-italia-piazza.js', headers: { 'if-none-match': String(bundle.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('uses Bootstrap Italia classes for most of the distinct class names (the validator wants 30%)', async () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(join(dirname(require.resolve('bootstrap-italia/package.json')), 'dist/css/bootstrap-italia.min.css'), 'utf8');
    const bi = new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
    for (const url of ['/auth/login', '/prova-layout']) {
      const html = await get(url);
      const used = new Set([...html.matchAll(/\bclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean)));
      const foreign = [...used].filter((c) => !bi.has(c));
      const share = (used.size - foreign.length) / used.size;
      expect(share, `${url}: not Bootstrap Italia: ${foreign.join(' ')}`).toBeGreaterThan(0.8);
    }
  });
});

describe('helpers', () => {
  it('builds topic and category links exactly like the site module', () => {
    for (const x of [...TOPICS, ...SERVICE_CATEGORIES]) expect(urlSlug(x)).toBe(slugify(x));
    expect(topicHref("Accesso all'informazione")).toBe(`/argomenti/${slugify("Accesso all'informazione")}`);
    expect(serviceCategoryHref('Tributi, finanze e contravvenzioni')).toBe('/servizi/categoria/tributi-finanze-e-contravvenzioni');
  });

  it('escapes JSON for a script element and windows the pages', () => {
    expect(scriptSafeJson({ a: '</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
    const ctx = { locale: 'it' as const, tenant: null, actor: { type: 'anonymous' as const }, csrfToken: '', path: '/novita?tipo=avvisi&page=4#x' };
    expect(pageHref(ctx, 1)).toBe('/novita?tipo=avvisi');
    expect(pageHref(ctx, 5)).toBe('/novita?tipo=avvisi&page=5');
  });
});

describe('markers come from one place', () => {
  it('has no data-element literal outside src/core/views (tests excepted: they read the HTML)', () => {
    const src = join(PROJECT_ROOT, 'src');
    const views = join(src, 'core', 'views');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== views) walk(p);
        } else if (/\.(tsx?|jsx?|html)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.startsWith(join(src, 'client'))) {
          const text = readFileSync(p, 'utf8');
          if (/data-element=["'`]|data-element=\{\s*["'`]/.test(text)) offenders.push(relative(PROJECT_ROOT, p));
        }
      }
    };
    walk(src);
    expect(offenders, `write data-element={M.…} (src/core/views/markers.ts) instead of a literal in: ${offenders.join(', ')}`).toEqual([]);
  });
});
