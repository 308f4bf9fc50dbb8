import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { httpProblem } from '../http/problem.ts';
import { t, translator } from '../i18n/index.ts';
import type { Actor } from './types.ts';
import { findCitizen, updateCitizenEmail, type CitizenRow } from './citizens.ts';
import { Alert, CsrfField, Input, formBody, queryOf, sendPage, str, type FieldErrors } from './views.tsx';

/**
 * The citizen's personal area (/area-personale): identity data from SPID/CIE, the contact e-mail, and links to
 * the pages other parts of piazza add.
 */

export interface PersonalAreaLink {
  href: string;
  /** i18n key of the link text. */
  label: string;
  /** i18n key of a one-line description (optional). */
  description?: string;
}

/**
 * ── Links of the personal area ── Other code adds its pages here when it registers, e.g.
 *   addPersonalAreaLink({ href: '/area-personale/messaggi', label: 'notify.inbox.title', description: 'notify.inbox.description' });
 * (or personalAreaLinks.push(…) once at module load). They are listed in order, under "I tuoi servizi".
 */
export const personalAreaLinks: PersonalAreaLink[] = [];

/** Add (or replace, by href) a link: safe to call each time an app is built, as tests do. */
export function addPersonalAreaLink(link: PersonalAreaLink): void {
  const i = personalAreaLinks.findIndex((l) => l.href === link.href);
  if (i >= 0) personalAreaLinks[i] = link;
  else personalAreaLinks.push(link);
}

function requireCitizen(actor: Actor): Extract<Actor, { type: 'citizen' }> {
  if (actor.type === 'anonymous') throw httpProblem('unauthorized');
  if (actor.type !== 'citizen') throw httpProblem('forbidden');
  return actor;
}

function providerLabel(locale: 'it' | 'en', provider: string | null): string {
  if (!provider) return '—';
  if (provider === 'demo') return t(locale, 'auth.area.providerDemo');
  if (provider.startsWith('oidc:')) return t(locale, 'auth.area.providerOidc', { host: provider.slice(5) });
  return provider;
}

function areaPage(req: FastifyRequest, reply: FastifyReply, c: CitizenRow, v: { email: string; errors: FieldErrors; saved: boolean }, status = 200) {
  const title = t(req.locale, 'auth.area.title');
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const emailError = v.errors.find((e) => e.field === 'email');
      const name = [c.givenName, c.familyName].filter(Boolean).join(' ');
      return (
        <>
          <h1>{title}</h1>
          <p class="lead">{name ? tr('auth.area.welcome', { name }) : tr('auth.area.welcomeNoName')}</p>
          {v.saved ? <Alert kind="success">{tr('auth.area.emailSaved')}</Alert> : null}
          <div class="row">
            <div class="col-lg-6 mb-4">
              <h2 class="h4">{tr('auth.area.identityTitle')}</h2>
              <dl class="row">
                <dt class="col-sm-5">{tr('auth.area.givenName')}</dt>
                <dd class="col-sm-7">{c.givenName ?? '—'}</dd>
                <dt class="col-sm-5">{tr('auth.area.familyName')}</dt>
                <dd class="col-sm-7">{c.familyName ?? '—'}</dd>
                <dt class="col-sm-5">{tr('auth.taxCode')}</dt>
                <dd class="col-sm-7">
                  <code>{c.taxCode}</code>
                </dd>
                <dt class="col-sm-5">{tr('auth.area.provider')}</dt>
                <dd class="col-sm-7">{providerLabel(pc.locale, c.identityProvider)}</dd>
              </dl>
              <p class="small text-secondary">{tr('auth.area.identityNote')}</p>
            </div>
            <div class="col-lg-6 mb-4">
              <h2 class="h4">{tr('auth.area.contactTitle')}</h2>
              <form method="post" action="/area-personale/email" novalidate>
                <CsrfField ctx={pc} />
                <Input
                  id="email"
                  type="email"
                  label={tr('auth.area.email')}
                  value={v.email}
                  error={emailError ? tr(emailError.message) : null}
                  hint={tr('auth.area.emailHint')}
                  autocomplete="email"
                  maxLength={254}
                />
                <button type="submit" class="btn btn-primary">
                  {tr('auth.area.emailSubmit')}
                </button>
              </form>
            </div>
          </div>
          <section aria-labelledby="personal-area-links">
            <h2 class="h4" id="personal-area-links">
              {tr('auth.area.linksTitle')}
            </h2>
            {personalAreaLinks.length === 0 ? (
              <p>{tr('auth.area.linksEmpty')}</p>
            ) : (
              <ul class="link-list">
                {personalAreaLinks.map((l) => (
                  <li>
                    <a class="list-item" href={l.href}>
                      <span>{tr(l.label)}</span>
                    </a>
                    {l.description ? <p class="small mb-2">{tr(l.description)}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      );
    },
    status,
  );
}

export async function personalAreaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/area-personale', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireCitizen(req.actor);
    const tenant = req.tenant!;
    const c = await withTenantTx(ctx.db, tenant.id, (tx) => findCitizen(tx, tenant.id, actor.id));
    if (!c) throw httpProblem('unauthorized');
    return areaPage(req, reply, c, { email: c.email ?? '', errors: [], saved: queryOf(req).saved === 'email' });
  });

  app.post('/area-personale/email', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireCitizen(req.actor);
    const tenant = req.tenant!;
    const email = str(formBody(req).email);
    const res = await withTenantTx(ctx.db, tenant.id, (tx) => updateCitizenEmail(tx, { tenantId: tenant.id, actor, requestId: req.id }, actor.id, email));
    if (!res.ok) {
      const c = await withTenantTx(ctx.db, tenant.id, (tx) => findCitizen(tx, tenant.id, actor.id));
      if (!c) throw httpProblem('unauthorized');
      return areaPage(req, reply, c, { email, errors: res.error, saved: false }, 400);
    }
    return reply.redirect('/area-personale?saved=email', 303);
  });
}
