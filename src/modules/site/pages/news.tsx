/**
 * Novità (Modello Comuni): the first-level page /novita with the three categories (Notizie, Comunicati, Avvisi),
 * the latest item in evidence and every news item, searchable and filterable by date; the list of one kind
 * (/novita/notizie|comunicati|avvisi); and the detail of a news item (/novita/:slug), also used by the back
 * office's preview. The list helpers (date filter, card grid, topic chips) are shared with
 * the Vivere pages.
 */
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { Input } from '../../../core/auth/views.tsx';
import { JsonLd } from '../../../core/views/json-ld.tsx';
import { Pager } from '../../../core/views/pager.tsx';
import { countByKind, findPublished, findPublishedBySlugs, listPublished } from '../content/repository.ts';
import { registerDetailRenderer } from '../content/renderers.ts';
import { loc, romeTime, type Locale } from '../content/derive.ts';
import { contentPath, NEWS_KIND_PATHS, topicPath } from '../content/urls.ts';
import type { Content } from '../content/types.ts';
import { formatDate, pageNumber, Paragraphs, sendSitePage, siteTx, type Tr } from './common.tsx';
import { NewsCard, newsKindLabel, type NewsKind } from './cards/news.tsx';
import it from './i18n/news.it.json' with { type: 'json' };
import en from './i18n/news.en.json' with { type: 'json' };

/**
 * News per page of the list. The archive grows by hundreds of items a year, so it has numbered pages (pager-link)
 * rather than "Carica altri risultati", which would have to repeat every item already seen on each request.
 */
export const NEWS_PAGE_SIZE = 9;

const KINDS = Object.keys(NEWS_KIND_PATHS) as NewsKind[];

// ——— Helpers shared with the Vivere pages ———

/** A query-string parameter as one string ('' when absent or not a string). */
export function queryParam(req: FastifyRequest, key: string): string {
  const v = (req.query as Record<string, unknown> | undefined)?.[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

/** "YYYY-MM-DD" from "YYYY-MM-DD" (date inputs) or "DD/MM/YYYY" (typed by hand), or null if it is not a real date. */
export function parseDay(s: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (it) [y, m, d] = [Number(it[3]), Number(it[2]), Number(it[1])];
  else return null;
  if (y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" plus `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Midnight at the start of a day in Rome, and the last millisecond of that day. */
export const dayStart = (day: string) => romeTime(day);
export const dayEnd = (day: string) => new Date(romeTime(addDays(day, 1)).getTime() - 1);

/** Today's date in Rome. */
export function romeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type FieldErrors = Record<string, string>;

export interface DateRange {
  /** What the person typed, to show it back. */
  fromInput: string;
  toInput: string;
  from?: string;
  to?: string;
}

/** The from/to filter of a list: valid dates, "to" not before "from"; errors by field (translated). */
export function parseDateRange(req: FastifyRequest, tr: Tr, errors: FieldErrors): DateRange {
  const fromInput = queryParam(req, 'from').slice(0, 20);
  const toInput = queryParam(req, 'to').slice(0, 20);
  const from = fromInput ? parseDay(fromInput) : null;
  const to = toInput ? parseDay(toInput) : null;
  if (fromInput && !from) errors.from = tr('site.list.dateInvalid');
  if (toInput && !to) errors.to = tr('site.list.dateInvalid');
  if (from && to && to < from) errors.to = tr('site.list.dateOrder');
  return { fromInput, toInput, from: from ?? undefined, to: to && !errors.to ? to : undefined };
}

/** The error summary at the top of a filter form: one link per field in error. */
export function ErrorSummary({ tr, errors, labels }: { tr: Tr; errors: FieldErrors; labels: Record<string, string> }) {
  const fields = Object.keys(errors);
  if (!fields.length) return null;
  return (
    <div class="alert alert-danger" role="alert">
      <p class="fw-semibold mb-1">{tr('site.list.errorSummary')}</p>
      <ul class="mb-0">
        {fields.map((f) => (
          <li>
            <a href={`#${f}`}>
              {labels[f] ?? f}: {errors[f]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A date field of a filter form (a native date picker; typing DD/MM/YYYY also works). */
export function DateField({ id, label, value, error, tr }: { id: string; label: string; value: string; error?: string; tr: Tr }) {
  return <Input id={id} type="date" label={label} value={value} error={error ?? null} hint={tr('site.list.dateHint')} />;
}

/** The topics of a content as chips linking their topic page. Topic names are Italian (controlled vocabulary). */
export function TopicChips({ ctx, topics, headingId, tr }: { ctx: PageContext; topics: string[]; headingId: string; tr: Tr }) {
  if (!topics.length) return null;
  return (
    <section class="mt-5" aria-labelledby={headingId}>
      <h2 id={headingId} class="h4">
        {tr('site.list.topics')}
      </h2>
      <ul class="d-flex flex-wrap gap-2 list-unstyled mb-0">
        {topics.map((topic) => (
          <li>
            <a class="chip chip-simple" href={topicPath(topic)} lang={ctx.locale === 'it' ? undefined : 'it'}>
              <span class="chip-label">{topic}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An absolute URL on the request's own host (for JSON-LD and calendar files). */
export function absoluteUrl(req: FastifyRequest, path: string): string {
  return `${req.protocol}://${req.host}${path}`;
}

function Icon({ name, cls = 'icon icon-sm icon-primary me-1' }: { name: string; cls?: string }) {
  return (
    <svg class={cls} aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

/** A grid of cards, one column per card (the target of "Carica altri risultati", core LoadMore, when a list has it). */
export function CardGrid({ id, children }: { id: string; children: ComponentChildren[] }) {
  return (
    <div class="row g-4" id={id}>
      {children.map((c) => (
        <div class="col-12 col-md-6 col-lg-4">{c}</div>
      ))}
    </div>
  );
}

// ——— Novità ———

export function newsKindPlural(locale: Locale, kind: NewsKind): string {
  return t(locale, `site.news.kindPlural.${kind}`);
}

/** The list of every news item (kind undefined) or of one kind. */
async function newsList(req: FastifyRequest, reply: FastifyReply, kind?: NewsKind) {
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const errors: FieldErrors = {};
  const q = queryParam(req, 'q').slice(0, 200);
  const range = parseDateRange(req, tr, errors);
  const page = pageNumber(req.query as Record<string, string>);
  const filtered = Boolean(q || range.from || range.to);
  const { list, latest, counts } = await siteTx(req, async (tx) => ({
    list: await listPublished(tx, 'news', {
      kind,
      q: q || undefined,
      locale,
      from: range.from ? dayStart(range.from) : undefined,
      to: range.to ? dayEnd(range.to) : undefined,
      order: 'date-desc',
      limit: NEWS_PAGE_SIZE,
      offset: (page - 1) * NEWS_PAGE_SIZE,
    }),
    latest: kind || filtered || page > 1 ? null : ((await listPublished(tx, 'news', { order: 'date-desc', limit: 1 })).rows[0] ?? null),
    counts: kind ? null : await countByKind(tx, 'news'),
  }));
  const path = kind ? NEWS_KIND_PATHS[kind] : '/novita';
  const title = kind ? newsKindPlural(locale, kind) : tr('site.news.title');
  const status = Object.keys(errors).length ? 400 : 200;
  const labels = { q: tr('site.news.search'), from: tr('site.list.from'), to: tr('site.list.to') };
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: kind ? tr(`site.news.lead.${kind}`) : tr('site.news.lead'),
      breadcrumb: kind ? [{ href: '/novita', label: tr('site.news.title') }, { label: title }] : [{ label: title }],
      feedback: true,
      contactBox: true,
    },
    (ctx) => (
      <>
        <div class="row">
          <div class="col-lg-8">
            <h1>{title}</h1>
            <p class="lead">{kind ? tr(`site.news.lead.${kind}`) : tr('site.news.lead')}</p>
          </div>
        </div>

        {counts ? (
          <section class="mt-4" aria-labelledby="news-categories">
            <h2 id="news-categories" class="h4">
              {tr('site.news.categories')}
            </h2>
            <div class="row g-3">
              {KINDS.map((k) => (
                <div class="col-12 col-md-4">
                  <div class="card card-teaser shadow-sm rounded">
                    <Icon name="it-file" cls="icon" />
                    <div class="card-body">
                      <h3 class="card-title h5">
                        <a class="text-decoration-none" href={NEWS_KIND_PATHS[k]} data-element={M.newsCategoryLink}>
                          {newsKindPlural(locale, k)}
                        </a>
                      </h3>
                      <p class="card-text">{tr('site.news.count', { n: counts.get(k) ?? 0 })}</p>
                    </div>
                  </div>
                </div>
              ))}
            </div>
          </section>
        ) : null}

        {latest ? (
          <section class="mt-5" aria-labelledby="news-latest">
            <h2 id="news-latest" class="h4">
              {tr('site.news.latest')}
            </h2>
            <div class="row">
              <div class="col-lg-8">
                <NewsCard ctx={ctx} item={latest} headingLevel={3} />
              </div>
            </div>
          </section>
        ) : null}

        <section class="mt-5" aria-labelledby="news-all">
          <h2 id="news-all" class="h4">
            {kind ? tr('site.news.allOfKind', { kind: title.toLowerCase() }) : tr('site.news.all')}
          </h2>
          <form method="get" action={path} class="mb-4" role="search" aria-label={tr('site.news.searchForm')} novalidate>
            <ErrorSummary tr={tr} errors={errors} labels={labels} />
            <div class="row g-3 align-items-end">
              <div class="col-12 col-lg-5">
                <Input id="q" type="search" label={labels.q} value={q} maxLength={200} />
              </div>
              <div class="col-12 col-md-6 col-lg-3">
                <DateField id="from" label={labels.from} value={range.fromInput} error={errors.from} tr={tr} />
              </div>
              <div class="col-12 col-md-6 col-lg-3">
                <DateField id="to" label={labels.to} value={range.toInput} error={errors.to} tr={tr} />
              </div>
              <div class="col-12 col-lg-1 mb-4">
                <button type="submit" class="btn btn-primary w-100">
                  {tr('site.list.apply')}
                </button>
              </div>
            </div>
            {filtered ? (
              <p class="mb-0">
                <a href={path}>{tr('site.list.reset')}</a>
              </p>
            ) : null}
          </form>
          <p role="status" class="text-muted">
            {tr(list.total === 1 ? 'site.list.resultsOne' : 'site.list.results', { n: list.total })}
          </p>
          {list.rows.length ? (
            <CardGrid id="news-cards">{list.rows.map((n) => <NewsCard ctx={ctx} item={n} headingLevel={3} />)}</CardGrid>
          ) : (
            <div class="callout">
              <div class="callout-title">
                <Icon name="it-info-circle" cls="icon" />
                <span>{tr('site.list.noResultsTitle')}</span>
              </div>
              <p>{tr('site.news.noResults')}</p>
            </div>
          )}
          <Pager ctx={ctx} page={page} pageCount={Math.max(1, Math.ceil(list.total / NEWS_PAGE_SIZE))} label={tr('site.news.pager')} />
        </section>
      </>
    ),
    status,
  );
}

/** The detail of a news item (also the back office's preview of a draft). */
async function renderNews(req: FastifyRequest, reply: FastifyReply, item: Content<'news'>, opts: { preview: boolean }) {
  const d = item.data;
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const services = await siteTx(req, (tx) => findPublishedBySlugs(tx, 'service', d.services ?? []));
  const title = loc(d.title, locale);
  const kindTitle = newsKindPlural(locale, d.kind);
  const imageAlt = d.image ? loc(d.image.alt, locale) : '';
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: loc(d.summary, locale),
      breadcrumb: [{ href: '/novita', label: tr('site.news.title') }, { href: NEWS_KIND_PATHS[d.kind], label: kindTitle }, { label: title }],
      feedback: true,
      contactBox: true,
      preview: opts.preview,
      head: (
        <JsonLd
          data={{
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: title,
            description: loc(d.summary, locale),
            datePublished: d.date,
            inLanguage: locale,
            url: absoluteUrl(req, contentPath('news', item.slug)),
            ...(d.image ? { image: absoluteUrl(req, `/uploads/${d.image.uploadId}`) } : {}),
            publisher: { '@type': 'GovernmentOrganization', name: req.tenant?.name ?? '' },
          }}
        />
      ),
    },
    (ctx) => (
      <article class="row">
        <div class="col-lg-8">
          <p class="mb-2">
            <a class="badge bg-primary text-decoration-none" href={NEWS_KIND_PATHS[d.kind]}>
              {newsKindLabel(ctx, d.kind)}
            </a>
          </p>
          <h1>{title}</h1>
          <p class="lead">{loc(d.summary, locale)}</p>
          <p class="text-muted">
            <Icon name="it-calendar" />
            {tr('site.news.date')}: <time datetime={d.date}>{formatDate(locale, d.date)}</time>
          </p>
          {d.image ? (
            <figure class="figure img-full w-100 my-4">
              <img class="figure-img img-fluid rounded" src={`/uploads/${d.image.uploadId}`} alt={imageAlt} />
            </figure>
          ) : null}
          <section class="mt-4" aria-labelledby="news-body">
            <h2 id="news-body" class="visually-hidden">
              {tr('site.news.body')}
            </h2>
            <Paragraphs text={loc(d.body, locale)} />
          </section>
          {services.length ? (
            <section class="mt-5" aria-labelledby="news-services">
              <h2 id="news-services" class="h4">
                {tr('site.news.services')}
              </h2>
              <div class="link-list-wrapper">
                <ul class="link-list">
                  {services.map((s) => (
                    <li>
                      <a class="list-item" href={contentPath('service', s.slug)}>
                        <span>{loc(s.data.title, locale)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </section>
          ) : null}
          <TopicChips ctx={ctx} topics={d.topics} headingId="news-topics" tr={tr} />
        </div>
      </article>
    ),
  );
}

export async function newsPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  registerDetailRenderer('news', renderNews);

  app.get('/novita', { schema: { hide: true } }, (req, reply) => newsList(req, reply));
  for (const kind of KINDS) {
    app.get(NEWS_KIND_PATHS[kind], { schema: { hide: true } }, (req, reply) => newsList(req, reply, kind));
  }
  app.get<{ Params: { slug: string } }>('/novita/:slug', { schema: { hide: true } }, async (req, reply) => {
    const item = await siteTx(req, (tx) => findPublished(tx, 'news', req.params.slug));
    if (!item) throw httpProblem('not-found');
    return renderNews(req, reply, item, { preview: false });
  });
}
