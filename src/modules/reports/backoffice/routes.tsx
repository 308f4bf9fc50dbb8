import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, t, type Locale, type Translate } from '../../../core/i18n/index.ts';
import { requirePermission } from '../../../core/permissions/index.ts';
import { addAdminLink } from '../../../core/admin/links.ts';
import { staffOf } from '../../../core/admin/guard.ts';
import type { AuditContext } from '../../../core/audit/index.ts';
import { Alert, Breadcrumb, CsrfField, formBody, list, queryOf, str } from '../../../core/auth/views.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import type { PageContext } from '../../../core/views/layout.tsx';
import { isPriority, isReportStatus, LIMITS, OPEN_STATUSES, PRIORITIES, REPORT_STATUSES, TRANSITIONS, isOpen, type Priority, type ReportStatus } from '../domain.ts';
import { categoryName, listCategories, updateCategory, type CategoryPatch, type CategoryRow } from '../categories.ts';
import {
  addComment,
  aiCategoryOf,
  assignReport,
  changeStatus,
  confirmTriage,
  getReportByNumber,
  isOverdue,
  mergeReport,
  reportHistory,
  reportPhotos,
  type EventRow,
  type ReportOrder,
  type ReportRow,
  type Result,
  type ResultError,
} from '../repository.ts';
import { listQueue, mapReports, officeOptions, reportRefs, setPhotoHidden, slaByCategoryOffice, staffNames, staffOptions, type OfficeOption, type QueueFilters, type StaffOption } from './queries.ts';
import { AiSuggestionView, BASE, DueDate, FieldError, PriorityBadge, SectionNav, StatusBadge, aiOf, catLabel, fmtDate, fmtDateTime, pct, send, type Errors, type Refs } from './views.tsx';
import it from './i18n/backoffice.it.json' with { type: 'json' };
import en from './i18n/backoffice.en.json' with { type: 'json' };

/**
 * The operators' back office for citizens' reports (permission reports.handle; categories: reports.admin):
 *   /admin/segnalazioni                 the queue: filters, sort, pages, the AI's suggestion per row, bulk actions
 *   /admin/segnalazioni/azioni          POST: bulk accept the AI's suggestion / assign to an office / change state
 *   /admin/segnalazioni/{n}             a report, with reporter contacts, photos, history and internal notes; forms:
 *        …/triage (confirm or correct in one action), …/assegna, …/stato, …/unisci, …/commento, …/foto/{id}
 *   /admin/segnalazioni/mappa           the filtered reports on a map (Leaflet), with a list as fallback
 *   /admin/segnalazioni/sla             open / overdue / average age per category and office; overdue reports
 *   /admin/segnalazioni/categorie[/{code}]  names, description, office, target days, active, order (reports.admin)
 * Plain forms with CSRF tokens, POST-redirect-GET with a message, field errors re-show the form with 400.
 * Every change goes through the repository, which audits it.
 */

registerMessages({ it, en });

const PAGE_SIZE = 25;
const MAP_LIMIT = 1000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SORTS: readonly ReportOrder[] = ['newest', 'oldest', 'due', 'priority'];
const PROBLEM_TRANSITIONS: readonly ReportStatus[] = ['duplicate', 'forwarded'];

/** Staff with the permission; a logged-in citizen who opens a back-office page is sent to the staff login. */
function guard(action: string) {
  const check = requirePermission(action);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (req.actor?.type === 'citizen' && req.method === 'GET') return reply.redirect(`/auth/staff/login?next=${encodeURIComponent(req.url)}`, 303);
    await check(req);
    return undefined;
  };
}
const HANDLE = guard('reports.handle');
const ADMIN = guard('reports.admin');

const tenantIdOf = (req: FastifyRequest): string => {
  if (!req.tenant) throw httpProblem('not-found');
  return req.tenant.id;
};
const tx = <T,>(req: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> => withTenantTx(req.server.ctx.db, tenantIdOf(req), fn);
const auditOf = (req: FastifyRequest): AuditContext => ({ tenantId: tenantIdOf(req), actor: staffOf(req), requestId: req.id });
const canAdmin = (req: FastifyRequest): boolean => !!req.actor && req.server.ctx.permissions.can(req.actor, 'reports.admin');

function parseNumber(s: string | undefined): number | null {
  if (!s || !/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 ? n : null;
}

// ——— Queue filters ———

interface QueueInput {
  status: string;
  category: string;
  office: string;
  priority: string;
  overdue: boolean;
  q: string;
  sort: ReportOrder;
  page: number;
  colour: 'status' | 'priority';
}

function parseQueueInput(q: Record<string, string>): QueueInput {
  const page = Number.parseInt(q.page ?? '1', 10);
  return {
    status: q.status === 'all' || isReportStatus(q.status) ? q.status : 'open',
    category: q.category && SLUG.test(q.category) && q.category.length <= 100 ? q.category : '',
    office: q.office && SLUG.test(q.office) && q.office.length <= 100 ? q.office : '',
    priority: isPriority(q.priority) ? q.priority : '',
    overdue: q.overdue === '1',
    q: (q.q ?? '').trim().slice(0, 200),
    sort: SORTS.includes(q.sort as ReportOrder) ? (q.sort as ReportOrder) : 'newest',
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
    colour: q.colour === 'priority' ? 'priority' : 'status',
  };
}

function filtersOf(i: QueueInput): QueueFilters {
  return {
    ...(i.status === 'open' ? { status: [...OPEN_STATUSES] } : i.status === 'all' ? {} : { status: [i.status] }),
    ...(i.category ? { category: [i.category] } : {}),
    ...(i.office ? { officeSlug: i.office } : {}),
    ...(i.priority ? { priority: i.priority as Priority } : {}),
    ...(i.overdue ? { overdue: true } : {}),
    ...(i.q ? { q: i.q } : {}),
  };
}

/** The query string of the filters (defaults left out), for links, the pager and the bulk form's way back. */
function queueQs(i: QueueInput, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  if (i.status !== 'open') p.set('status', i.status);
  if (i.category) p.set('category', i.category);
  if (i.office) p.set('office', i.office);
  if (i.priority) p.set('priority', i.priority);
  if (i.overdue) p.set('overdue', '1');
  if (i.q) p.set('q', i.q);
  if (i.sort !== 'newest') p.set('sort', i.sort);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}
const withQs = (path: string, qs: string) => (qs ? `${path}?${qs}` : path);

function FilterForm({ tr, locale, input, action, cats, offices, withSort, withColour }: {
  tr: Translate;
  locale: Locale;
  input: QueueInput;
  action: string;
  cats: CategoryRow[];
  offices: OfficeOption[];
  withSort?: boolean;
  withColour?: boolean;
}) {
  return (
    <form method="get" action={action} class="row g-3 align-items-end mb-4" role="search" aria-label={tr('reports.bo.filters.label')}>
      <div class="col-md-3">
        <div class="select-wrapper">
          <label for="f-status">{tr('reports.bo.field.status')}</label>
          <select id="f-status" name="status">
            <option value="open" selected={input.status === 'open'}>
              {tr('reports.bo.filters.open')}
            </option>
            <option value="all" selected={input.status === 'all'}>
              {tr('reports.bo.filters.all')}
            </option>
            {REPORT_STATUSES.map((s) => (
              <option value={s} selected={input.status === s}>
                {tr(`reports.bo.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="col-md-3">
        <div class="select-wrapper">
          <label for="f-category">{tr('reports.bo.field.category')}</label>
          <select id="f-category" name="category">
            <option value="">{tr('reports.bo.filters.anyCategory')}</option>
            {cats.map((c) => (
              <option value={c.code} selected={input.category === c.code}>
                {categoryName(c, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="col-md-3">
        <div class="select-wrapper">
          <label for="f-office">{tr('reports.bo.field.office')}</label>
          <select id="f-office" name="office">
            <option value="">{tr('reports.bo.filters.anyOffice')}</option>
            {offices.map((o) => (
              <option value={o.slug} selected={input.office === o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="col-md-3">
        <div class="select-wrapper">
          <label for="f-priority">{tr('reports.bo.field.priority')}</label>
          <select id="f-priority" name="priority">
            <option value="">{tr('reports.bo.filters.anyPriority')}</option>
            {PRIORITIES.map((p) => (
              <option value={p} selected={input.priority === p}>
                {tr(`reports.bo.priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="col-md-4">
        <div class="form-group mb-0">
          <label for="f-q" class="active">
            {tr('reports.bo.filters.text')}
          </label>
          <input type="search" id="f-q" name="q" class="form-control" value={input.q} maxLength={200} />
        </div>
      </div>
      {withSort ? (
        <div class="col-md-3">
          <div class="select-wrapper">
            <label for="f-sort">{tr('reports.bo.filters.sort')}</label>
            <select id="f-sort" name="sort">
              {SORTS.map((s) => (
                <option value={s} selected={input.sort === s}>
                  {tr(`reports.bo.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {withColour ? (
        <div class="col-md-3">
          <div class="select-wrapper">
            <label for="f-colour">{tr('reports.bo.map.colour')}</label>
            <select id="f-colour" name="colour">
              <option value="status" selected={input.colour === 'status'}>
                {tr('reports.bo.map.byStatus')}
              </option>
              <option value="priority" selected={input.colour === 'priority'}>
                {tr('reports.bo.map.byPriority')}
              </option>
            </select>
          </div>
        </div>
      ) : null}
      <div class="col-md-2">
        <div class="form-check mb-2">
          <input type="checkbox" id="f-overdue" name="overdue" value="1" checked={input.overdue} />
          <label for="f-overdue">{tr('reports.bo.filters.overdue')}</label>
        </div>
      </div>
      <div class="col-md-3">
        <button type="submit" class="btn btn-primary">
          {tr('reports.bo.filters.apply')}
        </button>
      </div>
    </form>
  );
}

// ——— Errors ———

/** A repository error as a field error of the form. */
function errorOf(e: ResultError): { field: string; message: string } {
  if (e.code === 'transition') return { field: 'to', message: 'reports.bo.error.transition' };
  const field = e.field ?? 'form';
  const known = ['categoryCode', 'priority', 'officeSlug', 'assignedTo', 'to', 'publicReply', 'internalNote', 'duplicateOf', 'forwardedTo'];
  return { field, message: known.includes(field) ? `reports.bo.error.${field}` : 'reports.bo.error.generic' };
}

const tooLong = (v: string, max: number) => v.length > max;

// ——— Queue page ———

interface BulkState {
  numbers: number[];
  action: string;
  officeSlug: string;
  to: string;
  publicReply: string;
  errors: Errors;
}

const BULK_STATUSES = REPORT_STATUSES.filter((s) => !PROBLEM_TRANSITIONS.includes(s) && s !== 'submitted');

interface Lookups {
  cats: CategoryRow[];
  catMap: Map<string, CategoryRow>;
  offices: OfficeOption[];
}

async function lookups(t: Tx, locale: Locale): Promise<Lookups> {
  const cats = await listCategories(t);
  return { cats, catMap: new Map(cats.map((c) => [c.code, c])), offices: await officeOptions(t, locale, cats) };
}

async function queuePage(req: FastifyRequest, reply: FastifyReply, input: QueueInput, bulk: BulkState | null, status = 200): Promise<FastifyReply> {
  const q = queryOf(req);
  const data = await tx(req, async (t) => {
    const lk = await lookups(t, req.locale);
    const page = await listQueue(t, filtersOf(input), { limit: PAGE_SIZE, offset: (input.page - 1) * PAGE_SIZE, order: input.sort });
    const refs = await reportRefs(t, page.items.flatMap((r) => aiOf(r)?.duplicates.map((d) => d.id) ?? []));
    return { ...lk, ...page, refs };
  });
  const now = new Date();
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const title = t(req.locale, 'reports.bo.title');
  const back = queueQs(input, input.page > 1 ? { page: input.page } : {});
  const done = bulk ? null : { ok: parseNumber(q.ok) ?? (q.ok === '0' ? 0 : null), ko: (q.ko ?? '').split(',').map(parseNumber).filter((n): n is number => n !== null).slice(0, 50) };
  const b = bulk ?? { numbers: [], action: 'accept', officeSlug: '', to: '', publicReply: '', errors: [] };
  return send(
    req,
    reply,
    title,
    (pc, tr) => {
      const err = (f: string) => {
        const e = b.errors.find((x) => x.field === f);
        return e ? tr(e.message, e.vars) : null;
      };
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          <SectionNav tr={tr} current="queue" admin={canAdmin(req)} />
          {done && done.ok !== null ? <Alert kind="success">{tr('reports.bo.bulk.done', { n: done.ok })}</Alert> : null}
          {done && done.ko.length ? <Alert kind="warning">{tr('reports.bo.bulk.failed', { list: done.ko.map((n) => tr('reports.bo.numberShort', { n })).join(', ') })}</Alert> : null}
          {b.errors.length ? <Alert kind="danger">{tr('reports.bo.hasErrors', { n: b.errors.length })}</Alert> : null}
          <FilterForm tr={tr} locale={pc.locale} input={input} action={BASE} cats={data.cats} offices={data.offices} withSort />
          <p aria-live="polite" data-total={data.total}>
            {tr('reports.bo.count', { n: data.total })}{' '}
            <a href={withQs(`${BASE}/mappa`, queueQs(input))}>{tr('reports.bo.map.link')}</a>
          </p>
          {data.items.length === 0 ? (
            <Alert kind="info">{tr('reports.bo.empty')}</Alert>
          ) : (
            <form method="post" action={`${BASE}/azioni`} data-bulk-form="">
              <CsrfField ctx={pc} />
              <input type="hidden" name="back" value={back} />
              <div class="table-responsive">
                <table class="table table-hover align-middle">
                  <caption class="visually-hidden">{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span class="visually-hidden">{tr('reports.bo.bulk.select')}</span>
                        <input type="checkbox" hidden data-select-all="" aria-label={tr('reports.bo.bulk.selectAll')} />
                      </th>
                      <th scope="col">{tr('reports.bo.field.number')}</th>
                      <th scope="col">{tr('reports.bo.field.report')}</th>
                      <th scope="col">{tr('reports.bo.field.ai')}</th>
                      <th scope="col">{tr('reports.bo.field.status')}</th>
                      <th scope="col">{tr('reports.bo.field.due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr data-report={r.number}>
                        <td>
                          <input
                            type="checkbox"
                            id={`sel-${r.number}`}
                            name="numbers"
                            value={String(r.number)}
                            checked={b.numbers.includes(r.number)}
                            aria-label={tr('reports.bo.bulk.selectOne', { n: r.number })}
                          />
                        </td>
                        <th scope="row">
                          <a href={`${BASE}/${r.number}`}>{tr('reports.bo.numberShort', { n: r.number })}</a>
                        </th>
                        <td>
                          <a href={`${BASE}/${r.number}`} class="fw-semibold">
                            {r.title}
                          </a>
                          <div class="small text-muted">
                            {catLabel(data.catMap, r.categoryCode, pc.locale)} · {r.officeName ?? tr('reports.bo.noOffice')} · {fmtDateTime(pc.locale, r.createdAt)}
                          </div>
                          <PriorityBadge tr={tr} priority={r.priority} />
                        </td>
                        <td>
                          <AiSuggestionView tr={tr} locale={pc.locale} r={r} cats={data.catMap} refs={data.refs} />
                        </td>
                        <td>
                          <StatusBadge tr={tr} status={r.status} />
                        </td>
                        <td>
                          <DueDate tr={tr} locale={pc.locale} r={r} now={now} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {err('numbers') ? <FieldError id="numbers-error" text={err('numbers')} /> : null}
              <fieldset class="border rounded p-3 mb-4">
                <legend class="h5 float-none w-auto px-2">{tr('reports.bo.bulk.title')}</legend>
                <div class="row g-3">
                  <div class="col-md-4">
                    <div class="select-wrapper">
                      <label for="bulk-action">{tr('reports.bo.bulk.action')}</label>
                      <select id="bulk-action" name="action" aria-describedby={err('action') ? 'bulk-action-error' : undefined}>
                        {(['accept', 'assign', 'status'] as const).map((a) => (
                          <option value={a} selected={b.action === a}>
                            {tr(`reports.bo.bulk.${a}`)}
                          </option>
                        ))}
                      </select>
                      <FieldError id="bulk-action-error" text={err('action')} />
                    </div>
                  </div>
                  <div class="col-md-4">
                    <div class="select-wrapper">
                      <label for="bulk-office">{tr('reports.bo.bulk.office')}</label>
                      <select id="bulk-office" name="officeSlug" aria-describedby={err('officeSlug') ? 'bulk-office-error' : undefined}>
                        <option value="">—</option>
                        {data.offices.map((o) => (
                          <option value={o.slug} selected={b.officeSlug === o.slug}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                      <FieldError id="bulk-office-error" text={err('officeSlug')} />
                    </div>
                  </div>
                  <div class="col-md-4">
                    <div class="select-wrapper">
                      <label for="bulk-to">{tr('reports.bo.bulk.to')}</label>
                      <select id="bulk-to" name="to" aria-describedby={err('to') ? 'bulk-to-error' : undefined}>
                        <option value="">—</option>
                        {BULK_STATUSES.map((s) => (
                          <option value={s} selected={b.to === s}>
                            {tr(`reports.bo.status.${s}`)}
                          </option>
                        ))}
                      </select>
                      <FieldError id="bulk-to-error" text={err('to')} />
                    </div>
                  </div>
                  <div class="col-12">
                    <div class="form-group mt-3 mb-2">
                      <label for="bulk-reply" class="active">
                        {tr('reports.bo.field.publicReply')}
                      </label>
                      <textarea
                        id="bulk-reply"
                        name="publicReply"
                        rows={3}
                        class="form-control"
                        maxLength={LIMITS.publicReply}
                        aria-describedby={`bulk-reply-hint${err('publicReply') ? ' bulk-reply-error' : ''}`}
                      >
                        {b.publicReply}
                      </textarea>
                      <small id="bulk-reply-hint" class="form-text">
                        {tr('reports.bo.bulk.replyHint')}
                      </small>
                      <FieldError id="bulk-reply-error" text={err('publicReply')} />
                    </div>
                  </div>
                </div>
                <button type="submit" class="btn btn-primary">
                  {tr('reports.bo.bulk.submit')}
                </button>
              </fieldset>
            </form>
          )}
          {pages > 1 ? (
            <nav class="pagination-wrapper" aria-label={tr('reports.bo.pager')}>
              <ul class="pagination">
                {input.page > 1 ? (
                  <li class="page-item">
                    <a class="page-link" href={withQs(BASE, queueQs(input, input.page > 2 ? { page: input.page - 1 } : {}))}>
                      {tr('reports.bo.previous')}
                    </a>
                  </li>
                ) : null}
                <li class="page-item">
                  <span class="page-link" aria-current="page">
                    {tr('reports.bo.pageOf', { page: input.page, pages })}
                  </span>
                </li>
                {input.page < pages ? (
                  <li class="page-item">
                    <a class="page-link" href={withQs(BASE, queueQs(input, { page: input.page + 1 }))}>
                      {tr('reports.bo.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      );
    },
    { status, scripts: ['reports-admin.js'] },
  );
}

// ——— Report page ———

type FormName = 'triage' | 'assign' | 'status' | 'merge' | 'comment';
interface FormState {
  form: FormName;
  values: Record<string, string>;
  errors: Errors;
}

interface Detail extends Lookups {
  r: ReportRow;
  history: EventRow[];
  photos: { id: string; uploadId: string; hidden: boolean }[];
  refs: Refs;
  staff: StaffOption[];
  names: Map<string, string>;
}

async function loadDetail(req: FastifyRequest, n: number): Promise<Detail | null> {
  return tx(req, async (t) => {
    const r = await getReportByNumber(t, n);
    if (!r) return null;
    const lk = await lookups(t, req.locale);
    const history = await reportHistory(t, r.id);
    const photos = await reportPhotos(t, r.id);
    const ids = [...(aiOf(r)?.duplicates.map((d) => d.id) ?? []), ...(r.duplicateOf ? [r.duplicateOf] : [])];
    for (const e of history) {
      const d = e.details as Record<string, unknown> | null;
      for (const k of ['mergedInto', 'merged']) if (typeof d?.[k] === 'string') ids.push(d[k] as string);
    }
    const refs = await reportRefs(t, ids);
    const staff = await staffOptions(t);
    const staffIds = history.map((e) => (e.actor.startsWith('staff:') ? e.actor.slice(6) : '')).concat(r.assignedTo ?? '', r.categoryConfirmedBy ?? '');
    const names = await staffNames(t, staffIds);
    return { ...lk, r, history, photos, refs, staff, names };
  });
}

const DONE_KEYS = ['triage', 'assign', 'status', 'merge', 'comment', 'photo'] as const;

function actorLabel(tr: Translate, names: Map<string, string>, actor: string): string {
  if (actor.startsWith('staff:')) return names.get(actor.slice(6)) ?? tr('reports.bo.history.staff');
  if (actor.startsWith('citizen:')) return tr('reports.bo.history.citizen');
  if (actor.startsWith('open311:')) return tr('reports.bo.history.open311');
  if (actor === 'anonymous') return tr('reports.bo.history.anonymous');
  return tr('reports.bo.history.system');
}

function eventText(tr: Translate, locale: Locale, d: Detail, e: EventRow): string {
  const x = (e.details ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (e.kind) {
    case 'category':
      return x.corrected
        ? tr('reports.bo.history.corrected', { from: catLabel(d.catMap, s(x.ai) || s(x.from), locale), to: catLabel(d.catMap, s(x.to), locale) })
        : tr('reports.bo.history.accepted', { to: catLabel(d.catMap, s(x.to), locale) });
    case 'assignment':
      return tr('reports.bo.history.assigned', {
        office: s(x.officeName) || s(x.officeSlug) || tr('reports.bo.noOffice'),
        who: x.assignedTo ? (d.names.get(s(x.assignedTo)) ?? '—') : '—',
      });
    case 'merge': {
      const into = d.refs.get(s(x.mergedInto));
      const from = d.refs.get(s(x.merged));
      if (into) return tr('reports.bo.history.mergedInto', { n: into.number });
      if (from) return tr('reports.bo.history.mergedFrom', { n: from.number });
      return tr('reports.bo.history.merge');
    }
    case 'photo':
      return tr(x.hidden ? 'reports.bo.history.photoHidden' : 'reports.bo.history.photoShown');
    case 'reply':
      return tr('reports.bo.history.reply');
    case 'note':
      return tr('reports.bo.history.note');
    default:
      return e.toStatus ? tr('reports.bo.history.status', { to: tr(`reports.bo.status.${e.toStatus}`) }) : tr('reports.bo.history.event');
  }
}

async function detailPage(req: FastifyRequest, reply: FastifyReply, n: number, state: FormState | null, status = 200): Promise<FastifyReply> {
  const d = await loadDetail(req, n);
  if (!d) throw httpProblem('not-found');
  const { r } = d;
  const q = queryOf(req);
  const doneKey = !state && DONE_KEYS.includes(q.fatto as (typeof DONE_KEYS)[number]) ? q.fatto : null;
  const now = new Date();
  const ai = aiOf(r);
  const title = t(req.locale, 'reports.bo.detail.title', { n: r.number });
  const val = (form: FormName, field: string, dflt: string) => (state?.form === form ? (state.values[field] ?? '') : dflt);
  const nextStates = TRANSITIONS[r.status as ReportStatus] ?? [];
  const mergeTargets = (ai?.duplicates ?? []).map((x) => ({ ...x, ref: d.refs.get(x.id) })).filter((x) => x.ref && x.ref.id !== r.id && isOpen(x.ref.status));
  const canMerge = nextStates.includes('duplicate');
  return send(
    req,
    reply,
    title,
    (pc, tr) => {
      const err = (form: FormName, f: string) => {
        if (state?.form !== form) return null;
        const e = state.errors.find((x) => x.field === f);
        return e ? tr(e.message, e.vars) : null;
      };
      const described = (form: FormName, id: string, f: string, hint?: string) => [hint, err(form, f) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
      const defaultCategory = r.categoryConfirmedAt ? r.categoryCode : (ai?.category?.code ?? r.categoryCode);
      const defaultPriority = r.categoryConfirmedAt ? r.priority : (ai?.priority ?? r.priority);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('reports.bo.title') }, { label: tr('reports.bo.numberShort', { n: r.number }) }]} />
          <h1>
            {title}: {r.title}
          </h1>
          <p>
            <span data-field="status">
              <StatusBadge tr={tr} status={r.status} />
            </span>{' '}
            <PriorityBadge tr={tr} priority={r.priority} /> {isOverdue(r, now) ? <span class="badge bg-danger">{tr('reports.bo.overdue')}</span> : null}{' '}
            <a href={`/segnalazioni/${r.number}`}>{tr('reports.bo.detail.public')}</a>
          </p>
          {doneKey ? <Alert kind="success">{tr(`reports.bo.done.${doneKey}`)}</Alert> : null}
          {state?.errors.length ? <Alert kind="danger">{tr('reports.bo.hasErrors', { n: state.errors.length })}</Alert> : null}
          <div class="row">
            <div class="col-lg-7">
              <section class="card card-bg mb-4" aria-labelledby="sec-report">
                <div class="card-body">
                  <h2 id="sec-report" class="card-title h4">
                    {tr('reports.bo.detail.report')}
                  </h2>
                  <p class="text-break" data-field="description">
                    {r.description.split('\n').map((l, i, a) => (i < a.length - 1 ? [l, <br />] : l))}
                  </p>
                  <dl class="row mb-0">
                    <dt class="col-sm-4">{tr('reports.bo.field.category')}</dt>
                    <dd class="col-sm-8" data-field="category">
                      {catLabel(d.catMap, r.categoryCode, pc.locale)}
                      {r.categoryConfirmedAt ? (
                        <span class="small text-muted">
                          {' '}
                          ({tr('reports.bo.detail.confirmedBy', { who: d.names.get(r.categoryConfirmedBy ?? '') ?? '—', at: fmtDateTime(pc.locale, r.categoryConfirmedAt) })})
                        </span>
                      ) : null}
                    </dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.office')}</dt>
                    <dd class="col-sm-8" data-field="office">
                      {r.officeName ?? tr('reports.bo.noOffice')}
                    </dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.operator')}</dt>
                    <dd class="col-sm-8">{r.assignedTo ? (d.names.get(r.assignedTo) ?? '—') : '—'}</dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.place')}</dt>
                    <dd class="col-sm-8">
                      {r.address ?? '—'}
                      {r.area ? ` (${r.area})` : ''}
                      {r.lat !== null && r.lon !== null ? <span class="small text-muted"> · {`${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}`}</span> : null}
                    </dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.created')}</dt>
                    <dd class="col-sm-8">
                      {fmtDateTime(pc.locale, r.createdAt)} · {tr(`reports.bo.source.${['web', 'open311', 'import', 'backoffice'].includes(r.source) ? r.source : 'web'}`)}
                    </dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.due')}</dt>
                    <dd class="col-sm-8">
                      <DueDate tr={tr} locale={pc.locale} r={r} now={now} />
                    </dd>
                    {r.duplicateOf ? (
                      <>
                        <dt class="col-sm-4">{tr('reports.bo.field.duplicateOf')}</dt>
                        <dd class="col-sm-8">
                          {d.refs.get(r.duplicateOf) ? (
                            <a href={`${BASE}/${d.refs.get(r.duplicateOf)!.number}`}>{tr('reports.bo.numberShort', { n: d.refs.get(r.duplicateOf)!.number })}</a>
                          ) : (
                            '—'
                          )}
                        </dd>
                      </>
                    ) : null}
                    {r.forwardedTo ? (
                      <>
                        <dt class="col-sm-4">{tr('reports.bo.field.forwardedTo')}</dt>
                        <dd class="col-sm-8">{r.forwardedTo}</dd>
                      </>
                    ) : null}
                  </dl>
                </div>
              </section>
              <section class="card card-bg mb-4" aria-labelledby="sec-reporter">
                <div class="card-body">
                  <h2 id="sec-reporter" class="card-title h4">
                    {tr('reports.bo.detail.reporter')}
                  </h2>
                  <p class="small text-muted">{tr('reports.bo.detail.reporterHint')}</p>
                  <dl class="row mb-0" data-field="reporter">
                    <dt class="col-sm-4">{tr('reports.bo.field.name')}</dt>
                    <dd class="col-sm-8">
                      {r.reporterName ?? '—'}
                      {r.citizenId ? <span class="badge bg-light text-dark border ms-2">{tr('reports.bo.detail.loggedIn')}</span> : null}
                    </dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.email')}</dt>
                    <dd class="col-sm-8">{r.reporterEmail ? <a href={`mailto:${r.reporterEmail}`}>{r.reporterEmail}</a> : '—'}</dd>
                    <dt class="col-sm-4">{tr('reports.bo.field.phone')}</dt>
                    <dd class="col-sm-8">{r.reporterPhone ? <a href={`tel:${r.reporterPhone.replace(/[^\d+]/g, '')}`}>{r.reporterPhone}</a> : '—'}</dd>
                  </dl>
                </div>
              </section>
              {d.photos.length ? (
                <section class="mb-4" aria-labelledby="sec-photos">
                  <h2 id="sec-photos" class="h4">
                    {tr('reports.bo.detail.photos')}
                  </h2>
                  <ul class="list-unstyled row g-3">
                    {d.photos.map((p, i) => (
                      <li class="col-6 col-md-4" data-photo={p.id} data-hidden={p.hidden ? 'true' : 'false'}>
                        <img src={`/uploads/${p.uploadId}`} alt={tr('reports.bo.detail.photoAlt', { i: i + 1 })} class={`img-fluid rounded${p.hidden ? ' opacity-50' : ''}`} loading="lazy" />
                        <form method="post" action={`${BASE}/${r.number}/foto/${p.id}`} class="mt-1">
                          <CsrfField ctx={pc} />
                          <input type="hidden" name="hidden" value={p.hidden ? '0' : '1'} />
                          {p.hidden ? <span class="badge bg-secondary me-1">{tr('reports.bo.detail.photoHidden')}</span> : null}
                          <button type="submit" class="btn btn-outline-primary btn-xs">
                            {tr(p.hidden ? 'reports.bo.detail.photoShow' : 'reports.bo.detail.photoHide', { i: i + 1 })}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <section class="mb-4" aria-labelledby="sec-history">
                <h2 id="sec-history" class="h4">
                  {tr('reports.bo.detail.history')}
                </h2>
                <ol class="list-unstyled" data-field="history">
                  {d.history.map((e) => (
                    <li class="border-start border-3 ps-3 mb-3" data-event={e.kind}>
                      <div class="small text-muted">
                        {fmtDateTime(pc.locale, e.at)} · {actorLabel(tr, d.names, e.actor)}
                      </div>
                      <div>{eventText(tr, pc.locale, d, e)}</div>
                      {e.publicReply ? (
                        <div class="mt-1">
                          <span class="badge bg-primary me-1">{tr('reports.bo.history.publicReply')}</span>
                          <span class="text-break">{e.publicReply}</span>
                        </div>
                      ) : null}
                      {e.internalNote ? (
                        <div class="mt-1" data-internal-note="">
                          <span class="badge bg-warning text-dark me-1">{tr('reports.bo.history.internalNote')}</span>
                          <span class="text-break">{e.internalNote}</span>
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </section>
            </div>
            <div class="col-lg-5">
              <section class="card card-bg mb-4" aria-labelledby="sec-triage">
                <div class="card-body">
                  <h2 id="sec-triage" class="card-title h4">
                    {tr('reports.bo.triage.title')}
                  </h2>
                  <AiSuggestionView tr={tr} locale={pc.locale} r={r} cats={d.catMap} refs={d.refs} />
                  {ai?.alternatives.length ? (
                    <p class="small mt-1 mb-0">
                      {tr('reports.bo.ai.alternatives')}: {ai.alternatives.map((a) => `${catLabel(d.catMap, a.code, pc.locale, a.name)} (${pct(a.confidence)})`).join(', ')}
                    </p>
                  ) : null}
                  <form method="post" action={`${BASE}/${r.number}/triage`} class="mt-3">
                    <CsrfField ctx={pc} />
                    <div class="select-wrapper mb-3">
                      <label for="triage-category">{tr('reports.bo.field.category')}</label>
                      <select id="triage-category" name="categoryCode" aria-describedby={described('triage', 'triage-category', 'categoryCode')}>
                        {d.cats
                          .filter((c) => c.active || c.code === r.categoryCode)
                          .map((c) => (
                            <option value={c.code} selected={val('triage', 'categoryCode', defaultCategory) === c.code}>
                              {categoryName(c, pc.locale)}
                              {ai?.category?.code === c.code ? ` — ${tr('reports.bo.triage.aiChoice', { p: pct(ai.category.confidence) })}` : ''}
                            </option>
                          ))}
                      </select>
                      <FieldError id="triage-category-error" text={err('triage', 'categoryCode')} />
                    </div>
                    <div class="select-wrapper mb-3">
                      <label for="triage-priority">{tr('reports.bo.field.priority')}</label>
                      <select id="triage-priority" name="priority" aria-describedby={described('triage', 'triage-priority', 'priority')}>
                        {PRIORITIES.map((p) => (
                          <option value={p} selected={val('triage', 'priority', defaultPriority) === p}>
                            {tr(`reports.bo.priority.${p}`)}
                          </option>
                        ))}
                      </select>
                      <FieldError id="triage-priority-error" text={err('triage', 'priority')} />
                    </div>
                    <div class="select-wrapper mb-3">
                      <label for="triage-office">{tr('reports.bo.field.office')}</label>
                      <select id="triage-office" name="officeSlug" aria-describedby={described('triage', 'triage-office', 'officeSlug', 'triage-office-hint')}>
                        <option value="">{tr('reports.bo.triage.categoryOffice')}</option>
                        {d.offices.map((o) => (
                          <option value={o.slug} selected={val('triage', 'officeSlug', '') === o.slug}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                      <small id="triage-office-hint" class="form-text">
                        {tr('reports.bo.triage.officeHint')}
                      </small>
                      <FieldError id="triage-office-error" text={err('triage', 'officeSlug')} />
                    </div>
                    <button type="submit" class="btn btn-primary">
                      {tr('reports.bo.triage.submit')}
                    </button>
                  </form>
                </div>
              </section>
              {canMerge ? (
                <section class="card card-bg mb-4" aria-labelledby="sec-merge">
                  <div class="card-body">
                    <h2 id="sec-merge" class="card-title h4">
                      {tr('reports.bo.merge.title')}
                    </h2>
                    {mergeTargets.length ? (
                      <ul class="list-unstyled">
                        {mergeTargets.map((m) => (
                          <li class="mb-2">
                            <form method="post" action={`${BASE}/${r.number}/unisci`}>
                              <CsrfField ctx={pc} />
                              <input type="hidden" name="target" value={String(m.ref!.number)} />
                              <a href={`${BASE}/${m.ref!.number}`}>{tr('reports.bo.numberShort', { n: m.ref!.number })}</a> {m.ref!.title}{' '}
                              <span class="small text-muted">
                                ({tr('reports.bo.ai.distance', { m: Math.round(m.distanceMeters) })}, {tr('reports.bo.ai.similarity', { p: pct(m.similarity) })})
                              </span>{' '}
                              <button type="submit" class="btn btn-outline-primary btn-xs">
                                {tr('reports.bo.merge.into', { n: m.ref!.number })}
                              </button>
                            </form>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p class="small">{tr('reports.bo.merge.none')}</p>
                    )}
                    <form method="post" action={`${BASE}/${r.number}/unisci`} class="row g-2 align-items-end">
                      <CsrfField ctx={pc} />
                      <div class="col-7">
                        <div class="form-group mb-0">
                          <label for="merge-target" class="active">
                            {tr('reports.bo.merge.other')}
                          </label>
                          <input
                            type="text"
                            inputMode="numeric"
                            pattern="[0-9]*"
                            id="merge-target"
                            name="target"
                            class={`form-control${err('merge', 'duplicateOf') ? ' is-invalid' : ''}`}
                            value={val('merge', 'target', '')}
                            aria-describedby={described('merge', 'merge-target', 'duplicateOf')}
                          />
                          <FieldError id="merge-target-error" text={err('merge', 'duplicateOf')} />
                        </div>
                      </div>
                      <div class="col-5">
                        <button type="submit" class="btn btn-outline-primary">
                          {tr('reports.bo.merge.submit')}
                        </button>
                      </div>
                    </form>
                  </div>
                </section>
              ) : null}
              {nextStates.includes('assigned') || r.status === 'assigned' ? (
                <section class="card card-bg mb-4" aria-labelledby="sec-assign">
                  <div class="card-body">
                    <h2 id="sec-assign" class="card-title h4">
                      {tr('reports.bo.assign.title')}
                    </h2>
                    <form method="post" action={`${BASE}/${r.number}/assegna`}>
                      <CsrfField ctx={pc} />
                      <div class="select-wrapper mb-3">
                        <label for="assign-office">{tr('reports.bo.field.office')}</label>
                        <select id="assign-office" name="officeSlug" aria-describedby={described('assign', 'assign-office', 'officeSlug')}>
                          <option value="">{tr('reports.bo.noOffice')}</option>
                          {d.offices.map((o) => (
                            <option value={o.slug} selected={val('assign', 'officeSlug', r.officeSlug ?? '') === o.slug}>
                              {o.name}
                            </option>
                          ))}
                        </select>
                        <FieldError id="assign-office-error" text={err('assign', 'officeSlug')} />
                      </div>
                      <div class="select-wrapper mb-3">
                        <label for="assign-operator">{tr('reports.bo.field.operator')}</label>
                        <select id="assign-operator" name="assignedTo" aria-describedby={described('assign', 'assign-operator', 'assignedTo')}>
                          <option value="">—</option>
                          {d.staff.map((s) => (
                            <option value={s.id} selected={val('assign', 'assignedTo', r.assignedTo ?? '') === s.id}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                        <FieldError id="assign-operator-error" text={err('assign', 'assignedTo')} />
                        <FieldError id="assign-to-error" text={err('assign', 'to')} />
                      </div>
                      <button type="submit" class="btn btn-primary">
                        {tr('reports.bo.assign.submit')}
                      </button>
                    </form>
                  </div>
                </section>
              ) : null}
              {nextStates.length ? (
                <section class="card card-bg mb-4" aria-labelledby="sec-status">
                  <div class="card-body">
                    <h2 id="sec-status" class="card-title h4">
                      {tr('reports.bo.status.title')}
                    </h2>
                    <form method="post" action={`${BASE}/${r.number}/stato`} data-status-form="">
                      <CsrfField ctx={pc} />
                      <div class="select-wrapper mb-3">
                        <label for="status-to">{tr('reports.bo.status.to')}</label>
                        <select id="status-to" name="to" aria-describedby={described('status', 'status-to', 'to')}>
                          {nextStates.map((s) => (
                            <option value={s} selected={val('status', 'to', '') === s}>
                              {tr(`reports.bo.status.${s}`)}
                            </option>
                          ))}
                        </select>
                        <FieldError id="status-to-error" text={err('status', 'to')} />
                      </div>
                      {nextStates.includes('duplicate') ? (
                        <div class="form-group mt-4 mb-3" data-when="duplicate">
                          <label for="status-duplicateOf" class="active">
                            {tr('reports.bo.field.duplicateOfNumber')}
                          </label>
                          <input
                            type="text"
                            inputMode="numeric"
                            pattern="[0-9]*"
                            id="status-duplicateOf"
                            name="duplicateOf"
                            class={`form-control${err('status', 'duplicateOf') ? ' is-invalid' : ''}`}
                            value={val('status', 'duplicateOf', '')}
                            aria-invalid={err('status', 'duplicateOf') ? 'true' : undefined}
                            aria-describedby={described('status', 'status-duplicateOf', 'duplicateOf', 'status-duplicateOf-hint')}
                          />
                          <small id="status-duplicateOf-hint" class="form-text">
                            {tr('reports.bo.status.duplicateHint')}
                          </small>
                          <FieldError id="status-duplicateOf-error" text={err('status', 'duplicateOf')} />
                        </div>
                      ) : null}
                      {nextStates.includes('forwarded') ? (
                        <div class="form-group mt-4 mb-3" data-when="forwarded">
                          <label for="status-forwardedTo" class="active">
                            {tr('reports.bo.field.forwardedTo')}
                          </label>
                          <input
                            type="text"
                            id="status-forwardedTo"
                            name="forwardedTo"
                            maxLength={200}
                            class={`form-control${err('status', 'forwardedTo') ? ' is-invalid' : ''}`}
                            value={val('status', 'forwardedTo', '')}
                            aria-invalid={err('status', 'forwardedTo') ? 'true' : undefined}
                            aria-describedby={described('status', 'status-forwardedTo', 'forwardedTo', 'status-forwardedTo-hint')}
                          />
                          <small id="status-forwardedTo-hint" class="form-text">
                            {tr('reports.bo.status.forwardedHint')}
                          </small>
                          <FieldError id="status-forwardedTo-error" text={err('status', 'forwardedTo')} />
                        </div>
                      ) : null}
                      <TextArea tr={tr} id="status-publicReply" name="publicReply" label="reports.bo.field.publicReply" hint="reports.bo.status.replyHint" max={LIMITS.publicReply} value={val('status', 'publicReply', '')} error={err('status', 'publicReply')} />
                      <TextArea tr={tr} id="status-internalNote" name="internalNote" label="reports.bo.field.internalNote" hint="reports.bo.noteHint" max={LIMITS.internalNote} value={val('status', 'internalNote', '')} error={err('status', 'internalNote')} />
                      <button type="submit" class="btn btn-primary">
                        {tr('reports.bo.status.submit')}
                      </button>
                    </form>
                  </div>
                </section>
              ) : null}
              <section class="card card-bg mb-4" aria-labelledby="sec-comment">
                <div class="card-body">
                  <h2 id="sec-comment" class="card-title h4">
                    {tr('reports.bo.comment.title')}
                  </h2>
                  <form method="post" action={`${BASE}/${r.number}/commento`}>
                    <CsrfField ctx={pc} />
                    <TextArea tr={tr} id="comment-publicReply" name="publicReply" label="reports.bo.field.publicReply" hint="reports.bo.comment.replyHint" max={LIMITS.publicReply} value={val('comment', 'publicReply', '')} error={err('comment', 'publicReply')} />
                    <TextArea tr={tr} id="comment-internalNote" name="internalNote" label="reports.bo.field.internalNote" hint="reports.bo.noteHint" max={LIMITS.internalNote} value={val('comment', 'internalNote', '')} error={err('comment', 'internalNote')} />
                    <button type="submit" class="btn btn-outline-primary">
                      {tr('reports.bo.comment.submit')}
                    </button>
                  </form>
                </div>
              </section>
            </div>
          </div>
        </>
      );
    },
    { status, scripts: ['reports-admin.js'] },
  );
}

function TextArea({ tr, id, name, label, hint, max, value, error }: { tr: Translate; id: string; name: string; label: string; hint: string; max: number; value: string; error: string | null }) {
  return (
    <div class="form-group mt-4 mb-3">
      <label for={id} class="active">
        {tr(label)}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        class={`form-control${error ? ' is-invalid' : ''}`}
        maxLength={max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        {value}
      </textarea>
      <small id={`${id}-hint`} class="form-text">
        {tr(hint)}
      </small>
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

// ——— Map and SLA ———

const STATUS_COLOURS: Record<string, string> = {
  submitted: '#a66300',
  accepted: '#0066cc',
  assigned: '#0066cc',
  in_progress: '#004d99',
  resolved: '#008055',
  closed: '#008055',
  rejected: '#cc334d',
  duplicate: '#5c6f82',
  forwarded: '#5c6f82',
};
const PRIORITY_COLOURS: Record<string, string> = { urgente: '#b30000', alta: '#e65c00', media: '#0066cc', bassa: '#5c6f82' };

const MAP_HEAD = (
  <>
    <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
    <script src="/assets/leaflet/leaflet.js" defer></script>
  </>
);

function Legend({ tr, colour }: { tr: Translate; colour: 'status' | 'priority' }) {
  const entries = colour === 'priority' ? PRIORITIES.map((p) => [tr(`reports.bo.priority.${p}`), PRIORITY_COLOURS[p]!] as const) : REPORT_STATUSES.map((s) => [tr(`reports.bo.status.${s}`), STATUS_COLOURS[s]!] as const);
  return (
    <ul class="list-inline small mb-3" aria-label={tr('reports.bo.map.legend')}>
      {entries.map(([label, c]) => (
        <li class="list-inline-item me-3">
          <span aria-hidden="true" style={`display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:4px;background:${c}`}></span>
          {label}
        </li>
      ))}
    </ul>
  );
}

// ——— Categories ———

interface CategoryForm {
  values: Record<string, string>;
  errors: Errors;
}

function categoryValues(c: CategoryRow): Record<string, string> {
  return {
    nameIt: c.nameIt,
    nameEn: c.nameEn,
    descriptionIt: c.descriptionIt ?? '',
    descriptionEn: c.descriptionEn ?? '',
    officeSlug: c.officeSlug ?? '',
    targetDays: String(c.targetDays),
    active: c.active ? '1' : '',
    sortOrder: String(c.sortOrder),
  };
}

async function categoryPage(req: FastifyRequest, reply: FastifyReply, code: string, form: CategoryForm | null, status = 200): Promise<FastifyReply> {
  const data = await tx(req, async (t) => {
    const lk = await lookups(t, req.locale);
    return { ...lk, c: lk.catMap.get(code) ?? null };
  });
  if (!data.c) throw httpProblem('not-found');
  const c = data.c;
  const v = form?.values ?? categoryValues(c);
  const errors = form?.errors ?? [];
  const title = t(req.locale, 'reports.bo.categories.editTitle', { name: categoryName(c, req.locale) });
  return send(
    req,
    reply,
    title,
    (pc, tr) => {
      const err = (f: string) => {
        const e = errors.find((x) => x.field === f);
        return e ? tr(e.message, e.vars) : null;
      };
      const input = (id: string, type = 'text', extra: Record<string, string | number> = {}) => (
        <div class="form-group mt-4 mb-3">
          <label for={`cat-${id}`} class="active">
            {tr(`reports.bo.categories.field.${id}`)}
          </label>
          <input
            type={type}
            id={`cat-${id}`}
            name={id}
            class={`form-control${err(id) ? ' is-invalid' : ''}`}
            value={v[id] ?? ''}
            aria-invalid={err(id) ? 'true' : undefined}
            aria-describedby={err(id) ? `cat-${id}-error` : undefined}
            {...extra}
          />
          <FieldError id={`cat-${id}-error`} text={err(id)} />
        </div>
      );
      return (
        <>
          <Breadcrumb
            locale={pc.locale}
            items={[
              { href: '/admin', label: tr('admin.home.title') },
              { href: BASE, label: tr('reports.bo.title') },
              { href: `${BASE}/categorie`, label: tr('reports.bo.categories.title') },
              { label: categoryName(c, pc.locale) },
            ]}
          />
          <h1>{title}</h1>
          <p class="text-muted">{tr('reports.bo.categories.code', { code: c.code })}</p>
          {errors.length ? <Alert kind="danger">{tr('reports.bo.hasErrors', { n: errors.length })}</Alert> : null}
          <form method="post" action={`${BASE}/categorie/${c.code}`} class="col-lg-8">
            <CsrfField ctx={pc} />
            {input('nameIt', 'text', { maxLength: 100, required: 'required' })}
            {input('nameEn', 'text', { maxLength: 100, required: 'required' })}
            <TextArea tr={tr} id="cat-descriptionIt" name="descriptionIt" label="reports.bo.categories.field.descriptionIt" hint="reports.bo.categories.descriptionHint" max={1000} value={v.descriptionIt ?? ''} error={err('descriptionIt')} />
            <TextArea tr={tr} id="cat-descriptionEn" name="descriptionEn" label="reports.bo.categories.field.descriptionEn" hint="reports.bo.categories.descriptionHint" max={1000} value={v.descriptionEn ?? ''} error={err('descriptionEn')} />
            <div class="select-wrapper mt-4 mb-3">
              <label for="cat-officeSlug">{tr('reports.bo.categories.field.officeSlug')}</label>
              <select id="cat-officeSlug" name="officeSlug" aria-describedby={err('officeSlug') ? 'cat-officeSlug-error' : undefined}>
                <option value="">{tr('reports.bo.noOffice')}</option>
                {data.offices.map((o) => (
                  <option value={o.slug} selected={v.officeSlug === o.slug}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldError id="cat-officeSlug-error" text={err('officeSlug')} />
            </div>
            {input('targetDays', 'number', { min: 1, max: 365, inputMode: 'numeric' })}
            {input('sortOrder', 'number', { inputMode: 'numeric' })}
            <div class="form-check mb-4">
              <input type="checkbox" id="cat-active" name="active" value="1" checked={v.active === '1'} />
              <label for="cat-active">{tr('reports.bo.categories.field.active')}</label>
            </div>
            <button type="submit" class="btn btn-primary">
              {tr('reports.bo.categories.save')}
            </button>{' '}
            <a href={`${BASE}/categorie`} class="btn btn-outline-secondary">
              {tr('reports.bo.categories.back')}
            </a>
          </form>
        </>
      );
    },
    { status },
  );
}

// ——— Routes ———

function numberParam(req: FastifyRequest): number {
  const n = parseNumber((req.params as { number?: string }).number);
  if (n === null) throw httpProblem('not-found');
  return n;
}

/** The report of this comune with that number, or 404 (another tenant's number is simply unknown here). */
async function reportOr404(req: FastifyRequest, n: number): Promise<ReportRow> {
  const r = await tx(req, (t) => getReportByNumber(t, n));
  if (!r) throw httpProblem('not-found');
  return r;
}

export async function reportsBackOffice(app: FastifyInstance, ctx: AppContext): Promise<void> {
  addAdminLink({ href: BASE, label: 'reports.bo.title', description: 'reports.bo.linkText', permission: 'reports.handle' });
  const hidden = { schema: { hide: true } };

  app.get(BASE, { ...hidden, preHandler: HANDLE }, async (req, reply) => queuePage(req, reply, parseQueueInput(queryOf(req)), null));

  app.post(`${BASE}/azioni`, { ...hidden, preHandler: HANDLE }, async (req, reply) => {
    const body = formBody(req);
    const input = parseQueueInput(Object.fromEntries(new URLSearchParams(str(body.back).slice(0, 2000))));
    const numbers = [...new Set(list(body.numbers).map(parseNumber).filter((n): n is number => n !== null))].slice(0, 200);
    const state: BulkState = { numbers, action: str(body.action), officeSlug: str(body.officeSlug), to: str(body.to), publicReply: str(body.publicReply).trim(), errors: [] };
    if (!numbers.length) state.errors.push({ field: 'numbers', message: 'reports.bo.error.noneSelected' });
    if (!['accept', 'assign', 'status'].includes(state.action)) state.errors.push({ field: 'action', message: 'reports.bo.error.action' });
    if (state.action === 'assign' && !(state.officeSlug && SLUG.test(state.officeSlug) && state.officeSlug.length <= 100)) state.errors.push({ field: 'officeSlug', message: 'reports.bo.error.officeRequired' });
    if (state.action === 'status') {
      if (!isReportStatus(state.to) || !BULK_STATUSES.includes(state.to)) state.errors.push({ field: 'to', message: 'reports.bo.error.to' });
      else if (state.to === 'rejected' && !state.publicReply) state.errors.push({ field: 'publicReply', message: 'reports.bo.error.rejectReply' });
    }
    if (tooLong(state.publicReply, LIMITS.publicReply)) state.errors.push({ field: 'publicReply', message: 'reports.bo.error.tooLong', vars: { max: LIMITS.publicReply } });
    if (state.errors.length) return queuePage(req, reply, input, state, 400);

    const audit = auditOf(req);
    const tenantId = tenantIdOf(req);
    const rows = await tx(req, async (t) => {
      const out: ReportRow[] = [];
      for (const n of numbers) {
        const r = await getReportByNumber(t, n);
        if (r) out.push(r);
      }
      return out;
    });
    let ok = 0;
    const ko: number[] = numbers.filter((n) => !rows.some((r) => r.number === n));
    for (const r of rows) {
      let res: Result<ReportRow>;
      if (state.action === 'accept') {
        if (r.categoryConfirmedAt) {
          ko.push(r.number);
          continue;
        }
        const ai = aiOf(r);
        res = await confirmTriage(ctx, tenantId, r.id, { categoryCode: aiCategoryOf(r) ?? r.categoryCode, ...(ai?.priority ? { priority: ai.priority as Priority } : {}) }, audit);
      } else if (state.action === 'assign') {
        res = await assignReport(ctx, tenantId, r.id, { officeSlug: state.officeSlug }, audit);
      } else {
        res = await changeStatus(ctx, tenantId, r.id, { to: state.to as ReportStatus, ...(state.publicReply ? { publicReply: state.publicReply } : {}) }, audit);
      }
      if (res.ok) ok++;
      else ko.push(r.number);
    }
    return reply.redirect(withQs(BASE, queueQs(input, { ok, ...(ko.length ? { ko: ko.sort((a, b) => a - b).join(',') } : {}) })), 303);
  });

  app.get(`${BASE}/mappa`, { ...hidden, preHandler: HANDLE }, async (req, reply) => {
    const input = parseQueueInput(queryOf(req));
    const data = await tx(req, async (t) => ({ ...(await lookups(t, req.locale)), ...(await mapReports(t, filtersOf(input), MAP_LIMIT)) }));
    const title = t(req.locale, 'reports.bo.map.title');
    const s = siteSettings(req.tenant ?? null);
    const colours = input.colour === 'priority' ? PRIORITY_COLOURS : STATUS_COLOURS;
    return send(
      req,
      reply,
      title,
      (pc: PageContext, tr) => (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('reports.bo.title') }, { label: title }]} />
          <h1>{title}</h1>
          <SectionNav tr={tr} current="map" admin={canAdmin(req)} />
          <FilterForm tr={tr} locale={pc.locale} input={input} action={`${BASE}/mappa`} cats={data.cats} offices={data.offices} withColour />
          <p aria-live="polite">
            {data.total > data.items.length ? tr('reports.bo.map.countLimited', { n: data.total, shown: data.items.length }) : tr('reports.bo.count', { n: data.total })}
          </p>
          <Legend tr={tr} colour={input.colour} />
          <div
            hidden
            role="region"
            aria-label={tr('reports.bo.map.label')}
            class="rounded border mb-4"
            style="height: 32rem"
            data-reports-admin-map=""
            data-tiles={s.mapTileUrl}
            data-attribution={s.mapAttribution}
            data-center={`${s.mapCenter.lat},${s.mapCenter.lon},${s.mapCenter.zoom}`}
          ></div>
          {data.items.length ? (
            <div class="table-responsive">
              <table class="table table-sm">
                <caption>{tr('reports.bo.map.listCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('reports.bo.field.number')}</th>
                    <th scope="col">{tr('reports.bo.field.report')}</th>
                    <th scope="col">{tr('reports.bo.field.place')}</th>
                    <th scope="col">{tr('reports.bo.field.status')}</th>
                    <th scope="col">{tr('reports.bo.field.priority')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr
                      data-map-point=""
                      data-lat={String(r.lat)}
                      data-lon={String(r.lon)}
                      data-color={colours[input.colour === 'priority' ? r.priority : r.status] ?? '#5c6f82'}
                      data-href={`${BASE}/${r.number}`}
                      data-label={`${tr('reports.bo.numberShort', { n: r.number })} – ${r.title} (${tr(`reports.bo.status.${r.status}`)}, ${tr(`reports.bo.priority.${isPriority(r.priority) ? r.priority : 'media'}`)})`}
                    >
                      <th scope="row">
                        <a href={`${BASE}/${r.number}`}>{tr('reports.bo.numberShort', { n: r.number })}</a>
                      </th>
                      <td>
                        {r.title}
                        <div class="small text-muted">{catLabel(data.catMap, r.categoryCode, pc.locale)}</div>
                      </td>
                      <td>{r.address ?? `${r.lat?.toFixed(5)}, ${r.lon?.toFixed(5)}`}</td>
                      <td>
                        <StatusBadge tr={tr} status={r.status} />
                      </td>
                      <td>
                        <PriorityBadge tr={tr} priority={r.priority} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Alert kind="info">{tr('reports.bo.map.empty')}</Alert>
          )}
        </>
      ),
      { scripts: ['reports-admin.js'], head: MAP_HEAD },
    );
  });

  app.get(`${BASE}/sla`, { ...hidden, preHandler: HANDLE }, async (req, reply) => {
    const now = new Date();
    const data = await tx(req, async (t) => {
      const lk = await lookups(t, req.locale);
      const rows = await slaByCategoryOffice(t, now);
      const overdue = await listQueue(t, { overdue: true }, { limit: 200, offset: 0, order: 'oldest' });
      return { ...lk, rows, overdue };
    });
    const title = t(req.locale, 'reports.bo.sla.title');
    const totals = data.rows.reduce((a, r) => ({ open: a.open + r.open, overdue: a.overdue + r.overdue }), { open: 0, overdue: 0 });
    return send(req, reply, title, (pc, tr) => (
      <>
        <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('reports.bo.title') }, { label: title }]} />
        <h1>{title}</h1>
        <SectionNav tr={tr} current="sla" admin={canAdmin(req)} />
        <p class="lead">{tr('reports.bo.sla.lead', { open: totals.open, overdue: totals.overdue })}</p>
        {data.rows.length ? (
          <div class="table-responsive mb-5">
            <table class="table" data-sla-table="">
              <caption>{tr('reports.bo.sla.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('reports.bo.field.category')}</th>
                  <th scope="col">{tr('reports.bo.field.office')}</th>
                  <th scope="col" class="text-end">
                    {tr('reports.bo.sla.open')}
                  </th>
                  <th scope="col" class="text-end">
                    {tr('reports.bo.sla.overdue')}
                  </th>
                  <th scope="col" class="text-end">
                    {tr('reports.bo.sla.avgAge')}
                  </th>
                  <th scope="col" class="text-end">
                    {tr('reports.bo.sla.target')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => {
                  const c = data.catMap.get(r.categoryCode);
                  const qs = queueQs({ ...parseQueueInput({}), category: r.categoryCode, office: r.officeSlug ?? '', overdue: r.overdue > 0 });
                  return (
                    <tr data-sla-row={r.categoryCode}>
                      <th scope="row">
                        <a href={withQs(BASE, qs)}>{catLabel(data.catMap, r.categoryCode, pc.locale)}</a>
                      </th>
                      <td>{r.officeName ?? tr('reports.bo.noOffice')}</td>
                      <td class="text-end" data-open={r.open}>
                        {r.open}
                      </td>
                      <td class="text-end" data-overdue={r.overdue}>
                        {r.overdue ? <span class="badge bg-danger">{r.overdue}</span> : '0'}
                      </td>
                      <td class="text-end">{tr('reports.bo.sla.days', { n: r.avgAgeDays.toFixed(1) })}</td>
                      <td class="text-end">{c ? tr('reports.bo.sla.days', { n: c.targetDays }) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <Alert kind="info">{tr('reports.bo.sla.none')}</Alert>
        )}
        <h2 class="h3">{tr('reports.bo.sla.overdueTitle')}</h2>
        {data.overdue.items.length ? (
          <div class="table-responsive">
            <table class="table table-sm" data-overdue-list="">
              <caption>{tr('reports.bo.sla.overdueCaption', { n: data.overdue.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('reports.bo.field.number')}</th>
                  <th scope="col">{tr('reports.bo.field.report')}</th>
                  <th scope="col">{tr('reports.bo.field.office')}</th>
                  <th scope="col">{tr('reports.bo.field.created')}</th>
                  <th scope="col">{tr('reports.bo.field.due')}</th>
                  <th scope="col" class="text-end">
                    {tr('reports.bo.sla.late')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.overdue.items.map((r) => (
                  <tr data-report={r.number}>
                    <th scope="row">
                      <a href={`${BASE}/${r.number}`}>{tr('reports.bo.numberShort', { n: r.number })}</a>
                    </th>
                    <td>
                      {r.title}
                      <div class="small text-muted">{catLabel(data.catMap, r.categoryCode, pc.locale)}</div>
                    </td>
                    <td>{r.officeName ?? tr('reports.bo.noOffice')}</td>
                    <td>{fmtDate(pc.locale, r.createdAt)}</td>
                    <td>{fmtDate(pc.locale, r.dueAt)}</td>
                    <td class="text-end">{tr('reports.bo.sla.days', { n: r.dueAt ? Math.floor((now.getTime() - r.dueAt.getTime()) / 86_400_000) : 0 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Alert kind="success">{tr('reports.bo.sla.noOverdue')}</Alert>
        )}
      </>
    ));
  });

  app.get(`${BASE}/categorie`, { ...hidden, preHandler: ADMIN }, async (req, reply) => {
    const cats = await tx(req, (t) => listCategories(t));
    const q = queryOf(req);
    const title = t(req.locale, 'reports.bo.categories.title');
    return send(req, reply, title, (pc, tr) => (
      <>
        <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('reports.bo.title') }, { label: title }]} />
        <h1>{title}</h1>
        <SectionNav tr={tr} current="categories" admin />
        {q.salvata && cats.some((c) => c.code === q.salvata) ? <Alert kind="success">{tr('reports.bo.categories.saved', { name: categoryName(cats.find((c) => c.code === q.salvata)!, pc.locale) })}</Alert> : null}
        <p class="lead">{tr('reports.bo.categories.lead')}</p>
        <div class="table-responsive">
          <table class="table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('reports.bo.categories.field.sortOrder')}</th>
                <th scope="col">{tr('reports.bo.field.category')}</th>
                <th scope="col">{tr('reports.bo.field.office')}</th>
                <th scope="col" class="text-end">
                  {tr('reports.bo.sla.target')}
                </th>
                <th scope="col">{tr('reports.bo.categories.field.active')}</th>
              </tr>
            </thead>
            <tbody>
              {cats.map((c) => (
                <tr data-category={c.code}>
                  <td>{c.sortOrder}</td>
                  <th scope="row">
                    <a href={`${BASE}/categorie/${c.code}`}>{categoryName(c, pc.locale)}</a>
                    <div class="small text-muted">{pc.locale === 'it' ? c.nameEn : c.nameIt}</div>
                  </th>
                  <td>{c.officeName ?? tr('reports.bo.noOffice')}</td>
                  <td class="text-end">{tr('reports.bo.sla.days', { n: c.targetDays })}</td>
                  <td>{c.active ? tr('reports.bo.yes') : <span class="badge bg-secondary">{tr('reports.bo.categories.inactive')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ));
  });

  const codeParam = (req: FastifyRequest): string => {
    const code = (req.params as { code?: string }).code ?? '';
    if (!SLUG.test(code) || code.length > 100) throw httpProblem('not-found');
    return code;
  };

  app.get(`${BASE}/categorie/:code`, { ...hidden, preHandler: ADMIN }, async (req, reply) => categoryPage(req, reply, codeParam(req), null));

  app.post(`${BASE}/categorie/:code`, { ...hidden, preHandler: ADMIN }, async (req, reply) => {
    const code = codeParam(req);
    const body = formBody(req);
    const values: Record<string, string> = {};
    for (const k of ['nameIt', 'nameEn', 'descriptionIt', 'descriptionEn', 'officeSlug', 'targetDays', 'sortOrder', 'active']) values[k] = str(body[k]).trim();
    const errors: Errors = [];
    for (const k of ['nameIt', 'nameEn']) {
      if (!values[k]) errors.push({ field: k, message: 'reports.bo.error.required' });
      else if (values[k]!.length > 100) errors.push({ field: k, message: 'reports.bo.error.tooLong', vars: { max: 100 } });
    }
    for (const k of ['descriptionIt', 'descriptionEn']) if (values[k]!.length > 1000) errors.push({ field: k, message: 'reports.bo.error.tooLong', vars: { max: 1000 } });
    const days = /^\d{1,3}$/.test(values.targetDays!) ? Number(values.targetDays) : NaN;
    if (!(days >= 1 && days <= 365)) errors.push({ field: 'targetDays', message: 'reports.bo.error.targetDays' });
    const order = /^-?\d{1,7}$/.test(values.sortOrder!) ? Number(values.sortOrder) : NaN;
    if (!Number.isInteger(order)) errors.push({ field: 'sortOrder', message: 'reports.bo.error.sortOrder' });
    const data = await tx(req, async (t) => lookups(t, req.locale));
    if (!data.catMap.has(code)) throw httpProblem('not-found');
    const office = values.officeSlug ? data.offices.find((o) => o.slug === values.officeSlug) : null;
    if (values.officeSlug && !office) errors.push({ field: 'officeSlug', message: 'reports.bo.error.officeSlug' });
    if (errors.length) return categoryPage(req, reply, code, { values, errors }, 400);
    const patch: CategoryPatch = {
      nameIt: values.nameIt!,
      nameEn: values.nameEn!,
      descriptionIt: values.descriptionIt || null,
      descriptionEn: values.descriptionEn || null,
      officeSlug: office?.slug ?? null,
      officeName: office?.name ?? null,
      targetDays: days,
      active: values.active === '1',
      sortOrder: order,
    };
    const res = await updateCategory(ctx, tenantIdOf(req), code, patch, auditOf(req));
    if (!res.ok) {
      if (res.error.code === 'not-found') throw httpProblem('not-found');
      return categoryPage(req, reply, code, { values, errors: [{ field: res.error.field ?? 'nameIt', message: 'reports.bo.error.generic' }] }, 400);
    }
    return reply.redirect(`${BASE}/categorie?salvata=${encodeURIComponent(code)}`, 303);
  });

  // — The report —

  app.get(`${BASE}/:number`, { ...hidden, preHandler: HANDLE }, async (req, reply) => detailPage(req, reply, numberParam(req), null));

  /** Run one action of the report page: PRG on success, the page again with the form's errors (400) otherwise. */
  async function act(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormName,
    fields: string[],
    run: (r: ReportRow, values: Record<string, string>, errors: Errors) => Promise<Result<ReportRow> | null>,
  ): Promise<FastifyReply> {
    const n = numberParam(req);
    const r = await reportOr404(req, n);
    const body = formBody(req);
    const values: Record<string, string> = {};
    for (const f of fields) values[f] = str(body[f]);
    const errors: Errors = [];
    const res = await run(r, values, errors);
    if (res && !res.ok) {
      if (res.error.code === 'not-found') throw httpProblem('not-found');
      errors.push(errorOf(res.error));
    }
    if (errors.length || !res) return detailPage(req, reply, n, { form, values, errors }, 400);
    return reply.redirect(`${BASE}/${n}?fatto=${form}`, 303);
  }

  const textChecks = (v: Record<string, string>, errors: Errors) => {
    if (tooLong(v.publicReply ?? '', LIMITS.publicReply)) errors.push({ field: 'publicReply', message: 'reports.bo.error.tooLong', vars: { max: LIMITS.publicReply } });
    if (tooLong(v.internalNote ?? '', LIMITS.internalNote)) errors.push({ field: 'internalNote', message: 'reports.bo.error.tooLong', vars: { max: LIMITS.internalNote } });
  };

  app.post(`${BASE}/:number/triage`, { ...hidden, preHandler: HANDLE }, async (req, reply) =>
    act(req, reply, 'triage', ['categoryCode', 'priority', 'officeSlug'], async (r, v, errors) => {
      if (!v.categoryCode) errors.push({ field: 'categoryCode', message: 'reports.bo.error.categoryCode' });
      if (v.priority && !isPriority(v.priority)) errors.push({ field: 'priority', message: 'reports.bo.error.priority' });
      if (errors.length) return null;
      return confirmTriage(
        ctx,
        tenantIdOf(req),
        r.id,
        { categoryCode: v.categoryCode!, ...(v.priority ? { priority: v.priority as Priority } : {}), ...(v.officeSlug ? { officeSlug: v.officeSlug } : {}) },
        auditOf(req),
      );
    }),
  );

  app.post(`${BASE}/:number/assegna`, { ...hidden, preHandler: HANDLE }, async (req, reply) =>
    act(req, reply, 'assign', ['officeSlug', 'assignedTo'], async (r, v) =>
      assignReport(ctx, tenantIdOf(req), r.id, { officeSlug: v.officeSlug || null, assignedTo: v.assignedTo || null }, auditOf(req)),
    ),
  );

  app.post(`${BASE}/:number/stato`, { ...hidden, preHandler: HANDLE }, async (req, reply) =>
    act(req, reply, 'status', ['to', 'publicReply', 'internalNote', 'duplicateOf', 'forwardedTo'], async (r, v, errors) => {
      const to = v.to ?? '';
      const publicReply = (v.publicReply ?? '').trim();
      const internalNote = (v.internalNote ?? '').trim();
      if (!isReportStatus(to)) errors.push({ field: 'to', message: 'reports.bo.error.to' });
      textChecks(v, errors);
      let duplicateOf: string | undefined;
      if (to === 'duplicate') {
        const target = parseNumber((v.duplicateOf ?? '').trim().replace(/^n\.?\s*/i, ''));
        if (!(v.duplicateOf ?? '').trim()) errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateRequired' });
        else if (target === null) errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateUnknown' });
        else {
          const t2 = await tx(req, (t) => getReportByNumber(t, target));
          if (!t2) errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateUnknown' });
          else duplicateOf = t2.id;
        }
      }
      if (to === 'forwarded' && !(v.forwardedTo ?? '').trim()) errors.push({ field: 'forwardedTo', message: 'reports.bo.error.forwardedRequired' });
      if (to === 'rejected' && !publicReply) errors.push({ field: 'publicReply', message: 'reports.bo.error.rejectReply' });
      if (errors.length) return null;
      return changeStatus(
        ctx,
        tenantIdOf(req),
        r.id,
        {
          to: to as ReportStatus,
          ...(publicReply ? { publicReply } : {}),
          ...(internalNote ? { internalNote } : {}),
          ...(duplicateOf ? { duplicateOf } : {}),
          ...(to === 'forwarded' ? { forwardedTo: (v.forwardedTo ?? '').trim() } : {}),
        },
        auditOf(req),
      );
    }),
  );

  app.post(`${BASE}/:number/unisci`, { ...hidden, preHandler: HANDLE }, async (req, reply) =>
    act(req, reply, 'merge', ['target'], async (r, v, errors) => {
      const raw = (v.target ?? '').trim();
      const target = parseNumber(raw.replace(/^n\.?\s*/i, ''));
      if (!raw) errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateRequired' });
      else if (target === null) errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateUnknown' });
      if (errors.length) return null;
      const t2 = await tx(req, (t) => getReportByNumber(t, target!));
      if (!t2) {
        errors.push({ field: 'duplicateOf', message: 'reports.bo.error.duplicateUnknown' });
        return null;
      }
      const res = await mergeReport(ctx, tenantIdOf(req), r.id, t2.id, auditOf(req));
      if (!res.ok && res.error.code === 'transition') return { ok: false, error: { code: 'invalid', field: 'duplicateOf', message: res.error.message } };
      return res;
    }),
  );

  app.post(`${BASE}/:number/commento`, { ...hidden, preHandler: HANDLE }, async (req, reply) =>
    act(req, reply, 'comment', ['publicReply', 'internalNote'], async (r, v, errors) => {
      const publicReply = (v.publicReply ?? '').trim();
      const internalNote = (v.internalNote ?? '').trim();
      textChecks(v, errors);
      if (!publicReply && !internalNote) errors.push({ field: 'publicReply', message: 'reports.bo.error.commentEmpty' });
      if (errors.length) return null;
      return addComment(ctx, tenantIdOf(req), r.id, { ...(publicReply ? { publicReply } : {}), ...(internalNote ? { internalNote } : {}) }, auditOf(req));
    }),
  );

  app.post(`${BASE}/:number/foto/:photoId`, { ...hidden, preHandler: HANDLE }, async (req, reply) => {
    const n = numberParam(req);
    const r = await reportOr404(req, n);
    const hiddenFlag = str(formBody(req).hidden) === '1';
    const res = await setPhotoHidden(ctx, tenantIdOf(req), r.id, (req.params as { photoId: string }).photoId, hiddenFlag, auditOf(req));
    if (!res.ok) throw httpProblem('not-found');
    return reply.redirect(`${BASE}/${n}?fatto=photo`, 303);
  });
}
