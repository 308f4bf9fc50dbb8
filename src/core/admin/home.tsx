import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { t, translator } from '../i18n/index.ts';
import { sendPage } from '../auth/views.tsx';
import { adminLinks } from './links.ts';
import { requireStaff, staffOf } from './guard.ts';

/** GET /admin: the staff home, listing the admin pages this staff member may use. */
export async function adminHomeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/admin', { schema: { hide: true }, preHandler: requireStaff }, async (req, reply) => {
    const actor = staffOf(req);
    const links = adminLinks.filter((l) => !l.permission || ctx.permissions.can(actor, l.permission));
    const title = t(req.locale, 'admin.home.title');
    return sendPage(req, reply, title, (pc) => {
      const tr = translator(pc.locale);
      return (
        <>
          <h1>{title}</h1>
          <p class="lead">
            {tr('admin.home.welcome', { name: actor.name })} <span class="text-secondary">({actor.roles.map((r) => tr(`auth.role.${r}`)).join(', ')})</span>
          </p>
          <div class="row">
            {links.map((l) => (
              <div class="col-md-6 col-lg-4 mb-4">
                <div class="card card-bg h-100">
                  <div class="card-body">
                    <h2 class="card-title h5">
                      <a href={l.href}>{tr(l.label)}</a>
                    </h2>
                    {l.description ? <p class="card-text">{tr(l.description)}</p> : null}
                  </div>
                </div>
              </div>
            ))}
          </div>
        </>
      );
    });
  });
}
