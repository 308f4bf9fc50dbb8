import type { FastifyInstance } from 'fastify';
import { and, asc, desc, eq, gte, ilike, like, lt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { requirePermission } from '../permissions/index.ts';
import { t, type Locale, translator } from '../i18n/index.ts';
import { Breadcrumb, errorText, queryOf, sendPage, type FieldErrors } from '../auth/views.tsx';

/** GET /admin/audit: the audit log of the comune, newest first, filtered and paginated. */

export const AUDIT_PAGE_SIZE = 50;
const TIME_ZONE = 'Europe/Rome';

/** Midnight of a YYYY-MM-DD day in Europe/Rome, as an instant. */
export function romeMidnight(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(utcMidnight);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return null;
  // The offset of Rome at that day (+01:00 or +02:00), read from Intl.
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMidnight + 12 * 3600_000))
    .find((p) => p.type === 'timeZoneName')?.value;
  const om = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const offsetMs = om ? (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3])) * 60_000 : 0;
  return new Date(utcMidnight - offsetMs);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Filters {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
  page: number;
}

function formatTime(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: TIME_ZONE }).format(d);
}

function pageHref(f: Filters, page: number): string {
  const p = new URLSearchParams();
  for (const k of ['action', 'entityType', 'actor', 'from', 'to'] as const) if (f[k]) p.set(k, f[k]);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return `/admin/audit${s ? `?${s}` : ''}`;
}

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/admin/audit', { schema: { hide: true }, preHandler: requirePermission('core.audit.read') }, async (req, reply) => {
    const tenant = req.tenant!;
    const q = queryOf(req);
    const f: Filters = {
      action: (q.action ?? '').trim().slice(0, 100),
      entityType: (q.entityType ?? '').trim().slice(0, 100),
      actor: (q.actor ?? '').trim().slice(0, 100),
      from: (q.from ?? '').trim(),
      to: (q.to ?? '').trim(),
      page: Math.min(Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1), 10_000),
    };
    const errors: FieldErrors = [];
    const conds: SQL[] = [eq(auditLog.tenantId, tenant.id)];
    if (f.action) conds.push(f.action.endsWith('*') ? like(auditLog.action, `${escapeLike(f.action.slice(0, -1))}%`) : eq(auditLog.action, f.action));
    if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
    if (f.actor) conds.push(ilike(auditLog.actorLabel, `%${escapeLike(f.actor)}%`));
    if (f.from) {
      const d = romeMidnight(f.from);
      if (d) conds.push(gte(auditLog.at, d));
      else errors.push({ field: 'from', message: 'admin.audit.dateInvalid' });
    }
    if (f.to) {
      // Inclusive: up to midnight of the following day.
      const d = romeMidnight(f.to) ? romeMidnight(nextDay(f.to)) : null;
      if (d) conds.push(lt(auditLog.at, d));
      else errors.push({ field: 'to', message: 'admin.audit.dateInvalid' });
    }

    const { rows, actions, entityTypes } = await withTenantTx(ctx.db, tenant.id, async (tx) => {
      const rows = await tx
        .select()
        .from(auditLog)
        .where(and(...conds))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(AUDIT_PAGE_SIZE + 1)
        .offset((f.page - 1) * AUDIT_PAGE_SIZE);
      const actions = await tx.selectDistinct({ v: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, tenant.id)).orderBy(asc(auditLog.action)).limit(300);
      const entityTypes = await tx.selectDistinct({ v: auditLog.entityType }).from(auditLog).where(eq(auditLog.tenantId, tenant.id)).orderBy(asc(auditLog.entityType)).limit(300);
      return { rows, actions: actions.map((r) => r.v), entityTypes: entityTypes.map((r) => r.v) };
    });
    const hasNext = rows.length > AUDIT_PAGE_SIZE;
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);

    const title = t(req.locale, 'admin.audit.title');
    return sendPage(
      req,
      reply,
      title,
      (pc) => {
        const tr = translator(pc.locale);
        const err = (field: string) => errorText(pc.locale, errors, field);
        const dateField = (id: 'from' | 'to') => (
          <div class="col-md-6 col-lg-2 form-group mt-4">
            <label for={`audit-${id}`} class="active">
              {tr(`admin.audit.${id}`)}
            </label>
            <input
              type="date"
              class={`form-control${err(id) ? ' is-invalid' : ''}`}
              id={`audit-${id}`}
              name={id}
              value={f[id]}
              aria-invalid={err(id) ? 'true' : undefined}
              aria-describedby={err(id) ? `audit-${id}-error` : undefined}
            />
            {err(id) ? (
              <div class="invalid-feedback d-block" id={`audit-${id}-error`}>
                {err(id)}
              </div>
            ) : null}
          </div>
        );
        return (
          <>
            <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
            <h1>{title}</h1>
            <form method="get" action="/admin/audit" class="mb-4" role="search" aria-label={tr('admin.audit.filters')}>
              <div class="row g-3 align-items-start mt-4">
                <div class="col-md-6 col-lg-3 form-group mt-4">
                  <label for="audit-action" class="active">
                    {tr('admin.audit.action')}
                  </label>
                  <input type="text" class="form-control" id="audit-action" name="action" value={f.action} list="audit-actions" aria-describedby="audit-action-hint" />
                  <datalist id="audit-actions">
                    {actions.map((a) => (
                      <option value={a} />
                    ))}
                  </datalist>
                  <small id="audit-action-hint" class="form-text">
                    {tr('admin.audit.actionHint')}
                  </small>
                </div>
                <div class="col-md-6 col-lg-2 form-group mt-4">
                  <label for="audit-entity" class="active">
                    {tr('admin.audit.entityType')}
                  </label>
                  <select class="form-select" id="audit-entity" name="entityType">
                    <option value="">{tr('admin.audit.any')}</option>
                    {entityTypes.map((e) => (
                      <option value={e} selected={e === f.entityType}>
                        {e}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="col-md-6 col-lg-3 form-group mt-4">
                  <label for="audit-actor" class="active">
                    {tr('admin.audit.actor')}
                  </label>
                  <input type="text" class="form-control" id="audit-actor" name="actor" value={f.actor} />
                </div>
                {dateField('from')}
                {dateField('to')}
              </div>
              <button type="submit" class="btn btn-primary me-2">
                {tr('admin.audit.apply')}
              </button>
              <a class="btn btn-outline-secondary" href="/admin/audit">
                {tr('admin.audit.reset')}
              </a>
            </form>
            {shown.length === 0 ? (
              <p>{tr('admin.audit.empty')}</p>
            ) : (
              <div class="table-responsive">
                <table class="table table-striped">
                  <caption>{tr('admin.audit.caption', { page: f.page })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr('admin.audit.at')}</th>
                      <th scope="col">{tr('admin.audit.actor')}</th>
                      <th scope="col">{tr('admin.audit.action')}</th>
                      <th scope="col">{tr('admin.audit.entity')}</th>
                      <th scope="col">{tr('admin.audit.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr>
                        <td>
                          <time dateTime={r.at.toISOString()}>{formatTime(pc.locale, r.at)}</time>
                        </td>
                        <td>
                          {r.actorLabel}
                          <span class="d-block small text-secondary">{tr(`admin.audit.actorType.${r.actorType}`)}</span>
                        </td>
                        <td>
                          <code>{r.action}</code>
                        </td>
                        <td>
                          {r.entityType}
                          {r.entityId ? <span class="d-block small text-secondary text-break">{r.entityId}</span> : null}
                        </td>
                        <td class="small text-break">
                          {Object.keys(r.details).length ? <code>{JSON.stringify(r.details)}</code> : '—'}
                          {r.requestId ? <span class="d-block text-secondary">{tr('admin.audit.requestId', { id: r.requestId })}</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {f.page > 1 || hasNext ? (
              <nav class="pagination-wrapper" aria-label={tr('admin.audit.pagination')}>
                <ul class="pagination">
                  {f.page > 1 ? (
                    <li class="page-item">
                      <a class="page-link" href={pageHref(f, f.page - 1)} rel="prev">
                        {tr('admin.audit.newer')}
                      </a>
                    </li>
                  ) : null}
                  <li class="page-item">
                    <span class="page-link" aria-current="page">
                      {tr('admin.audit.pageN', { page: f.page })}
                    </span>
                  </li>
                  {hasNext ? (
                    <li class="page-item">
                      <a class="page-link" href={pageHref(f, f.page + 1)} rel="next">
                        {tr('admin.audit.older')}
                      </a>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </>
        );
      },
      errors.length ? 400 : 200,
    );
  });
}
