import type { ComponentChildren } from 'preact';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { siteLink } from '../../../core/views/site-links.ts';
import { countByTopic, findPublishedBySlugs, listPublished } from '../content/repository.ts';
import type { Content } from '../content/types.ts';
import { topicPath } from '../content/urls.ts';
import { sendSitePage, siteTx, type Tr } from './common.tsx';
import { ServiceCard } from './cards/service.tsx';
import { NewsCard } from './cards/news.tsx';
import { EventCard } from './cards/event.tsx';
import { TopicName, findTopic } from './info.tsx';
import it from './i18n/home.it.json' with { type: 'json' };
import en from './i18n/home.en.json' with { type: 'json' };

registerMessages({ it, en });

/**
 * The home page of the public site (Modello Comuni): the comune's name, site search, quick links, the latest
 * news, upcoming events, the services people use most, the topics with most content, the rating widget and the
 * "Contatta il comune" box. It replaces the platform's entry page (app.ts serves that only when "/" is free).
 * Light on purpose: no hero image, no script of its own.
 */

/** The services shown first, when the comune publishes them; the rest of the six are filled alphabetically. */
export const FEATURED_SERVICES = ['carta-identita-elettronica', 'cambio-di-residenza', 'iscrizione-mensa-scolastica', 'tari', 'permesso-ztl', 'segnalazione-disservizio'];
export const HOME_SIZES = { news: 3, events: 3, services: 6, topics: 8 } as const;

interface HomeData {
  news: Content<'news'>[];
  events: Content<'event'>[];
  places: Content<'place'>[];
  services: Content<'service'>[];
  topics: string[];
}

function Icon({ name, cls = 'icon icon-sm icon-primary' }: { name: string; cls?: string }) {
  return (
    <svg class={cls} aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

function HomeSection({ id, title, more, children }: { id: string; title: string; more?: { href: string; label: string }; children: ComponentChildren }) {
  return (
    <section class="mt-5" aria-labelledby={id}>
      <div class="d-flex flex-wrap justify-content-between align-items-baseline mb-3">
        <h2 class="h3 mb-2" id={id}>
          {title}
        </h2>
        {more ? (
          <a class="btn btn-link px-0" href={more.href}>
            {more.label}
            <Icon name="it-arrow-right" cls="icon icon-sm icon-primary ms-1" />
          </a>
        ) : null}
      </div>
      {children}
    </section>
  );
}

function Cards({ children }: { children: ComponentChildren[] }) {
  return (
    <div class="row g-4">
      {children.map((c) => (
        <div class="col-12 col-md-6 col-lg-4">{c}</div>
      ))}
    </div>
  );
}

function HomePage({ ctx, tr, d }: { ctx: PageContext; tr: Tr; d: HomeData }) {
  const s = siteSettings(ctx.tenant);
  const placeOf = new Map(d.places.map((p) => [p.slug, p]));
  const quick = [
    { href: '/area-personale', label: tr('site.home.quick.personalArea'), icon: 'it-user' },
    { href: siteLink('appointmentBooking'), label: tr('site.home.quick.appointment'), icon: 'it-calendar' },
    { href: siteLink('assistance'), label: tr('site.home.quick.assistance'), icon: 'it-help-circle' },
    { href: siteLink('reportInefficiency'), label: tr('site.home.quick.report'), icon: 'it-error' },
  ];
  return (
    <>
      <section class="bg-primary rounded p-4 p-lg-5" aria-labelledby="home-title">
        <h1 class="text-white mb-2" id="home-title">
          {s.name}
        </h1>
        <p class="lead text-white mb-4">{tr('site.home.lead')}</p>
        <form method="get" action="/cerca" role="search" aria-label={tr('site.home.searchLabel')}>
          <label for="home-search" class="form-label text-white fw-semibold">
            {tr('site.home.searchLabel')}
          </label>
          <div class="input-group">
            <input type="search" class="form-control" id="home-search" name="q" maxLength={200} placeholder={tr('site.home.searchPlaceholder')} />
            <div class="input-group-append">
              <button type="submit" class="btn btn-light">
                <Icon name="it-search" cls="icon icon-sm icon-primary me-1" />
                {tr('site.home.searchSubmit')}
              </button>
            </div>
          </div>
        </form>
        <nav class="mt-4" aria-label={tr('site.home.quickLinks')}>
          <ul class="list-inline mb-0">
            {quick.map((q) => (
              <li class="list-inline-item mb-2">
                <a class="btn btn-outline-light btn-sm" href={q.href}>
                  <Icon name={q.icon} cls="icon icon-sm icon-white me-1" />
                  {q.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      {d.news.length ? (
        <HomeSection id="home-news" title={tr('site.home.news')} more={{ href: '/novita', label: tr('site.home.allNews') }}>
          <Cards>{d.news.map((item) => <NewsCard ctx={ctx} item={item} headingLevel={3} />)}</Cards>
        </HomeSection>
      ) : null}

      <HomeSection id="home-events" title={tr('site.home.events')} more={{ href: '/vivere/eventi', label: tr('site.home.allEvents') }}>
        {d.events.length ? (
          <Cards>{d.events.map((item) => <EventCard ctx={ctx} item={item} headingLevel={3} place={placeOf.get(item.data.place) ?? null} />)}</Cards>
        ) : (
          <p>{tr('site.home.noEvents')}</p>
        )}
      </HomeSection>

      {d.services.length ? (
        <HomeSection id="home-services" title={tr('site.home.services')} more={{ href: '/servizi', label: tr('site.home.allServices') }}>
          <Cards>{d.services.map((item) => <ServiceCard ctx={ctx} item={item} headingLevel={3} />)}</Cards>
        </HomeSection>
      ) : null}

      {d.topics.length ? (
        <HomeSection id="home-topics" title={tr('site.home.topics')} more={{ href: '/argomenti', label: tr('site.home.allTopics') }}>
          <ul class="list-inline">
            {d.topics.map((name) => (
              <li class="list-inline-item mb-2">
                <a class="chip chip-simple chip-primary chip-lg text-decoration-none" href={topicPath(name)}>
                  <span class="chip-label">
                    <TopicName ctx={ctx} name={name} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </HomeSection>
      ) : null}
    </>
  );
}

export async function homePages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const d = await siteTx(req, async (tx): Promise<HomeData> => {
      const news = await listPublished(tx, 'news', { order: 'date-desc', limit: HOME_SIZES.news });
      const events = await listPublished(tx, 'event', { from: new Date(), order: 'date-asc', limit: HOME_SIZES.events });
      const places = await findPublishedBySlugs(tx, 'place', [...new Set(events.rows.map((e) => e.data.place))]);
      const featured = await findPublishedBySlugs(tx, 'service', FEATURED_SERVICES);
      const services = [...featured];
      if (services.length < HOME_SIZES.services) {
        const more = await listPublished(tx, 'service', { locale: req.locale, order: 'title', limit: HOME_SIZES.services * 2 });
        for (const sv of more.rows) {
          if (services.length >= HOME_SIZES.services) break;
          if (!services.some((x) => x.slug === sv.slug)) services.push(sv);
        }
      }
      const counts = await countByTopic(tx);
      const topics = [...counts.entries()]
        .filter(([topic, n]) => n > 0 && findTopic(topic) !== null)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'it'))
        .slice(0, HOME_SIZES.topics)
        .map(([name]) => name);
      return { news: news.rows, events: events.rows, places, services: services.slice(0, HOME_SIZES.services), topics };
    });
    const name = siteSettings(req.tenant).name;
    return sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.home.title'), description: t(req.locale, 'site.home.description', { name }), feedback: true, contactBox: true },
      (pc, tr) => <HomePage ctx={pc} tr={tr} d={d} />,
    );
  });
}
