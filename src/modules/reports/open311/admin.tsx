import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, translator, type Locale } from '../../../core/i18n/index.ts';
import { requirePermission } from '../../../core/permissions/index.ts';
import { addAdminLink } from '../../../core/admin/links.ts';
import { staffOf } from '../../../core/admin/guard.ts';
import { Alert, Breadcrumb, CsrfField, Input, formBody, queryOf, sendPage, str } from '../../../core/auth/views.tsx';
import { KEY_EMAIL_MAX, KEY_NAME_MAX, createApiKey, listApiKeys, revokeApiKey, validateNewApiKey, type ApiKeyView } from './keys.ts';
import { OPEN311_BASE, tenantOrigin } from './urls.ts';
import it from './i18n/admin.it.json' with { type: 'json' };
import en from './i18n/admin.en.json' with { type: 'json' };

/**
 * API keys of Open311 client apps (/admin/segnalazioni/open311, permission reports.admin): the list (name, prefix,
 * contact, created, last used, revoked), a form to create one — the key is shown once, only its hash is kept — and
 * revocation. Every change is audited.
 */

registerMessages({ it, en });

export const OPEN311_KEYS_PATH = '/admin/segnalazioni/open311';
const ADMIN = requirePermission('reports.admin');

type Errors = { field: string; message: string }[];

interface FormState {
  name: string;
  contactEmail: string;
  errors: Errors;
}

const fmt = (locale: Locale, d: Date | null) =>
  d ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d) : '—';

async function keysPage(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { form?: FormState; created?: { key: string; apiKey: ApiKeyView }; code?: number } = {},
): Promise<FastifyReply> {
  const tenant = req.tenant!;
  const keys = await withTenantTx(req.server.ctx.db, tenant.id, (tx) => listApiKeys(tx));
  const form = opts.form ?? { name: '', contactEmail: '', errors: [] };
  const q = queryOf(req);
  const endpoint = `${tenantOrigin(req.server.ctx.config.baseUrl, tenant)}${OPEN311_BASE}`;
  const title = translator(req.locale)('reports.open311.admin.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const err = (field: string) => {
        const e = form.errors.find((x) => x.field === field);
        return e ? tr(e.message) : null;
      };
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          <p class="lead">{tr('reports.open311.admin.lead')}</p>
          <p>
            {tr('reports.open311.admin.endpoint')} <code>{endpoint}/discovery.xml</code>
          </p>
          {opts.created ? (
            <div class="alert alert-success" role="status">
              <h2 class="h4">{tr('reports.open311.admin.createdTitle', { name: opts.created.apiKey.name })}</h2>
              <p>{tr('reports.open311.admin.createdText')}</p>
              <p class="mb-0">
                <label for="new-key" class="fw-semibold d-block">
                  {tr('reports.open311.admin.key')}
                </label>
                <input id="new-key" class="form-control font-monospace" type="text" readonly value={opts.created.key} />
              </p>
            </div>
          ) : null}
          {q.revocata === '1' ? <Alert kind="success">{tr('reports.open311.admin.revoked')}</Alert> : null}
          {form.errors.length > 0 ? <Alert kind="danger">{tr('reports.open311.admin.hasErrors', { n: form.errors.length })}</Alert> : null}

          <h2 class="h3 mt-5">{tr('reports.open311.admin.listTitle')}</h2>
          {keys.length === 0 ? (
            <Alert kind="info">{tr('reports.open311.admin.empty')}</Alert>
          ) : (
            <div class="table-responsive">
              <table class="table">
                <caption class="visually-hidden">{tr('reports.open311.admin.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr('reports.open311.admin.name')}</th>
                    <th scope="col">{tr('reports.open311.admin.prefix')}</th>
                    <th scope="col">{tr('reports.open311.admin.contact')}</th>
                    <th scope="col">{tr('reports.open311.admin.created')}</th>
                    <th scope="col">{tr('reports.open311.admin.lastUsed')}</th>
                    <th scope="col">{tr('reports.open311.admin.state')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{tr('reports.open311.admin.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((k) => (
                    <tr data-key-prefix={k.keyPrefix}>
                      <th scope="row">{k.name}</th>
                      <td>
                        <code>{k.keyPrefix}…</code>
                      </td>
                      <td>{k.contactEmail ?? '—'}</td>
                      <td>{fmt(pc.locale, k.createdAt)}</td>
                      <td>{k.lastUsedAt ? fmt(pc.locale, k.lastUsedAt) : tr('reports.open311.admin.never')}</td>
                      <td>
                        {k.revokedAt ? (
                          <span class="badge bg-secondary">{tr('reports.open311.admin.revokedOn', { when: fmt(pc.locale, k.revokedAt) })}</span>
                        ) : (
                          <span class="badge bg-success">{tr('reports.open311.admin.active')}</span>
                        )}
                      </td>
                      <td>
                        {k.revokedAt ? null : (
                          <form method="post" action={`${OPEN311_KEYS_PATH}/${k.id}/revoca`}>
                            <CsrfField ctx={pc} />
                            <button type="submit" class="btn btn-outline-danger btn-sm">
                              {tr('reports.open311.admin.revoke')}
                              <span class="visually-hidden"> {k.name}</span>
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2 class="h3 mt-5">{tr('reports.open311.admin.newTitle')}</h2>
          <form method="post" action={OPEN311_KEYS_PATH} novalidate>
            <CsrfField ctx={pc} />
            <Input
              id="name"
              label={tr('reports.open311.admin.name')}
              value={form.name}
              error={err('name')}
              hint={tr('reports.open311.admin.nameHint')}
              required
              maxLength={KEY_NAME_MAX}
            />
            <Input
              id="contactEmail"
              type="email"
              label={tr('reports.open311.admin.contact')}
              value={form.contactEmail}
              error={err('contactEmail')}
              hint={tr('reports.open311.admin.contactHint')}
              autocomplete="off"
              maxLength={KEY_EMAIL_MAX}
            />
            <button type="submit" class="btn btn-primary">
              {tr('reports.open311.admin.create')}
            </button>
          </form>
        </>
      );
    },
    opts.code ?? 200,
  );
}

export async function open311KeyPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  addAdminLink({ href: OPEN311_KEYS_PATH, label: 'reports.open311.admin.title', description: 'reports.open311.admin.linkText', permission: 'reports.admin' });

  app.get(OPEN311_KEYS_PATH, { schema: { hide: true }, preHandler: ADMIN }, async (req, reply) => keysPage(req, reply));

  app.post(OPEN311_KEYS_PATH, { schema: { hide: true }, preHandler: ADMIN }, async (req, reply) => {
    const staff = staffOf(req);
    const body = formBody(req);
    const input = { name: str(body.name), contactEmail: str(body.contactEmail) };
    const checked = validateNewApiKey(input);
    if (Array.isArray(checked)) {
      return keysPage(req, reply, { form: { ...input, errors: checked.map((e) => ({ field: e.field, message: e.code })) }, code: 400 });
    }
    const created = await createApiKey(ctx, req.tenant!.id, input, { tenantId: req.tenant!.id, actor: staff, requestId: req.id });
    if (!created.ok) {
      const e = created.error;
      return keysPage(req, reply, { form: { ...input, errors: [{ field: e.field ?? 'name', message: e.code }] }, code: 400 });
    }
    // The key is shown in this answer only (never stored in clear, never in a URL).
    return keysPage(req, reply, { created: created.value });
  });

  app.post(`${OPEN311_KEYS_PATH}/:id/revoca`, { schema: { hide: true }, preHandler: ADMIN }, async (req, reply) => {
    const staff = staffOf(req);
    const id = (req.params as { id: string }).id;
    const r = await revokeApiKey(ctx, req.tenant!.id, id, { tenantId: req.tenant!.id, actor: staff, requestId: req.id });
    if (!r.ok) throw httpProblem('not-found');
    return reply.redirect(`${OPEN311_KEYS_PATH}?revocata=1`, 303);
  });
}
