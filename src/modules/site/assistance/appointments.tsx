import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { t } from '../../../core/i18n/index.ts';
import { queryOf } from '../../../core/auth/views.tsx';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { findPublished, listPublished } from '../content/repository.ts';
import { loc } from '../content/derive.ts';
import { contentPath } from '../content/urls.ts';
import type { Content } from '../content/types.ts';
import { OpeningHours } from '../pages/opening-hours.tsx';
import { sendSitePage, siteTx, type Tr } from '../pages/common.tsx';

/**
 * Prenotazione appuntamento, interim version: until the six-step online booking exists, this page lists the
 * offices that receive by appointment with their address, hours, phone and e-mail, and what to bring.
 * ?ufficio=<slug> highlights an office; ?servizio=<slug> puts the service's office first and lists what the
 * service needs.
 */

export const APPOINTMENT_PATH = '/prenotazione-appuntamento';
const SLUG_RE = /^[a-z0-9-]{1,80}$/;

function Icon({ name }: { name: string }) {
  return (
    <svg class="icon icon-sm icon-primary me-2" aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

function OfficeBlock({ ctx, tr, office, highlighted, bookable, service }: { ctx: PageContext; tr: Tr; office: Content<'office'>; highlighted: boolean; bookable: boolean; service: Content<'service'> | null }) {
  const d = office.data;
  const name = loc(d.name, ctx.locale);
  const subject = service
    ? tr('site.assistance.booking.mailSubjectService', { service: loc(service.data.title, ctx.locale) })
    : tr('site.assistance.booking.mailSubject');
  return (
    <div class="card-wrapper card-space" id={`ufficio-${office.slug}`} data-office={office.slug}>
      <div class={`card card-bg no-after rounded shadow-sm${highlighted ? ' border border-primary border-2' : ''}`}>
        <div class="card-body">
          {highlighted ? (
            <span class="badge bg-primary mb-2">{service ? tr('site.assistance.booking.competent') : tr('site.assistance.booking.selected')}</span>
          ) : null}
          <h3 class="card-title h4">
            <a class="text-decoration-none" href={contentPath('office', office.slug)}>
              {name}
            </a>
          </h3>
          {!bookable ? (
            <p class="alert alert-warning">{tr('site.assistance.booking.notBookable')}</p>
          ) : null}
          <div class="row">
            <div class="col-12 col-lg-5">
              <h4 class="h6 mt-2">{tr('site.assistance.booking.contacts')}</h4>
              <ul class="list-unstyled">
                <li class="mb-2">
                  <Icon name="it-map-marker" />
                  {`${d.address.street}, ${d.address.postalCode} ${d.address.locality}`}
                </li>
                {d.phone ? (
                  <li class="mb-2">
                    <Icon name="it-telephone" />
                    <span class="visually-hidden">{tr('site.assistance.booking.phone')}: </span>
                    <a href={`tel:${d.phone.replace(/\s+/g, '')}`}>{d.phone}</a>
                  </li>
                ) : null}
                {d.email ? (
                  <li class="mb-2">
                    <Icon name="it-mail" />
                    <span class="visually-hidden">{tr('site.assistance.booking.email')}: </span>
                    <a href={`mailto:${d.email}?subject=${encodeURIComponent(subject)}`}>{d.email}</a>
                  </li>
                ) : null}
              </ul>
              {bookable && (d.phone || d.email) ? (
                <p class="small">{tr('site.assistance.booking.howTo', { office: name })}</p>
              ) : null}
            </div>
            <div class="col-12 col-lg-7">
              <h4 class="h6 mt-2">{tr('site.assistance.booking.hours')}</h4>
              <OpeningHours ctx={ctx} hours={d.hours} headingLevel={5} />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

export async function appointmentPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  app.get(APPOINTMENT_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const q = queryOf(req);
    const officeSlug = q.ufficio && SLUG_RE.test(q.ufficio) ? q.ufficio : '';
    const serviceSlug = q.servizio && SLUG_RE.test(q.servizio) ? q.servizio : '';
    const { offices, service, serviceOffice } = await siteTx(req, async (tx) => {
      const all = await listPublished(tx, 'office', { order: 'title', locale: req.locale, limit: 200 });
      const offices = all.rows.filter((o) => o.data.bookable);
      const service = serviceSlug ? await findPublished(tx, 'service', serviceSlug) : null;
      const serviceOffice = service ? (all.rows.find((o) => o.slug === service.data.office) ?? null) : null;
      return { offices, service, serviceOffice };
    });
    // The office to show first: the service's (even if it does not receive by appointment), else the chosen one.
    const first = serviceOffice ?? offices.find((o) => o.slug === officeSlug) ?? null;
    const list = first ? [first, ...offices.filter((o) => o.slug !== first.slug)] : offices;
    const title = t(req.locale, 'site.assistance.booking.title');
    return sendSitePage(
      req,
      reply,
      { title, description: t(req.locale, 'site.assistance.booking.description'), breadcrumb: [{ label: title }], feedback: true, contactBox: true },
      (ctx, tr) => (
        <>
          <div class="row">
            <div class="col-12 col-lg-8">
              <h1>{title}</h1>
              <p class="lead">{tr('site.assistance.booking.lead')}</p>
              <div class="callout warning">
                <div class="callout-title">
                  <svg class="icon" aria-hidden="true">
                    <use href={`${BI}/svg/sprites.svg#it-info-circle`}></use>
                  </svg>
                  <span>{tr('site.assistance.booking.interimTitle')}</span>
                </div>
                <p>{tr('site.assistance.booking.interim')}</p>
              </div>
              {service ? (
                <div class="callout note">
                  <div class="callout-title">
                    <svg class="icon" aria-hidden="true">
                      <use href={`${BI}/svg/sprites.svg#it-info-circle`}></use>
                    </svg>
                    <span>{loc(service.data.title, ctx.locale)}</span>
                  </div>
                  <p>
                    {serviceOffice
                      ? tr('site.assistance.booking.forService', { office: loc(serviceOffice.data.name, ctx.locale) })
                      : tr('site.assistance.booking.forServiceNoOffice')}{' '}
                    <a href={contentPath('service', service.slug)}>{tr('site.assistance.booking.serviceCard')}</a>
                  </p>
                </div>
              ) : null}
              <h2 class="h3 mt-5">{tr('site.assistance.booking.bring')}</h2>
              <ul class="it-list">
                <li>{tr('site.assistance.booking.bringId')}</li>
                <li>{tr('site.assistance.booking.bringTaxCode')}</li>
                {service
                  ? service.data.needed.map((n) => <li>{loc(n, ctx.locale)}</li>)
                  : [<li>{tr('site.assistance.booking.bringService')}</li>]}
              </ul>
            </div>
          </div>
          <h2 class="h3 mt-5">{tr('site.assistance.booking.offices')}</h2>
          {list.length ? (
            <p>{tr('site.assistance.booking.officesLead', { n: offices.length })}</p>
          ) : (
            <p class="alert alert-info">{tr('site.assistance.booking.none')}</p>
          )}
          {list.map((o) => (
            <OfficeBlock
              ctx={ctx}
              tr={tr}
              office={o}
              highlighted={first?.slug === o.slug}
              bookable={o.data.bookable}
              service={service && serviceOffice?.slug === o.slug ? service : null}
            />
          ))}
          <p class="mt-4">
            {tr('site.assistance.booking.assistance')} <a href="/richiesta-assistenza">{tr('site.assistance.booking.assistanceLink')}</a>
          </p>
        </>
      ),
    );
  });
}
