import type { FastifyInstance } from 'fastify';
import { pageContext } from '../../app.ts';
import { registerMessages, translator } from '../i18n/index.ts';
import { Layout, renderPage } from '../views/layout.tsx';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/**
 * The platform's entry page for a comune: the way into the personal area, the staff area and the API.
 * The public site module registers its own home page at "/" and replaces this one.
 */
export async function homePlugin(app: FastifyInstance): Promise<void> {
  registerMessages({ it, en });
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const tr = translator(req.locale);
    const c = req.tenant?.settings.contacts;
    const cards = [
      { title: tr('home.personal.title'), text: tr('home.personal.text'), cta: tr('home.personal.cta'), href: '/area-personale' },
      { title: tr('home.staff.title'), text: tr('home.staff.text'), cta: tr('home.staff.cta'), href: '/auth/staff/login' },
      { title: tr('home.api.title'), text: tr('home.api.text'), cta: tr('home.api.cta'), href: '/api/docs' },
    ];
    return reply.type('text/html; charset=utf-8').send(
      renderPage(
        <Layout ctx={ctx} title={req.tenant?.name ?? 'piazza'} feedback>
          <h1>{req.tenant?.name}</h1>
          <p class="lead">{tr('home.lead')}</p>
          <div class="row g-4 mt-2">
            {cards.map((card) => (
              <div class="col-md-4">
                <div class="card card-bg h-100">
                  <div class="card-body">
                    <h2 class="card-title h5">{card.title}</h2>
                    <p class="card-text">{card.text}</p>
                    <a class="btn btn-outline-primary" href={card.href}>
                      {card.cta}
                    </a>
                  </div>
                </div>
              </div>
            ))}
          </div>
          {c ? (
            <section class="mt-5" aria-labelledby="contacts-title">
              <h2 id="contacts-title" class="h4">{tr('home.contacts')}</h2>
              <dl class="row">
                {c.address ? [<dt class="col-sm-3">{tr('home.address')}</dt>, <dd class="col-sm-9">{c.address}</dd>] : null}
                {c.phone ? [<dt class="col-sm-3">{tr('home.phone')}</dt>, <dd class="col-sm-9">{c.phone}</dd>] : null}
                {c.email ? [<dt class="col-sm-3">{tr('home.email')}</dt>, <dd class="col-sm-9"><a href={`mailto:${c.email}`}>{c.email}</a></dd>] : null}
                {c.pec ? [<dt class="col-sm-3">{tr('home.pec')}</dt>, <dd class="col-sm-9">{c.pec}</dd>] : null}
              </dl>
            </section>
          ) : null}
        </Layout>,
      ),
    );
  });
}
