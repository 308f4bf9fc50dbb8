import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { httpProblem } from '../http/problem.ts';
import { requirePermission } from '../permissions/index.ts';
import { t, type Locale, translator } from '../i18n/index.ts';
import { STAFF_ROLES } from '../auth/types.ts';
import {
  createStaffUser,
  disableTotp,
  findStaffById,
  listStaff,
  setStaffActive,
  setStaffPassword,
  updateStaffRoles,
  type StaffRow,
} from '../auth/staff.ts';
import { Alert, Breadcrumb, CsrfField, Input, NewPasswordInput, errorText, formBody, list, queryOf, sendPage, str, type FieldErrors } from '../auth/views.tsx';
import type { PageContext } from '../views/layout.tsx';
import { staffOf } from './guard.ts';

/** Staff management (/admin/staff): list, create, change roles, deactivate, reset password or TOTP. All audited. */

const MANAGE = requirePermission('core.staff.manage');

function formatDate(locale: Locale, d: Date | null): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);
}

function RolesFieldset({ pc, selected, error, idPrefix }: { pc: PageContext; selected: string[]; error: string | null; idPrefix: string }) {
  const tr = translator(pc.locale);
  return (
    <fieldset class="mb-4" aria-describedby={error ? `${idPrefix}-roles-error` : undefined}>
      <legend class="h6">{tr('admin.staff.roles')}</legend>
      {STAFF_ROLES.map((r) => (
        <div class="form-check">
          <input id={`${idPrefix}-role-${r}`} type="checkbox" name="roles" value={r} checked={selected.includes(r)} />
          <label for={`${idPrefix}-role-${r}`}>
            {tr(`auth.role.${r}`)} <span class="small text-secondary">— {tr(`auth.roleText.${r}`)}</span>
          </label>
        </div>
      ))}
      {error ? (
        <div id={`${idPrefix}-roles-error`} class="invalid-feedback d-block" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}


function status(locale: Locale, s: StaffRow): string {
  if (!s.active) return t(locale, 'admin.staff.inactive');
  if (s.lockedUntil && s.lockedUntil > new Date()) return t(locale, 'admin.staff.lockedUntil', { when: formatDate(locale, s.lockedUntil) });
  return t(locale, 'admin.staff.active');
}

function newStaffPage(req: FastifyRequest, reply: FastifyReply, v: { email: string; displayName: string; roles: string[]; errors: FieldErrors }, code = 200) {
  const title = t(req.locale, 'admin.staff.newTitle');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: '/admin/staff', label: tr('admin.staff.title') }, { label: title }]} />
          <h1>{title}</h1>
          {v.errors.length ? <Alert kind="danger">{tr('admin.form.hasErrors')}</Alert> : null}
          <div class="row">
            <div class="col-lg-7">
              <form method="post" action="/admin/staff" novalidate>
                <CsrfField ctx={pc} />
                <Input id="email" type="email" label={tr('auth.staff.email')} value={v.email} error={errorText(pc.locale, v.errors, 'email')} required autocomplete="off" maxLength={254} />
                <Input id="displayName" label={tr('admin.staff.name')} value={v.displayName} error={errorText(pc.locale, v.errors, 'displayName')} required maxLength={120} />
                <RolesFieldset pc={pc} selected={v.roles} error={errorText(pc.locale, v.errors, 'roles')} idPrefix="new" />
                <NewPasswordInput locale={pc.locale} label={tr('admin.staff.initialPassword')} error={errorText(pc.locale, v.errors, 'password')} />
                <button type="submit" class="btn btn-primary">
                  {tr('admin.staff.create')}
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

interface EditState {
  roles?: string[];
  errors?: FieldErrors;
  notice?: string;
}

function editStaffPage(req: FastifyRequest, reply: FastifyReply, s: StaffRow, st: EditState, code = 200) {
  const title = s.displayName;
  const errors = st.errors ?? [];
  const self = req.actor.type === 'staff' && req.actor.id === s.id;
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const err = (f: string) => errorText(pc.locale, errors, f);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: '/admin/staff', label: tr('admin.staff.title') }, { label: title }]} />
          <h1>{title}</h1>
          {st.notice ? <Alert kind="success">{tr(st.notice)}</Alert> : null}
          {err('active') ? <Alert kind="danger">{err('active')}</Alert> : null}
          <dl class="row">
            <dt class="col-sm-4">{tr('auth.staff.email')}</dt>
            <dd class="col-sm-8">{s.email}</dd>
            <dt class="col-sm-4">{tr('admin.staff.status')}</dt>
            <dd class="col-sm-8">{status(pc.locale, s)}</dd>
            <dt class="col-sm-4">{tr('admin.staff.totp')}</dt>
            <dd class="col-sm-8">{s.totpEnabled ? tr('admin.staff.totpOn') : tr('admin.staff.totpOff')}</dd>
            <dt class="col-sm-4">{tr('admin.staff.lastLogin')}</dt>
            <dd class="col-sm-8">{formatDate(pc.locale, s.lastLoginAt)}</dd>
          </dl>
          <div class="row">
            <div class="col-lg-6 mb-5">
              <h2 class="h4">{tr('admin.staff.rolesTitle')}</h2>
              <form method="post" action={`/admin/staff/${s.id}/roles`}>
                <CsrfField ctx={pc} />
                <RolesFieldset pc={pc} selected={st.roles ?? s.roles} error={err('roles')} idPrefix="edit" />
                <button type="submit" class="btn btn-primary">
                  {tr('admin.staff.saveRoles')}
                </button>
              </form>
            </div>
            <div class="col-lg-6 mb-5">
              <h2 class="h4">{tr('admin.staff.passwordTitle')}</h2>
              <form method="post" action={`/admin/staff/${s.id}/password`} novalidate>
                <CsrfField ctx={pc} />
                <NewPasswordInput locale={pc.locale} label={tr('admin.staff.newPassword')} error={err('password')} />
                <button type="submit" class="btn btn-outline-primary">
                  {tr('admin.staff.setPassword')}
                </button>
              </form>
            </div>
          </div>
          <div class="row">
            {s.totpEnabled ? (
              <div class="col-lg-6 mb-5">
                <h2 class="h4">{tr('admin.staff.totpTitle')}</h2>
                <p>{tr('admin.staff.totpResetText')}</p>
                <form method="post" action={`/admin/staff/${s.id}/totp-reset`}>
                  <CsrfField ctx={pc} />
                  <button type="submit" class="btn btn-outline-danger">
                    {tr('admin.staff.totpReset')}
                  </button>
                </form>
              </div>
            ) : null}
            {!self ? (
              <div class="col-lg-6 mb-5">
                <h2 class="h4">{tr('admin.staff.accessTitle')}</h2>
                <p>{s.active ? tr('admin.staff.deactivateText') : tr('admin.staff.reactivateText')}</p>
                <form method="post" action={`/admin/staff/${s.id}/active`}>
                  <CsrfField ctx={pc} />
                  <input type="hidden" name="active" value={s.active ? 'false' : 'true'} />
                  <button type="submit" class={s.active ? 'btn btn-danger' : 'btn btn-success'}>
                    {s.active ? tr('admin.staff.deactivate') : tr('admin.staff.reactivate')}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </>
      );
    },
    code,
  );
}

export async function staffAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const load = async (req: FastifyRequest): Promise<StaffRow> => {
    const tenant = req.tenant!;
    const id = (req.params as { id: string }).id;
    const s = await withTenantTx(ctx.db, tenant.id, (tx) => findStaffById(tx, tenant.id, id));
    if (!s) throw httpProblem('not-found');
    return s;
  };
  const audit = (req: FastifyRequest) => ({ tenantId: req.tenant!.id, actor: staffOf(req), requestId: req.id });

  app.get('/admin/staff', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const tenant = req.tenant!;
    const rows = await withTenantTx(ctx.db, tenant.id, (tx) => listStaff(tx, tenant.id));
    const title = t(req.locale, 'admin.staff.title');
    const notice = queryOf(req).done;
    return sendPage(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          {notice === 'created' ? <Alert kind="success">{tr('admin.staff.created')}</Alert> : null}
          <p>
            <a class="btn btn-primary" href="/admin/staff/new">
              {tr('admin.staff.newTitle')}
            </a>
          </p>
          <div class="table-responsive">
            <table class="table table-striped">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('admin.staff.name')}</th>
                  <th scope="col">{tr('auth.staff.email')}</th>
                  <th scope="col">{tr('admin.staff.roles')}</th>
                  <th scope="col">{tr('admin.staff.status')}</th>
                  <th scope="col">{tr('admin.staff.totp')}</th>
                  <th scope="col">{tr('admin.staff.lastLogin')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr>
                    <td>
                      <a href={`/admin/staff/${s.id}`}>{s.displayName}</a>
                    </td>
                    <td>{s.email}</td>
                    <td>{s.roles.map((r) => tr(`auth.role.${r}`)).join(', ')}</td>
                    <td>{status(pc.locale, s)}</td>
                    <td>{s.totpEnabled ? tr('admin.staff.totpOn') : tr('admin.staff.totpOff')}</td>
                    <td>{formatDate(pc.locale, s.lastLoginAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    });
  });

  app.get('/admin/staff/new', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) =>
    newStaffPage(req, reply, { email: '', displayName: '', roles: [], errors: [] }),
  );

  app.post('/admin/staff', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const tenant = req.tenant!;
    const b = formBody(req);
    const input = { email: str(b.email), displayName: str(b.displayName), roles: list(b.roles), password: str(b.password) };
    const res = await withTenantTx(ctx.db, tenant.id, (tx) => createStaffUser(tx, audit(req), input));
    if (!res.ok) return newStaffPage(req, reply, { email: input.email, displayName: input.displayName, roles: input.roles, errors: res.error }, 400);
    return reply.redirect(`/admin/staff/${res.value.id}?done=created`, 303);
  });

  app.get('/admin/staff/:id', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const s = await load(req);
    const done = queryOf(req).done;
    const notices: Record<string, string> = {
      created: 'admin.staff.created',
      roles: 'admin.staff.rolesSaved',
      password: 'admin.staff.passwordSaved',
      deactivated: 'admin.staff.deactivated',
      reactivated: 'admin.staff.reactivated',
      totp: 'admin.staff.totpWasReset',
    };
    return editStaffPage(req, reply, s, done && notices[done] ? { notice: notices[done] } : {});
  });

  app.post('/admin/staff/:id/roles', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const s = await load(req);
    const roles = list(formBody(req).roles);
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => updateStaffRoles(tx, audit(req), s.id, roles));
    if (!res.ok) return editStaffPage(req, reply, s, { roles, errors: res.error }, 400);
    return reply.redirect(`/admin/staff/${s.id}?done=roles`, 303);
  });

  app.post('/admin/staff/:id/active', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const s = await load(req);
    const active = str(formBody(req).active) === 'true';
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => setStaffActive(tx, audit(req), s.id, active));
    if (!res.ok) return editStaffPage(req, reply, s, { errors: res.error }, 400);
    return reply.redirect(`/admin/staff/${s.id}?done=${active ? 'reactivated' : 'deactivated'}`, 303);
  });

  app.post('/admin/staff/:id/password', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const s = await load(req);
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => setStaffPassword(tx, audit(req), s.id, str(formBody(req).password)));
    if (!res.ok) return editStaffPage(req, reply, s, { errors: res.error }, 400);
    return reply.redirect(`/admin/staff/${s.id}?done=password`, 303);
  });

  app.post('/admin/staff/:id/totp-reset', { schema: { hide: true }, preHandler: MANAGE }, async (req, reply) => {
    const s = await load(req);
    const res = await withTenantTx(ctx.db, req.tenant!.id, (tx) => disableTotp(tx, audit(req), s.id, null));
    if (!res.ok) return editStaffPage(req, reply, s, { errors: res.error }, 400);
    return reply.redirect(`/admin/staff/${s.id}?done=totp`, 303);
  });
}
