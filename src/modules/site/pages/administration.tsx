/**
 * Amministrazione (Modello Comuni): the first-level page with the seven management-category-link cards, and the
 * seven second-level sections — organi di governo, aree amministrative, uffici, enti e fondazioni, politici,
 * personale amministrativo, documenti e dati — with their detail pages (also used by the back office preview).
 */
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { registerMessages, t as translate } from '../../../core/i18n/index.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { queryOf } from '../../../core/auth/views.tsx';
import { findUpload, formatBytes } from '../../../core/storage/uploads.ts';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { JsonLd } from '../../../core/views/json-ld.tsx';
import type { Tx } from '../../../core/db/client.ts';
import { loc, type Locale } from '../content/derive.ts';
import { findPublished, isValidSlug, listPublished } from '../content/repository.ts';
import { registerDetailRenderer, type DetailRenderer } from '../content/renderers.ts';
import type { Content, ContentType } from '../content/types.ts';
import { ADMINISTRATION_SECTIONS, contentPath, topicPath } from '../content/urls.ts';
import { formatDate, pageNumber, Paragraphs, sendSitePage, siteTx, type Tr } from './common.tsx';
import { AreaCard, documentKindLabel, DocumentCard, OfficeCard, OrganisationCard, organisationKindLabel, PersonCard } from './cards/administration.tsx';
import { ServiceCard } from './cards/service.tsx';
import { OpeningHours, openingHoursSpecification } from './opening-hours.tsx';
import it from './i18n/administration.it.json' with { type: 'json' };
import en from './i18n/administration.en.json' with { type: 'json' };

const S = ADMINISTRATION_SECTIONS;
type SectionKey = keyof typeof ADMINISTRATION_SECTIONS;
/** The seven sections in the order of the Modello Comuni. */
export const SECTION_ORDER: readonly SectionKey[] = ['government', 'areas', 'offices', 'organisations', 'politicians', 'staff', 'documents'];

/** The document kinds of the content model, for the filter of Documenti e dati. */
export const DOCUMENT_KINDS = ['regolamento', 'delibera', 'modulistica', 'bilancio', 'piano', 'avviso pubblico'] as const;
export const DOCUMENTS_PER_PAGE = 9;

const sectionLabel = (tr: Tr, key: SectionKey) => tr(`site.administration.section.${key}`);

/** Home / Amministrazione / section [/ item]. The layout adds Home. */
function crumbs(tr: Tr, section?: SectionKey, item?: string) {
  const items: { href?: string; label: string }[] = [{ href: '/amministrazione', label: tr('site.administration.title') }];
  if (section) items.push({ href: S[section], label: sectionLabel(tr, section) });
  if (item) items.push({ label: item });
  return items;
}

function Icon({ name, cls = 'icon icon-sm icon-primary me-1' }: { name: string; cls?: string }) {
  return (
    <svg class={cls} aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

function PageHead({ title, lead }: { title: string; lead?: string }) {
  return (
    <div class="row">
      <div class="col-lg-8 px-lg-4 py-lg-2">
        <h1>{title}</h1>
        {lead ? <p class="lead">{lead}</p> : null}
      </div>
    </div>
  );
}

function Grid({ children }: { children: ComponentChildren[] }) {
  return (
    <div class="row g-4 mb-4">
      {children.map((c) => (
        <div class="col-12 col-md-6 col-lg-4">{c}</div>
      ))}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="it-page-section mb-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="h3 mb-3">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty({ tr }: { tr: Tr }) {
  return <p class="text-muted">{tr('site.administration.none')}</p>;
}

function TopicChips({ topics, locale }: { topics: string[]; locale: Locale }) {
  return (
    <ul class="list-inline">
      {topics.map((topic) => (
        <li class="list-inline-item mb-2">
          <a class="chip chip-simple chip-primary" href={topicPath(topic)} lang={locale === 'it' ? undefined : 'it'}>
            <span class="chip-label">{topic}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Previous / numbered / next links, with the pager-link marker. Works without JavaScript. */
function Pager({ tr, page, pages, href }: { tr: Tr; page: number; pages: number; href: (p: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination-wrapper justify-content-center" aria-label={tr('site.administration.documents.pagination')}>
      <ul class="pagination">
        {page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={href(page - 1)} data-element={M.pagerLink}>
              <Icon name="it-chevron-left" cls="icon icon-primary" />
              <span class="visually-hidden">{tr('site.administration.documents.previous')}</span>
            </a>
          </li>
        ) : null}
        {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
          <li class="page-item">
            {p === page ? (
              <a class="page-link" href={href(p)} aria-current="page">
                <span class="visually-hidden">{tr('site.administration.documents.pageOf', { n: p, total: pages })}</span>
                <span aria-hidden="true">{p}</span>
              </a>
            ) : (
              <a class="page-link" href={href(p)} data-element={M.pagerLink} aria-label={tr('site.administration.documents.page', { n: p })}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pages ? (
          <li class="page-item">
            <a class="page-link" href={href(page + 1)} data-element={M.pagerLink}>
              <span class="visually-hidden">{tr('site.administration.documents.next')}</span>
              <Icon name="it-chevron-right" cls="icon icon-primary" />
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A short text query from ?q=, at most 100 characters. */
const queryText = (q: Record<string, string>) => (q.q ?? '').trim().slice(0, 100);

const all = <T extends ContentType>(tx: Tx, type: T, locale: Locale, extra: Parameters<typeof listPublished>[2] = {}) =>
  listPublished(tx, type, { locale, limit: 200, ...extra }).then((p) => p.rows);

/** Giunta: the mayor first, then the deputy mayor, then the assessori by name. Consiglio: the president first. */
function governmentOrder(a: Content<'person'>, b: Content<'person'>): number {
  const rank = (p: Content<'person'>) => {
    const role = p.data.role.it.toLowerCase();
    if (role.startsWith('sindac')) return 0;
    if (role.startsWith('vicesindac')) return 1;
    if (role.startsWith('presidente')) return 1;
    return 2;
  };
  return rank(a) - rank(b) || a.data.name.localeCompare(b.data.name, 'it');
}

async function politicians(req: FastifyRequest) {
  const people = await siteTx(req, (tx) => all(tx, 'person', req.locale, { kind: ['giunta', 'consiglio'] }));
  return {
    giunta: people.filter((p) => p.data.body === 'giunta').sort(governmentOrder),
    consiglio: people.filter((p) => p.data.body === 'consiglio').sort(governmentOrder),
  };
}

// ——— Detail pages (registered as the back office preview renderers too) ———

const renderArea: DetailRenderer<'area'> = async (req, reply, item, { preview }) => {
  const { offices, managers } = await siteTx(req, async (tx) => ({
    offices: (await all(tx, 'office', req.locale, { ref: item.slug })).filter((o) => o.data.area === item.slug),
    managers: (await all(tx, 'person', req.locale, { kind: 'staff', ref: item.slug })).filter((p) => p.data.area === item.slug),
  }));
  const d = item.data;
  const name = loc(d.name, req.locale);
  const manager = managers.find((p) => p.data.name === d.manager) ?? managers[0];
  return sendSitePage(
    req,
    reply,
    { title: name, description: loc(d.description, req.locale), breadcrumb: crumbs((k, v) => tr(req, k, v), 'areas', name), feedback: true, contactBox: true, preview },
    (ctx, tr) => (
      <article>
        <PageHead title={name} lead={loc(d.description, ctx.locale)} />
        <Section id="responsabile" title={tr('site.administration.areas.manager')}>
          {manager ? (
            <p>
              <a href={contentPath('person', manager.slug, manager.data)}>{d.manager || manager.data.name}</a>
              {' – '}
              {loc(manager.data.role, ctx.locale)}
            </p>
          ) : (
            <p>{d.manager}</p>
          )}
        </Section>
        <Section id="uffici" title={tr('site.administration.areas.offices')}>
          {offices.length ? <Grid>{offices.map((o) => <OfficeCard ctx={ctx} item={o} />)}</Grid> : <p>{tr('site.administration.areas.noOffices')}</p>}
        </Section>
      </article>
    ),
  );
};

const renderOffice: DetailRenderer<'office'> = async (req, reply, item, { preview }) => {
  const d = item.data;
  const { area, services, people } = await siteTx(req, async (tx) => {
    const area = d.area ? await findPublished(tx, 'area', d.area) : null;
    const services = (await all(tx, 'service', req.locale, { ref: item.slug })).filter((s) => s.data.office === item.slug);
    const persons = await all(tx, 'person', req.locale, { kind: 'staff', ref: item.slug });
    const heads = d.area ? await all(tx, 'person', req.locale, { kind: 'staff', ref: d.area }) : [];
    // People of the office, then the head of its area.
    const people = [...persons.filter((p) => p.data.office === item.slug), ...heads.filter((p) => p.data.area === d.area && !p.data.office)];
    return { area, services, people: people.filter((p, i) => people.findIndex((x) => x.slug === p.slug) === i) };
  });
  const locale = req.locale;
  const name = loc(d.name, locale);
  const address = `${d.address.street}, ${d.address.postalCode} ${d.address.locality}`;
  const osm = `https://www.openstreetmap.org/?mlat=${d.lat}&mlon=${d.lon}#map=18/${d.lat}/${d.lon}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    name,
    description: loc(d.description, locale),
    url: `${req.protocol}://${req.host}${contentPath('office', item.slug)}`,
    address: { '@type': 'PostalAddress', streetAddress: d.address.street, postalCode: d.address.postalCode, addressLocality: d.address.locality, addressCountry: 'IT' },
    geo: { '@type': 'GeoCoordinates', latitude: d.lat, longitude: d.lon },
    telephone: d.phone,
    email: d.email,
    openingHoursSpecification: openingHoursSpecification(d.hours),
    ...(area ? { parentOrganization: { '@type': 'GovernmentOrganization', name: loc(area.data.name, locale) } } : {}),
  };
  const sections = [
    ['descrizione', 'site.administration.offices.description'],
    ['sede', 'site.administration.offices.where'],
    ['orari', 'site.administration.offices.hours'],
    ['contatti', 'site.administration.offices.contacts'],
    ['appuntamenti', 'site.administration.offices.appointments'],
    ['servizi', 'site.administration.offices.services'],
    ...(people.length ? [['persone', 'site.administration.offices.people']] : []),
  ] as [string, string][];
  return sendSitePage(
    req,
    reply,
    {
      title: name,
      description: loc(d.description, locale),
      breadcrumb: crumbs((k, v) => tr(req, k, v), 'offices', name),
      feedback: true,
      contactBox: true,
      preview,
      head: <JsonLd data={jsonLd} />,
    },
    (ctx, tr) => (
      <article>
        <PageHead title={name} />
        {area ? (
          <p>
            <span class="fw-semibold">{tr('site.administration.offices.area')}:</span>{' '}
            <a href={contentPath('area', area.slug)}>{loc(area.data.name, ctx.locale)}</a>
          </p>
        ) : null}
        <div class="row">
          <div class="col-lg-3 mb-4">
            <nav aria-label={tr('site.administration.offices.onThisPage')}>
              <div class="link-list-wrapper">
                <h2 class="h6 text-uppercase">{tr('site.administration.offices.onThisPage')}</h2>
                <ul class="link-list">
                  {sections.map(([id, key]) => (
                    <li>
                      <a class="list-item" href={`#${id}`}>
                        <span>{tr(key)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
          </div>
          <div class="col-lg-8 offset-lg-1">
            <Section id="descrizione" title={tr('site.administration.offices.description')}>
              <Paragraphs text={loc(d.description, ctx.locale)} />
            </Section>
            <Section id="sede" title={tr('site.administration.offices.where')}>
              <p>
                <Icon name="it-map-marker" />
                {address}
              </p>
              <p>
                <a href={osm}>
                  {tr('site.administration.offices.openMap')}
                  <Icon name="it-external-link" cls="icon icon-sm icon-primary ms-1" />
                </a>
              </p>
            </Section>
            <Section id="orari" title={tr('site.administration.offices.hours')}>
              <OpeningHours ctx={ctx} hours={d.hours} />
            </Section>
            <Section id="contatti" title={tr('site.administration.offices.contacts')}>
              <ul class="it-list list-unstyled">
                {d.phone ? (
                  <li class="mb-2">
                    <Icon name="it-telephone" />
                    <span class="fw-semibold">{tr('site.administration.offices.phone')}:</span>{' '}
                    <a href={`tel:${d.phone.replace(/\s+/g, '')}`}>{d.phone}</a>
                  </li>
                ) : null}
                {d.email ? (
                  <li class="mb-2">
                    <Icon name="it-mail" />
                    <span class="fw-semibold">{tr('site.administration.offices.email')}:</span> <a href={`mailto:${d.email}`}>{d.email}</a>
                  </li>
                ) : null}
                {d.pec ? (
                  <li class="mb-2">
                    <Icon name="it-mail" />
                    <span class="fw-semibold">{tr('site.administration.offices.pec')}:</span> <a href={`mailto:${d.pec}`}>{d.pec}</a>
                  </li>
                ) : null}
              </ul>
            </Section>
            <Section id="appuntamenti" title={tr('site.administration.offices.appointments')}>
              {d.bookable ? (
                <>
                  <p>{tr('site.administration.offices.bookable')}</p>
                  <a class="btn btn-primary" href={`/prenotazione-appuntamento?ufficio=${encodeURIComponent(item.slug)}`}>
                    <Icon name="it-calendar" cls="icon icon-sm icon-white me-2" />
                    {tr('site.administration.offices.book')}
                  </a>
                </>
              ) : (
                <p>{tr('site.administration.offices.notBookable')}</p>
              )}
            </Section>
            <Section id="servizi" title={tr('site.administration.offices.services')}>
              {services.length ? (
                <div class="row g-4">
                  {services.map((s) => (
                    <div class="col-12 col-md-6">
                      <ServiceCard ctx={ctx} item={s} />
                    </div>
                  ))}
                </div>
              ) : (
                <p>{tr('site.administration.offices.noServices')}</p>
              )}
            </Section>
            {people.length ? (
              <Section id="persone" title={tr('site.administration.offices.people')}>
                <div class="row g-4">
                  {people.map((p) => (
                    <div class="col-12 col-md-6">
                      <PersonCard ctx={ctx} item={p} />
                    </div>
                  ))}
                </div>
              </Section>
            ) : null}
          </div>
        </div>
      </article>
    ),
  );
};

const renderOrganisation: DetailRenderer<'organisation'> = (req, reply, item, { preview }) => {
  const d = item.data;
  const name = loc(d.name, req.locale);
  return sendSitePage(
    req,
    reply,
    { title: name, description: loc(d.description, req.locale), breadcrumb: crumbs((k, v) => tr(req, k, v), 'organisations', name), feedback: true, contactBox: true, preview },
    (ctx, tr) => (
      <article>
        <div class="row">
          <div class="col-lg-8 px-lg-4 py-lg-2">
            <span class="badge bg-primary mb-2">{organisationKindLabel(ctx, d.kind)}</span>
            <h1>{name}</h1>
          </div>
        </div>
        <Section id="descrizione" title={tr('site.administration.organisations.description')}>
          <Paragraphs text={loc(d.description, ctx.locale)} />
        </Section>
        <Section id="tipo" title={tr('site.administration.organisations.kind')}>
          <p>{organisationKindLabel(ctx, d.kind)}</p>
        </Section>
        <Section id="partecipazione" title={tr('site.administration.organisations.participation')}>
          <p>{loc(d.participation, ctx.locale)}</p>
        </Section>
        {d.website ? (
          <Section id="sito" title={tr('site.administration.organisations.website')}>
            <p>
              <a href={d.website} rel="noopener">
                {d.website}
                <Icon name="it-external-link" cls="icon icon-sm icon-primary ms-1" />
              </a>
            </p>
          </Section>
        ) : null}
        {d.topics?.length ? (
          <Section id="argomenti" title={tr('site.administration.documents.topics')}>
            <TopicChips topics={d.topics} locale={ctx.locale} />
          </Section>
        ) : null}
      </article>
    ),
  );
};

const renderPerson: DetailRenderer<'person'> = async (req, reply, item, { preview }) => {
  const d = item.data;
  const staff = d.body === 'staff';
  const { area, office } = await siteTx(req, async (tx) => ({
    area: d.area ? await findPublished(tx, 'area', d.area) : null,
    office: d.office ? await findPublished(tx, 'office', d.office) : null,
  }));
  const p = staff ? 'site.administration.staff' : 'site.administration.politicians';
  return sendSitePage(
    req,
    reply,
    {
      title: d.name,
      description: loc(d.role, req.locale),
      breadcrumb: crumbs((k, v) => tr(req, k, v), staff ? 'staff' : 'politicians', d.name),
      feedback: true,
      contactBox: true,
      preview,
    },
    (ctx, tr) => (
      <article>
        <div class="row">
          <div class="col-lg-8 px-lg-4 py-lg-2">
            <h1>{d.name}</h1>
            <p class="lead">{loc(d.role, ctx.locale)}</p>
          </div>
          {d.image ? (
            <div class="col-lg-3 offset-lg-1">
              <figure class="figure">
                <img class="figure-img img-fluid rounded" src={`/uploads/${d.image.uploadId}`} alt={loc(d.image.alt, ctx.locale)} />
              </figure>
            </div>
          ) : null}
        </div>
        <Section id="ruolo" title={tr(`${p}.role`)}>
          <p>{loc(d.role, ctx.locale)}</p>
          {!staff ? (
            <p>
              <span class="fw-semibold">{tr('site.administration.politicians.body')}:</span>{' '}
              <a href={S.government}>{tr(`site.administration.body.${d.body}`)}</a>
            </p>
          ) : null}
          {area ? (
            <p>
              <span class="fw-semibold">{tr('site.administration.staff.area')}:</span>{' '}
              <a href={contentPath('area', area.slug)}>{loc(area.data.name, ctx.locale)}</a>
            </p>
          ) : null}
          {office ? (
            <p>
              <span class="fw-semibold">{tr('site.administration.staff.office')}:</span>{' '}
              <a href={contentPath('office', office.slug)}>{loc(office.data.name, ctx.locale)}</a>
            </p>
          ) : null}
          {d.email ? (
            <p>
              <span class="fw-semibold">{tr('site.administration.staff.email')}:</span> <a href={`mailto:${d.email}`}>{d.email}</a>
            </p>
          ) : null}
        </Section>
        {d.delegations && loc(d.delegations, ctx.locale) ? (
          <Section id="deleghe" title={tr('site.administration.politicians.delegations')}>
            <Paragraphs text={loc(d.delegations, ctx.locale)} />
          </Section>
        ) : null}
        {loc(d.biography, ctx.locale) ? (
          <Section id="biografia" title={tr(`${p}.biography`)}>
            <Paragraphs text={loc(d.biography, ctx.locale)} />
          </Section>
        ) : null}
      </article>
    ),
  );
};

const FILE_TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

const renderDocument: DetailRenderer<'document'> = async (req, reply, item, { preview }) => {
  const d = item.data;
  const tenantId = req.tenant?.id;
  const files = await Promise.all(
    (d.attachments ?? []).map(async (a) => {
      const row = tenantId ? await findUpload(req.server.ctx, tenantId, a.uploadId) : null;
      return { ...a, info: row ? { type: FILE_TYPES[row.contentType] ?? row.contentType, size: formatBytes(row.sizeBytes) } : null };
    }),
  );
  const title = loc(d.title, req.locale);
  return sendSitePage(
    req,
    reply,
    { title, description: loc(d.description, req.locale), breadcrumb: crumbs((k, v) => tr(req, k, v), 'documents', title), feedback: true, contactBox: true, preview },
    (ctx, tr) => (
      <article>
        <div class="row">
          <div class="col-lg-8 px-lg-4 py-lg-2">
            <span class="badge bg-primary mb-2">{documentKindLabel(ctx, d.kind)}</span>
            <h1>{title}</h1>
            <p>
              <span class="fw-semibold">{tr('site.administration.documents.date')}:</span>{' '}
              <time datetime={d.date}>{formatDate(ctx.locale, d.date)}</time>
            </p>
          </div>
        </div>
        <Section id="descrizione" title={tr('site.administration.documents.description')}>
          <Paragraphs text={loc(d.description, ctx.locale)} />
          <p>
            <span class="fw-semibold">{tr('site.administration.documents.kind')}:</span> {documentKindLabel(ctx, d.kind)}
          </p>
        </Section>
        <Section id="allegati" title={tr('site.administration.documents.attachments')}>
          {files.length ? (
            <div class="row g-3">
              {files.map((f) => (
                <div class="col-12 col-md-6">
                  <div class="card card-teaser shadow-sm p-3 rounded border border-light flex-nowrap">
                    <Icon name="it-clip" cls="icon icon-primary" />
                    <div class="card-body">
                      <h3 class="card-title h5">
                        <a class="text-decoration-none" href={`/uploads/${f.uploadId}`}>
                          {loc(f.title, ctx.locale)}
                        </a>
                      </h3>
                      {f.info ? <p class="card-text small">{tr('site.administration.documents.fileInfo', f.info)}</p> : null}
                    </div>
                  </div>
                </div>
              ))}
            </div>
          ) : (
            <p>{tr('site.administration.documents.noAttachments')}</p>
          )}
        </Section>
        {d.topics.length ? (
          <Section id="argomenti" title={tr('site.administration.documents.topics')}>
            <TopicChips topics={d.topics} locale={ctx.locale} />
          </Section>
        ) : null}
      </article>
    ),
  );
};

function tr(req: FastifyRequest, key: string, vars?: Record<string, string | number>): string {
  return translate(req.locale, key, vars);
}

/** GET <section>/:slug: the published content, or the standard 404 page. */
function detailRoute<T extends ContentType>(type: T, render: DetailRenderer<T>, accept?: (item: Content<T>) => boolean) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { slug } = req.params as { slug: string };
    if (!isValidSlug(slug)) throw httpProblem('not-found');
    const item = await siteTx(req, (tx) => findPublished(tx, type, slug));
    if (!item || (accept && !accept(item))) throw httpProblem('not-found');
    return render(req, reply, item, { preview: false });
  };
}

export async function administrationPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  registerDetailRenderer('area', renderArea);
  registerDetailRenderer('office', renderOffice);
  registerDetailRenderer('organisation', renderOrganisation);
  registerDetailRenderer('person', renderPerson);
  registerDetailRenderer('document', renderDocument);

  const opts = { schema: { hide: true } };

  // ——— Amministrazione (first level) ———
  app.get('/amministrazione', opts, async (req, reply) => {
    const latest = await siteTx(req, (tx) => listPublished(tx, 'document', { order: 'date-desc', limit: 3, locale: req.locale }));
    return sendSitePage(
      req,
      reply,
      { title: tr(req, 'site.administration.title'), description: tr(req, 'site.administration.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v)), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={tr('site.administration.title')} lead={tr('site.administration.lead')} />
          <section aria-labelledby="sezioni-title" class="mb-5">
            <h2 id="sezioni-title" class="visually-hidden">
              {tr('site.administration.explore')}
            </h2>
            <div class="row g-4">
              {SECTION_ORDER.map((key) => (
                <div class="col-12 col-md-6 col-lg-4">
                  <div class="card-wrapper card-space h-100">
                    <div class="card card-bg no-after rounded shadow-sm h-100">
                      <div class="card-body">
                        <h3 class="card-title h5">
                          <a class="text-decoration-none" href={S[key]} data-element={M.managementCategoryLink}>
                            {sectionLabel(tr, key)}
                          </a>
                        </h3>
                        <p class="card-text">{tr(`site.administration.sectionText.${key}`)}</p>
                      </div>
                    </div>
                  </div>
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="documenti-title" class="mb-5">
            <h2 id="documenti-title" class="h3 mb-3">
              {tr('site.administration.latestDocuments')}
            </h2>
            {latest.rows.length ? <Grid>{latest.rows.map((doc) => <DocumentCard ctx={ctx} item={doc} />)}</Grid> : <Empty tr={tr} />}
            <a class="btn btn-outline-primary" href={S.documents}>
              {tr('site.administration.allDocuments')}
            </a>
          </section>
        </>
      ),
    );
  });

  // ——— Organi di governo ———
  app.get(S.government, opts, async (req, reply) => {
    const { giunta, consiglio } = await politicians(req);
    const label = tr(req, 'site.administration.section.government');
    const Body = ({ id, people, ctx }: { id: 'giunta' | 'consiglio'; people: Content<'person'>[]; ctx: PageContext }) => (
      <Section id={id} title={tr(req, `site.administration.government.${id}`)}>
        <p>{tr(req, `site.administration.government.${id}Text`)}</p>
        {people.length ? (
          <ul class="it-list list-unstyled">
            {people.map((p) => (
              <li class="mb-2">
                <a href={contentPath('person', p.slug, p.data)}>{p.data.name}</a>
                {' – '}
                {loc(p.data.role, ctx.locale)}
              </li>
            ))}
          </ul>
        ) : (
          <Empty tr={(k, v) => tr(req, k, v)} />
        )}
      </Section>
    );
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.government.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.government.lead')} />
          <Body id="giunta" people={giunta} ctx={ctx} />
          <Body id="consiglio" people={consiglio} ctx={ctx} />
        </>
      ),
    );
  });

  // ——— Aree amministrative ———
  app.get(S.areas, opts, async (req, reply) => {
    const areas = await siteTx(req, (tx) => all(tx, 'area', req.locale));
    const label = tr(req, 'site.administration.section.areas');
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.areas.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.areas.lead')} />
          {areas.length ? <Grid>{areas.map((a) => <AreaCard ctx={ctx} item={a} headingLevel={2} />)}</Grid> : <Empty tr={tr} />}
        </>
      ),
    );
  });
  app.get(`${S.areas}/:slug`, opts, detailRoute('area', renderArea));

  // ——— Uffici ———
  app.get(S.offices, opts, async (req, reply) => {
    const query = queryOf(req);
    const q = queryText(query);
    const { areas, offices } = await siteTx(req, async (tx) => {
      const areas = await all(tx, 'area', req.locale);
      const area = areas.find((a) => a.slug === query.area);
      const offices = await all(tx, 'office', req.locale, { ...(q ? { q } : {}), ...(area ? { ref: area.slug } : {}) });
      return { areas, offices: area ? offices.filter((o) => o.data.area === area.slug) : offices };
    });
    const selected = areas.some((a) => a.slug === query.area) ? query.area : '';
    const groups = areas
      .map((a) => ({ key: a.slug, name: loc(a.data.name, req.locale), offices: offices.filter((o) => o.data.area === a.slug) }))
      .filter((g) => g.offices.length);
    const orphans = offices.filter((o) => !areas.some((a) => a.slug === o.data.area));
    const label = tr(req, 'site.administration.section.offices');
    const filtered = Boolean(q || selected);
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.offices.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.offices.lead')} />
          <form method="get" action={S.offices} role="search" class="mb-4">
            <div class="row g-3 align-items-end">
              <div class="col-12 col-md-5">
                <div class="form-group mb-0">
                  <label for="q" class="active">
                    {tr('site.administration.offices.search')}
                  </label>
                  <input type="search" class="form-control" id="q" name="q" value={q} maxLength={100} aria-describedby="q-hint" />
                  <small id="q-hint" class="form-text">
                    {tr('site.administration.offices.searchHint')}
                  </small>
                </div>
              </div>
              <div class="col-12 col-md-4">
                <div class="select-wrapper">
                  <label for="area">{tr('site.administration.offices.areaFilter')}</label>
                  <select id="area" name="area">
                    <option value="">{tr('site.administration.offices.allAreas')}</option>
                    {areas.map((a) => (
                      <option value={a.slug} selected={a.slug === selected}>
                        {loc(a.data.name, ctx.locale)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div class="col-12 col-md-3">
                <button type="submit" class="btn btn-primary w-100">
                  {tr('site.administration.offices.apply')}
                </button>
              </div>
            </div>
          </form>
          <p role="status">
            {offices.length === 1 ? tr('site.administration.offices.countOne') : tr('site.administration.offices.count', { n: offices.length })}
            {filtered ? (
              <>
                {' – '}
                <a href={S.offices}>{tr('site.administration.offices.reset')}</a>
              </>
            ) : null}
          </p>
          {offices.length ? null : <p>{tr('site.administration.offices.noResults')}</p>}
          {groups.map((g) => (
            <Section id={`area-${g.key}`} title={g.name}>
              <Grid>{g.offices.map((o) => <OfficeCard ctx={ctx} item={o} />)}</Grid>
            </Section>
          ))}
          {orphans.length ? <Grid>{orphans.map((o) => <OfficeCard ctx={ctx} item={o} headingLevel={2} />)}</Grid> : null}
        </>
      ),
    );
  });
  app.get(`${S.offices}/:slug`, opts, detailRoute('office', renderOffice));

  // ——— Enti e fondazioni ———
  app.get(S.organisations, opts, async (req, reply) => {
    const orgs = await siteTx(req, (tx) => all(tx, 'organisation', req.locale));
    const label = tr(req, 'site.administration.section.organisations');
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.organisations.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.organisations.lead')} />
          {orgs.length ? <Grid>{orgs.map((o) => <OrganisationCard ctx={ctx} item={o} headingLevel={2} />)}</Grid> : <Empty tr={tr} />}
        </>
      ),
    );
  });
  app.get(`${S.organisations}/:slug`, opts, detailRoute('organisation', renderOrganisation));

  // ——— Politici ———
  app.get(S.politicians, opts, async (req, reply) => {
    const { giunta, consiglio } = await politicians(req);
    const label = tr(req, 'site.administration.section.politicians');
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.politicians.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.politicians.lead')} />
          {giunta.length + consiglio.length === 0 ? <Empty tr={tr} /> : null}
          {giunta.length ? (
            <Section id="giunta" title={tr('site.administration.body.giunta')}>
              <Grid>{giunta.map((p) => <PersonCard ctx={ctx} item={p} />)}</Grid>
            </Section>
          ) : null}
          {consiglio.length ? (
            <Section id="consiglio" title={tr('site.administration.body.consiglio')}>
              <Grid>{consiglio.map((p) => <PersonCard ctx={ctx} item={p} />)}</Grid>
            </Section>
          ) : null}
        </>
      ),
    );
  });
  app.get(`${S.politicians}/:slug`, opts, detailRoute('person', renderPerson, (p) => p.data.body !== 'staff'));

  // ——— Personale amministrativo ———
  app.get(S.staff, opts, async (req, reply) => {
    const staff = await siteTx(req, (tx) => all(tx, 'person', req.locale, { kind: 'staff' }));
    const label = tr(req, 'site.administration.section.staff');
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.staff.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.staff.lead')} />
          {staff.length ? <Grid>{staff.map((p) => <PersonCard ctx={ctx} item={p} headingLevel={2} />)}</Grid> : <Empty tr={tr} />}
        </>
      ),
    );
  });
  app.get(`${S.staff}/:slug`, opts, detailRoute('person', renderPerson, (p) => p.data.body === 'staff'));

  // ——— Documenti e dati ———
  app.get(S.documents, opts, async (req, reply) => {
    const query = queryOf(req);
    const q = queryText(query);
    const kind = (DOCUMENT_KINDS as readonly string[]).includes(query.kind ?? '') ? (query.kind as string) : '';
    const page = pageNumber(query);
    const result = await siteTx(req, (tx) =>
      listPublished(tx, 'document', {
        ...(q ? { q } : {}),
        ...(kind ? { kind } : {}),
        locale: req.locale,
        order: 'date-desc',
        limit: DOCUMENTS_PER_PAGE,
        offset: (page - 1) * DOCUMENTS_PER_PAGE,
      }),
    );
    const pages = Math.max(1, Math.ceil(result.total / DOCUMENTS_PER_PAGE));
    if (page > pages) throw httpProblem('not-found');
    const href = (p: number) => {
      const sp = new URLSearchParams();
      if (q) sp.set('q', q);
      if (kind) sp.set('kind', kind);
      if (p > 1) sp.set('page', String(p));
      const s = sp.toString();
      return s ? `${S.documents}?${s}` : S.documents;
    };
    const label = tr(req, 'site.administration.section.documents');
    return sendSitePage(
      req,
      reply,
      { title: label, description: tr(req, 'site.administration.documents.lead'), breadcrumb: crumbs((k, v) => tr(req, k, v), undefined, label), feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <PageHead title={label} lead={tr('site.administration.documents.lead')} />
          <form method="get" action={S.documents} role="search" class="mb-4">
            <div class="row g-3 align-items-end">
              <div class="col-12 col-md-5">
                <div class="form-group mb-0">
                  <label for="q" class="active">
                    {tr('site.administration.documents.search')}
                  </label>
                  <input type="search" class="form-control" id="q" name="q" value={q} maxLength={100} aria-describedby="q-hint" />
                  <small id="q-hint" class="form-text">
                    {tr('site.administration.documents.searchHint')}
                  </small>
                </div>
              </div>
              <div class="col-12 col-md-4">
                <div class="select-wrapper">
                  <label for="kind">{tr('site.administration.documents.kindFilter')}</label>
                  <select id="kind" name="kind">
                    <option value="">{tr('site.administration.documents.allKinds')}</option>
                    {DOCUMENT_KINDS.map((k) => (
                      <option value={k} selected={k === kind}>
                        {documentKindLabel(ctx, k)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div class="col-12 col-md-3">
                <button type="submit" class="btn btn-primary w-100">
                  {tr('site.administration.documents.apply')}
                </button>
              </div>
            </div>
          </form>
          <p role="status">
            {result.total === 1 ? tr('site.administration.documents.countOne') : tr('site.administration.documents.count', { n: result.total })}
            {q || kind ? (
              <>
                {' – '}
                <a href={S.documents}>{tr('site.administration.documents.reset')}</a>
              </>
            ) : null}
          </p>
          {result.rows.length ? (
            <Grid>{result.rows.map((doc) => <DocumentCard ctx={ctx} item={doc} headingLevel={2} />)}</Grid>
          ) : (
            <p>{tr('site.administration.documents.noResults')}</p>
          )}
          <Pager tr={tr} page={page} pages={pages} href={href} />
        </>
      ),
    );
  });
  app.get(`${S.documents}/:slug`, opts, detailRoute('document', renderDocument));
}
