import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { Pager } from '../../../core/views/pager.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { placeName, siteLink } from '../../../core/views/site-links.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionCookieName } from '../../../core/auth/sessions.ts';
import { titleOf } from '../content/derive.ts';
import { countByType, findPublishedBySlugs, listPublished } from '../content/repository.ts';
import { registerDetailRenderer } from '../content/renderers.ts';
import { ADMINISTRATION_SECTIONS, NEWS_KIND_PATHS, categoryPath, contentPath, topicPath } from '../content/urls.ts';
import { SERVICE_CATEGORIES, type Content, type ContentType } from '../content/types.ts';
import { TOPICS } from '../content/topics.ts';
import { Paragraphs, loc, pageNumber, sendSitePage, siteTx, type Tr } from './common.tsx';
import { categoryName } from './cards/service.tsx';
import { newsKindLabel } from './cards/news.tsx';
import { excerpt } from './cards/administration.tsx';
import it from './i18n/info.it.json' with { type: 'json' };
import en from './i18n/info.en.json' with { type: 'json' };

registerMessages({ it, en });

/**
 * Site search (/cerca), the FAQ (/faq), the site map and the legal pages (privacy, note legali, cookie) of the
 * Modello Comuni public site.
 */

// ——— Shared helpers (also used by the topic and home pages) ———

/** The content types site search covers, in the order of its filters. */
export const SEARCH_TYPES = ['service', 'news', 'event', 'place', 'office', 'area', 'document', 'organisation', 'person', 'faq'] as const satisfies readonly ContentType[];
type SearchType = (typeof SEARCH_TYPES)[number];
const isSearchType = (s: string): s is SearchType => (SEARCH_TYPES as readonly string[]).includes(s);

export const SEARCH_MIN_CHARS = 2;
const SEARCH_MAX_CHARS = 200;
const SEARCH_PAGE_SIZE = 10;

/** The values of a query parameter, whether given once or repeated (checkboxes). */
function queryValues(req: FastifyRequest, name: string): string[] {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

const firstValue = (req: FastifyRequest, name: string) => queryValues(req, name)[0] ?? '';

/** The topic of the controlled vocabulary with this name, or null. */
export function findTopic(name: string): string | null {
  return (TOPICS as readonly string[]).find((x) => x === name) ?? null;
}

/** The link to site search, e.g. every service of a topic: searchHref({ topic, types: ['service'] }). */
export function searchHref(o: { q?: string; types?: readonly string[]; topic?: string | null; page?: number }): string {
  const p = new URLSearchParams();
  if (o.q) p.set('q', o.q);
  for (const ty of o.types ?? []) p.append('type', ty);
  if (o.topic) p.set('topic', o.topic);
  if (o.page && o.page > 1) p.set('page', String(o.page));
  const s = p.toString();
  return s ? `/cerca?${s}` : '/cerca';
}

/** The label of a content in lists: its type, or its kind when that says more (Avviso, Politico…). */
export function contentTypeLabel(ctx: PageContext, item: Content): string {
  const tr = (k: string) => t(ctx.locale, k);
  if (item.type === 'news') return newsKindLabel(ctx, (item as Content<'news'>).data.kind);
  if (item.type === 'person') return (item as Content<'person'>).data.body === 'staff' ? tr('site.info.person.staff') : tr('site.info.person.politician');
  return tr(`site.info.type.${item.type}`);
}

/** The title of any content in the reader's language. */
export function contentTitle(ctx: PageContext, item: Content): string {
  return loc(titleOf(item.type, item.data), ctx.locale);
}

/** A short text under a content's title in lists. */
export function contentSummary(ctx: PageContext, item: Content): string {
  const l = ctx.locale;
  switch (item.type) {
    case 'service':
      return loc((item as Content<'service'>).data.summary, l);
    case 'news':
      return loc((item as Content<'news'>).data.summary, l);
    case 'event':
      return loc((item as Content<'event'>).data.summary, l);
    case 'person':
      return loc((item as Content<'person'>).data.role, l);
    case 'faq':
      return excerpt(loc((item as Content<'faq'>).data.answer, l));
    case 'place':
      return excerpt(loc((item as Content<'place'>).data.description, l));
    case 'office':
      return excerpt(loc((item as Content<'office'>).data.description, l));
    case 'area':
      return excerpt(loc((item as Content<'area'>).data.description, l));
    case 'organisation':
      return excerpt(loc((item as Content<'organisation'>).data.description, l));
    case 'document':
      return excerpt(loc((item as Content<'document'>).data.description, l));
    default:
      return '';
  }
}

/** The public URL of any content. */
export function contentHref(item: Content): string {
  return contentPath(item.type, item.slug, item.data);
}

/** Topic names are the Italian controlled vocabulary: mark them as Italian on English pages. */
export function TopicName({ ctx, name }: { ctx: PageContext; name: string }) {
  return ctx.locale === 'it' ? <>{name}</> : <span lang="it">{name}</span>;
}

function Icon({ name, cls = 'icon icon-sm icon-primary' }: { name: string; cls?: string }) {
  return (
    <svg class={cls} aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

// ——— Site search ———

interface SearchState {
  q: string;
  types: SearchType[];
  topic: string | null;
  page: number;
  status: 'empty' | 'too-short' | 'results';
  counts: Map<SearchType, number>;
  total: number;
  rows: Content[];
}

async function runSearch(req: FastifyRequest): Promise<SearchState> {
  const q = firstValue(req, 'q').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_CHARS);
  const types = [...new Set(queryValues(req, 'type').filter(isSearchType))];
  const topic = findTopic(firstValue(req, 'topic'));
  const page = pageNumber({ page: firstValue(req, 'page') || '1' });
  const base = { q, types, topic, page, counts: new Map<SearchType, number>(), total: 0, rows: [] as Content[] };
  if (q.length > 0 && q.length < SEARCH_MIN_CHARS) return { ...base, status: 'too-short' };
  if (!q && !topic) return { ...base, status: 'empty' };
  const filter = { ...(q ? { q } : {}), ...(topic ? { topic } : {}), locale: req.locale };
  return siteTx(req, async (tx) => {
    const byType = await countByType(tx, [...SEARCH_TYPES], filter);
    const counts = new Map<SearchType, number>(SEARCH_TYPES.map((ty) => [ty, byType.get(ty) ?? 0]));
    const found = await listPublished<ContentType>(tx, types.length ? types : [...SEARCH_TYPES], {
      ...filter,
      order: q ? 'relevance' : 'title',
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
    });
    return { ...base, status: 'results' as const, counts, total: found.total, rows: found.rows };
  });
}

function SearchResult({ ctx, item }: { ctx: PageContext; item: Content }) {
  const summary = contentSummary(ctx, item);
  return (
    <li class="py-3 border-bottom">
      <div class="chip chip-simple chip-primary mb-1">
        <span class="chip-label">{contentTypeLabel(ctx, item)}</span>
      </div>
      <h3 class="h5 mb-1">
        <a class="text-decoration-none" href={contentHref(item)}>
          {contentTitle(ctx, item)}
        </a>
      </h3>
      {summary ? <p class="mb-0 font-serif">{summary}</p> : null}
    </li>
  );
}

function SearchPage({ ctx, tr, s }: { ctx: PageContext; tr: Tr; s: SearchState }) {
  const pages = Math.max(1, Math.ceil(s.total / SEARCH_PAGE_SIZE));
  const hasFilters = s.types.length > 0 || s.topic !== null;
  return (
    <>
      <h1>{tr('site.info.search.title')}</h1>
      <form method="get" action="/cerca" role="search" class="mt-4" aria-label={tr('site.info.search.title')}>
        <div class="row">
          <div class="col-12 col-lg-8 offset-lg-4 order-lg-1">
            <label for="search-q" class="form-label fw-semibold">
              {tr('site.info.search.label')}
            </label>
            <div class="input-group">
              <input
                type="search"
                class="form-control"
                id="search-q"
                name="q"
                value={s.q}
                maxLength={SEARCH_MAX_CHARS}
                autocomplete="off"
                aria-describedby="search-q-hint"
              />
              <div class="input-group-append">
                <button type="submit" class="btn btn-primary">
                  <Icon name="it-search" cls="icon icon-sm icon-white me-1" />
                  {tr('site.info.search.submit')}
                </button>
              </div>
            </div>
            <p id="search-q-hint" class="form-text small">
              {tr('site.info.search.hint')}
            </p>
          </div>
          <div class="col-12 col-lg-4 order-lg-2">
            <h2 class="h5 mt-4 mt-lg-0">{tr('site.info.search.filters')}</h2>
            <fieldset class="mb-3">
              <legend class="h6 px-0 fw-semibold">{tr('site.info.search.types')}</legend>
              {SEARCH_TYPES.map((ty) => (
                <div class="form-check my-1">
                  <input class="form-check-input" type="checkbox" name="type" value={ty} id={`search-type-${ty}`} checked={s.types.includes(ty)} />
                  <label class="form-check-label" for={`search-type-${ty}`}>
                    {tr(`site.info.types.${ty}`)}
                    {s.status === 'results' ? <span class="badge bg-light text-dark ms-2">{s.counts.get(ty) ?? 0}</span> : null}
                  </label>
                </div>
              ))}
            </fieldset>
            <div class="select-wrapper mb-3">
              <label for="search-topic">{tr('site.info.search.topic')}</label>
              <select id="search-topic" name="topic">
                <option value="">{tr('site.info.search.anyTopic')}</option>
                {TOPICS.map((name) => (
                  <option value={name} selected={s.topic === name} lang={ctx.locale === 'it' ? undefined : 'it'}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="btn btn-outline-primary btn-sm">
              {tr('site.info.search.apply')}
            </button>
            {hasFilters ? (
              <a class="btn btn-link btn-sm ms-2" href={searchHref({ q: s.q })}>
                {tr('site.info.search.clear')}
              </a>
            ) : null}
          </div>
          <div class="col-12 col-lg-8 order-lg-3 mt-4">
            {s.status === 'empty' ? <p class="lead">{tr('site.info.search.empty')}</p> : null}
            {s.status === 'too-short' ? (
              <div class="alert alert-warning" role="status">
                {tr('site.info.search.tooShort', { min: SEARCH_MIN_CHARS })}
              </div>
            ) : null}
            {s.status === 'results' ? (
              <section aria-labelledby="search-results-title">
                <h2 class="h4" id="search-results-title">
                  {s.total === 1 ? tr('site.info.search.countOne') : tr('site.info.search.count', { n: s.total })}
                  {s.topic ? (
                    <>
                      {' – '}
                      <TopicName ctx={ctx} name={s.topic} />
                    </>
                  ) : null}
                </h2>
                {pages > 1 ? <p class="small text-muted">{tr('site.info.search.pageOf', { page: s.page, pages })}</p> : null}
                {s.total === 0 ? (
                  <div class="callout">
                    <div class="callout-title">
                      <Icon name="it-info-circle" />
                      <span>{tr('site.info.search.none')}</span>
                    </div>
                    <p>{tr('site.info.search.noneHelp')}</p>
                    <p class="mb-0">
                      <a href="/faq">{tr('site.info.search.faqLink')}</a>
                      {' · '}
                      <a href={siteLink('assistance')}>{tr('site.info.search.assistanceLink')}</a>
                    </p>
                  </div>
                ) : (
                  <ul class="list-unstyled">
                    {s.rows.map((item) => (
                      <SearchResult ctx={ctx} item={item} />
                    ))}
                  </ul>
                )}
                <Pager ctx={ctx} page={s.page} pageCount={pages} label={tr('site.info.pager.label')} />
              </section>
            ) : null}
          </div>
        </div>
      </form>
    </>
  );
}

// ——— FAQ ———

/** Bootstrap Italia's accordion turns its chevron by the button's state; on <details> it follows the open state. */

function FaqItem({ ctx, tr, item, service, open }: { ctx: PageContext; tr: Tr; item: Content<'faq'>; service: Content<'service'> | null; open: boolean }) {
  return (
    <details class="accordion-item" id={item.slug} open={open}>
      <summary class="accordion-button collapsed">{loc(item.data.question, ctx.locale)}</summary>
      <div class="accordion-body">
        <Paragraphs text={loc(item.data.answer, ctx.locale)} />
        {service ? (
          <p class="mb-0">
            <a class="btn btn-outline-primary btn-sm" href={contentPath('service', service.slug)}>
              {tr('site.info.faq.relatedService', { title: loc(service.data.title, ctx.locale) })}
            </a>
          </p>
        ) : null}
      </div>
    </details>
  );
}

async function faqData(req: FastifyRequest, q: string) {
  return siteTx(req, async (tx) => {
    const faqs = await listPublished(tx, 'faq', { ...(q ? { q } : {}), locale: req.locale, order: q ? 'relevance' : 'title', limit: 200 });
    const slugs = [...new Set(faqs.rows.map((f) => f.data.service).filter((s): s is string => !!s))];
    const services = await findPublishedBySlugs(tx, 'service', slugs);
    return { faqs: faqs.rows, services };
  });
}

function FaqPage({ ctx, tr, q, tooShort, faqs, services }: { ctx: PageContext; tr: Tr; q: string; tooShort: boolean; faqs: Content<'faq'>[]; services: Content<'service'>[] }) {
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const groups = new Map<string, Content<'faq'>[]>();
  for (const f of faqs) {
    const key = f.data.service && bySlug.has(f.data.service) ? f.data.service : '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => {
    if (!a) return 1;
    if (!b) return -1;
    return loc(bySlug.get(a)!.data.title, ctx.locale).localeCompare(loc(bySlug.get(b)!.data.title, ctx.locale), ctx.locale);
  });
  const searching = q.length >= SEARCH_MIN_CHARS;
  return (
    <>
      <h1>{tr('site.info.faq.title')}</h1>
      <p class="lead">{tr('site.info.faq.intro')}</p>
      <form method="get" action="/faq" role="search" class="my-4" aria-label={tr('site.info.faq.searchLabel')}>
        <label for="faq-q" class="form-label fw-semibold">
          {tr('site.info.faq.searchLabel')}
        </label>
        <div class="input-group">
          <input type="search" class="form-control" id="faq-q" name="q" value={q} maxLength={SEARCH_MAX_CHARS} />
          <div class="input-group-append">
            <button type="submit" class="btn btn-primary">
              {tr('site.info.faq.searchSubmit')}
            </button>
          </div>
        </div>
      </form>
      {tooShort ? (
        <div class="alert alert-warning" role="status">
          {tr('site.info.search.tooShort', { min: SEARCH_MIN_CHARS })}
        </div>
      ) : null}
      {searching ? (
        <p role="status">
          {faqs.length === 0
            ? tr('site.info.faq.none', { q })
            : faqs.length === 1
              ? tr('site.info.faq.resultsOne', { q })
              : tr('site.info.faq.resultsCount', { n: faqs.length, q })}{' '}
          <a href="/faq">{tr('site.info.faq.showAll')}</a>
        </p>
      ) : null}
      {!searching && faqs.length === 0 ? <p>{tr('site.info.faq.empty')}</p> : null}
      {ordered.map(([key, list]) => {
        const service = key ? (bySlug.get(key) ?? null) : null;
        const id = `faq-group-${key || 'general'}`;
        return (
          <section class="mt-5" aria-labelledby={id}>
            <h2 class="h4" id={id}>
              {service ? loc(service.data.title, ctx.locale) : tr('site.info.faq.general')}
            </h2>
            <div class="accordion">
              {list.map((f) => (
                <FaqItem ctx={ctx} tr={tr} item={f} service={f.data.service ? (bySlug.get(f.data.service) ?? null) : null} open={searching} />
              ))}
            </div>
          </section>
        );
      })}
      <p class="mt-5">
        {tr('site.info.faq.notFound')} <a href={siteLink('assistance')}>{tr('site.info.search.assistanceLink')}</a>
      </p>
    </>
  );
}

// ——— Site map ———

const SECTION_KEYS: Record<keyof typeof ADMINISTRATION_SECTIONS, string> = {
  government: 'site.info.section.government',
  areas: 'site.info.section.areas',
  offices: 'site.info.section.offices',
  organisations: 'site.info.section.organisations',
  politicians: 'site.info.section.politicians',
  staff: 'site.info.section.staff',
  documents: 'site.info.section.documents',
};

interface MapEntry {
  /** Section headings without a page of their own have no link. */
  href?: string;
  label: string;
  lang?: string;
  children?: MapEntry[];
}

function siteMapEntries(ctx: PageContext, tr: Tr): MapEntry[] {
  const s = siteSettings(ctx.tenant);
  const topicLang = ctx.locale === 'it' ? undefined : 'it';
  return [
    {
      href: '/amministrazione',
      label: tr('site.info.sitemap.administration'),
      children: (Object.keys(ADMINISTRATION_SECTIONS) as (keyof typeof ADMINISTRATION_SECTIONS)[]).map((k) => ({ href: ADMINISTRATION_SECTIONS[k], label: tr(SECTION_KEYS[k]) })),
    },
    {
      href: '/novita',
      label: tr('site.info.sitemap.news'),
      children: (Object.keys(NEWS_KIND_PATHS) as (keyof typeof NEWS_KIND_PATHS)[]).map((k) => ({ href: NEWS_KIND_PATHS[k], label: tr(`site.info.newsKinds.${k}`) })),
    },
    {
      href: '/servizi',
      label: tr('site.info.sitemap.services'),
      children: SERVICE_CATEGORIES.map((c) => ({ href: categoryPath(c), label: categoryName(c, ctx.locale) })),
    },
    {
      href: '/vivere',
      label: tr('site.info.sitemap.live', { name: placeName(s.name) || s.name }),
      children: [
        { href: '/vivere/luoghi', label: tr('site.info.sitemap.places') },
        { href: '/vivere/eventi', label: tr('site.info.sitemap.events') },
      ],
    },
    {
      href: '/argomenti',
      label: tr('site.info.sitemap.topics'),
      children: TOPICS.map((name) => ({ href: topicPath(name), label: name, ...(topicLang ? { lang: topicLang } : {}) })),
    },
    {
      label: tr('site.info.sitemap.contacts'),
      children: [
        { href: siteLink('assistance'), label: tr('site.info.sitemap.assistance') },
        { href: siteLink('appointmentBooking'), label: tr('site.info.sitemap.appointment') },
        { href: '/faq', label: tr('site.info.sitemap.faq') },
        { href: '/cerca', label: tr('site.info.sitemap.search') },
        { href: '/area-personale', label: tr('site.info.sitemap.personalArea') },
      ],
    },
    {
      label: tr('site.info.sitemap.legal'),
      children: [
        { href: s.transparencyUrl, label: tr('site.info.sitemap.transparency') },
        { href: s.privacyUrl, label: tr('site.info.sitemap.privacy') },
        { href: '/note-legali', label: tr('site.info.sitemap.legalNotes') },
        { href: '/cookie', label: tr('site.info.sitemap.cookie') },
        { href: s.accessibilityUrl, label: tr('site.info.sitemap.accessibility') },
        { href: '/mappa-del-sito', label: tr('site.info.sitemap.sitemap') },
      ],
    },
  ];
}

function SiteMapPage({ ctx, tr }: { ctx: PageContext; tr: Tr }) {
  const entries = siteMapEntries(ctx, tr);
  return (
    <>
      <h1>{tr('site.info.sitemap.title')}</h1>
      <p class="lead">{tr('site.info.sitemap.intro')}</p>
      <div class="row mt-4">
        {entries.map((e, i) => (
          <div class="col-12 col-md-6 col-lg-4 mb-4">
            <section class="link-list-wrapper" aria-labelledby={`sitemap-${i}`}>
              <h2 class="h4" id={`sitemap-${i}`}>
                {e.href ? <a href={e.href}>{e.label}</a> : e.label}
              </h2>
              <ul class="link-list">
                {(e.children ?? []).map((c) => (
                  <li>
                    <a class="list-item" href={c.href} lang={c.lang}>
                      <span>{c.label}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        ))}
      </div>
    </>
  );
}

// ——— Legal pages ———

function LegalSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="mb-5" aria-labelledby={id}>
      <h2 class="h4" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function LegalNotesPage({ ctx, tr }: { ctx: PageContext; tr: Tr }) {
  const s = siteSettings(ctx.tenant);
  const licence = ctx.locale === 'it' ? 'https://creativecommons.org/licenses/by/4.0/deed.it' : 'https://creativecommons.org/licenses/by/4.0/deed.en';
  return (
    <>
      <h1>{tr('site.info.legal.title')}</h1>
      <div class="row">
        <div class="col-12 col-lg-9">
          <section class="mb-5 mt-4" aria-labelledby="legal-licence">
            <h2 class="h4" id="legal-licence" data-element={M.legalNotesSection}>
              {tr('site.info.legal.licenceTitle')}
            </h2>
            <p class="font-serif" data-element={M.legalNotesBody}>
              {tr('site.info.legal.licenceBody')}
            </p>
            <p>
              <a href={licence} hreflang={ctx.locale}>
                {tr('site.info.legal.licenceLink')}
              </a>
            </p>
          </section>
          <LegalSection id="legal-attribution" title={tr('site.info.legal.attributionTitle')}>
            <p class="font-serif">{tr('site.info.legal.attributionBody', { name: s.name })}</p>
          </LegalSection>
          <LegalSection id="legal-marks" title={tr('site.info.legal.marksTitle')}>
            <p class="font-serif">{tr('site.info.legal.marksBody')}</p>
          </LegalSection>
          <LegalSection id="legal-third-party" title={tr('site.info.legal.thirdPartyTitle')}>
            <p class="font-serif">{tr('site.info.legal.thirdPartyBody')}</p>
          </LegalSection>
          <LegalSection id="legal-links" title={tr('site.info.legal.linksTitle')}>
            <p class="font-serif">{tr('site.info.legal.linksBody')}</p>
          </LegalSection>
          <LegalSection id="legal-liability" title={tr('site.info.legal.liabilityTitle')}>
            <p class="font-serif">{tr('site.info.legal.liabilityBody')}</p>
          </LegalSection>
          <LegalSection id="legal-privacy" title={tr('site.info.legal.privacyTitle')}>
            <p class="font-serif">{tr('site.info.legal.privacyBody')}</p>
            <ul>
              <li>
                <a href={s.privacyUrl}>{tr('site.info.legal.privacyLink')}</a>
              </li>
              <li>
                <a href="/cookie">{tr('site.info.legal.cookieLink')}</a>
              </li>
            </ul>
          </LegalSection>
          <LegalSection id="legal-accessibility" title={tr('site.info.legal.accessibilityTitle')}>
            <p class="font-serif">{tr('site.info.legal.accessibilityBody')}</p>
            <p>
              <a href={s.accessibilityUrl}>{tr('site.info.legal.accessibilityLink')}</a>
            </p>
          </LegalSection>
          <LegalSection id="legal-software" title={tr('site.info.legal.softwareTitle')}>
            <p class="font-serif">{tr('site.info.legal.softwareBody')}</p>
          </LegalSection>
        </div>
      </div>
    </>
  );
}

/** The DPO's e-mail, when the comune has set one in its site settings (settings.site.dpoEmail). */
function dpoEmail(ctx: PageContext): string | null {
  const site = ctx.tenant?.settings.site;
  const v = site && typeof site === 'object' ? (site as Record<string, unknown>).dpoEmail : undefined;
  return typeof v === 'string' && v.includes('@') ? v : null;
}

function tileHost(template: string): string | null {
  try {
    return new URL(template.replace(/\{[a-z]+\}/gi, 'a')).host;
  } catch {
    return null;
  }
}

function PrivacyPage({ ctx, tr }: { ctx: PageContext; tr: Tr }) {
  const s = siteSettings(ctx.tenant);
  const missing = <em>{tr('site.info.privacy.missing')}</em>;
  const dpo = dpoEmail(ctx);
  const maps = tileHost(s.mapTileUrl);
  return (
    <>
      <h1>{tr('site.info.privacy.title')}</h1>
      <div class="row">
        <div class="col-12 col-lg-9">
          <p class="lead">{tr('site.info.privacy.intro', { name: s.name })}</p>
          <LegalSection id="privacy-controller" title={tr('site.info.privacy.controllerTitle')}>
            <p class="font-serif">{tr('site.info.privacy.controllerBody', { name: s.name })}</p>
            <dl class="row">
              <dt class="col-sm-3">{tr('site.info.privacy.address')}</dt>
              <dd class="col-sm-9">{s.address ?? missing}</dd>
              <dt class="col-sm-3">{tr('site.info.privacy.pec')}</dt>
              <dd class="col-sm-9">{s.pec ? <a href={`mailto:${s.pec}`}>{s.pec}</a> : missing}</dd>
              {s.email ? (
                <>
                  <dt class="col-sm-3">{tr('site.info.privacy.email')}</dt>
                  <dd class="col-sm-9">
                    <a href={`mailto:${s.email}`}>{s.email}</a>
                  </dd>
                </>
              ) : null}
              {s.phone ? (
                <>
                  <dt class="col-sm-3">{tr('site.info.privacy.phone')}</dt>
                  <dd class="col-sm-9">{s.phone}</dd>
                </>
              ) : null}
              {s.taxCode ? (
                <>
                  <dt class="col-sm-3">{tr('site.info.privacy.taxCode')}</dt>
                  <dd class="col-sm-9">{s.taxCode}</dd>
                </>
              ) : null}
            </dl>
          </LegalSection>
          <LegalSection id="privacy-dpo" title={tr('site.info.privacy.dpoTitle')}>
            {dpo ? (
              <p class="font-serif">
                {tr('site.info.privacy.dpoBodyEmail')} <a href={`mailto:${dpo}`}>{dpo}</a>
              </p>
            ) : (
              <p class="font-serif">
                {tr('site.info.privacy.dpoBodyPec')} {s.pec ? <a href={`mailto:${s.pec}`}>{s.pec}</a> : null}
              </p>
            )}
          </LegalSection>
          <LegalSection id="privacy-purposes" title={tr('site.info.privacy.purposesTitle')}>
            <p class="font-serif">{tr('site.info.privacy.purposesIntro')}</p>
            {(['p1', 'p2', 'p3', 'p4'] as const).map((k) => (
              <>
                <h3 class="h5 mt-4">{tr(`site.info.privacy.${k}Title`)}</h3>
                <p class="font-serif">{tr(`site.info.privacy.${k}Body`)}</p>
              </>
            ))}
          </LegalSection>
          <LegalSection id="privacy-mandatory" title={tr('site.info.privacy.mandatoryTitle')}>
            <p class="font-serif">{tr('site.info.privacy.mandatoryBody')}</p>
          </LegalSection>
          <LegalSection id="privacy-how" title={tr('site.info.privacy.howTitle')}>
            <p class="font-serif">{tr('site.info.privacy.howBody')}</p>
          </LegalSection>
          <LegalSection id="privacy-recipients" title={tr('site.info.privacy.recipientsTitle')}>
            <p class="font-serif">{tr('site.info.privacy.recipientsBody')}</p>
            {maps ? <p class="font-serif">{tr('site.info.privacy.mapsBody', { host: maps })}</p> : null}
          </LegalSection>
          <LegalSection id="privacy-transfer" title={tr('site.info.privacy.transferTitle')}>
            <p class="font-serif">{tr('site.info.privacy.transferBody')}</p>
          </LegalSection>
          <LegalSection id="privacy-retention" title={tr('site.info.privacy.retentionTitle')}>
            <ul class="font-serif">
              <li>{tr('site.info.privacy.retention1', { hours: Math.round(SESSION_ABSOLUTE_MS / 3_600_000), idle: Math.round(SESSION_IDLE_MS / 3_600_000) })}</li>
              <li>{tr('site.info.privacy.retention2')}</li>
              <li>{tr('site.info.privacy.retention3')}</li>
              <li>{tr('site.info.privacy.retention4')}</li>
            </ul>
          </LegalSection>
          <LegalSection id="privacy-rights" title={tr('site.info.privacy.rightsTitle')}>
            <p class="font-serif">{tr('site.info.privacy.rightsIntro')}</p>
            <ul class="font-serif">
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <li>{tr(`site.info.privacy.right${n}`)}</li>
              ))}
            </ul>
            <p class="font-serif">{tr('site.info.privacy.rightsHow')}</p>
          </LegalSection>
          <LegalSection id="privacy-complaint" title={tr('site.info.privacy.complaintTitle')}>
            <p class="font-serif">{tr('site.info.privacy.complaintBody')}</p>
            <p>
              <a href="https://www.garanteprivacy.it/" hreflang="it">
                {tr('site.info.privacy.garanteLink')}
              </a>
            </p>
          </LegalSection>
          <LegalSection id="privacy-cookie" title={tr('site.info.sitemap.cookie')}>
            <p class="font-serif">
              {tr('site.info.privacy.cookieBody')} <a href="/cookie">{tr('site.info.privacy.cookieLink')}</a>
            </p>
          </LegalSection>
        </div>
      </div>
    </>
  );
}

/** The cookies piazza sets, read from the code: session (core/auth/sessions.ts), CSRF (core/auth/plugin.ts), lang (app.ts). */
export function siteCookies(config: AppContext['config']): { name: string; key: 'session' | 'csrf' | 'lang' }[] {
  return [
    { name: sessionCookieName(config), key: 'session' },
    { name: config.secureCookies ? '__Host-piazza_csrf' : 'piazza_csrf', key: 'csrf' },
    { name: 'lang', key: 'lang' },
  ];
}

function CookiePage({ ctx, tr, config }: { ctx: PageContext; tr: Tr; config: AppContext['config'] }) {
  const s = siteSettings(ctx.tenant);
  const hours = (ms: number) => Math.round(ms / 3_600_000);
  return (
    <>
      <h1>{tr('site.info.cookie.title')}</h1>
      <div class="row">
        <div class="col-12 col-lg-9">
          <p class="lead">{tr('site.info.cookie.intro', { name: s.name })}</p>
          <div class="callout success">
            <div class="callout-title">
              <Icon name="it-check-circle" />
              <span>{tr('site.info.cookie.tableTitle')}</span>
            </div>
            <p class="mb-0">{tr('site.info.cookie.noThirdParty')}</p>
          </div>
          <section class="mb-5" aria-labelledby="cookie-list">
            <h2 class="h4" id="cookie-list">
              {tr('site.info.cookie.tableTitle')}
            </h2>
            <div class="table-responsive">
              <table class="table">
                <caption class="visually-hidden">{tr('site.info.cookie.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('site.info.cookie.name')}</th>
                    <th scope="col">{tr('site.info.cookie.purpose')}</th>
                    <th scope="col">{tr('site.info.cookie.when')}</th>
                    <th scope="col">{tr('site.info.cookie.duration')}</th>
                  </tr>
                </thead>
                <tbody>
                  {siteCookies(config).map((c) => (
                    <tr>
                      <th scope="row">
                        <code>{c.name}</code>
                      </th>
                      <td>{tr(`site.info.cookie.${c.key}Purpose`)}</td>
                      <td>{tr(`site.info.cookie.${c.key}When`)}</td>
                      <td>{tr(`site.info.cookie.${c.key}Duration`, { hours: hours(SESSION_ABSOLUTE_MS), idle: hours(SESSION_IDLE_MS) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <LegalSection id="cookie-manage" title={tr('site.info.cookie.manageTitle')}>
            <p class="font-serif">{tr('site.info.cookie.manageBody')}</p>
            <p>
              <a href={s.privacyUrl}>{tr('site.info.cookie.privacyLink')}</a>
            </p>
          </LegalSection>
        </div>
      </div>
    </>
  );
}

// ——— Routes ———

export async function infoPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const hide = { schema: { hide: true } };

  app.get('/cerca', hide, async (req, reply) => {
    const s = await runSearch(req);
    const title = s.q && s.status === 'results' ? t(req.locale, 'site.info.search.titleFor', { q: s.q }) : t(req.locale, 'site.info.search.title');
    reply.header('cache-control', 'no-store');
    return sendSitePage(
      req,
      reply,
      { title, description: t(req.locale, 'site.info.search.description'), breadcrumb: [{ label: t(req.locale, 'site.info.search.title') }], feedback: true, contactBox: true },
      (pc, tr) => <SearchPage ctx={pc} tr={tr} s={s} />,
    );
  });

  app.get('/faq', hide, async (req, reply) => {
    const raw = firstValue(req, 'q').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_CHARS);
    const tooShort = raw.length > 0 && raw.length < SEARCH_MIN_CHARS;
    const q = tooShort ? '' : raw;
    const { faqs, services } = await faqData(req, q);
    return sendSitePage(
      req,
      reply,
      {
        title: t(req.locale, 'site.info.faq.title'),
        description: t(req.locale, 'site.info.faq.description'),
        breadcrumb: [{ label: t(req.locale, 'site.info.faq.title') }],
        feedback: true,
        contactBox: true,
      },
      (pc, tr) => <FaqPage ctx={pc} tr={tr} q={raw} tooShort={tooShort} faqs={faqs} services={services} />,
    );
  });

  app.get('/mappa-del-sito', hide, async (req, reply) =>
    sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.info.sitemap.title'), description: t(req.locale, 'site.info.sitemap.description'), breadcrumb: [{ label: t(req.locale, 'site.info.sitemap.title') }], feedback: true, contactBox: true },
      (pc, tr) => <SiteMapPage ctx={pc} tr={tr} />,
    ),
  );

  app.get('/note-legali', hide, async (req, reply) =>
    sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.info.legal.title'), description: t(req.locale, 'site.info.legal.description'), breadcrumb: [{ label: t(req.locale, 'site.info.legal.title') }], feedback: true, contactBox: true },
      (pc, tr) => <LegalNotesPage ctx={pc} tr={tr} />,
    ),
  );

  app.get('/privacy', hide, async (req, reply) =>
    sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.info.privacy.title'), description: t(req.locale, 'site.info.privacy.description'), breadcrumb: [{ label: t(req.locale, 'site.info.privacy.title') }], feedback: true, contactBox: true },
      (pc, tr) => <PrivacyPage ctx={pc} tr={tr} />,
    ),
  );

  app.get('/cookie', hide, async (req, reply) =>
    sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.info.cookie.title'), description: t(req.locale, 'site.info.cookie.description'), breadcrumb: [{ label: t(req.locale, 'site.info.cookie.title') }], feedback: true, contactBox: true },
      (pc, tr) => <CookiePage ctx={pc} tr={tr} config={ctx.config} />,
    ),
  );

  // A single FAQ, for the back office preview (the public address of a FAQ is its anchor on /faq).
  registerDetailRenderer('faq', async (req, reply, item, opts) => {
    const service = item.data.service ? (await siteTx(req, (tx) => findPublishedBySlugs(tx, 'service', [item.data.service!])))[0] ?? null : null;
    const question = loc(item.data.question, req.locale);
    return sendSitePage(
      req,
      reply,
      {
        title: question,
        breadcrumb: [{ href: '/faq', label: t(req.locale, 'site.info.faq.title') }, { label: question }],
        feedback: true,
        contactBox: true,
        preview: opts.preview,
      },
      (pc, tr) => (
        <article id={item.slug}>
          <h1>{question}</h1>
          <div class="font-serif">
            <Paragraphs text={loc(item.data.answer, pc.locale)} />
          </div>
          {service ? (
            <p>
              <a class="btn btn-outline-primary btn-sm" href={contentPath('service', service.slug)}>
                {tr('site.info.faq.relatedService', { title: loc(service.data.title, pc.locale) })}
              </a>
            </p>
          ) : null}
          {item.data.topics.length ? (
            <section aria-labelledby="faq-topics" class="mt-4">
              <h2 class="h6" id="faq-topics">
                {tr('site.info.faq.topics')}
              </h2>
              <ul class="list-inline">
                {item.data.topics.map((name) => (
                  <li class="list-inline-item">
                    <a class="chip chip-simple" href={topicPath(name)}>
                      <span class="chip-label">
                        <TopicName ctx={pc} name={name} />
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p>
            <a href={contentPath('faq', item.slug)}>{tr('site.info.faq.permalink')}</a>
          </p>
        </article>
      ),
    );
  });
}
