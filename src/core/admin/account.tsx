import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { httpProblem } from '../http/problem.ts';
import { t, translator } from '../i18n/index.ts';
import {
  disableTotp,
  enableTotp,
  findStaffById,
  pendingTotpSecret,
  setStaffPassword,
  totpUri,
  verifyPassword,
  type StaffRow,
} from '../auth/staff.ts';
import { Alert, Breadcrumb, CsrfField, Input, NewPasswordInput, errorText, formBody, queryOf, sendPage, str, type FieldErrors } from '../auth/views.tsx';
import { requireStaff, staffOf } from './guard.ts';

/** The staff member's own account: password change and TOTP enrolment (/admin/account, /admin/account/totp). */

async function me(ctx: AppContext, req: FastifyRequest): Promise<StaffRow> {
  const actor = staffOf(req);
  const tenant = req.tenant!;
  const s = await withTenantTx(ctx.db, tenant.id, (tx) => findStaffById(tx, tenant.id, actor.id));
  if (!s) throw httpProblem('unauthorized');
  return s;
}

function accountPage(req: FastifyRequest, reply: FastifyReply, s: StaffRow, errors: FieldErrors, notice: string | null, code = 200) {
  const title = t(req.locale, 'admin.account.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const err = (f: string) => errorText(pc.locale, errors, f);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          {notice ? <Alert kind="success">{tr(notice)}</Alert> : null}
          <dl class="row">
            <dt class="col-sm-4">{tr('admin.staff.name')}</dt>
            <dd class="col-sm-8">{s.displayName}</dd>
            <dt class="col-sm-4">{tr('auth.staff.email')}</dt>
            <dd class="col-sm-8">{s.email}</dd>
            <dt class="col-sm-4">{tr('admin.staff.roles')}</dt>
            <dd class="col-sm-8">{s.roles.map((r) => tr(`auth.role.${r}`)).join(', ')}</dd>
            <dt class="col-sm-4">{tr('admin.staff.totp')}</dt>
            <dd class="col-sm-8">
              {s.totpEnabled ? tr('admin.staff.totpOn') : tr('admin.staff.totpOff')} — <a href="/admin/account/totp">{tr('admin.account.totpManage')}</a>
            </dd>
          </dl>
          <div class="row">
            <div class="col-lg-6">
              <h2 class="h4">{tr('admin.account.passwordTitle')}</h2>
              <form method="post" action="/admin/account/password" novalidate>
                <CsrfField ctx={pc} />
                <Input id="current" type="password" label={tr('admin.account.currentPassword')} error={err('current')} required autocomplete="current-password" />
                <NewPasswordInput locale={pc.locale} label={tr('admin.staff.newPassword')} error={err('password')} />
                <button type="submit" class="btn btn-primary">
                  {tr('admin.staff.setPassword')}
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

function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function totpPage(req: FastifyRequest, reply: FastifyReply, s: StaffRow, secret: string | null, error: string | null, code = 200) {
  const title = t(req.locale, 'admin.totp.title');
  const tenant = req.tenant!;
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const codeField = (
        <Input
          id="code"
          label={tr('auth.totp.code')}
          error={error}
          required
          autocomplete="one-time-code"
          inputmode="numeric"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          hint={tr('auth.totp.codeHint')}
        />
      );
      return (
        <>
          <Breadcrumb
            locale={pc.locale}
            items={[{ href: '/admin', label: tr('admin.home.title') }, { href: '/admin/account', label: tr('admin.account.title') }, { label: title }]}
          />
          <h1>{title}</h1>
          {s.totpEnabled ? (
            <div class="row">
              <div class="col-lg-7">
                <Alert kind="success">{tr('admin.totp.enabled')}</Alert>
                <h2 class="h4">{tr('admin.totp.disableTitle')}</h2>
                <p>{tr('admin.totp.disableText')}</p>
                <form method="post" action="/admin/account/totp/disable" novalidate>
                  <CsrfField ctx={pc} />
                  {codeField}
                  <button type="submit" class="btn btn-outline-danger">
                    {tr('admin.totp.disable')}
                  </button>
                </form>
              </div>
            </div>
          ) : (
            <div class="row">
              <div class="col-lg-8">
                <p class="lead">{tr('admin.totp.lead')}</p>
                <ol>
                  <li>{tr('admin.totp.step1')}</li>
                  <li>
                    {tr('admin.totp.step2')}
                    <dl class="mt-2">
                      <dt>{tr('admin.totp.secret')}</dt>
                      <dd>
                        <code class="fs-5">
                          {groupSecret(secret ?? '')}
                        </code>
                      </dd>
                      <dt>{tr('admin.totp.uri')}</dt>
                      <dd>
                        <a href={totpUri(s.email, tenant.name, secret ?? '')} class="text-break">
                          <code>{totpUri(s.email, tenant.name, secret ?? '')}</code>
                        </a>
                      </dd>
                    </dl>
                  </li>
                  <li>{tr('admin.totp.step3')}</li>
                </ol>
                <form method="post" action="/admin/account/totp" novalidate>
                  <CsrfField ctx={pc} />
                  {codeField}
                  <button type="submit" class="btn btn-primary">
                    {tr('admin.totp.confirm')}
                  </button>
                </form>
              </div>
            </div>
          )}
        </>
      );
    },
    code,
  );
}

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const audit = (req: FastifyRequest) => ({ tenantId: req.tenant!.id, actor: staffOf(req), requestId: req.id });

  app.get('/admin/account', { schema: { hide: true }, preHandler: requireStaff }, async (req, reply) => {
    const s = await me(ctx, req);
    const done = queryOf(req).done;
    const notice = done === 'password' ? 'admin.staff.passwordSaved' : done === 'totp-enabled' ? 'admin.totp.enabled' : done === 'totp-disabled' ? 'admin.totp.disabled' : null;
    return accountPage(req, reply, s, [], notice);
  });

  app.post('/admin/account/password', { schema: { hide: true }, preHandler: requireStaff, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (req, reply) => {
    const s = await me(ctx, req);
    const b = formBody(req);
    if (!s.passwordHash || !(await verifyPassword(s.passwordHash, str(b.current)))) {
      return accountPage(req, reply, s, [{ field: 'current', message: 'admin.account.currentWrong' }], null, 400);
    }
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => setStaffPassword(tx, audit(req), s.id, str(b.password)));
    if (!res.ok) return accountPage(req, reply, s, res.error, null, 400);
    return reply.redirect('/admin/account?done=password', 303);
  });

  app.get('/admin/account/totp', { schema: { hide: true }, preHandler: requireStaff }, async (req, reply) => {
    const s = await me(ctx, req);
    if (s.totpEnabled) return totpPage(req, reply, s, null, null);
    const secret = await pendingTotpSecret(ctx.db, req.tenant!.id, s.id);
    return totpPage(req, reply, s, secret, null);
  });

  app.post('/admin/account/totp', { schema: { hide: true }, preHandler: requireStaff, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (req, reply) => {
    const s = await me(ctx, req);
    if (s.totpEnabled) return reply.redirect('/admin/account/totp', 303);
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => enableTotp(tx, audit(req), s.id, str(formBody(req).code)));
    if (!res.ok) {
      const secret = await pendingTotpSecret(ctx.db, req.tenant!.id, s.id);
      return totpPage(req, reply, s, secret, t(req.locale, res.error[0]!.message), 400);
    }
    return reply.redirect('/admin/account?done=totp-enabled', 303);
  });

  app.post('/admin/account/totp/disable', { schema: { hide: true }, preHandler: requireStaff, config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (req, reply) => {
    const s = await me(ctx, req);
    if (!s.totpEnabled) return reply.redirect('/admin/account/totp', 303);
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => disableTotp(tx, audit(req), s.id, str(formBody(req).code)));
    if (!res.ok) return totpPage(req, reply, s, null, t(req.locale, res.error[0]!.message), 400);
    return reply.redirect('/admin/account?done=totp-disabled', 303);
  });
}
