import type { ComponentChildren } from 'preact';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import type { PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { slugify } from '../content/derive.ts';
import { countByTopic, findPublishedBySlugs, listPublished, type Page } from '../content/repository.ts';
import type { Content } from '../content/types.ts';
import { contentPath, topicPath } from '../content/urls.ts';
import { TOPICS } from '../content/topics.ts';
import { sendSitePage, siteTx, loc, type Tr } from './common.tsx';
import { ServiceCard } from './cards/service.tsx';
import { NewsCard } from './cards/news.tsx';
import { EventCard } from './cards/event.tsx';
import { PlaceCard } from './cards/place.tsx';
import { DocumentCard, OfficeCard, OrganisationCard } from './cards/administration.tsx';
import { searchHref } from './info.tsx';
import it from './i18n/topics.it.json' with { type: 'json' };
import en from './i18n/topics.en.json' with { type: 'json' };

registerMessages({ it, en });

/**
 * Argomenti: the 64 topics of the Modello Comuni vocabulary (each a topic-element, with how many contents carry
 * it), and one page per topic gathering its published services, news, upcoming events, places, offices,
 * documents, bodies and FAQs.
 */

const bySlug = new Map<string, string>(TOPICS.map((name) => [slugify(name), name]));

/** The topic whose page is /argomenti/<slug>, or null. */
export function topicFromSlug(slug: string): string | null {
  return bySlug.get(slug) ?? null;
}

/** How many items each section of a topic page shows before its "see all" link. */
export const TOPIC_SECTION_SIZE = { service: 6, news: 3, event: 3, place: 3, office: 3, document: 3, organisation: 3, faq: 5 } as const;
type SectionType = keyof typeof TOPIC_SECTION_SIZE;

interface TopicContents {
  service: Page<Content<'service'>>;
  news: Page<Content<'news'>>;
  event: Page<Content<'event'>>;
  place: Page<Content<'place'>>;
  office: Page<Content<'office'>>;
  document: Page<Content<'document'>>;
  organisation: Page<Content<'organisation'>>;
  faq: Page<Content<'faq'>>;
  eventPlaces: Content<'place'>[];
}

function countText(tr: Tr, n: number): string {
  if (n === 0) return tr('site.topics.countNone');
  return n === 1 ? tr('site.topics.countOne') : tr('site.topics.count', { n });
}

function TopicsPage({ ctx, tr, counts }: { ctx: PageContext; tr: Tr; counts: Map<string, number> }) {
  return (
    <>
      <h1>{tr('site.topics.title')}</h1>
      <p class="lead">{tr('site.topics.intro')}</p>
      <section aria-labelledby="topics-list" class="mt-4">
        <h2 class="visually-hidden" id="topics-list">
          {tr('site.topics.listTitle')}
        </h2>
        <ul class="row g-3 list-unstyled">
          {TOPICS.map((name) => {
            const n = counts.get(name) ?? 0;
            return (
              <li class="col-12 col-sm-6 col-lg-4">
                <div class="card card-bg no-after rounded shadow-sm h-100">
                  <div class="card-body d-flex justify-content-between align-items-center gap-2 p-3">
                    <a class="text-decoration-none fw-semibold" href={topicPath(name)} data-element={M.topicElement} lang={ctx.locale === 'it' ? undefined : 'it'}>
                      {name}
                    </a>
                    <span class="small text-nowrap">{countText(tr, n)}</span>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function Section({
  id,
  title,
  seeAll,
  children,
}: {
  id: SectionType;
  title: string;
  seeAll: { href: string; label: string } | null;
  children: ComponentChildren;
}) {
  return (
    <section class="mt-5" id={`topic-${id}`} aria-labelledby={`topic-${id}-title`}>
      <h2 class="h3 mb-3" id={`topic-${id}-title`}>
        {title}
      </h2>
      {children}
      {seeAll ? (
        <p class="mt-3">
          <a class="btn btn-outline-primary" href={seeAll.href}>
            {seeAll.label}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Grid({ children }: { children: ComponentChildren[] }) {
  return (
    <div class="row g-4">
      {children.map((c) => (
        <div class="col-12 col-md-6 col-lg-4">{c}</div>
      ))}
    </div>
  );
}

function TopicPage({ ctx, tr, topic, c }: { ctx: PageContext; tr: Tr; topic: string; c: TopicContents }) {
  // Upcoming events are counted, but search lists past ones too: their link has no number.
  const seeAll = (type: SectionType, total: number) =>
    total > TOPIC_SECTION_SIZE[type] ? { href: searchHref({ topic, types: [type] }), label: tr(`site.topics.seeAll.${type}`, { n: total }) } : null;
  const placeOf = new Map(c.eventPlaces.map((p) => [p.slug, p]));
  const sections: { type: SectionType; total: number; body: ComponentChildren }[] = [
    { type: 'service', total: c.service.total, body: <Grid>{c.service.rows.map((item) => <ServiceCard ctx={ctx} item={item} headingLevel={3} />)}</Grid> },
    { type: 'news', total: c.news.total, body: <Grid>{c.news.rows.map((item) => <NewsCard ctx={ctx} item={item} headingLevel={3} />)}</Grid> },
    {
      type: 'event',
      total: c.event.total,
      body: <Grid>{c.event.rows.map((item) => <EventCard ctx={ctx} item={item} headingLevel={3} place={placeOf.get(item.data.place) ?? null} />)}</Grid>,
    },
    { type: 'place', total: c.place.total, body: <Grid>{c.place.rows.map((item) => <PlaceCard ctx={ctx} item={item} headingLevel={3} />)}</Grid> },
    { type: 'office', total: c.office.total, body: <Grid>{c.office.rows.map((item) => <OfficeCard ctx={ctx} item={item} headingLevel={3} />)}</Grid> },
    { type: 'document', total: c.document.total, body: <Grid>{c.document.rows.map((item) => <DocumentCard ctx={ctx} item={item} headingLevel={3} />)}</Grid> },
    {
      type: 'organisation',
      total: c.organisation.total,
      body: <Grid>{c.organisation.rows.map((item) => <OrganisationCard ctx={ctx} item={item} headingLevel={3} />)}</Grid>,
    },
    {
      type: 'faq',
      total: c.faq.total,
      body: (
        <div class="link-list-wrapper">
          <ul class="link-list">
            {c.faq.rows.map((item) => (
              <li>
                <a class="list-item" href={contentPath('faq', item.slug)}>
                  <span>{loc(item.data.question, ctx.locale)}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ),
    },
  ];
  const shown = sections.filter((s) => s.total > 0);
  return (
    <>
      <h1 lang={ctx.locale === 'it' ? undefined : 'it'}>{topic}</h1>
      <p class="lead">{tr('site.topics.pageIntro')}</p>
      {shown.length > 1 ? (
        <nav class="mt-4" aria-labelledby="topic-index">
          <h2 class="h6 text-uppercase" id="topic-index">
            {tr('site.topics.index')}
          </h2>
          <ul class="list-inline">
            {shown.map((s) => (
              <li class="list-inline-item mb-2">
                <a class="chip chip-simple chip-primary text-decoration-none" href={`#topic-${s.type}`}>
                  <span class="chip-label">{tr(`site.topics.section.${s.type}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {shown.length === 0 ? (
        <div class="callout mt-4">
          <p class="mb-0">{tr('site.topics.empty')}</p>
        </div>
      ) : null}
      {shown.map((s) => (
        <Section id={s.type} title={tr(`site.topics.section.${s.type}`)} seeAll={seeAll(s.type, s.total)}>
          {s.body}
        </Section>
      ))}
      <p class="mt-5">
        <a href="/argomenti">{tr('site.topics.backToAll')}</a>
      </p>
    </>
  );
}

export async function topicsPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  const hide = { schema: { hide: true } };

  app.get('/argomenti', hide, async (req, reply) => {
    const counts = await siteTx(req, (tx) => countByTopic(tx));
    return sendSitePage(
      req,
      reply,
      { title: t(req.locale, 'site.topics.title'), description: t(req.locale, 'site.topics.description'), breadcrumb: [{ label: t(req.locale, 'site.topics.title') }], feedback: true, contactBox: true },
      (pc, tr) => <TopicsPage ctx={pc} tr={tr} counts={counts} />,
    );
  });

  app.get<{ Params: { topic: string } }>('/argomenti/:topic', hide, async (req, reply) => {
    const topic = topicFromSlug(req.params.topic);
    if (!topic) throw httpProblem('not-found');
    const locale = req.locale;
    const S = TOPIC_SECTION_SIZE;
    const c = await siteTx(req, async (tx): Promise<TopicContents> => {
      const service = await listPublished(tx, 'service', { topic, locale, order: 'title', limit: S.service });
      const news = await listPublished(tx, 'news', { topic, order: 'date-desc', limit: S.news });
      const event = await listPublished(tx, 'event', { topic, from: new Date(), order: 'date-asc', limit: S.event });
      const place = await listPublished(tx, 'place', { topic, locale, order: 'title', limit: S.place });
      const office = await listPublished(tx, 'office', { topic, locale, order: 'title', limit: S.office });
      const document = await listPublished(tx, 'document', { topic, order: 'date-desc', limit: S.document });
      const organisation = await listPublished(tx, 'organisation', { topic, locale, order: 'title', limit: S.organisation });
      const faq = await listPublished(tx, 'faq', { topic, locale, order: 'title', limit: S.faq });
      const eventPlaces = await findPublishedBySlugs(tx, 'place', [...new Set(event.rows.map((e) => e.data.place))]);
      return { service, news, event, place, office, document, organisation, faq, eventPlaces };
    });
    return sendSitePage(
      req,
      reply,
      {
        title: topic,
        description: t(locale, 'site.topics.pageDescription', { topic }),
        breadcrumb: [{ href: '/argomenti', label: t(locale, 'site.topics.title') }, { label: topic }],
        feedback: true,
        contactBox: true,
      },
      (pc, tr) => <TopicPage ctx={pc} tr={tr} topic={topic} c={c} />,
    );
  });
}

