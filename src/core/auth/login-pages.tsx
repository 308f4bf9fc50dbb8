import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { t, translator } from '../i18n/index.ts';
import { endSession } from './sessions.ts';
import { oidcSettingsOf } from './oidc.ts';
import { safeNext } from './safe-redirect.ts';
import { queryOf, sendPage } from './views.tsx';

/** GET /auth/login (how to log in) and POST /auth/logout. */
export async function loginPageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/auth/login', { schema: { hide: true } }, async (req, reply) => {
    const q = queryOf(req);
    const next = safeNext(q.next, '');
    const nextParam = next ? `?next=${encodeURIComponent(next)}` : '';
    const oidcSettings = oidcSettingsOf(req.tenant!);
    const staffFirst = next.startsWith('/admin');
    const title = t(req.locale, 'auth.login.title');
    return sendPage(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      const citizens = (
        <div class="col-lg-6 mb-4">
          <div class="card card-bg h-100">
            <div class="card-body">
              <h2 class="card-title h4">{tr('auth.login.citizensTitle')}</h2>
              <p class="card-text">{tr('auth.login.citizensText')}</p>
              {oidcSettings ? (
                <a class="btn btn-primary btn-lg" href={`/auth/oidc/start${nextParam}`}>
                  {oidcSettings.label || tr('auth.login.spidCie')}
                </a>
              ) : (
                <p class="text-secondary">{tr('auth.login.oidcNotConfigured')}</p>
              )}
              {!ctx.config.isProduction ? (
                <p class="mt-4 mb-0">
                  <a href={`/auth/demo${nextParam}`}>{tr('auth.login.demoLink')}</a>
                </p>
              ) : null}
            </div>
          </div>
        </div>
      );
      const staff = (
        <div class="col-lg-6 mb-4">
          <div class="card card-bg h-100">
            <div class="card-body">
              <h2 class="card-title h4">{tr('auth.login.staffTitle')}</h2>
              <p class="card-text">{tr('auth.login.staffText')}</p>
              <a class="btn btn-outline-primary" href={`/auth/staff/login${nextParam}`}>
                {tr('auth.login.staffLink')}
              </a>
            </div>
          </div>
        </div>
      );
      return (
        <>
          <h1>{title}</h1>
          <p class="lead">{tr('auth.login.lead')}</p>
          <div class="row">{staffFirst ? [staff, citizens] : [citizens, staff]}</div>
        </>
      );
    });
  });

  app.post('/auth/logout', { schema: { hide: true } }, async (req, reply) => {
    await endSession(req, reply);
    return reply.redirect('/', 303);
  });
}
