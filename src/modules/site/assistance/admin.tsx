import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { t, translator, type Locale } from '../../../core/i18n/index.ts';
import { requirePermission } from '../../../core/permissions/index.ts';
import { addAdminLink } from '../../../core/admin/links.ts';
import { staffOf } from '../../../core/admin/guard.ts';
import { Alert, Breadcrumb, CsrfField, formBody, queryOf, sendPage, str } from '../../../core/auth/views.tsx';
import { findPublished } from '../content/repository.ts';
import { loc } from '../content/derive.ts';
import { contentPath } from '../content/urls.ts';
import { NOTE_MAX, STAFF_STATUSES, SETTABLE_STATUSES, cleanNote, isSettableStatus, isStaffStatus, type SettableStatus } from './model.ts';
import { allOffices, categoryLabel, getForStaff, listForStaff, staffScope, type AssistanceRow, type OfficeRef, type Scope } from './queries.ts';
import { updateAssistanceRequest } from './commands.ts';

/**
 * The staff inbox of the richieste di assistenza: /admin/assistenza (filters by status and office, newest first)
 * and /admin/assistenza/:id (the request, its status and an internal note; closing it can send a message to the
 * citizen). Operators and admins see every request; office members those routed to their offices.
 */

const READ = requirePermission('site.assistance.read');
export const INBOX_PATH = '/admin/assistenza';
const PAGE_SIZE = 25;

type Errors = { field: string; message: string; vars?: Record<string, string | number> }[];

const fmt = (locale: Locale, d: Date | null) =>
  d ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d) : '—';

const STATUS_BADGE: Record<string, string> = { submitted: 'bg-primary', 'in-progress': 'bg-warning text-dark', closed: 'bg-secondary' };

function StatusBadge({ locale, status }: { locale: Locale; status: string }) {
  return <span class={`badge ${STATUS_BADGE[status] ?? 'bg-secondary'}`}>{t(locale, `site.assistance.status.${status}`)}</span>;
}

function officeName(offices: OfficeRef[], slug: string | null, locale: Locale): string {
  if (!slug) return t(locale, 'site.assistance.admin.unassigned');
  const o = offices.find((x) => x.slug === slug);
  return o ? o.name[locale] || o.name.it : slug;
}

function pageOf(q: Record<string, string>): number {
  const n = Number.parseInt(q.page ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 10_000 ? n : 1;
}

async function load<T>(req: FastifyRequest, fn: (tx: Tx, scope: Scope) => Promise<T>): Promise<T> {
  const staff = staffOf(req);
  return withTenantTx(req.server.ctx.db, req.tenant!.id, async (tx) => fn(tx, await staffScope(tx, staff)));
}

async function detailPage(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form: { status: string; staffNote: string; closingMessage: string; errors: Errors; saved: boolean } | null,
  code = 200,
): Promise<FastifyReply> {
  const data = await load(req, async (tx, scope) => {
    const row = await getForStaff(tx, scope, id);
    if (!row) return null;
    const offices = await allOffices(tx, req.locale);
    const service = row.serviceSlug ? await findPublished(tx, 'service', row.serviceSlug) : null;
    return { row, offices, service };
  });
  if (!data) throw httpProblem('not-found');
  const { row, offices, service } = data;
  const v = form ?? { status: row.status, staffNote: row.staffNote ?? '', closingMessage: '', errors: [], saved: queryOf(req).salvato === '1' };
  const title = t(req.locale, 'site.assistance.admin.detailTitle', { reference: row.reference });
  const statusOptions = row.status === 'submitted' ? ['submitted', ...SETTABLE_STATUSES] : [...SETTABLE_STATUSES];
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const err = (f: string) => {
        const e = v.errors.find((x) => x.field === f);
        return e ? tr(e.message, e.vars) : null;
      };
      return (
        <>
          <Breadcrumb
            locale={pc.locale}
            items={[{ href: '/admin', label: tr('admin.home.title') }, { href: INBOX_PATH, label: tr('site.assistance.admin.title') }, { label: row.reference }]}
          />
          <h1>{title}</h1>
          {v.saved ? <Alert kind="success">{tr('site.assistance.admin.saved')}</Alert> : null}
          {v.errors.length ? <Alert kind="danger">{tr('site.assistance.form.hasErrors', { n: v.errors.length })}</Alert> : null}
          <div class="row">
            <div class="col-lg-7">
              <div class="card card-bg mb-4">
                <div class="card-body">
                  <h2 class="card-title h4">{tr('site.assistance.admin.request')}</h2>
                  <dl class="row mb-0">
                    <dt class="col-sm-4">{tr('site.assistance.admin.status')}</dt>
                    <dd class="col-sm-8" data-field="status">
                      <StatusBadge locale={pc.locale} status={row.status} />
                    </dd>
                    <dt class="col-sm-4">{tr('site.assistance.sent.date')}</dt>
                    <dd class="col-sm-8">{fmt(pc.locale, row.submittedAt ?? row.createdAt)}</dd>
                    <dt class="col-sm-4">{tr('site.assistance.sent.applicant')}</dt>
                    <dd class="col-sm-8">
                      {row.name} {row.surname}
                      {row.citizenId ? <span class="badge bg-light text-dark ms-2">{tr('site.assistance.admin.loggedIn')}</span> : null}
                    </dd>
                    <dt class="col-sm-4">{tr('site.assistance.field.email')}</dt>
                    <dd class="col-sm-8">
                      <a href={`mailto:${row.email}?subject=${encodeURIComponent(row.reference)}`}>{row.email}</a>
                    </dd>
                    <dt class="col-sm-4">{tr('site.assistance.field.category')}</dt>
                    <dd class="col-sm-8">{categoryLabel(pc.locale, row.category)}</dd>
                    <dt class="col-sm-4">{tr('site.assistance.field.service')}</dt>
                    <dd class="col-sm-8">
                      {service ? <a href={contentPath('service', service.slug)}>{loc(service.data.title, pc.locale)}</a> : row.serviceSlug ?? tr('site.assistance.sent.noService')}
                    </dd>
                    <dt class="col-sm-4">{tr('site.assistance.sent.office')}</dt>
                    <dd class="col-sm-8" data-field="office">{officeName(offices, row.officeSlug, pc.locale)}</dd>
                    <dt class="col-sm-4">{tr('site.assistance.admin.language')}</dt>
                    <dd class="col-sm-8">{row.locale === 'en' ? 'English' : 'Italiano'}</dd>
                    <dt class="col-sm-4">{tr('site.assistance.admin.handledBy')}</dt>
                    <dd class="col-sm-8">{row.handledBy ?? '—'}</dd>
                    {row.closedAt ? (
                      <>
                        <dt class="col-sm-4">{tr('site.assistance.admin.closedAt')}</dt>
                        <dd class="col-sm-8">{fmt(pc.locale, row.closedAt)}</dd>
                      </>
                    ) : null}
                  </dl>
                  <h3 class="h5 mt-4">{tr('site.assistance.field.details')}</h3>
                  <p class="text-break" data-field="details">
                    {row.details.split('\n').map((l, i, a) => (i < a.length - 1 ? [l, <br />] : l))}
                  </p>
                </div>
              </div>
            </div>
            <div class="col-lg-5">
              <form method="post" action={`${INBOX_PATH}/${row.id}`}>
                <CsrfField ctx={pc} />
                <h2 class="h4">{tr('site.assistance.admin.handle')}</h2>
                <div class="select-wrapper mt-4 mb-4">
                  <label for="status">{tr('site.assistance.admin.status')}</label>
                  <select id="status" name="status" aria-describedby={err('status') ? 'status-error' : undefined}>
                    {statusOptions.map((s) => (
                      <option value={s} selected={v.status === s}>
                        {tr(`site.assistance.status.${s}`)}
                      </option>
                    ))}
                  </select>
                  {err('status') ? (
                    <div id="status-error" class="invalid-feedback d-block" role="alert">
                      {err('status')}
                    </div>
                  ) : null}
                </div>
                <div class="form-group mt-5 mb-4">
                  <label for="staffNote" class="active">
                    {tr('site.assistance.admin.note')}
                  </label>
                  <textarea id="staffNote" name="staffNote" rows={4} class="form-control" maxLength={NOTE_MAX} aria-describedby={`staffNote-hint${err('staffNote') ? ' staffNote-error' : ''}`}>
                    {v.staffNote}
                  </textarea>
                  <small id="staffNote-hint" class="form-text">
                    {tr('site.assistance.admin.noteHint')}
                  </small>
                  {err('staffNote') ? (
                    <div id="staffNote-error" class="invalid-feedback d-block" role="alert">
                      {err('staffNote')}
                    </div>
                  ) : null}
                </div>
                {row.status !== 'closed' ? (
                  <div class="form-group mt-5 mb-4">
                    <label for="closingMessage" class="active">
                      {tr('site.assistance.admin.closingMessage')}
                    </label>
                    <textarea
                      id="closingMessage"
                      name="closingMessage"
                      rows={4}
                      class="form-control"
                      maxLength={NOTE_MAX}
                      aria-describedby={`closingMessage-hint${err('closingMessage') ? ' closingMessage-error' : ''}`}
                    >
                      {v.closingMessage}
                    </textarea>
                    <small id="closingMessage-hint" class="form-text">
                      {tr('site.assistance.admin.closingHint')}
                    </small>
                    {err('closingMessage') ? (
                      <div id="closingMessage-error" class="invalid-feedback d-block" role="alert">
                        {err('closingMessage')}
                      </div>
                    ) : null}
                  </div>
                ) : null}
                <button type="submit" class="btn btn-primary">
                  {tr('site.assistance.admin.save')}
                </button>
              </form>
            </div>
          </div>
        </>
      );
    },
    code,
  );
}

export async function assistanceAdminPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  addAdminLink({ href: INBOX_PATH, label: 'site.assistance.admin.title', description: 'site.assistance.admin.linkText', permission: 'site.assistance.read' });

  app.get(INBOX_PATH, { schema: { hide: true }, preHandler: READ }, async (req, reply) => {
    const q = queryOf(req);
    const page = pageOf(q);
    const { rows, total, offices, visibleOffices, status, office } = await load(req, async (tx, scope) => {
      const offices = await allOffices(tx, req.locale);
      const visibleOffices = scope.all ? offices : offices.filter((o) => scope.officeSlugs.includes(o.slug));
      const status = q.status && isStaffStatus(q.status) ? q.status : '';
      const office = q.office && visibleOffices.some((o) => o.slug === q.office) ? q.office : '';
      const list = await listForStaff(tx, scope, { status: status || undefined, office: office || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      return { ...list, offices, visibleOffices, status, office };
    });
    const title = t(req.locale, 'site.assistance.admin.title');
    const link = (p: number) => {
      const params = new URLSearchParams();
      if (status) params.set('status', status);
      if (office) params.set('office', office);
      if (p > 1) params.set('page', String(p));
      const s = params.toString();
      return s ? `${INBOX_PATH}?${s}` : INBOX_PATH;
    };
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return sendPage(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          <p class="lead">{tr('site.assistance.admin.lead')}</p>
          <form method="get" action={INBOX_PATH} class="row g-3 align-items-end mb-4">
            <div class="col-md-4">
              <div class="select-wrapper">
                <label for="filter-status">{tr('site.assistance.admin.status')}</label>
                <select id="filter-status" name="status">
                  <option value="" selected={!status}>
                    {tr('site.assistance.admin.allStatuses')}
                  </option>
                  {STAFF_STATUSES.map((s) => (
                    <option value={s} selected={status === s}>
                      {tr(`site.assistance.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="col-md-5">
              <div class="select-wrapper">
                <label for="filter-office">{tr('site.assistance.sent.office')}</label>
                <select id="filter-office" name="office">
                  <option value="" selected={!office}>
                    {tr('site.assistance.admin.allOffices')}
                  </option>
                  {visibleOffices.map((o) => (
                    <option value={o.slug} selected={office === o.slug}>
                      {o.name[pc.locale] || o.name.it}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="col-md-3">
              <button type="submit" class="btn btn-primary">
                {tr('site.assistance.admin.filter')}
              </button>
            </div>
          </form>
          <p aria-live="polite">{tr('site.assistance.admin.count', { n: total })}</p>
          {rows.length === 0 ? (
            <Alert kind="info">{tr('site.assistance.admin.empty')}</Alert>
          ) : (
            <div class="table-responsive">
              <table class="table table-hover">
                <caption class="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('site.assistance.sent.reference')}</th>
                    <th scope="col">{tr('site.assistance.sent.date')}</th>
                    <th scope="col">{tr('site.assistance.sent.applicant')}</th>
                    <th scope="col">{tr('site.assistance.field.category')}</th>
                    <th scope="col">{tr('site.assistance.sent.office')}</th>
                    <th scope="col">{tr('site.assistance.admin.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r: AssistanceRow) => (
                    <tr data-reference={r.reference}>
                      <th scope="row">
                        <a href={`${INBOX_PATH}/${r.id}`}>{r.reference}</a>
                      </th>
                      <td>{fmt(pc.locale, r.submittedAt ?? r.createdAt)}</td>
                      <td>
                        {r.name} {r.surname}
                      </td>
                      <td>{categoryLabel(pc.locale, r.category)}</td>
                      <td>{officeName(offices, r.officeSlug, pc.locale)}</td>
                      <td>
                        <StatusBadge locale={pc.locale} status={r.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <nav class="pagination-wrapper" aria-label={tr('site.assistance.admin.pager')}>
              <ul class="pagination">
                {page > 1 ? (
                  <li class="page-item">
                    <a class="page-link" href={link(page - 1)}>
                      {tr('site.assistance.admin.previous')}
                    </a>
                  </li>
                ) : null}
                <li class="page-item">
                  <span class="page-link" aria-current="page">
                    {tr('site.assistance.admin.pageOf', { page, pages })}
                  </span>
                </li>
                {page < pages ? (
                  <li class="page-item">
                    <a class="page-link" href={link(page + 1)}>
                      {tr('site.assistance.admin.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      );
    });
  });

  app.get(`${INBOX_PATH}/:id`, { schema: { hide: true }, preHandler: READ }, async (req, reply) => {
    return detailPage(req, reply, (req.params as { id: string }).id, null);
  });

  app.post(`${INBOX_PATH}/:id`, { schema: { hide: true }, preHandler: READ }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const staff = staffOf(req);
    const body = formBody(req);
    const statusIn = str(body.status);
    const errors: Errors = [];
    const note = cleanNote(str(body.staffNote));
    if (!note.ok) errors.push({ field: 'staffNote', message: note.message, vars: note.vars });
    const closing = cleanNote(str(body.closingMessage));
    if (!closing.ok) errors.push({ field: 'closingMessage', message: closing.message, vars: closing.vars });
    const outcome = await load(req, async (tx, scope) => {
      const row = await getForStaff(tx, scope, id);
      if (!row) return 'not-found' as const;
      let status: SettableStatus | null = null;
      if (statusIn && statusIn !== row.status) {
        if (isSettableStatus(statusIn)) status = statusIn;
        else errors.push({ field: 'status', message: 'site.assistance.error.status' });
      }
      if (errors.length || !note.ok || !closing.ok) return 'invalid' as const;
      const r = await updateAssistanceRequest(ctx, tx, { tenantId: req.tenant!.id, actor: staff, requestId: req.id }, row, {
        status,
        staffNote: note.value,
        closingMessage: closing.value,
      });
      return r.ok ? ('saved' as const) : ('not-found' as const);
    });
    if (outcome === 'not-found') throw httpProblem('not-found');
    if (outcome === 'invalid') {
      return detailPage(req, reply, id, { status: statusIn, staffNote: str(body.staffNote), closingMessage: str(body.closingMessage), errors, saved: false }, 400);
    }
    return reply.redirect(`${INBOX_PATH}/${id}?salvato=1`, 303);
  });
}
