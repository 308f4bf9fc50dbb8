import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { pageContext } from '../../../app.ts';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, translator, t, type Locale, type Translate } from '../../../core/i18n/index.ts';
import { CsrfField, formBody, queryOf, str } from '../../../core/auth/views.tsx';
import { getStorage } from '../../../core/storage/storage.ts';
import { findUpload, isImage } from '../../../core/storage/uploads.ts';
import { contentDisposition } from '../../../core/storage/plugin.ts';
import { BI, Layout, renderPage, type LayoutProps, type PageContext } from '../../../core/views/layout.tsx';
import { Pager } from '../../../core/views/pager.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { contentPath } from '../../site/module.ts';
import { LIMITS, REPORT_STATUSES, statusTone } from '../domain.ts';
import { categoryName, listCategories } from '../categories.ts';
import { followReport, getReportByNumber, isFollowing, listReports, reportPhotos, reportStats, unfollowByToken } from '../repository.ts';
import {
  parsePublicFilters,
  publicReportDetail,
  reportPath,
  toPublicReport,
  toReportFilters,
  type FilterError,
  type PublicFilterInput,
  type PublicReport,
} from '../api/public.ts';
import it from './i18n/public.it.json' with { type: 'json' };
import en from './i18n/public.en.json' with { type: 'json' };

/**
 * The public pages of the reports (segnalazioni), all working without JavaScript:
 *   /segnalazioni                         map (JS) + list with filters (plain GET form), newest first, paginated
 *   /segnalazioni/statistiche             counts by state, per category count and median days to resolution
 *   /segnalazioni/{n}                     a report: state and public timeline, place, photos, follow form, rating
 *   POST /segnalazioni/{n}/segui          follow it (logged-in citizen in one click, or an e-mail address)
 *   /segnalazioni/smetti-di-seguire/{t}   the unsubscribe link of the e-mails
 *   /segnalazioni/{n}/foto/{id}           a photo of a report, only if the report shows it (never a hidden one)
 * Personal data of reporters is never read into these pages: everything goes through toPublicReport().
 */

registerMessages({ it, en });

export const LIST_PATH = '/segnalazioni';
export const NEW_PATH = '/segnalazioni/nuova';
export const STATS_PATH = '/segnalazioni/statistiche';
const UNFOLLOW_PATH = '/segnalazioni/smetti-di-seguire';
const PAGE_SIZE = 20;
const FOLLOW_RATE_LIMIT = { max: 10, timeWindow: 60_000 };
const EMAIL_RE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/;
const TOKEN_RE = /^[A-Za-z0-9_-]{10,200}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tr = Translate;

const loc = (req: FastifyRequest): Locale => (req.locale === 'en' ? 'en' : 'it');

function tx<T>(req: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!req.tenant) throw httpProblem('not-found');
  return withTenantTx(req.server.ctx.db, req.tenant.id, fn);
}

function send(req: FastifyRequest, reply: FastifyReply, props: Omit<LayoutProps, 'ctx' | 'children'>, body: (ctx: PageContext, tr: Tr) => ComponentChildren, status = 200) {
  const ctx = pageContext(req, reply);
  const tr = translator(ctx.locale);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(<Layout ctx={ctx} {...props}>{body(ctx, tr)}</Layout>));
}

/** A report number from the URL: digits only, else the page does not exist. */
function parseNumber(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw httpProblem('not-found');
  return Number(raw);
}

const dateFmt = (locale: Locale, withTime = false) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'Europe/Rome',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
const fmtDate = (locale: Locale, iso: string | Date, withTime = false) => dateFmt(locale, withTime).format(typeof iso === 'string' ? new Date(iso) : iso);

function pageNumber(q: Record<string, string>): number {
  const n = Number.parseInt(q.page ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : 1;
}

// ——— Small pieces ———

export function StatusBadge({ tr, status }: { tr: Tr; status: string }) {
  return <span class={`badge bg-${statusTone(status)}`}>{tr(`reports.public.status.${status}`)}</span>;
}

function OverdueBadge({ tr }: { tr: Tr }) {
  return <span class="badge bg-danger ms-1">{tr('reports.public.overdue')}</span>;
}

function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i < lines.length - 1 ? [l, <br />] : l))}</>;
}

function FieldErrorText({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <div id={`${id}-error`} class="invalid-feedback d-block" role="alert">
      {text}
    </div>
  ) : null;
}

const errorFor = (tr: Tr, errors: FilterError[], field: string) => {
  const e = errors.find((x) => x.field === field);
  return e ? tr(`reports.public.error.${e.code}`) : null;
};

function ErrorSummary({ tr, errors, labels }: { tr: Tr; errors: { field: string; text: string }[]; labels: Record<string, string> }) {
  if (!errors.length) return null;
  return (
    <div class="alert alert-danger" role="alert">
      <p class="mb-2">{tr('reports.public.error.summary', { n: errors.length })}</p>
      <ul class="mb-0">
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>
              {labels[e.field] ?? e.field}: {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ——— Filters form ———

interface CategoryOption {
  code: string;
  name: string;
}

function DateInput({ id, label, value, error }: { id: 'from' | 'to'; label: string; value: string; error: string | null }) {
  return (
    <div class="form-group">
      <label for={id} class="active">
        {label}
      </label>
      <input
        type="date"
        id={id}
        name={id}
        value={value}
        class={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldErrorText id={id} text={error} />
    </div>
  );
}

function FiltersForm({ tr, input, errors, categories, action, full = true }: { tr: Tr; input: PublicFilterInput; errors: FilterError[]; categories: CategoryOption[]; action: string; full?: boolean }) {
  const err = (f: string) => errorFor(tr, errors, f);
  return (
    <form method="get" action={action} class="mb-4" role="search" aria-labelledby="filters-title">
      <h2 id="filters-title" class="h4">
        {tr('reports.public.filters.title')}
      </h2>
      <div class="row g-3">
        {full ? (
          <div class="col-12 col-md-6 col-lg-4">
            <div class="form-group">
              <label for="q" class="active">
                {tr('reports.public.filters.q')}
              </label>
              <input
                type="search"
                id="q"
                name="q"
                value={input.q}
                maxLength={200}
                class={`form-control${err('q') ? ' is-invalid' : ''}`}
                aria-invalid={err('q') ? 'true' : undefined}
                aria-describedby={err('q') ? 'q-error' : undefined}
              />
              <FieldErrorText id="q" text={err('q')} />
            </div>
          </div>
        ) : null}
        <div class="col-12 col-md-6 col-lg-4">
          <div class="select-wrapper">
            <label for="category">{tr('reports.public.filters.category')}</label>
            <select id="category" name="category" aria-invalid={err('category') ? 'true' : undefined} aria-describedby={err('category') ? 'category-error' : undefined}>
              <option value="" selected={!input.category}>
                {tr('reports.public.filters.allCategories')}
              </option>
              {categories.map((c) => (
                <option value={c.code} selected={input.category === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldErrorText id="category" text={err('category')} />
          </div>
        </div>
        {full ? (
          <div class="col-12 col-md-6 col-lg-4">
            <div class="select-wrapper">
              <label for="status">{tr('reports.public.filters.status')}</label>
              <select id="status" name="status" aria-invalid={err('status') ? 'true' : undefined} aria-describedby={err('status') ? 'status-error' : undefined}>
                <option value="" selected={!input.status}>
                  {tr('reports.public.filters.allStatuses')}
                </option>
                <option value="aperte" selected={input.status === 'aperte' || input.status === 'open'}>
                  {tr('reports.public.filters.open')}
                </option>
                <option value="concluse" selected={input.status === 'concluse'}>
                  {tr('reports.public.filters.closed')}
                </option>
                {REPORT_STATUSES.map((s) => (
                  <option value={s} selected={input.status === s}>
                    {tr(`reports.public.status.${s}`)}
                  </option>
                ))}
              </select>
              <FieldErrorText id="status" text={err('status')} />
            </div>
          </div>
        ) : null}
        <div class="col-12 col-md-6 col-lg-4">
          <DateInput id="from" label={tr('reports.public.filters.from')} value={input.from} error={err('from')} />
        </div>
        <div class="col-12 col-md-6 col-lg-4">
          <DateInput id="to" label={tr('reports.public.filters.to')} value={input.to} error={err('to')} />
        </div>
        {full ? (
          <div class="col-12 col-md-6 col-lg-4">
            <div class="form-group">
              <label for="area" class="active">
                {tr('reports.public.filters.area')}
              </label>
              <input
                type="text"
                id="area"
                name="area"
                value={input.area}
                maxLength={100}
                class={`form-control${err('area') ? ' is-invalid' : ''}`}
                aria-invalid={err('area') ? 'true' : undefined}
                aria-describedby={err('area') ? 'area-error' : undefined}
              />
              <FieldErrorText id="area" text={err('area')} />
            </div>
          </div>
        ) : null}
      </div>
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary">
          {tr('reports.public.filters.apply')}
        </button>
        <a class="btn btn-outline-primary" href={action}>
          {tr('reports.public.filters.reset')}
        </a>
      </div>
    </form>
  );
}

function filterLabels(tr: Tr): Record<string, string> {
  return {
    q: tr('reports.public.filters.q'),
    category: tr('reports.public.filters.category'),
    status: tr('reports.public.filters.status'),
    from: tr('reports.public.filters.from'),
    to: tr('reports.public.filters.to'),
    area: tr('reports.public.filters.area'),
  };
}

// ——— Map (progressive enhancement) ———

const MAP_HEAD = (
  <>
    <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
    <link rel="stylesheet" href="/assets/leaflet.markercluster/MarkerCluster.css" />
    <link rel="stylesheet" href="/assets/leaflet.markercluster/MarkerCluster.Default.css" />
    <script src="/assets/leaflet/leaflet.js" defer></script>
    <script src="/assets/leaflet.markercluster/leaflet.markercluster.js" defer></script>
  </>
);
const DETAIL_MAP_HEAD = (
  <>
    <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
    <script src="/assets/leaflet/leaflet.js" defer></script>
  </>
);

/** The query string of the map API for the current filters (the script adds bbox and zoom). */
function mapApiUrl(input: PublicFilterInput): string {
  const p = new URLSearchParams();
  for (const k of ['category', 'status', 'from', 'to', 'area', 'q'] as const) if (input[k]) p.set(k, input[k]);
  const qs = p.toString();
  return `/api/v1/reports/map${qs ? `?${qs}` : ''}`;
}

function ReportsMap({ ctx, tr, input }: { ctx: PageContext; tr: Tr; input: PublicFilterInput }) {
  const s = siteSettings(ctx.tenant);
  return (
    <div
      hidden
      role="region"
      aria-label={tr('reports.public.map.label')}
      class="rounded border mb-4"
      style="height: 26rem"
      data-reports-map=""
      data-api={mapApiUrl(input)}
      data-tiles={s.mapTileUrl}
      data-attribution={s.mapAttribution}
      data-center={`${s.mapCenter.lat},${s.mapCenter.lon},${s.mapCenter.zoom}`}
      data-open-text={tr('reports.public.map.open')}
      data-cluster-text={tr('reports.public.map.cluster')}
      data-error-text={tr('reports.public.map.error')}
    ></div>
  );
}

// ——— List ———

function ReportItem({ ctx, tr, r }: { ctx: PageContext; tr: Tr; r: PublicReport }) {
  return (
    <li class="card card-bg mb-3">
      <div class="card-body">
        <h3 class="h5 card-title mb-2">
          <a href={r.url}>
            <span class="text-muted">{tr('reports.public.numberShort', { n: r.number })}</span> {r.title}
          </a>
        </h3>
        <p class="mb-1">
          <StatusBadge tr={tr} status={r.status} />
          {r.overdue ? <OverdueBadge tr={tr} /> : null}
        </p>
        <dl class="row small mb-0">
          <dt class="col-sm-3">{tr('reports.public.field.category')}</dt>
          <dd class="col-sm-9 mb-0">{r.category.name}</dd>
          <dt class="col-sm-3">{tr('reports.public.field.date')}</dt>
          <dd class="col-sm-9 mb-0">
            <time datetime={r.createdAt}>{fmtDate(ctx.locale, r.createdAt)}</time>
          </dd>
          {r.area ? (
            <>
              <dt class="col-sm-3">{tr('reports.public.field.area')}</dt>
              <dd class="col-sm-9 mb-0">{r.area}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </li>
  );
}

async function categoryOptions(t: Tx, locale: Locale): Promise<CategoryOption[]> {
  const cats = await listCategories(t);
  return cats.map((c) => ({ code: c.code, name: categoryName(c, locale) }));
}

async function listPage(req: FastifyRequest, reply: FastifyReply) {
  const locale = loc(req);
  const q = queryOf(req);
  const { input, filters, errors } = parsePublicFilters(q);
  const page = pageNumber(q);
  const data = await tx(req, async (t) => {
    const categories = await categoryOptions(t, locale);
    if (errors.length) return { categories, items: [] as PublicReport[], total: 0 };
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const res = await listReports(t, toReportFilters(filters), { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, order: 'newest' });
    return { categories, total: res.total, items: res.items.map((r) => toPublicReport(r, { categoryName: names.get(r.categoryCode) ?? r.categoryCode })) };
  });
  const title = t(locale, 'reports.public.list.title');
  const pageCount = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  if (!errors.length) reply.header('cache-control', 'public, max-age=30');
  return send(
    req,
    reply,
    { title, description: t(locale, 'reports.public.list.description'), breadcrumb: [{ label: title }], head: MAP_HEAD, scripts: ['reports-map.js'], feedback: true },
    (ctx, tr) => (
      <>
        <div class="row">
          <div class="col-12 col-lg-8">
            <h1>{title}</h1>
            <p class="lead">{tr('reports.public.list.lead')}</p>
          </div>
          <div class="col-12 col-lg-4 d-flex align-items-start justify-content-lg-end">
            <a class="btn btn-primary mb-3" href={NEW_PATH}>
              {tr('reports.public.list.new')}
            </a>
          </div>
        </div>
        <p>
          <a href={STATS_PATH}>{tr('reports.public.list.statsLink')}</a>
        </p>
        <ErrorSummary tr={tr} labels={filterLabels(tr)} errors={errors.map((e) => ({ field: e.field, text: tr(`reports.public.error.${e.code}`) }))} />
        <FiltersForm tr={tr} input={input} errors={errors} categories={data.categories} action={LIST_PATH} />
        {errors.length ? null : (
          <>
            <ReportsMap ctx={ctx} tr={tr} input={input} />
            <section aria-labelledby="results-title">
              <h2 id="results-title" class="h4" aria-live="polite">
                {data.total === 1 ? tr('reports.public.list.countOne') : tr('reports.public.list.count', { n: data.total })}
              </h2>
              {data.items.length ? (
                <ul class="list-unstyled">
                  {data.items.map((r) => (
                    <ReportItem ctx={ctx} tr={tr} r={r} />
                  ))}
                </ul>
              ) : (
                <p>{tr('reports.public.list.empty')}</p>
              )}
              <Pager ctx={ctx} page={page} pageCount={pageCount} />
            </section>
          </>
        )}
      </>
    ),
    errors.length ? 400 : 200,
  );
}

// ——— Detail ———

type Detail = NonNullable<Awaited<ReturnType<typeof publicReportDetail>>>;

interface FollowState {
  email: string;
  error: string | null;
  notice: 'followed' | null;
  /** The logged-in citizen already follows it. */
  following?: boolean;
}

function FollowBox({ ctx, tr, report, state }: { ctx: PageContext; tr: Tr; report: PublicReport; state: FollowState }) {
  const citizen = ctx.actor.type === 'citizen';
  return (
    <section id="segui" class="card card-bg mb-4" aria-labelledby="follow-title">
      <div class="card-body">
        <h2 id="follow-title" class="h4">
          {tr('reports.public.follow.title')}
        </h2>
        {state.notice === 'followed' ? (
          <div class="alert alert-success" role="status">
            {tr('reports.public.follow.done')}
          </div>
        ) : null}
        <p>{tr('reports.public.follow.lead')}</p>
        <form method="post" action={`${report.url}/segui`} novalidate>
          <CsrfField ctx={ctx} />
          {citizen ? (
            state.following ? (
              state.notice === 'followed' ? null : <p class="mb-0 fw-semibold">{tr('reports.public.follow.already')}</p>
            ) : (
              <button type="submit" class="btn btn-primary">
                {tr('reports.public.follow.button')}
              </button>
            )
          ) : (
            <>
              <div class="form-group">
                <label for="email" class="active">
                  {tr('reports.public.follow.email')}
                </label>
                <input
                  type="email"
                  id="email"
                  name="email"
                  value={state.email}
                  required
                  autocomplete="email"
                  maxLength={LIMITS.email}
                  class={`form-control${state.error ? ' is-invalid' : ''}`}
                  aria-invalid={state.error ? 'true' : undefined}
                  aria-describedby={state.error ? 'email-hint email-error' : 'email-hint'}
                />
                <small id="email-hint" class="form-text">
                  {tr('reports.public.follow.emailHint')}
                </small>
                <FieldErrorText id="email" text={state.error} />
              </div>
              <button type="submit" class="btn btn-primary">
                {tr('reports.public.follow.button')}
              </button>
              <p class="small mt-3 mb-0">
                {tr('reports.public.follow.loginHint')} <a href={`/auth/login?next=${encodeURIComponent(report.url)}`}>{tr('reports.public.follow.login')}</a>
              </p>
            </>
          )}
        </form>
      </div>
    </section>
  );
}

function Timeline({ ctx, tr, items }: { ctx: PageContext; tr: Tr; items: Detail['timeline'] }) {
  if (!items.length) return null;
  return (
    <section class="mb-4" aria-labelledby="timeline-title">
      <h2 id="timeline-title" class="h4">
        {tr('reports.public.detail.timeline')}
      </h2>
      <ol class="list-unstyled border-start border-2 ps-3">
        {items.map((e) => (
          <li class="mb-3">
            <p class="mb-1">
              <time class="fw-semibold" datetime={e.at.toISOString()}>
                {fmtDate(ctx.locale, e.at, true)}
              </time>
              {' — '}
              {e.toStatus ? <StatusBadge tr={tr} status={e.toStatus} /> : <span>{tr('reports.public.detail.reply')}</span>}
            </p>
            {e.publicReply ? (
              <blockquote class="mb-0 ps-2">
                <span class="visually-hidden">{tr('reports.public.detail.replyFromComune')}: </span>
                <Lines text={e.publicReply} />
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function osmLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
}

function DetailView({ ctx, tr, d, follow }: { ctx: PageContext; tr: Tr; d: Detail; follow: FollowState }) {
  const r = d.report;
  const s = siteSettings(ctx.tenant);
  const hasPoint = r.lat !== null && r.lon !== null;
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <p class="mb-1 text-muted">{tr('reports.public.number', { n: r.number })}</p>
        <h1>{r.title}</h1>
        <p>
          <StatusBadge tr={tr} status={r.status} />
          {r.overdue ? <OverdueBadge tr={tr} /> : null}
        </p>
        {r.overdue ? <p class="small">{tr('reports.public.overdueText')}</p> : null}
        {r.duplicateOf ? (
          <div class="alert alert-info" role="note">
            {tr('reports.public.detail.duplicateOf')} <a href={reportPath(r.duplicateOf)}>{tr('reports.public.numberShort', { n: r.duplicateOf })}</a>
          </div>
        ) : null}
        {r.status === 'forwarded' && r.forwardedTo ? (
          <div class="alert alert-info" role="note">
            {tr('reports.public.detail.forwardedTo', { to: r.forwardedTo })}
          </div>
        ) : null}
        <section class="mb-4" aria-labelledby="description-title">
          <h2 id="description-title" class="h4">
            {tr('reports.public.detail.description')}
          </h2>
          <p class="text-break">
            <Lines text={r.description} />
          </p>
        </section>
        <dl class="row mb-4">
          <dt class="col-sm-4">{tr('reports.public.field.category')}</dt>
          <dd class="col-sm-8">{r.category.name}</dd>
          <dt class="col-sm-4">{tr('reports.public.field.date')}</dt>
          <dd class="col-sm-8">
            <time datetime={r.createdAt}>{fmtDate(ctx.locale, r.createdAt, true)}</time>
          </dd>
          <dt class="col-sm-4">{tr('reports.public.field.office')}</dt>
          <dd class="col-sm-8">{r.office ? r.office.slug ? <a href={contentPath('office', r.office.slug)}>{r.office.name}</a> : r.office.name : tr('reports.public.detail.noOffice')}</dd>
          {r.resolvedAt ? (
            <>
              <dt class="col-sm-4">{tr('reports.public.field.resolvedAt')}</dt>
              <dd class="col-sm-8">
                <time datetime={r.resolvedAt}>{fmtDate(ctx.locale, r.resolvedAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>
        <section class="mb-4" aria-labelledby="place-title">
          <h2 id="place-title" class="h4">
            {tr('reports.public.detail.place')}
          </h2>
          <p class="mb-1">
            {r.address ?? (hasPoint ? tr('reports.public.detail.pinOnly') : tr('reports.public.detail.noPlace'))}
            {r.area ? ` (${r.area})` : null}
          </p>
          {hasPoint ? (
            <>
              <p class="small">
                {tr('reports.public.detail.coordinates', { lat: r.lat!, lon: r.lon! })} –{' '}
                <a href={osmLink(r.lat!, r.lon!)} rel="noopener">
                  {tr('reports.public.detail.osm')}
                </a>
              </p>
              <div
                hidden
                role="region"
                aria-label={tr('reports.public.detail.mapLabel')}
                class="rounded border"
                style="height: 16rem"
                data-map=""
                data-tiles={s.mapTileUrl}
                data-attribution={s.mapAttribution}
                data-center={`${s.mapCenter.lat},${s.mapCenter.lon},${s.mapCenter.zoom}`}
                data-markers={JSON.stringify([{ lat: r.lat, lon: r.lon, name: r.title, href: r.url, address: r.address ?? '' }])}
              ></div>
            </>
          ) : null}
        </section>
        {d.photos.length ? (
          <section class="mb-4" aria-labelledby="photos-title">
            <h2 id="photos-title" class="h4">
              {tr('reports.public.detail.photos')}
            </h2>
            <ul class="list-unstyled row g-2">
              {d.photos.map((p, i) => (
                <li class="col-6 col-md-4">
                  <a href={p.url}>
                    <img src={p.url} alt={tr('reports.public.detail.photoAlt', { i: i + 1, n: r.number })} class="img-fluid rounded" loading="lazy" />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <Timeline ctx={ctx} tr={tr} items={d.timeline} />
        <FollowBox ctx={ctx} tr={tr} report={r} state={follow} />
        <p>
          <a href={LIST_PATH}>{tr('reports.public.detail.back')}</a>
        </p>
      </div>
    </div>
  );
}

async function detailPage(req: FastifyRequest, reply: FastifyReply, n: number, follow: FollowState, status = 200) {
  const locale = loc(req);
  const actor = req.actor;
  const found = await tx(req, async (t) => {
    const detail = await publicReportDetail(t, n, locale);
    const following = detail && actor.type === 'citizen' ? await isFollowing(t, detail.row.id, actor.id) : false;
    return detail ? { detail, following } : null;
  });
  if (!found) throw httpProblem('not-found');
  const d = found.detail;
  follow = { ...follow, following: found.following };
  const listTitle = t(locale, 'reports.public.list.title');
  const hasPoint = d.report.lat !== null && d.report.lon !== null;
  reply.header('cache-control', 'no-store');
  return send(
    req,
    reply,
    {
      title: `${t(locale, 'reports.public.number', { n })}: ${d.report.title}`,
      description: d.report.title,
      breadcrumb: [{ href: LIST_PATH, label: listTitle }, { label: t(locale, 'reports.public.number', { n }) }],
      ...(hasPoint ? { head: DETAIL_MAP_HEAD, scripts: ['map.js'] } : {}),
      feedback: true,
    },
    (ctx, tr) => <DetailView ctx={ctx} tr={tr} d={d} follow={follow} />,
    status,
  );
}

// ——— Statistics ———

function Bar({ value, max }: { value: number; max: number }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div class="progress" style="height: 0.75rem; min-width: 6rem" aria-hidden="true">
      <div class="progress-bar" style={`width: ${pct}%`}></div>
    </div>
  );
}

function statsPage(req: FastifyRequest, reply: FastifyReply) {
  return (async () => {
    const locale = loc(req);
    const q = queryOf(req);
    const { input, filters, errors } = parsePublicFilters({ from: q.from, to: q.to, category: q.category });
    const data = await tx(req, async (t) => {
      const categories = await categoryOptions(t, locale);
      if (errors.length) return { categories, stats: null };
      return { categories, stats: await reportStats(t, toReportFilters(filters)) };
    });
    const names = new Map(data.categories.map((c) => [c.code, c.name]));
    const title = t(locale, 'reports.public.stats.title');
    const listTitle = t(locale, 'reports.public.list.title');
    const fmtNum = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 });
    const st = data.stats;
    const maxStatus = st ? Math.max(0, ...Object.values(st.byStatus)) : 0;
    const maxCat = st ? Math.max(0, ...st.byCategory.map((c) => c.count)) : 0;
    const maxMedian = st ? Math.max(0, ...st.byCategory.map((c) => c.medianDays ?? 0)) : 0;
    return send(
      req,
      reply,
      { title, description: t(locale, 'reports.public.stats.description'), breadcrumb: [{ href: LIST_PATH, label: listTitle }, { label: title }], feedback: true },
      (_ctx, tr) => (
        <>
          <h1>{title}</h1>
          <p class="lead">{tr('reports.public.stats.lead')}</p>
          <ErrorSummary tr={tr} labels={filterLabels(tr)} errors={errors.map((e) => ({ field: e.field, text: tr(`reports.public.error.${e.code}`) }))} />
          <FiltersForm tr={tr} input={input} errors={errors} categories={data.categories} action={STATS_PATH} full={false} />
          {st ? (
            <>
              <section class="mb-5" aria-labelledby="summary-title">
                <h2 id="summary-title" class="h4">
                  {tr('reports.public.stats.summary')}
                </h2>
                <div class="row g-3">
                  {(
                    [
                      ['total', st.total],
                      ['open', st.open],
                      ['overdue', st.overdue],
                    ] as const
                  ).map(([k, v]) => (
                    <div class="col-12 col-md-4">
                      <div class="card card-bg h-100">
                        <div class="card-body">
                          <p class="h2 mb-0" data-stat={k}>
                            {fmtNum.format(v)}
                          </p>
                          <p class="mb-0">{tr(`reports.public.stats.${k}`)}</p>
                        </div>
                      </div>
                    </div>
                  ))}
                </div>
              </section>
              <section class="mb-5">
                <div class="table-responsive">
                  <table class="table">
                    <caption class="caption-top h4 text-body">{tr('reports.public.stats.byStatus')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{tr('reports.public.field.status')}</th>
                        <th scope="col" class="text-end">
                          {tr('reports.public.stats.count')}
                        </th>
                        <th scope="col">
                          <span class="visually-hidden">{tr('reports.public.stats.chart')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {REPORT_STATUSES.map((s) => (
                        <tr>
                          <th scope="row">{tr(`reports.public.status.${s}`)}</th>
                          <td class="text-end">{fmtNum.format(st.byStatus[s] ?? 0)}</td>
                          <td class="w-50">
                            <Bar value={st.byStatus[s] ?? 0} max={maxStatus} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section class="mb-5">
                <div class="table-responsive">
                  <table class="table">
                    <caption class="caption-top h4 text-body">{tr('reports.public.stats.byCategory')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{tr('reports.public.field.category')}</th>
                        <th scope="col" class="text-end">
                          {tr('reports.public.stats.count')}
                        </th>
                        <th scope="col" class="text-end">
                          {tr('reports.public.stats.openCol')}
                        </th>
                        <th scope="col" class="text-end">
                          {tr('reports.public.stats.resolvedCol')}
                        </th>
                        <th scope="col" class="text-end">
                          {tr('reports.public.stats.median')}
                        </th>
                        <th scope="col">
                          <span class="visually-hidden">{tr('reports.public.stats.chartMedian')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {st.byCategory.map((c) => (
                        <tr data-category={c.code}>
                          <th scope="row">{names.get(c.code) ?? c.code}</th>
                          <td class="text-end">{fmtNum.format(c.count)}</td>
                          <td class="text-end">{fmtNum.format(c.open)}</td>
                          <td class="text-end">{fmtNum.format(c.resolved)}</td>
                          <td class="text-end" data-median="">
                            {c.medianDays === null ? (
                              <>
                                <span aria-hidden="true">–</span>
                                <span class="visually-hidden">{tr('reports.public.stats.noMedian')}</span>
                              </>
                            ) : (
                              tr('reports.public.stats.days', { n: fmtNum.format(c.medianDays) })
                            )}
                          </td>
                          <td class="w-25">
                            <Bar value={c.medianDays ?? 0} max={maxMedian} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p class="small">{tr('reports.public.stats.medianNote')}</p>
                {maxCat === 0 ? <p>{tr('reports.public.stats.empty')}</p> : null}
              </section>
            </>
          ) : null}
        </>
      ),
      errors.length ? 400 : 200,
    );
  })();
}

// ——— Routes ———

export async function publicReportPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(LIST_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    return listPage(req, reply);
  });

  app.get(STATS_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    return statsPage(req, reply);
  });

  app.get(`${LIST_PATH}/:number`, { schema: { hide: true, params: Type.Object({ number: Type.String({ maxLength: 12 }) }) } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const n = parseNumber((req.params as { number: string }).number);
    const notice = queryOf(req).seguita === '1' ? 'followed' : null;
    return detailPage(req, reply, n, { email: '', error: null, notice });
  });

  app.post(
    `${LIST_PATH}/:number/segui`,
    { schema: { hide: true, params: Type.Object({ number: Type.String({ maxLength: 12 }) }) }, config: { rateLimit: FOLLOW_RATE_LIMIT } },
    async (req, reply) => {
      if (!req.tenant) throw httpProblem('not-found');
      const tenantId = req.tenant.id;
      const n = parseNumber((req.params as { number: string }).number);
      const report = await tx(req, (t) => getReportByNumber(t, n));
      if (!report) throw httpProblem('not-found');
      const actor = req.actor;
      const email = str(formBody(req).email).trim();
      const locale = loc(req);
      let who: { citizenId?: string; email?: string; locale: Locale };
      if (actor.type === 'citizen') who = { citizenId: actor.id, locale };
      else {
        if (!email || email.length > LIMITS.email || !EMAIL_RE.test(email)) {
          return detailPage(req, reply, n, { email, error: t(locale, email ? 'reports.public.follow.emailInvalid' : 'reports.public.follow.emailMissing'), notice: null }, 400);
        }
        who = { email: email.toLowerCase(), locale };
      }
      const r = await followReport(ctx, tenantId, report.id, who);
      if (!r.ok) {
        req.log.info({ code: r.error.code }, 'follow refused');
        return detailPage(req, reply, n, { email, error: t(locale, 'reports.public.follow.failed'), notice: null }, 400);
      }
      return reply.redirect(`${reportPath(n)}?seguita=1#segui`, 303);
    },
  );

  app.get(`${UNFOLLOW_PATH}/:token`, { schema: { hide: true, params: Type.Object({ token: Type.String({ maxLength: 300 }) }) } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const tenantId = req.tenant.id;
    const token = (req.params as { token: string }).token;
    const done = TOKEN_RE.test(token) ? await unfollowByToken(ctx, tenantId, token) : false;
    const locale = loc(req);
    const title = t(locale, done ? 'reports.public.unfollow.title' : 'reports.public.unfollow.invalidTitle');
    reply.header('cache-control', 'no-store');
    return send(
      req,
      reply,
      { title, breadcrumb: [{ href: LIST_PATH, label: t(locale, 'reports.public.list.title') }, { label: title }] },
      (_ctx, tr) => (
        <div class="row">
          <div class="col-12 col-lg-8">
            <div class="d-flex align-items-center mb-3">
              {done ? (
                <svg class="icon icon-success icon-lg me-2" aria-hidden="true">
                  <use href={`${BI}/svg/sprites.svg#it-check-circle`}></use>
                </svg>
              ) : null}
              <h1 class="mb-0">{title}</h1>
            </div>
            <p class="lead">{tr(done ? 'reports.public.unfollow.text' : 'reports.public.unfollow.invalidText')}</p>
            <a class="btn btn-outline-primary" href={LIST_PATH}>
              {tr('reports.public.detail.back')}
            </a>
          </div>
        </div>
      ),
      done ? 200 : 404,
    );
  });

  // Photos through the report: a hidden photo, or one of a report that is not this comune's, is a 404.
  app.get(
    `${LIST_PATH}/:number/foto/:photoId`,
    { schema: { hide: true, params: Type.Object({ number: Type.String({ maxLength: 12 }), photoId: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => {
      if (!req.tenant) throw httpProblem('not-found');
      const tenantId = req.tenant.id;
      const { number, photoId } = req.params as { number: string; photoId: string };
      const n = parseNumber(number);
      if (!UUID_RE.test(photoId)) throw httpProblem('not-found');
      const photo = await tx(req, async (t) => {
        const r = await getReportByNumber(t, n);
        if (!r) return null;
        const photos = await reportPhotos(t, r.id, { publicOnly: true });
        return photos.find((p) => p.id === photoId && !p.hidden) ?? null;
      });
      if (!photo) throw httpProblem('not-found');
      const row = await findUpload(ctx, tenantId, photo.uploadId);
      if (!row || !isImage(row.contentType)) throw httpProblem('not-found');
      const etag = `"${row.sha256}"`;
      reply
        .header('content-type', row.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition('inline', row.originalName))
        // Short and revalidated: an operator may hide the photo later.
        .header('cache-control', 'public, max-age=300, must-revalidate')
        .header('etag', etag)
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      const obj = await getStorage(ctx).get(row.storageKey);
      if (!obj) {
        req.log.error({ uploadId: row.id }, 'report photo missing from storage');
        throw httpProblem('not-found');
      }
      return reply.header('content-length', obj.size).send(obj.stream);
    },
  );
}
