import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, translator } from '../../../core/i18n/index.ts';
import { queryOf } from '../../../core/auth/views.tsx';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { JsonLd } from '../../../core/views/json-ld.tsx';
import { LoadMore } from '../../../core/views/pager.tsx';
import { countByKind, findPublished, listPublished } from '../content/repository.ts';
import { registerDetailRenderer } from '../content/renderers.ts';
import { slugify, type Locale } from '../content/derive.ts';
import { SERVICE_CATEGORIES, type Content, type ServiceCategory } from '../content/types.ts';
import { categoryPath, contentPath, topicPath } from '../content/urls.ts';
import { SERVICE_CONDITIONS_DOCUMENT } from '../seed.ts';
import { ServiceCard, categoryName } from './cards/service.tsx';
import { Paragraphs, formatDate, loc, pageNumber, sendSitePage, siteTx, type Tr } from './common.tsx';
import it from './i18n/services.it.json' with { type: 'json' };
import en from './i18n/services.en.json' with { type: 'json' };

/**
 * Servizi (Modello Comuni): the catalogue at /servizi with search and the 15 categories, one page per category,
 * and the scheda servizio at /servizi/:slug with every section the national validator reads. Everything works
 * without JavaScript: search is a GET form, "Carica altri risultati" reloads with ?page=N showing the first
 * N × PAGE_SIZE results (the layout's LoadMore; its script appends the next cards in place).
 */

export const PAGE_SIZE = 12;
/** Where people book an appointment (the booking flow reads ?servizio= and ?ufficio=). */
const BOOKING_PATH = '/prenotazione-appuntamento';

const plural = (tr: Tr, key: string, n: number) => tr(n === 1 ? `${key}.one` : `${key}.other`, { n });

/** The category whose slug this is, or null. */
export function categoryBySlug(slug: string): ServiceCategory | null {
  return SERVICE_CATEGORIES.find((c) => slugify(c) === slug) ?? null;
}

// ——— Lists ———

interface ListView {
  /** Path of the page the forms submit to (without query). */
  path: string;
  q: string;
  page: number;
  rows: Content<'service'>[];
  total: number;
}

function SearchForm({ tr, path, q, label, id }: { tr: Tr; path: string; q: string; label: string; id: string }) {
  return (
    <form method="get" action={path} role="search" aria-label={label} class="mt-4 mb-2" id={`${id}-form`}>
      <label for={id} class="form-label fw-semibold">
        {label}
      </label>
      <div class="input-group">
        <input type="search" class="form-control" id={id} name="q" value={q || undefined} maxLength={200} placeholder={tr('site.services.search.placeholder')} />
        <button type="submit" class="btn btn-primary">
          <svg class="icon icon-sm icon-white me-1" aria-hidden="true">
            <use href={`${BI}/svg/sprites.svg#it-search`}></use>
          </svg>
          {tr('site.services.search.submit')}
        </button>
      </div>
    </form>
  );
}

/** Result count, the cards, the empty state and the no-JS "Carica altri risultati" form. */
function Catalogue({ ctx, tr, view, headingId, emptyText }: { ctx: PageContext; tr: Tr; view: ListView; headingId: string; emptyText: string }) {
  const { rows, total, q, page, path } = view;
  const shown = rows.length;
  return (
    <>
      <p class="mb-3" id={`${headingId}-count`}>
        <strong>{plural(tr, q ? 'site.services.results.count' : 'site.services.categories.count', total)}</strong>
        {q ? <> {tr('site.services.results.for', { q })}</> : null}
        {total > 0 ? <span class="text-muted"> · {tr('site.services.results.shown', { shown, total })}</span> : null}
      </p>
      {total === 0 ? (
        <div class="callout note">
          <div class="callout-title">
            <svg class="icon" aria-hidden="true">
              <use href={`${BI}/svg/sprites.svg#it-info-circle`}></use>
            </svg>
            <span>{q ? tr('site.services.results.empty') : emptyText}</span>
          </div>
          {q ? (
            <p>
              {tr('site.services.results.emptyHint')} <a href={path}>{tr('site.services.results.clear')}</a>
            </p>
          ) : null}
        </div>
      ) : (
        <ul class="row g-4 list-unstyled mb-0" id={`${headingId}-cards`}>
          {rows.map((s) => (
            <li class="col-12 col-md-6 col-lg-4">
              <ServiceCard ctx={ctx} item={s} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore ctx={ctx} nextPage={shown < total ? page + 1 : null} target={`${headingId}-cards`} />
    </>
  );
}

async function loadList(req: FastifyRequest, locale: Locale, kind: ServiceCategory | undefined, path: string): Promise<ListView> {
  const query = queryOf(req);
  const q = (query.q ?? '').trim().slice(0, 200);
  const page = pageNumber(query);
  const { rows, total } = await siteTx(req, (tx) =>
    listPublished(tx, 'service', { ...(kind ? { kind } : {}), ...(q ? { q, order: 'relevance' as const } : { order: 'title' as const }), locale, limit: page * PAGE_SIZE }),
  );
  return { path, q, page, rows, total };
}

function CategoryLinks({ ctx, tr, counts, current }: { ctx: PageContext; tr: Tr; counts: Map<string, number>; current?: ServiceCategory }) {
  return (
    <ul class="row g-3 list-unstyled mb-0">
      {SERVICE_CATEGORIES.filter((c) => c !== current).map((c) => {
        const n = counts.get(c) ?? 0;
        return (
          <li class="col-12 col-md-6 col-lg-4">
            <div class="card-wrapper h-100">
              <div class="card card-bg no-after shadow-sm rounded h-100">
                <div class="card-body">
                  <h3 class="card-title h5 mb-1">
                    <a class="text-decoration-none" href={categoryPath(c)} data-element={M.serviceCategoryLink}>
                      {categoryName(c, ctx.locale)}
                    </a>
                  </h3>
                  <p class="card-text text-muted mb-0">{n ? plural(tr, 'site.services.categories.count', n) : tr('site.services.categories.none')}</p>
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

async function servicesIndex(req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale;
  const t = translator(locale);
  const view = await loadList(req, locale, undefined, '/servizi');
  const counts = await siteTx(req, (tx) => countByKind(tx, 'service'));
  return sendSitePage(
    req,
    reply,
    {
      title: t('site.services.title'),
      description: t('site.services.description'),
      breadcrumb: [{ label: t('site.services.title') }],
      feedback: true,
      contactBox: true,
    },
    (ctx, tr) => (
      <>
        <div class="row">
          <div class="col-12 col-lg-8">
            <h1>{tr('site.services.title')}</h1>
            <p class="lead">{tr('site.services.intro')}</p>
            <SearchForm tr={tr} path="/servizi" q={view.q} label={tr('site.services.search.label')} id="services-q" />
          </div>
        </div>
        <section class="mt-5" aria-labelledby="services-list-title">
          <h2 id="services-list-title">{view.q ? tr('site.services.results.title') : tr('site.services.all.title')}</h2>
          <Catalogue ctx={ctx} tr={tr} view={view} headingId="services-list" emptyText={tr('site.services.results.empty')} />
        </section>
        <section class="mt-5" aria-labelledby="services-categories-title">
          <h2 id="services-categories-title">{tr('site.services.categories.title')}</h2>
          <CategoryLinks ctx={ctx} tr={tr} counts={counts} />
        </section>
      </>
    ),
  );
}

async function categoryPage(req: FastifyRequest<{ Params: { cat: string } }>, reply: FastifyReply) {
  const category = categoryBySlug(req.params.cat);
  if (!category) throw httpProblem('not-found');
  const locale = req.locale;
  const path = categoryPath(category);
  const view = await loadList(req, locale, category, path);
  const counts = await siteTx(req, (tx) => countByKind(tx, 'service'));
  const name = categoryName(category, locale);
  const t = translator(locale);
  return sendSitePage(
    req,
    reply,
    {
      title: name,
      description: t('site.services.category.intro', { category: name }),
      breadcrumb: [{ href: '/servizi', label: t('site.services.title') }, { label: name }],
      feedback: true,
      contactBox: true,
    },
    (ctx, tr) => (
      <>
        <div class="row">
          <div class="col-12 col-lg-8">
            <h1>{name}</h1>
            <p class="lead">{tr('site.services.category.intro', { category: name })}</p>
            <SearchForm tr={tr} path={path} q={view.q} label={tr('site.services.search.inCategory')} id="category-q" />
          </div>
        </div>
        <section class="mt-5" aria-labelledby="category-list-title">
          <h2 id="category-list-title">{view.q ? tr('site.services.results.title') : tr('site.services.all.title')}</h2>
          <Catalogue ctx={ctx} tr={tr} view={view} headingId="category-list" emptyText={tr('site.services.results.emptyCategory')} />
        </section>
        <section class="mt-5" aria-labelledby="category-others-title">
          <h2 id="category-others-title">{tr('site.services.category.others')}</h2>
          <CategoryLinks ctx={ctx} tr={tr} counts={counts} current={category} />
        </section>
      </>
    ),
  );
}

// ——— Scheda servizio ———

/** The locality the comune serves: "Comune di Biella (demo)" → "Biella"; otherwise the office's town. */
export function localityOf(comuneName: string, fallback?: string): string {
  const m = /^\s*(?:(?:Comune|Città)\s+(?:di\s+|d['’]\s*))?(.+?)\s*(?:\(.*\))?\s*$/i.exec(comuneName);
  return m?.[1]?.trim() || fallback || comuneName;
}

/** Plain text with bare URLs made into links. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <a href={p}>{p}</a> : p))}</>;
}

function LinkifiedParagraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>
            <Linkified text={p} />
          </p>
        ))}
    </>
  );
}

interface Section {
  id: string;
  label: string;
  body: ComponentChildren;
}

function PageIndex({ tr, sections }: { tr: Tr; sections: Section[] }) {
  return (
    <div class="sticky-lg-top pt-lg-3">
      <nav class="navbar it-navscroll-wrapper navbar-expand-lg p-0" aria-labelledby="page-index-title" data-bs-navscroll>
        <div class="menu-wrapper w-100">
          <div class="link-list-wrapper">
            <div class="accordion">
              <div class="accordion-item border-0">
                <h2 class="accordion-header h6" id="page-index-title">
                  <button class="accordion-button px-3" type="button" data-bs-toggle="collapse" data-bs-target="#page-index-body" aria-expanded="true" aria-controls="page-index-body">
                    {tr('site.services.index.title')}
                  </button>
                </h2>
                <div class="progress">
                  <div class="progress-bar it-navscroll-progressbar" role="progressbar" aria-label={tr('site.services.index.progress')} aria-valuenow={0} aria-valuemin={0} aria-valuemax={100}></div>
                </div>
                <div id="page-index-body" class="accordion-collapse collapse show" role="region" aria-labelledby="page-index-title">
                  <div class="accordion-body p-0">
                    <ul class="link-list" data-element={M.pageIndex}>
                      {sections.map((s) => (
                        <li class="nav-item">
                          <a class="nav-link" href={`#${s.id}`}>
                            {s.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
      </nav>
    </div>
  );
}

/** The scheda servizio, for citizens and for the back office preview of a draft. */
export async function renderService(req: FastifyRequest, reply: FastifyReply, item: Content<'service'>, opts: { preview: boolean }): Promise<FastifyReply> {
  const locale = req.locale;
  const d = item.data;
  const [office, conditionsDoc, faqs] = await siteTx(req, async (tx) => {
    const o = d.office ? await findPublished(tx, 'office', d.office) : null;
    const c = d.conditionsFile ? null : await findPublished(tx, 'document', SERVICE_CONDITIONS_DOCUMENT);
    const f = await listPublished(tx, 'faq', { ref: item.slug, locale, order: 'title', limit: 20 });
    return [o, c, f.rows] as const;
  });
  const L = (v: { it: string; en: string } | undefined) => loc(v, locale);
  const title = L(d.title);
  const category = categoryName(d.category, locale);
  const comune = req.tenant?.name ?? '';
  const officeName = office ? L(office.data.name) : '';
  const addr = office?.data.address;
  const addressText = addr ? `${addr.street}, ${addr.postalCode} ${addr.locality}` : '';
  const bookingHref = `${BOOKING_PATH}?${new URLSearchParams({ servizio: item.slug, ...(d.office ? { ufficio: d.office } : {}) }).toString()}`;
  const canBook = d.access.booking && (office ? office.data.bookable !== false : true);
  const t = translator(locale);

  // The conditions document: the service's own file, else the general one (its PDF when it has one).
  let conditions: { href: string; label: string; pdf: boolean; page?: { href: string; title: string } } | null = null;
  if (d.conditionsFile) {
    conditions = { href: `/uploads/${d.conditionsFile.uploadId}`, label: L(d.conditionsFile.title) || L(d.conditionsDocument), pdf: true };
  } else if (conditionsDoc) {
    const file = conditionsDoc.data.attachments?.[0];
    const page = { href: contentPath('document', conditionsDoc.slug), title: L(conditionsDoc.data.title) };
    conditions = file
      ? { href: `/uploads/${file.uploadId}`, label: L(d.conditionsDocument) || L(conditionsDoc.data.title), pdf: true, page }
      : { href: page.href, label: L(d.conditionsDocument) || page.title, pdf: false };
  }

  const online = d.access.online;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: title,
    description: L(d.summary),
    serviceType: category,
    url: `${req.protocol}://${req.host}${contentPath('service', item.slug)}`,
    serviceOperator: { '@type': 'GovernmentOrganization', name: comune },
    areaServed: { '@type': 'AdministrativeArea', name: localityOf(comune, addr?.locality) },
    audience: { '@type': 'Audience', audienceType: t(`site.services.audience.${d.audienceType}`) },
    availableChannel: {
      '@type': 'ServiceChannel',
      name: online ? L(online.label) : t('site.services.section.access'),
      ...(online ? { serviceUrl: online.url } : {}),
      availableLanguage: ['it'],
      ...(office && addr
        ? {
            serviceLocation: {
              '@type': 'Place',
              name: officeName,
              address: { '@type': 'PostalAddress', streetAddress: addr.street, postalCode: addr.postalCode, addressLocality: addr.locality, addressCountry: 'IT' },
            },
          }
        : {}),
    },
  };

  const sections: Section[] = [
    {
      id: 'a-chi-e-rivolto',
      label: t('site.services.section.addressed'),
      body: (
        <div data-element={M.serviceAddressed}>
          <Paragraphs text={L(d.addressedTo)} />
        </div>
      ),
    },
  ];
  if (L(d.description)) {
    sections.push({
      id: 'descrizione',
      label: t('site.services.section.description'),
      body: (
        <div data-element={M.serviceExtendedDescription}>
          <Paragraphs text={L(d.description)} />
        </div>
      ),
    });
  }
  sections.push(
    {
      id: 'come-fare',
      label: t('site.services.section.howTo'),
      body: (
        <div data-element={M.serviceHowTo}>
          <ol class="ps-4">
            {d.howTo.map((s) => (
              <li>
                <p class="mb-2">{L(s)}</p>
              </li>
            ))}
          </ol>
        </div>
      ),
    },
    {
      id: 'cosa-serve',
      label: t('site.services.section.needed'),
      body: (
        <div data-element={M.serviceNeeded}>
          <ul class="ps-4">
            {d.needed.map((s) => (
              <li>
                <p class="mb-2">{L(s)}</p>
              </li>
            ))}
          </ul>
        </div>
      ),
    },
    {
      id: 'cosa-si-ottiene',
      label: t('site.services.section.achieved'),
      body: (
        <div data-element={M.serviceAchieved}>
          <Paragraphs text={L(d.achieved)} />
        </div>
      ),
    },
    {
      id: 'tempi-e-scadenze',
      label: t('site.services.section.calendar'),
      body: (
        <>
          <div data-element={M.serviceCalendarText}>
            <Paragraphs text={L(d.timing)} />
          </div>
          {d.deadlines?.length ? (
            <div class="point-list-wrapper my-4" data-element={M.serviceCalendarList}>
              <h3 class="h5 visually-hidden">{t('site.services.calendar.deadlines')}</h3>
              {d.deadlines.map((dl) => {
                const [y, , day] = dl.date.split('-');
                const month = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { month: 'short', timeZone: 'UTC' }).format(new Date(`${dl.date}T12:00:00Z`));
                return (
                  <div class="point-list">
                    <div class="point-list-aside point-list-primary" aria-hidden="true">
                      <div class="point-date">{Number(day)}</div>
                      <div class="point-month">
                        {month} {y}
                      </div>
                    </div>
                    <div class="point-list-content">
                      <div class="card card-teaser shadow-sm rounded">
                        <div class="card-body">
                          <p class="card-text mb-0">
                            <span class="visually-hidden">{formatDate(locale, dl.date)}: </span>
                            {L(dl.label)}
                          </p>
                        </div>
                      </div>
                    </div>
                  </div>
                );
              })}
            </div>
          ) : null}
        </>
      ),
    },
  );
  if (L(d.cost)) {
    sections.push({
      id: 'quanto-costa',
      label: t('site.services.section.cost'),
      body: (
        <div data-element={M.serviceCost}>
          <Paragraphs text={L(d.cost)} />
        </div>
      ),
    });
  }
  sections.push({
    id: 'accedi-al-servizio',
    label: t('site.services.section.access'),
    body: (
      <div class="bg-light rounded p-4">
        {online ? (
          <div class="mb-4">
            <h3 class="h5">{t('site.services.access.online.title')}</h3>
            <p>{t('site.services.access.online.text')}</p>
            <a class="btn btn-primary" href={online.url} data-element={M.serviceOnlineAccess}>
              {L(online.label) || t('site.services.access.online.default')}
            </a>
          </div>
        ) : null}
        {canBook ? (
          <div class="mb-4">
            <h3 class="h5">{t('site.services.access.booking.title')}</h3>
            <p>{t('site.services.access.booking.text', { office: officeName || comune })}</p>
            <form method="get" action={BOOKING_PATH}>
              <input type="hidden" name="servizio" value={item.slug} />
              {d.office ? <input type="hidden" name="ufficio" value={d.office} /> : null}
              <button type="submit" class="btn btn-outline-primary" data-element={M.serviceBookingAccess}>
                {t('site.services.access.booking.button')}
              </button>
            </form>
          </div>
        ) : null}
        <div data-element={M.serviceGenericAccess}>
          <h3 class="h5">{t('site.services.access.generic.title')}</h3>
          {d.access.inPerson ? <Paragraphs text={L(d.access.inPerson)} /> : null}
          {office && addr ? (
            <p class="mb-0">
              <span class="fw-semibold">{t('site.services.access.generic.where')}:</span> <a href={contentPath('office', office.slug)}>{officeName}</a>, {addressText}
            </p>
          ) : null}
        </div>
      </div>
    ),
  });
  if (d.furtherInfo && L(d.furtherInfo)) {
    sections.push({
      id: 'ulteriori-informazioni',
      label: t('site.services.section.further'),
      body: (
        <div>
          <LinkifiedParagraphs text={L(d.furtherInfo)} />
        </div>
      ),
    });
  }
  if (conditions) {
    const c = conditions;
    sections.push({
      id: 'condizioni-di-servizio',
      label: t('site.services.section.conditions'),
      body: (
        <>
          <p>{t('site.services.conditions.intro')}</p>
          <div class="card card-teaser shadow-sm rounded mt-3">
            <svg class="icon" aria-hidden="true">
              <use href={`${BI}/svg/sprites.svg#it-clip`}></use>
            </svg>
            <div class="card-body">
              <p class="card-title h6 mb-1">
                <a class="text-decoration-none" href={c.href} data-element={M.serviceFile} {...(c.pdf ? { type: 'application/pdf' } : {})}>
                  {c.label}
                  {c.pdf ? ` (${t('site.services.conditions.pdf')})` : ''}
                </a>
              </p>
              {c.page ? (
                <p class="card-text small mb-0">
                  {t('site.services.conditions.page')}: <a href={c.page.href}>{c.page.title}</a>
                </p>
              ) : null}
            </div>
          </div>
        </>
      ),
    });
  }
  if (faqs.length) {
    sections.push({
      id: 'domande-frequenti',
      label: t('site.services.section.faq'),
      body: (
        <div>
          {faqs.map((f) => (
            <div class="mb-4" id={`faq-${f.slug}`}>
              <h3 class="h5">{L(f.data.question)}</h3>
              <Paragraphs text={L(f.data.answer)} />
            </div>
          ))}
          <p>
            <a href="/faq">{t('site.services.faq.all')}</a>
          </p>
        </div>
      ),
    });
  }
  sections.push({
    id: 'contatti',
    label: t('site.services.section.contacts'),
    body: (
      <>
        <div data-element={M.serviceArea}>
          {office ? (
            <div class="card card-teaser shadow-sm rounded">
              <svg class="icon" aria-hidden="true">
                <use href={`${BI}/svg/sprites.svg#it-pa`}></use>
              </svg>
              <div class="card-body">
                <p class="small text-muted mb-1">{t('site.services.contacts.office')}</p>
                <h3 class="card-title h5">
                  <a class="text-decoration-none" href={contentPath('office', office.slug)}>
                    {officeName}
                  </a>
                </h3>
                <ul class="list-unstyled card-text mb-0">
                  {addr ? (
                    <li>
                      <span class="fw-semibold">{t('site.services.contacts.address')}:</span> {addressText}
                    </li>
                  ) : null}
                  {office.data.phone ? (
                    <li>
                      <span class="fw-semibold">{t('site.services.contacts.phone')}:</span> <a href={`tel:${office.data.phone.replace(/[^\d+]/g, '')}`}>{office.data.phone}</a>
                    </li>
                  ) : null}
                  {office.data.email ? (
                    <li>
                      <span class="fw-semibold">{t('site.services.contacts.email')}:</span> <a href={`mailto:${office.data.email}`}>{office.data.email}</a>
                    </li>
                  ) : null}
                  {office.data.pec ? (
                    <li>
                      <span class="fw-semibold">{t('site.services.contacts.pec')}:</span> <a href={`mailto:${office.data.pec}`}>{office.data.pec}</a>
                    </li>
                  ) : null}
                </ul>
              </div>
            </div>
          ) : (
            <p>{comune}</p>
          )}
        </div>
        <div class="mt-4">
          <h3 class="h5">{t('site.services.booking.title')}</h3>
          <p>{t('site.services.booking.text')}</p>
          <a class="btn btn-outline-primary" href={bookingHref} data-element={M.appointmentBooking}>
            <svg class="icon icon-sm icon-primary me-1" aria-hidden="true">
              <use href={`${BI}/svg/sprites.svg#it-calendar`}></use>
            </svg>
            {t('site.services.booking.link')}
          </a>
        </div>
      </>
    ),
  });

  const servicesLabel = t('site.services.title');
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: L(d.summary),
      breadcrumb: [
        { href: '/servizi', label: servicesLabel },
        { href: categoryPath(d.category), label: category },
        { label: title },
      ],
      feedback: true,
      contactBox: true,
      preview: opts.preview,
      head: <JsonLd data={jsonLd} />,
    },
    (ctx) => (
      <article>
        <div class="row">
          <div class="col-12 col-lg-10">
            <h1 data-element={M.serviceTitle}>{title}</h1>
            <div class="d-flex flex-wrap align-items-center gap-2 mb-3" data-element={M.serviceStatus}>
              <span class={`chip chip-simple ${d.status === 'active' ? 'chip-primary' : 'chip-danger'} mb-0`}>
                <span class="chip-label">{d.status === 'active' ? t('site.services.status.active') : t('site.services.status.inactive')}</span>
              </span>
              {d.status === 'inactive' && d.statusReason ? <p class="mb-0">{L(d.statusReason)}</p> : null}
            </div>
            <p class="lead" data-element={M.serviceDescription}>
              {L(d.summary)}
            </p>
            {d.topics.length ? (
              <div class="mb-3">
                <span class="small fw-semibold me-2" id="service-topics-label">
                  {t('site.services.topics')}:
                </span>
                <ul class="d-inline-flex flex-wrap gap-2 list-unstyled mb-0 align-middle" aria-labelledby="service-topics-label">
                  {d.topics.map((topic) => (
                    <li>
                      <a class="chip chip-simple chip-primary mb-0 text-decoration-none" href={topicPath(topic)} data-element={M.serviceTopic} {...(ctx.locale === 'en' ? { lang: 'it' } : {})}>
                        <span class="chip-label">{topic}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </div>
        <div class="row mt-4">
          <div class="col-12 col-lg-3 mb-4">
            <PageIndex tr={t} sections={sections} />
          </div>
          <div class="col-12 col-lg-8 offset-lg-1">
            {sections.map((s) => (
              <section class="mb-5" id={s.id} aria-labelledby={`${s.id}-title`}>
                <h2 id={`${s.id}-title`} class="h3 mb-3">
                  {s.label}
                </h2>
                {s.body}
              </section>
            ))}
            <p class="small text-muted">{t('site.services.updated', { date: formatDate(locale, item.updatedAt) })}</p>
          </div>
        </div>
      </article>
    ),
  );
}

export async function servicesPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  registerDetailRenderer('service', renderService);

  app.get('/servizi', servicesIndex);
  app.get<{ Params: { cat: string } }>('/servizi/categoria/:cat', categoryPage);
  app.get<{ Params: { slug: string } }>('/servizi/:slug', async (req, reply) => {
    const item = await siteTx(req, (tx) => findPublished(tx, 'service', req.params.slug));
    if (!item) throw httpProblem('not-found');
    return renderService(req, reply, item, { preview: false });
  });
}
