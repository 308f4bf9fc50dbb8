import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Actor } from '../auth/types.ts';
import type { Tenant } from '../tenancy/types.ts';
import { registerMessages, translator, type Locale, type Translate } from '../i18n/index.ts';
import { M } from './markers.ts';
import { BOOTSTRAP_BUNDLE_PATH } from './bootstrap-bundle.ts';
import { FEEDBACK_SCRIPT, FeedbackWidget } from './feedback.tsx';
import { ContactBox } from './contact-box.tsx';
import { placeName, serviceCategoryHref, siteLink, topicHref } from './site-links.ts';
import { siteSettings, socialNetwork, type SiteSettings } from './site-settings.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

registerMessages({ it, en });

export { ContactBox };

export const BI = '/assets/bootstrap-italia';
const SPRITE = `${BI}/svg/sprites.svg`;

export interface PageContext {
  locale: Locale;
  tenant: Tenant | null;
  actor: Actor;
  csrfToken: string;
  /** Path of the current page, for the language switch. */
  path: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Extra client scripts under /assets/piazza/ (progressive enhancement only). */
  scripts?: string[];
  description?: string;
  /** Breadcrumb after "Home" (which the layout adds); the last item is the current page. */
  breadcrumb?: { href?: string; label: string }[];
  /** Show the rating widget at the end of the page ('transactional' at the end of an online service). */
  feedback?: boolean | 'transactional';
  /** Show the "Contatta il comune" box (FAQ, assistance, appointment booking, report an inefficiency, contacts). */
  contactBox?: boolean;
  /** Extra elements for <head> (e.g. JSON-LD built with the JsonLd component). */
  head?: ComponentChildren;
  /** A back-office preview of a draft: a banner says so, search engines are told not to index it, and the rating widget is left out (ratings belong to public pages). */
  preview?: boolean;
}

function Icon({ name, class: cls = 'icon' }: { name: string; class?: string }) {
  return (
    <svg class={cls} aria-hidden="true" focusable="false">
      <use href={`${SPRITE}#${name}`}></use>
    </svg>
  );
}

/** The path without query and fragment. */
function pathnameOf(path: string): string {
  return path.split(/[?#]/)[0] || '/';
}

/** The same page in the other language. */
function switchLanguageHref(path: string, to: Locale): string {
  const [beforeHash] = path.split('#');
  const base = beforeHash ?? '/';
  return `${base}${base.includes('?') ? '&' : '?'}lang=${to}`;
}

/** The four first-level sections, in the order and with the texts the Modello Comuni prescribes. */
function mainSections(tr: Translate, s: SiteSettings) {
  const place = placeName(s.name);
  return [
    { href: '/amministrazione', marker: M.management, text: tr('layout.nav.management') },
    { href: '/novita', marker: M.news, text: tr('layout.nav.news') },
    { href: '/servizi', marker: M.allServices, text: tr('layout.nav.services') },
    { href: '/vivere', marker: M.live, text: place ? tr('layout.nav.livePlace', { place }) : tr('layout.nav.live') },
  ];
}

function Brand({ s, title }: { s: SiteSettings; title: ComponentChildren }) {
  return (
    <div class="it-brand-wrapper">
      <a href="/">
        {/* The coat of arms sits next to the comune's name, which names the link: the image itself is decorative. */}
        {s.coatOfArmsUrl ? <img class="icon" src={s.coatOfArmsUrl} alt="" width={82} height={82} /> : <Icon name="it-pa" />}
        <div class="it-brand-text">{title}</div>
      </a>
    </div>
  );
}

function SocialList({ s, tr, inline = false }: { s: SiteSettings; tr: Translate; inline?: boolean }) {
  return (
    <ul class={inline ? 'list-inline' : undefined}>
      {s.social.map((x) => {
        const net = socialNetwork(x.network)!;
        return (
          <li class={inline ? 'list-inline-item me-3' : undefined}>
            <a href={x.url} rel="noopener">
              <Icon name={net.icon} class="icon icon-sm icon-white align-top" />
              <span class="visually-hidden">{tr('layout.social.on', { network: net.label })}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function Header({ ctx, tr, s }: { ctx: PageContext; tr: Translate; s: SiteSettings }) {
  const { locale, actor } = ctx;
  const other: Locale = locale === 'it' ? 'en' : 'it';
  const current = pathnameOf(ctx.path);
  const sections = mainSections(tr, s);
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="row">
            <div class="col-12">
              <div class="it-header-slim-wrapper-content">
                {s.region && s.regionUrl ? (
                  <a class="d-lg-block navbar-brand" href={s.regionUrl}>
                    {s.region}
                  </a>
                ) : (
                  <span class="d-lg-block navbar-brand">{s.region ?? ''}</span>
                )}
                <div class="it-header-slim-right-zone">
                  <div class="nav-item">
                    <a class="nav-link" href={switchLanguageHref(ctx.path, other)} lang={other} hreflang={other}>
                      {other === 'en' ? 'English' : 'Italiano'}
                    </a>
                  </div>
                  {actor.type === 'anonymous' ? (
                    <div class="it-access-top-wrapper">
                      {/* On small screens only the icon shows; aria-label keeps the same accessible name. */}
                      <a class="btn btn-primary btn-icon btn-full" href="/auth/login" data-element={M.personalAreaLogin} aria-label={tr('layout.login')}>
                        <span class="rounded-icon" aria-hidden="true">
                          <svg class="icon icon-primary">
                            <use href={`${BI}/svg/sprites.svg#it-user`}></use>
                          </svg>
                        </span>
                        <span class="d-none d-lg-block">{tr('layout.login')}</span>
                      </a>
                    </div>
                  ) : (
                    <div class="it-access-top-wrapper">
                      <form method="post" action="/auth/logout" class="d-flex align-items-center">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <a class="btn btn-primary btn-sm me-2" href={actor.type === 'staff' ? '/admin' : '/area-personale'}>
                          {actor.type === 'staff' ? tr('layout.staffArea') : tr('layout.personalArea')}: {actor.name}
                        </a>
                        {/* Error pages have no CSRF token: a logout from there would only fail. */}
                        {ctx.csrfToken ? (
                          <button type="submit" class="btn btn-outline-light btn-sm">
                            {tr('layout.logout')}
                          </button>
                        ) : null}
                      </form>
                    </div>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="it-nav-wrapper">
        <div class="it-header-center-wrapper">
          <div class="container">
            <div class="row">
              <div class="col-12">
                <div class="it-header-center-content-wrapper">
                  <Brand
                    s={s}
                    title={[
                      <div class="it-brand-title">{s.name}</div>,
                      s.region ? <div class="it-brand-tagline d-none d-md-block">{s.region}</div> : null,
                    ]}
                  />
                  <div class="it-right-zone">
                    {s.social.length ? (
                      <div class="it-socials d-none d-lg-flex">
                        <span>{tr('layout.social.follow')}</span>
                        <SocialList s={s} tr={tr} />
                      </div>
                    ) : null}
                    <div class="it-search-wrapper">
                      <form method="get" action="/cerca" role="search" class="d-flex align-items-center">
                        <label for="site-search" class="visually-hidden">
                          {tr('layout.search.label')}
                        </label>
                        <input type="search" id="site-search" name="q" class="d-none d-md-block" placeholder={tr('layout.search.placeholder')} maxLength={200} />
                        <button type="submit" class="rounded-icon">
                          <Icon name="it-search" />
                          <span class="visually-hidden">{tr('layout.search.submit')}</span>
                        </button>
                      </form>
                    </div>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div class="it-header-navbar-wrapper">
          <div class="container">
            <div class="row">
              <div class="col-12">
                <nav class="navbar navbar-expand-lg has-megamenu" aria-label={tr('layout.nav.mainLabel')}>
                  <button
                    class="custom-navbar-toggler"
                    type="button"
                    aria-controls="main-menu"
                    aria-expanded="false"
                    aria-label={tr('layout.menu.show')}
                    data-bs-toggle="navbarcollapsible"
                    data-bs-target="#main-menu"
                  >
                    <Icon name="it-burger" />
                  </button>
                  <div class="navbar-collapsable" id="main-menu">
                    <div class="overlay"></div>
                    <div class="close-div">
                      <button class="btn close-menu" type="button">
                        <span class="visually-hidden">{tr('layout.menu.hide')}</span>
                        <Icon name="it-close-big" />
                      </button>
                    </div>
                    <div class="menu-wrapper">
                      <ul class="navbar-nav" data-element={M.mainNavigation}>
                        {sections.map((x) => {
                          const active = current === x.href || current.startsWith(`${x.href}/`);
                          return (
                            <li class="nav-item">
                              <a class={active ? 'nav-link active' : 'nav-link'} href={x.href} data-element={x.marker} aria-current={current === x.href ? 'page' : undefined}>
                                {x.text}
                              </a>
                            </li>
                          );
                        })}
                      </ul>
                      <ul class="navbar-nav navbar-secondary" aria-label={tr('layout.nav.topicsLabel')}>
                        {s.highlightedTopics.map((topic) => (
                          <li class="nav-item">
                            <a class="nav-link" href={topicHref(topic)}>
                              {topic}
                            </a>
                          </li>
                        ))}
                        <li class="nav-item">
                          <a class="nav-link fw-bold" href="/argomenti" data-element={M.allTopics} aria-current={current === '/argomenti' ? 'page' : undefined}>
                            {tr('layout.nav.allTopics')}
                          </a>
                        </li>
                      </ul>
                    </div>
                  </div>
                </nav>
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}

function FooterLinks({ links }: { links: { href: string; text: string; marker?: string }[] }) {
  return (
    <div class="link-list-wrapper">
      <ul class="link-list">
        {links.map((l) => (
          <li>
            <a class="list-item" href={l.href} data-element={l.marker}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Footer({ tr, s }: { tr: Translate; s: SiteSettings }) {
  const sections = mainSections(tr, s);
  const columns = [
    {
      ...sections[0]!,
      links: [
        { href: '/amministrazione/organi-di-governo', text: tr('layout.footer.government') },
        { href: '/amministrazione/aree-amministrative', text: tr('layout.footer.areas') },
        { href: '/amministrazione/uffici', text: tr('layout.footer.offices') },
        { href: '/amministrazione/documenti-e-dati', text: tr('layout.footer.documents') },
      ],
    },
    {
      ...sections[1]!,
      links: [
        { href: '/novita/notizie', text: tr('layout.footer.newsItems') },
        { href: '/novita/comunicati', text: tr('layout.footer.pressReleases') },
        { href: '/novita/avvisi', text: tr('layout.footer.notices') },
      ],
    },
    {
      ...sections[2]!,
      links: [
        { href: serviceCategoryHref('Anagrafe e stato civile'), text: tr('layout.footer.registry') },
        { href: serviceCategoryHref('Tributi, finanze e contravvenzioni'), text: tr('layout.footer.taxes') },
        { href: serviceCategoryHref('Educazione e formazione'), text: tr('layout.footer.education') },
        { href: '/servizi', text: tr('layout.footer.allServices') },
      ],
    },
    {
      ...sections[3]!,
      links: [
        { href: '/vivere/luoghi', text: tr('layout.footer.places') },
        { href: '/vivere/eventi', text: tr('layout.footer.events') },
      ],
    },
  ];
  const vat = s.vatNumber && s.vatNumber.replace(/^IT/, '') !== s.taxCode ? s.vatNumber : null;
  return (
    <footer class="it-footer" id="footer">
      <div class="it-footer-main">
        <div class="container">
          <div class="row">
            <div class="col-12 py-4">
              <Brand s={s} title={<div class="it-brand-title">{s.name}</div>} />
            </div>
          </div>
          <div class="row">
            {columns.map((c, i) => (
              <div class="col-lg-3 col-md-6 pb-2">
                <h2 class="h6 text-uppercase" id={`footer-col-${i}`}>
                  <a href={c.href}>{c.text}</a>
                </h2>
                <FooterLinks links={c.links} />
              </div>
            ))}
          </div>
          <div class="row border-top border-white py-4">
            <div class="col-lg-4 col-md-6 pb-2">
              <h2 class="h6 text-uppercase">{tr('layout.footer.contacts')}</h2>
              <p class="mb-2">
                <strong>{s.name}</strong>
                {s.address ? (
                  <>
                    <br />
                    {s.address}
                  </>
                ) : null}
                {s.taxCode ? (
                  <>
                    <br />
                    {vat ? tr('layout.footer.taxCode', { code: s.taxCode }) : tr('layout.footer.taxCodeVat', { code: s.taxCode })}
                  </>
                ) : null}
                {vat ? (
                  <>
                    <br />
                    {tr('layout.footer.vat', { code: vat })}
                  </>
                ) : null}
              </p>
              <FooterLinks
                links={[
                  ...(s.phone ? [{ href: `tel:${s.phone.replace(/[^\d+]/g, '')}`, text: tr('layout.footer.phone', { phone: s.phone }) }] : []),
                  ...(s.email ? [{ href: `mailto:${s.email}`, text: tr('layout.footer.email', { email: s.email }) }] : []),
                  ...(s.pec ? [{ href: `mailto:${s.pec}`, text: tr('layout.footer.pec', { pec: s.pec }) }] : []),
                ]}
              />
            </div>
            <div class="col-lg-4 col-md-6 pb-2">
              <h2 class="h6 text-uppercase">{tr('layout.footer.help')}</h2>
              <FooterLinks
                links={[
                  { href: '/faq', text: tr('layout.footer.faq'), marker: M.faq },
                  { href: siteLink('appointmentBooking'), text: tr('layout.footer.booking') },
                  { href: siteLink('reportInefficiency'), text: tr('layout.footer.report'), marker: M.reportInefficiency },
                  { href: siteLink('assistance'), text: tr('layout.footer.assistance') },
                ]}
              />
            </div>
            <div class="col-lg-4 col-md-6 pb-2">
              <h2 class="h6 text-uppercase">{tr('layout.footer.legal')}</h2>
              <FooterLinks
                links={[
                  { href: s.transparencyUrl, text: tr('layout.footer.transparency') },
                  { href: s.privacyUrl, text: tr('layout.footer.privacy'), marker: M.privacyPolicyLink },
                  { href: '/note-legali', text: tr('layout.footer.legalNotes'), marker: M.legalNotes },
                  { href: s.accessibilityUrl, text: tr('layout.footer.accessibility'), marker: M.accessibilityLink },
                ]}
              />
              {s.social.length ? (
                <>
                  <h2 class="h6 text-uppercase mt-3">{tr('layout.social.follow')}</h2>
                  <div class="it-socials">
                    <SocialList s={s} tr={tr} inline />
                  </div>
                </>
              ) : null}
            </div>
          </div>
        </div>
      </div>
      <div class="it-footer-small-prints clearfix">
        <div class="container">
          <h2 class="visually-hidden">{tr('layout.footer.smallPrints')}</h2>
          <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li class="list-inline-item">
              <a href="/mappa-del-sito">{tr('layout.footer.sitemap')}</a>
            </li>
            <li class="list-inline-item">
              <a href="/cookie">{tr('layout.footer.cookies')}</a>
            </li>
            <li class="list-inline-item text-white">{tr('layout.footer.poweredBy')}</li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

function Breadcrumb({ tr, items }: { tr: Translate; items: { href?: string; label: string }[] }) {
  const all = [{ href: '/', label: tr('layout.home') }, ...items];
  return (
    <nav class="breadcrumb-container" aria-label={tr('layout.breadcrumb')}>
      <ol class="breadcrumb p-0" data-element={M.breadcrumb}>
        {all.map((it, i) =>
          i < all.length - 1 ? (
            <li class="breadcrumb-item">
              {it.href ? <a href={it.href}>{it.label}</a> : it.label}
              <span class="separator">/</span>
            </li>
          ) : (
            <li class="breadcrumb-item active" aria-current="page">
              {it.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** The shell of every HTML page. The only place where the site's structural markers are emitted. */
export function Layout({ ctx, title, children, scripts = [], description, head, breadcrumb, feedback, contactBox, preview }: LayoutProps) {
  const { locale, tenant } = ctx;
  const tr = translator(locale);
  const s = siteSettings(tenant);
  const pageScripts = [...new Set([...(feedback && !preview ? [FEEDBACK_SCRIPT] : []), ...scripts])];
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${s.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {preview ? <meta name="robots" content="noindex" /> : null}
        {/* The coat of arms, or none at all: no request for a missing /favicon.ico (an error in the console). */}
        <link rel="icon" href={s.coatOfArmsUrl ?? 'data:,'} />
        <link rel="stylesheet" href={`${BI}/css/bootstrap-italia.min.css`} />
        <link rel="stylesheet" href="/assets/piazza/site.css" />
        {/* Without JavaScript the mobile menu cannot open: show its links inline under the header instead. */}
        <noscript>
          <link rel="stylesheet" href="/assets/piazza/noscript.css" />
        </noscript>
        {head}
      </head>
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main-container">
            {tr('layout.skipToContent')}
          </a>
          <a class="visually-hidden-focusable" href="#footer">
            {tr('layout.skipToFooter')}
          </a>
        </div>
        <Header ctx={ctx} tr={tr} s={s} />
        {tenant?.isDemo ? (
          <div class="alert alert-warning rounded-0 mb-0 text-center" role="note">
            {tr('layout.demoBanner')}
          </div>
        ) : null}
        <main id="main-container">
          <div class="container my-4">
            {preview ? (
              <div class="alert alert-warning" role="status">
                <p class="mb-0 fw-bold">{tr('layout.preview')}</p>
              </div>
            ) : null}
            {breadcrumb ? <Breadcrumb tr={tr} items={breadcrumb} /> : null}
            {children}
            {feedback && !preview ? <FeedbackWidget ctx={ctx} transactional={feedback === 'transactional'} /> : null}
          </div>
          {contactBox ? <ContactBox ctx={ctx} /> : null}
        </main>
        <Footer tr={tr} s={s} />
        <script src={BOOTSTRAP_BUNDLE_PATH} defer></script>
        <script src="/assets/piazza/site.js" defer></script>
        {pageScripts.map((x) => (
          <script src={`/assets/piazza/${x}`} defer></script>
        ))}
      </body>
    </html>
  );
}

export function renderPage<P>(node: VNode<P>): string {
  return `<!doctype html>${render(node)}`;
}
