import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { Layout, pageContext, renderPage } from '../../app.ts';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { messageDeliveries } from '../db/schema.ts';
import { httpProblem } from '../http/problem.ts';
import { requirePermission } from '../permissions/index.ts';
import type { AuditContext } from '../audit/index.ts';
import { t, type Locale, translator } from '../i18n/index.ts';
import type { PageContext } from '../views/layout.tsx';
import { listInbox, markAllRead, markRead, type InboxOwner } from './inbox.ts';

/**
 * Pages: the citizen's inbox (/area-personale/messaggi), the staff member's (/admin/messaggi), and the
 * outbox of the comune (/admin/outbox): the delivery log, with the full text of sent and sunk e-mails.
 */

export const INBOX_PAGE_SIZE = 20;
export const OUTBOX_PAGE_SIZE = 50;
const TIME_ZONE = 'Europe/Rome';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['pending', 'sent', 'sunk', 'failed'] as const;
type Status = (typeof STATUSES)[number];

function formatTime(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

function pageNumber(req: FastifyRequest): number {
  const raw = (req.query as Record<string, unknown> | undefined)?.page;
  const n = typeof raw === 'string' ? Number.parseInt(raw, 10) : 1;
  return Number.isFinite(n) ? Math.min(Math.max(1, n), 10_000) : 1;
}

function send(req: FastifyRequest, reply: FastifyReply, title: string, body: (pc: PageContext) => ComponentChildren): FastifyReply {
  const pc = pageContext(req, reply);
  return reply
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      renderPage(
        <Layout ctx={pc} title={title}>
          {body(pc)}
        </Layout>,
      ),
    );
}

function Crumbs({ locale, items }: { locale: Locale; items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumb-container" aria-label={t(locale, 'notify.breadcrumb')}>
      <ol class="breadcrumb p-0">
        {items.map((it) =>
          it.href ? (
            <li class="breadcrumb-item">
              <a href={it.href}>{it.label}</a>
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

function Pager({ locale, base, page, hasNext, extra = {} }: { locale: Locale; base: string; page: number; hasNext: boolean; extra?: Record<string, string> }) {
  if (page === 1 && !hasNext) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(extra);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return `${base}${s ? `?${s}` : ''}`;
  };
  return (
    <nav class="pagination-wrapper" aria-label={t(locale, 'notify.pager.label')}>
      <ul class="pagination">
        {page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={href(page - 1)}>
              {t(locale, 'notify.pager.previous')}
            </a>
          </li>
        ) : null}
        <li class="page-item">
          <span class="page-link" aria-current="page">
            {t(locale, 'notify.pager.page', { page })}
          </span>
        </li>
        {hasNext ? (
          <li class="page-item">
            <a class="page-link" href={href(page + 1)}>
              {t(locale, 'notify.pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p) => (
        <p class="card-text mb-2">
          {p.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

interface InboxKind {
  type: 'citizen' | 'staff';
  base: string;
  titleKey: string;
  root: { href: string; labelKey: string };
}

const CITIZEN_INBOX: InboxKind = { type: 'citizen', base: '/area-personale/messaggi', titleKey: 'notify.inbox.title', root: { href: '/area-personale', labelKey: 'notify.inbox.personalArea' } };
const STAFF_INBOX: InboxKind = { type: 'staff', base: '/admin/messaggi', titleKey: 'notify.inbox.staffTitle', root: { href: '/admin', labelKey: 'notify.inbox.adminHome' } };

/** The logged-in owner of an inbox of `kind`: 401 (pages redirect to the login) for nobody, 403 for the other kind. */
function ownerOf(req: FastifyRequest, kind: InboxKind): InboxOwner {
  const a = req.actor;
  if (!a || a.type === 'anonymous') throw httpProblem('unauthorized');
  if (a.type !== kind.type || !req.server.ctx.permissions.can(a, 'core.inbox.read')) throw httpProblem('forbidden');
  return { tenantId: req.tenant!.id, type: kind.type, id: a.id };
}

/** Staff read-marks are staff mutations: audited. */
function auditOf(req: FastifyRequest, owner: InboxOwner): AuditContext | undefined {
  return owner.type === 'staff' ? { tenantId: owner.tenantId, actor: req.actor, requestId: req.id } : undefined;
}

function inboxRoutes(app: FastifyInstance, ctx: AppContext, kind: InboxKind): void {
  app.get(kind.base, { schema: { hide: true } }, async (req, reply) => {
    const owner = ownerOf(req, kind);
    const page = pageNumber(req);
    const { messages, hasNext, unread } = await listInbox(ctx.db, owner, { limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE });
    const title = t(req.locale, kind.titleKey);
    return send(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <Crumbs locale={pc.locale} items={[{ href: kind.root.href, label: tr(kind.root.labelKey) }, { label: title }]} />
          <h1>{title}</h1>
          <p class="lead">{unread > 0 ? tr('notify.inbox.unreadCount', { count: unread }) : messages.length > 0 ? tr('notify.inbox.allRead') : tr('notify.inbox.empty')}</p>
          {unread > 0 ? (
            <form method="post" action={`${kind.base}/letti`} class="mb-4">
              <input type="hidden" name="_csrf" value={pc.csrfToken} />
              <button type="submit" class="btn btn-outline-primary btn-sm">
                {tr('notify.inbox.markAllRead')}
              </button>
            </form>
          ) : null}
          {messages.length > 0 ? (
            <ul class="list-unstyled" aria-label={tr('notify.inbox.list')}>
              {messages.map((m) => {
                const isUnread = !m.readAt;
                return (
                  <li class="mb-3" id={`messaggio-${m.id}`}>
                    <article class={`card card-bg shadow-sm${isUnread ? ' border-start border-4 border-primary' : ''}`} data-unread={isUnread ? 'true' : 'false'}>
                      <div class="card-body">
                        <h2 class={`h5 card-title${isUnread ? ' fw-bold' : ' fw-normal'}`}>
                          {isUnread ? (
                            <span class="badge bg-primary me-2">
                              {tr('notify.inbox.new')}
                              <span class="visually-hidden"> ({tr('notify.inbox.unread')})</span>
                            </span>
                          ) : null}
                          {m.subject}
                        </h2>
                        <p class="small text-muted mb-2">
                          {tr('notify.inbox.receivedAt')} <time datetime={m.createdAt.toISOString()}>{formatTime(pc.locale, m.createdAt)}</time>
                        </p>
                        <Paragraphs text={m.bodyText} />
                        <div class="d-flex flex-wrap gap-2 mt-3">
                          {m.link ? (
                            <a class="btn btn-primary btn-sm" href={m.link}>
                              {tr('notify.inbox.open')}
                              <span class="visually-hidden">: {m.subject}</span>
                            </a>
                          ) : null}
                          {isUnread ? (
                            <form method="post" action={`${kind.base}/${m.id}/letto`}>
                              <input type="hidden" name="_csrf" value={pc.csrfToken} />
                              <button type="submit" class="btn btn-outline-secondary btn-sm">
                                {tr('notify.inbox.markRead')}
                                <span class="visually-hidden">: {m.subject}</span>
                              </button>
                            </form>
                          ) : null}
                        </div>
                      </div>
                    </article>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <Pager locale={pc.locale} base={kind.base} page={page} hasNext={hasNext} />
        </>
      );
    });
  });

  app.post(`${kind.base}/:id/letto`, { schema: { hide: true } }, async (req, reply) => {
    const owner = ownerOf(req, kind);
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id) || !(await markRead(ctx.db, owner, id, auditOf(req, owner)))) throw httpProblem('not-found');
    return reply.redirect(kind.base, 303);
  });

  app.post(`${kind.base}/letti`, { schema: { hide: true } }, async (req, reply) => {
    const owner = ownerOf(req, kind);
    await markAllRead(ctx.db, owner, auditOf(req, owner));
    return reply.redirect(kind.base, 303);
  });
}

const STATUS_BADGE: Record<Status, string> = { pending: 'bg-warning text-dark', sent: 'bg-success', sunk: 'bg-secondary', failed: 'bg-danger' };

function outboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/outbox', { schema: { hide: true }, preHandler: requirePermission('core.outbox.read') }, async (req, reply) => {
    const tenant = req.tenant!;
    const rawStatus = (req.query as Record<string, unknown> | undefined)?.status;
    const status = STATUSES.find((s) => s === rawStatus);
    const page = pageNumber(req);
    const conds: SQL[] = [eq(messageDeliveries.tenantId, tenant.id)];
    if (status) conds.push(eq(messageDeliveries.status, status));
    const { rows, total } = await withTenantTx(ctx.db, tenant.id, async (tx) => {
      const rows = await tx
        .select()
        .from(messageDeliveries)
        .where(and(...conds))
        .orderBy(desc(messageDeliveries.createdAt), desc(messageDeliveries.id))
        .limit(OUTBOX_PAGE_SIZE + 1)
        .offset((page - 1) * OUTBOX_PAGE_SIZE);
      const [c] = await tx.select({ n: count() }).from(messageDeliveries).where(and(...conds));
      return { rows, total: c?.n ?? 0 };
    });
    const hasNext = rows.length > OUTBOX_PAGE_SIZE;
    const shown = rows.slice(0, OUTBOX_PAGE_SIZE);
    const title = t(req.locale, 'notify.outbox.title');
    return send(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <Crumbs locale={pc.locale} items={[{ href: '/admin', label: tr('notify.inbox.adminHome') }, { label: title }]} />
          <h1>{title}</h1>
          <p>{tr('notify.outbox.intro')}</p>
          <div class={`alert ${ctx.config.deliveryMode === 'sink' ? 'alert-info' : 'alert-success'}`} role="status">
            {ctx.config.deliveryMode === 'sink' ? tr('notify.outbox.modeSink') : tr('notify.outbox.modeSmtp')}
          </div>
          <form method="get" action="/admin/outbox" class="row g-3 align-items-end mb-4" role="search" aria-label={tr('notify.outbox.filters')}>
            <div class="col-md-4 form-group mb-0">
              <label for="outbox-status" class="active">
                {tr('notify.outbox.status')}
              </label>
              <select class="form-select" id="outbox-status" name="status">
                <option value="">{tr('notify.outbox.anyStatus')}</option>
                {STATUSES.map((s) => (
                  <option value={s} selected={s === status}>
                    {tr(`notify.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="col-md-3">
              <button type="submit" class="btn btn-primary">
                {tr('notify.outbox.apply')}
              </button>
            </div>
          </form>
          {shown.length === 0 ? (
            <p>{tr('notify.outbox.empty')}</p>
          ) : (
            <div class="table-responsive">
              <table class="table table-striped align-top">
                <caption>{tr('notify.outbox.caption', { page, total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('notify.outbox.createdAt')}</th>
                    <th scope="col">{tr('notify.outbox.to')}</th>
                    <th scope="col">{tr('notify.outbox.subject')}</th>
                    <th scope="col">{tr('notify.outbox.status')}</th>
                    <th scope="col">{tr('notify.outbox.attempts')}</th>
                    <th scope="col">{tr('notify.outbox.lastError')}</th>
                    <th scope="col">{tr('notify.outbox.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => (
                    <tr id={`consegna-${d.id}`} data-status={d.status}>
                      <td>
                        <time datetime={d.createdAt.toISOString()}>{formatTime(pc.locale, d.createdAt)}</time>
                      </td>
                      <td class="text-break">{d.toAddress}</td>
                      <td>{d.subject}</td>
                      <td>
                        <span class={`badge ${STATUS_BADGE[d.status]}`}>{tr(`notify.status.${d.status}`)}</span>
                      </td>
                      <td>{d.attempts}</td>
                      <td class="text-break small">{d.lastError ?? '—'}</td>
                      <td>
                        {d.status === 'sent' || d.status === 'sunk' ? (
                          <details>
                            <summary>{tr('notify.outbox.showMessage')}</summary>
                            <div class="bg-light p-2 mt-2 mb-2 small">
                              <Paragraphs text={d.bodyText} />
                            </div>
                            {d.attachments.length > 0 ? (
                              <p class="small mb-0">
                                {tr('notify.outbox.attachments')}: {d.attachments.map((a) => `${a.filename} (${a.contentType})`).join(', ')}
                              </p>
                            ) : null}
                          </details>
                        ) : (
                          <span class="small text-muted">{tr('notify.outbox.notShown')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager locale={pc.locale} base="/admin/outbox" page={page} hasNext={hasNext} extra={status ? { status } : {}} />
        </>
      );
    });
  });
}

export async function notifyPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  inboxRoutes(app, ctx, CITIZEN_INBOX);
  inboxRoutes(app, ctx, STAFF_INBOX);
  outboxRoutes(app, ctx);
}
