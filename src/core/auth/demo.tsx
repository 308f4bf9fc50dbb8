import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { t, translator } from '../i18n/index.ts';
import { startSession } from './sessions.ts';
import { safeNext } from './safe-redirect.ts';
import { registerLoginSuccess } from './staff.ts';
import { DEMO_CITIZENS, DEMO_STAFF, ensureDemoCitizen, ensureDemoStaff, findDemoIdentity } from './demo-identities.ts';
import { Alert, CsrfField, formBody, queryOf, sendPage, str } from './views.tsx';

/**
 * GET/POST /auth/demo: log in as a demo citizen or staff member with one click. Registered only when
 * PIAZZA_ENV is not production (see identityPlugin), so in production these paths answer 404.
 */
function demoPage(req: FastifyRequest, reply: FastifyReply, next: string, error: string | null, status = 200) {
  const title = t(req.locale, 'auth.demo.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const form = (id: string, label: string, description: string) => (
        <li class="list-group-item d-flex flex-wrap align-items-center justify-content-between gap-2">
          <div>
            <strong>{label}</strong>
            <br />
            <span class="small text-secondary">{description}</span>
          </div>
          <form method="post" action="/auth/demo" class="d-inline">
            <CsrfField ctx={pc} />
            <input type="hidden" name="identity" value={id} />
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <button type="submit" class="btn btn-primary btn-sm" aria-label={tr('auth.demo.loginAs', { name: label })}>
              {tr('auth.demo.login')}
            </button>
          </form>
        </li>
      );
      return (
        <>
          <h1>{title}</h1>
          <Alert kind="warning">{tr('auth.demo.warning')}</Alert>
          {error ? <Alert kind="danger">{error}</Alert> : null}
          <div class="row">
            <div class="col-lg-6 mb-4">
              <h2 class="h4">{tr('auth.demo.citizensTitle')}</h2>
              <ul class="list-group">
                {DEMO_CITIZENS.map((c) => form(c.id, `${c.givenName} ${c.familyName}`, `${tr(c.description)} · ${tr('auth.taxCode')} ${c.taxCode}`))}
              </ul>
            </div>
            <div class="col-lg-6 mb-4">
              <h2 class="h4">{tr('auth.demo.staffTitle')}</h2>
              <ul class="list-group">
                {DEMO_STAFF.map((s) => form(s.id, s.displayName, s.roles.map((r) => tr(`auth.role.${r}`)).join(', ')))}
              </ul>
              <h3 class="h5 mt-4">{tr('auth.demo.passwordsTitle')}</h3>
              <p>{tr('auth.demo.passwordsText')}</p>
              <div class="table-responsive">
                <table class="table table-sm">
                  <caption class="visually-hidden">{tr('auth.demo.passwordsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr('auth.staff.email')}</th>
                      <th scope="col">{tr('auth.staff.password')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {DEMO_STAFF.map((s) => (
                      <tr>
                        <td>
                          <code>{s.email}</code>
                        </td>
                        <td>
                          <code>{s.password}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <a class="btn btn-outline-primary btn-sm" href="/auth/staff/login">
                {tr('auth.login.staffLink')}
              </a>
            </div>
          </div>
        </>
      );
    },
    status,
  );
}

export async function demoLoginRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (ctx.config.isProduction) throw new Error('the demo login must never be registered in production');

  app.get('/auth/demo', { schema: { hide: true } }, async (req, reply) => demoPage(req, reply, safeNext(queryOf(req).next, ''), null));

  app.post('/auth/demo', { schema: { hide: true } }, async (req, reply) => {
    const tenant = req.tenant!;
    const body = formBody(req);
    const next = safeNext(str(body.next), '');
    const identity = findDemoIdentity(str(body.identity));
    if (!identity) return demoPage(req, reply, next, t(req.locale, 'auth.demo.unknown'), 400);
    if (identity.kind === 'citizen') {
      const c = await ensureDemoCitizen(ctx, tenant, identity.citizen, req.id);
      await startSession(req, reply, 'citizen', c.id);
      return reply.redirect(safeNext(next, '/area-personale'), 303);
    }
    const s = await ensureDemoStaff(ctx, tenant, identity.staff, req.id);
    if (!s.active) return demoPage(req, reply, next, t(req.locale, 'auth.demo.inactive'), 403);
    await registerLoginSuccess(ctx.db, tenant.id, s, 'demo', req.id);
    await startSession(req, reply, 'staff', s.id);
    return reply.redirect(safeNext(next, '/admin'), 303);
  });
}
