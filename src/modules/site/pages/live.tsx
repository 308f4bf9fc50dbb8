/**
 * Vivere (Modello Comuni): the first-level page /vivere (Luoghi, Eventi, upcoming events, a selection of places),
 * the events list (/vivere/eventi, filterable by date and topic, with a map of their places), an event's page with
 * its calendar file (/vivere/eventi/:slug[/evento.ics]), the places list (/vivere/luoghi, filterable by kind, with
 * a map) and a place's page (/vivere/luoghi/:slug). Maps are an enhancement (src/client/map.js, Leaflet): without
 * JavaScript every page shows the same places as a list, each with its address and an OpenStreetMap link.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { M } from '../../../core/views/markers.ts';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { placeName } from '../../../core/views/site-links.ts';
import { JsonLd } from '../../../core/views/json-ld.tsx';
import { LoadMore } from '../../../core/views/pager.tsx';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { countByKind, findPublished, findPublishedBySlugs, listPublished } from '../content/repository.ts';
import { registerDetailRenderer } from '../content/renderers.ts';
import { loc, romeTime, slugify, type Locale } from '../content/derive.ts';
import { contentPath } from '../content/urls.ts';
import type { Content } from '../content/types.ts';
import { TOPICS } from '../content/topics.ts';
import { formatDate, formatTime, pageNumber, Paragraphs, sendSitePage, siteTx, type Tr } from './common.tsx';
import { EventCard, eventWhen } from './cards/event.tsx';
import { formatAddress, osmUrl, PlaceCard, placeKindLabel } from './cards/place.tsx';
import { OpeningHours, openingHoursSpecification } from './opening-hours.tsx';
import {
  absoluteUrl,
  CardGrid,
  dayEnd,
  dayStart,
  DateField,
  ErrorSummary,
  parseDateRange,
  queryParam,
  romeToday,
  TopicChips,
  type FieldErrors,
} from './news.tsx';
import it from './i18n/live.it.json' with { type: 'json' };
import en from './i18n/live.en.json' with { type: 'json' };

/** Events shown on /vivere and per "Carica altri risultati" step there; on /vivere/eventi. */
export const LIVE_EVENTS_PAGE_SIZE = 6;
export const EVENTS_PAGE_SIZE = 9;
export const PLACES_PAGE_SIZE = 24;

export const LIVE_PATH = '/vivere';
export const EVENTS_PATH = '/vivere/eventi';
export const PLACES_PATH = '/vivere/luoghi';

/** "Vivere Biella" / "Living in Biella": the section's title, the same words as its item in the main navigation. */
export function liveTitle(locale: Locale, tenant: Tenant | null): string {
  const place = placeName(siteSettings(tenant).name);
  return place ? t(locale, 'layout.nav.livePlace', { place }) : t(locale, 'layout.nav.live');
}

function Icon({ name, cls = 'icon icon-sm icon-primary me-1' }: { name: string; cls?: string }) {
  return (
    <svg class={cls} aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

/**
 * Lists show the first page × size cards on page n (so "Carica altri risultati" loses nothing without JavaScript),
 * up to what one query returns. Past that, the list asks to narrow the filters instead of offering more.
 */
const MAX_CARDS = 200;

function MoreCards({ ctx, tr, shown, total, page, target }: { ctx: PageContext; tr: Tr; shown: number; total: number; page: number; target: string }) {
  if (shown >= total) return null;
  if (shown >= MAX_CARDS) {
    return (
      <p class="mt-4" role="note">
        {tr('site.live.tooMany', { n: shown, total })}
      </p>
    );
  }
  return <LoadMore ctx={ctx} nextPage={page + 1} target={target} />;
}

// ——— Maps (progressive enhancement) ———

/** Leaflet's stylesheet and script, for the layout's <head> on pages with a map (the map script runs after them). */
const MAP_HEAD = (
  <>
    <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
    <script src="/assets/leaflet/leaflet.js" defer></script>
  </>
);
const MAP_SCRIPT = 'map.js';

interface MapPoint {
  lat: number;
  lon: number;
  name: string;
  href: string;
  address: string;
}

const toPoint = (ctx: PageContext, p: Content<'place'>): MapPoint => ({
  lat: p.data.lat,
  lon: p.data.lon,
  name: loc(p.data.name, ctx.locale),
  href: contentPath('place', p.slug),
  address: formatAddress(p.data.address),
});

/**
 * The map container: hidden until src/client/map.js draws it with Leaflet. Tile URL and attribution come from the
 * comune's site settings. The page always lists the same places in HTML next to it.
 */
function MapBox({ ctx, places, label }: { ctx: PageContext; places: Content<'place'>[]; label: string }) {
  const s = siteSettings(ctx.tenant);
  const points = places.filter((p) => Number.isFinite(p.data.lat) && Number.isFinite(p.data.lon)).map((p) => toPoint(ctx, p));
  if (!points.length) return null;
  return (
    <div
      hidden
      role="region"
      aria-label={label}
      class="rounded border my-3"
      style="height: 24rem"
      data-map=""
      data-tiles={s.mapTileUrl}
      data-attribution={s.mapAttribution}
      data-center={`${s.mapCenter.lat},${s.mapCenter.lon},${s.mapCenter.zoom}`}
      data-markers={JSON.stringify(points)}
    ></div>
  );
}

/** A place's address with the link to OpenStreetMap (the fallback of every map). */
function AddressLine({ tr, place }: { tr: Tr; place: Content<'place'> }) {
  const d = place.data;
  return (
    <>
      <Icon name="it-map-marker" />
      <span>{formatAddress(d.address)}</span>
      {' – '}
      <a href={osmUrl(d.lat, d.lon)} rel="noopener" target="_blank">
        {tr('site.live.osm')}
        <span class="visually-hidden"> ({tr('site.live.newWindow')})</span>
      </a>
    </>
  );
}

/** The map of some places and, always, the same places as a list with address and OpenStreetMap link. */
function PlacesMap({ ctx, tr, places, label, headingId }: { ctx: PageContext; tr: Tr; places: Content<'place'>[]; label: string; headingId: string }) {
  if (!places.length) return null;
  return (
    <section class="mt-5" aria-labelledby={headingId}>
      <h2 id={headingId} class="h4">
        {label}
      </h2>
      <MapBox ctx={ctx} places={places} label={label} />
      <ul class="it-list list-unstyled">
        {places.map((p) => (
          <li class="mb-2">
            <a class="fw-semibold" href={contentPath('place', p.slug)}>
              {loc(p.data.name, ctx.locale)}
            </a>
            <br />
            <AddressLine tr={tr} place={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

// ——— Vivere ———

/** A varied selection of places for the first-level page: one of each kind first, then the rest, by name. */
function placeSelection(places: Content<'place'>[], n: number): Content<'place'>[] {
  const seen = new Set<string>();
  const first: Content<'place'>[] = [];
  const rest: Content<'place'>[] = [];
  for (const p of places) {
    if (seen.has(p.data.kind)) rest.push(p);
    else {
      seen.add(p.data.kind);
      first.push(p);
    }
  }
  return [...first, ...rest].slice(0, n);
}

async function livePage(req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const page = pageNumber(req.query as Record<string, string>);
  const now = new Date();
  const { events, places } = await siteTx(req, async (tx) => ({
    events: await listPublished(tx, 'event', { from: now, order: 'date-asc', limit: page * LIVE_EVENTS_PAGE_SIZE }),
    places: await listPublished(tx, 'place', { order: 'title', locale, limit: 200 }),
  }));
  const eventPlaces = await siteTx(req, (tx) => findPublishedBySlugs(tx, 'place', [...new Set(events.rows.map((e) => e.data.place))]));
  const placeBySlug = new Map(eventPlaces.map((p) => [p.slug, p]));
  const title = liveTitle(locale, req.tenant);
  return sendSitePage(
    req,
    reply,
    { title, description: tr('site.live.lead'), breadcrumb: [{ label: title }], feedback: true, contactBox: true },
    (ctx) => (
      <>
        <div class="row">
          <div class="col-lg-8">
            <h1>{title}</h1>
            <p class="lead">{tr('site.live.lead')}</p>
          </div>
        </div>
        <section class="mt-4" aria-labelledby="live-explore">
          <h2 id="live-explore" class="h4">
            {tr('site.live.explore')}
          </h2>
          <div class="row g-3">
            <div class="col-12 col-md-6">
              <div class="card card-teaser shadow-sm rounded">
                <Icon name="it-map-marker-circle" cls="icon" />
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a class="text-decoration-none" href={PLACES_PATH} data-element={M.liveButtonLocations}>
                      {tr('site.live.places')}
                    </a>
                  </h3>
                  <p class="card-text">{tr('site.live.placesText', { n: places.total })}</p>
                </div>
              </div>
            </div>
            <div class="col-12 col-md-6">
              <div class="card card-teaser shadow-sm rounded">
                <Icon name="it-calendar" cls="icon" />
                <div class="card-body">
                  <h3 class="card-title h5">
                    <a class="text-decoration-none" href={EVENTS_PATH} data-element={M.liveButtonEvents}>
                      {tr('site.live.events')}
                    </a>
                  </h3>
                  <p class="card-text">{tr('site.live.eventsText', { n: events.total })}</p>
                </div>
              </div>
            </div>
          </div>
        </section>

        <section class="mt-5" aria-labelledby="live-events">
          <h2 id="live-events" class="h4">
            {tr('site.live.upcoming')}
          </h2>
          {events.rows.length ? (
            <CardGrid id="live-event-cards">
              {events.rows.map((e) => (
                <EventCard ctx={ctx} item={e} headingLevel={3} place={placeBySlug.get(e.data.place) ?? null} />
              ))}
            </CardGrid>
          ) : (
            <p>{tr('site.live.noUpcoming')}</p>
          )}
          <MoreCards ctx={ctx} tr={tr} shown={events.rows.length} total={events.total} page={page} target="live-event-cards" />
          <p class="mt-3">
            <a href={EVENTS_PATH}>{tr('site.live.allEvents')}</a>
          </p>
        </section>

        {places.rows.length ? (
          <section class="mt-5" aria-labelledby="live-places">
            <h2 id="live-places" class="h4">
              {tr('site.live.placesSelection')}
            </h2>
            <CardGrid id="live-place-cards">{placeSelection(places.rows, 6).map((p) => <PlaceCard ctx={ctx} item={p} headingLevel={3} />)}</CardGrid>
            <p class="mt-3">
              <a href={PLACES_PATH}>{tr('site.live.allPlaces')}</a>
            </p>
          </section>
        ) : null}
      </>
    ),
  );
}

// ——— Eventi ———

async function eventsPage(req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const errors: FieldErrors = {};
  const range = parseDateRange(req, tr, errors);
  const page = pageNumber(req.query as Record<string, string>);
  const now = new Date();
  const today = romeToday(now);
  // Without a start date the list starts now: events still going on are included, those already over are not.
  const from = range.from ? dayStart(range.from) : now;
  const to = range.to ? dayEnd(range.to) : undefined;
  const all = await siteTx(req, (tx) => listPublished(tx, 'event', { from, to, order: 'date-asc', limit: 200 }));
  const topics = [...new Set(all.rows.flatMap((e) => e.data.topics))].sort((a, b) => a.localeCompare(b, 'it'));
  const topicInput = queryParam(req, 'topic').slice(0, 100);
  // Any topic of the controlled vocabulary is a valid filter (it may have no events in the period).
  const topic = topicInput ? TOPICS.find((x) => slugify(x) === topicInput || x === topicInput) : undefined;
  if (topicInput && !topic) errors.topic = tr('site.live.topicInvalid');
  if (topic && !topics.includes(topic)) topics.push(topic);
  const list = await siteTx(req, (tx) => listPublished(tx, 'event', { from, to, topic, order: 'date-asc', limit: page * EVENTS_PAGE_SIZE }));
  const mapEvents = topic ? all.rows.filter((e) => e.data.topics.includes(topic)) : all.rows;
  const places = await siteTx(req, (tx) => findPublishedBySlugs(tx, 'place', [...new Set(mapEvents.map((e) => e.data.place))]));
  const placeBySlug = new Map(places.map((p) => [p.slug, p]));
  const liveLabel = liveTitle(locale, req.tenant);
  const title = tr('site.live.events');
  const labels = { from: tr('site.list.from'), to: tr('site.list.to'), topic: tr('site.live.topic') };
  const filtered = Boolean(range.fromInput || range.toInput || topicInput);
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: tr('site.live.eventsLead'),
      breadcrumb: [{ href: LIVE_PATH, label: liveLabel }, { label: title }],
      feedback: true,
      contactBox: true,
      head: MAP_HEAD,
      scripts: [MAP_SCRIPT],
    },
    (ctx) => (
      <>
        <div class="row">
          <div class="col-lg-8">
            <h1>{title}</h1>
            <p class="lead">{tr('site.live.eventsLead')}</p>
          </div>
        </div>
        <form method="get" action={EVENTS_PATH} class="mb-4" aria-label={tr('site.live.eventsFilter')} novalidate>
          <ErrorSummary tr={tr} errors={errors} labels={labels} />
          <div class="row g-3 align-items-end">
            <div class="col-12 col-md-6 col-lg-3">
              <DateField id="from" label={labels.from} value={range.fromInput || today} error={errors.from} tr={tr} />
            </div>
            <div class="col-12 col-md-6 col-lg-3">
              <DateField id="to" label={labels.to} value={range.toInput} error={errors.to} tr={tr} />
            </div>
            <div class="col-12 col-lg-4">
              <div class="select-wrapper mt-5 mb-4">
                <label for="topic">{labels.topic}</label>
                <select
                  id="topic"
                  name="topic"
                  class={errors.topic ? 'is-invalid' : undefined}
                  aria-invalid={errors.topic ? 'true' : undefined}
                  aria-describedby={errors.topic ? 'topic-error' : undefined}
                >
                  <option value="">{tr('site.live.allTopics')}</option>
                  {topics.map((x) => (
                    <option value={slugify(x)} selected={x === topic} lang={locale === 'it' ? undefined : 'it'}>
                      {x}
                    </option>
                  ))}
                </select>
                {errors.topic ? (
                  <div id="topic-error" class="invalid-feedback d-block" role="alert">
                    {errors.topic}
                  </div>
                ) : null}
              </div>
            </div>
            <div class="col-12 col-lg-2 mb-4">
              <button type="submit" class="btn btn-primary w-100">
                {tr('site.list.apply')}
              </button>
            </div>
          </div>
          {filtered ? (
            <p class="mb-0">
              <a href={EVENTS_PATH}>{tr('site.live.resetEvents')}</a>
            </p>
          ) : null}
        </form>
        <section aria-labelledby="events-list">
          <h2 id="events-list" class="h4">
            {range.from || range.to ? tr('site.live.eventsInRange') : tr('site.live.upcoming')}
          </h2>
          <p role="status" class="text-muted">
            {tr(list.total === 1 ? 'site.list.resultsOne' : 'site.list.results', { n: list.total })}
          </p>
          {list.rows.length ? (
            <CardGrid id="event-cards">
              {list.rows.map((e) => (
                <EventCard ctx={ctx} item={e} headingLevel={3} place={placeBySlug.get(e.data.place) ?? null} />
              ))}
            </CardGrid>
          ) : (
            <div class="callout">
              <div class="callout-title">
                <Icon name="it-info-circle" cls="icon" />
                <span>{tr('site.list.noResultsTitle')}</span>
              </div>
              <p>{tr('site.live.noEvents')}</p>
            </div>
          )}
          <MoreCards ctx={ctx} tr={tr} shown={list.rows.length} total={list.total} page={page} target="event-cards" />
        </section>
        <PlacesMap ctx={ctx} tr={tr} places={places} label={tr('site.live.eventsMap')} headingId="events-map" />
      </>
    ),
    Object.keys(errors).length ? 400 : 200,
  );
}

// ——— Calendar file ———

/** Text escaped for an iCalendar TEXT value (RFC 5545 §3.3.11). */
function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** An instant as an iCalendar UTC date-time: 20261203T170000Z. */
function icsDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Lines folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character, joined with CRLF. */
function icsFold(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    let first = true;
    while (Buffer.byteLength(rest, 'utf8') > (first ? 75 : 74)) {
      const max = first ? 75 : 74;
      let cut = 0;
      let bytes = 0;
      for (const ch of rest) {
        const b = Buffer.byteLength(ch, 'utf8');
        if (bytes + b > max) break;
        bytes += b;
        cut += ch.length;
      }
      out.push((first ? '' : ' ') + rest.slice(0, cut));
      rest = rest.slice(cut);
      first = false;
    }
    out.push((first ? '' : ' ') + rest);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** The iCalendar file of an event: start and end in UTC (the event's times are Rome's wall-clock times). */
export function eventIcs(opts: { event: Content<'event'>; place: Content<'place'> | null; locale: Locale; url: string; host: string; calendarName: string; now?: Date }): string {
  const d = opts.event.data;
  const place = opts.place;
  const organiser = d.organiser ? `\n\n${t(opts.locale, 'site.live.organiser')}: ${d.organiser}` : '';
  const description = `${loc(d.summary, opts.locale)}\n\n${loc(d.description, opts.locale)}${organiser}\n\n${opts.url}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//piazza//${icsText(opts.calendarName)}//${opts.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:event-${opts.event.id}@${opts.host.replace(/:\d+$/, '')}`,
    `DTSTAMP:${icsDate(opts.now ?? new Date())}`,
    `DTSTART:${icsDate(romeTime(d.start))}`,
    `DTEND:${icsDate(romeTime(d.end))}`,
    `SUMMARY:${icsText(loc(d.title, opts.locale))}`,
    `DESCRIPTION:${icsText(description)}`,
    ...(place ? [`LOCATION:${icsText(`${loc(place.data.name, opts.locale)}, ${formatAddress(place.data.address)}`)}`, `GEO:${place.data.lat};${place.data.lon}`] : []),
    `URL:${opts.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return icsFold(lines);
}

// ——— Event detail ———

async function renderEvent(req: FastifyRequest, reply: FastifyReply, item: Content<'event'>, opts: { preview: boolean }) {
  const d = item.data;
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const place = await siteTx(req, (tx) => findPublished(tx, 'place', d.place));
  const title = loc(d.title, locale);
  const liveLabel = liveTitle(locale, req.tenant);
  const sameDay = d.start.slice(0, 10) === d.end.slice(0, 10);
  const icsPath = `${contentPath('event', item.slug)}/evento.ics`;
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: loc(d.summary, locale),
      breadcrumb: [{ href: LIVE_PATH, label: liveLabel }, { href: EVENTS_PATH, label: tr('site.live.events') }, { label: title }],
      feedback: true,
      contactBox: true,
      preview: opts.preview,
      head: (
        <>
          {place ? MAP_HEAD : null}
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'Event',
              name: title,
              description: loc(d.summary, locale),
              startDate: romeTime(d.start).toISOString(),
              endDate: romeTime(d.end).toISOString(),
              eventStatus: 'https://schema.org/EventScheduled',
              eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
              url: absoluteUrl(req, contentPath('event', item.slug)),
              organizer: { '@type': 'Organization', name: d.organiser },
              ...(place
                ? {
                    location: {
                      '@type': 'Place',
                      name: loc(place.data.name, locale),
                      address: {
                        '@type': 'PostalAddress',
                        streetAddress: place.data.address.street,
                        postalCode: place.data.address.postalCode,
                        addressLocality: place.data.address.locality,
                        addressCountry: 'IT',
                      },
                      geo: { '@type': 'GeoCoordinates', latitude: place.data.lat, longitude: place.data.lon },
                    },
                  }
                : {}),
            }}
          />
        </>
      ),
      scripts: place ? [MAP_SCRIPT] : [],
    },
    (ctx) => (
      <article class="row">
        <div class="col-lg-8">
          <p class="mb-2">
            <span class="badge bg-primary">{tr('site.live.event.label')}</span>
          </p>
          <h1>{title}</h1>
          <p class="lead">{loc(d.summary, locale)}</p>
          {d.image ? (
            <figure class="figure img-full w-100 my-4">
              <img class="figure-img img-fluid rounded" src={`/uploads/${d.image.uploadId}`} alt={loc(d.image.alt, locale)} />
            </figure>
          ) : null}

          <section class="mt-4" aria-labelledby="event-when">
            <h2 id="event-when" class="h4">
              {tr('site.live.when')}
            </h2>
            <p class="fw-semibold">{eventWhen(locale, d)}</p>
            {sameDay ? null : (
              <ul class="it-list list-unstyled">
                <li>
                  {tr('site.live.starts')}: <time datetime={d.start}>{`${formatDate(locale, d.start)}, ${formatTime(d.start)}`}</time>
                </li>
                <li>
                  {tr('site.live.ends')}: <time datetime={d.end}>{`${formatDate(locale, d.end)}, ${formatTime(d.end)}`}</time>
                </li>
              </ul>
            )}
            <a class="btn btn-outline-primary btn-icon" href={icsPath} download={`${item.slug}.ics`}>
              <Icon name="it-calendar" cls="icon icon-primary me-2" />
              <span>{tr('site.live.addToCalendar')}</span>
            </a>
          </section>

          <section class="mt-5" aria-labelledby="event-where">
            <h2 id="event-where" class="h4">
              {tr('site.live.where')}
            </h2>
            {place ? (
              <>
                <p class="mb-1">
                  <a class="fw-semibold" href={contentPath('place', place.slug)}>
                    {loc(place.data.name, locale)}
                  </a>
                </p>
                <p>
                  <AddressLine tr={tr} place={place} />
                </p>
                <MapBox ctx={ctx} places={[place]} label={tr('site.live.mapOf', { name: loc(place.data.name, locale) })} />
              </>
            ) : (
              <p>{tr('site.live.placeUnknown')}</p>
            )}
          </section>

          <section class="mt-5" aria-labelledby="event-cost">
            <h2 id="event-cost" class="h4">
              {tr('site.live.cost')}
            </h2>
            <p>{loc(d.cost, locale)}</p>
          </section>

          <section class="mt-5" aria-labelledby="event-organiser">
            <h2 id="event-organiser" class="h4">
              {tr('site.live.organiser')}
            </h2>
            <p>{d.organiser}</p>
          </section>

          <section class="mt-5" aria-labelledby="event-description">
            <h2 id="event-description" class="h4">
              {tr('site.live.description')}
            </h2>
            <Paragraphs text={loc(d.description, locale)} />
          </section>

          <TopicChips ctx={ctx} topics={d.topics} headingId="event-topics" tr={tr} />
        </div>
      </article>
    ),
  );
}

// ——— Luoghi ———

async function placesPage(req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const errors: FieldErrors = {};
  const page = pageNumber(req.query as Record<string, string>);
  const kinds = [...(await siteTx(req, (tx) => countByKind(tx, 'place'))).entries()].filter(([k]) => k);
  const kindInput = queryParam(req, 'kind').slice(0, 100);
  const kind = kindInput ? kinds.find(([k]) => slugify(k) === kindInput || k === kindInput)?.[0] : undefined;
  if (kindInput && !kind) errors.kind = tr('site.live.kindInvalid');
  const list = await siteTx(req, (tx) => listPublished(tx, 'place', { kind, order: 'title', locale, limit: page * PLACES_PAGE_SIZE }));
  const liveLabel = liveTitle(locale, req.tenant);
  const title = tr('site.live.places');
  const kindOptions = kinds.map(([k, n]) => ({ value: slugify(k), label: placeKindLabel({ locale }, k), n })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return sendSitePage(
    req,
    reply,
    {
      title,
      description: tr('site.live.placesLead'),
      breadcrumb: [{ href: LIVE_PATH, label: liveLabel }, { label: title }],
      feedback: true,
      contactBox: true,
      head: MAP_HEAD,
      scripts: [MAP_SCRIPT],
    },
    (ctx) => (
      <>
        <div class="row">
          <div class="col-lg-8">
            <h1>{title}</h1>
            <p class="lead">{tr('site.live.placesLead')}</p>
          </div>
        </div>
        <form method="get" action={PLACES_PATH} class="mb-4" aria-label={tr('site.live.placesFilter')} novalidate>
          <ErrorSummary tr={tr} errors={errors} labels={{ kind: tr('site.live.kind') }} />
          <div class="row g-3 align-items-end">
            <div class="col-12 col-md-8 col-lg-6">
              <div class="select-wrapper mt-5 mb-4">
                <label for="kind">{tr('site.live.kind')}</label>
                <select
                  id="kind"
                  name="kind"
                  class={errors.kind ? 'is-invalid' : undefined}
                  aria-invalid={errors.kind ? 'true' : undefined}
                  aria-describedby={errors.kind ? 'kind-error' : undefined}
                >
                  <option value="">{tr('site.live.allKinds')}</option>
                  {kindOptions.map((o) => (
                    <option value={o.value} selected={kind !== undefined && o.value === slugify(kind)}>
                      {`${o.label} (${o.n})`}
                    </option>
                  ))}
                </select>
                {errors.kind ? (
                  <div id="kind-error" class="invalid-feedback d-block" role="alert">
                    {errors.kind}
                  </div>
                ) : null}
              </div>
            </div>
            <div class="col-12 col-md-4 col-lg-2 mb-4">
              <button type="submit" class="btn btn-primary w-100">
                {tr('site.list.apply')}
              </button>
            </div>
          </div>
        </form>
        <section aria-labelledby="places-list">
          <h2 id="places-list" class="h4">
            {kind ? placeKindLabel(ctx, kind) : tr('site.live.allPlacesTitle')}
          </h2>
          <p role="status" class="text-muted">
            {tr(list.total === 1 ? 'site.list.resultsOne' : 'site.list.results', { n: list.total })}
          </p>
          <MapBox ctx={ctx} places={list.rows} label={tr('site.live.placesMap')} />
          {list.rows.length ? (
            <CardGrid id="place-cards">
              {list.rows.map((p) => (
                <PlaceCard ctx={ctx} item={p} headingLevel={3} mapLink />
              ))}
            </CardGrid>
          ) : (
            <p>{tr('site.live.noPlaces')}</p>
          )}
          <MoreCards ctx={ctx} tr={tr} shown={list.rows.length} total={list.total} page={page} target="place-cards" />
        </section>
      </>
    ),
    Object.keys(errors).length ? 400 : 200,
  );
}

async function renderPlace(req: FastifyRequest, reply: FastifyReply, item: Content<'place'>, opts: { preview: boolean }) {
  const d = item.data;
  const locale = req.locale;
  const tr: Tr = (k, v) => t(locale, k, v);
  const events = await siteTx(req, (tx) => listPublished(tx, 'event', { ref: item.slug, from: new Date(), order: 'date-asc', limit: 12 }));
  const name = loc(d.name, locale);
  const liveLabel = liveTitle(locale, req.tenant);
  return sendSitePage(
    req,
    reply,
    {
      title: name,
      description: loc(d.description, locale).split(/\n\s*\n/)[0],
      breadcrumb: [{ href: LIVE_PATH, label: liveLabel }, { href: PLACES_PATH, label: tr('site.live.places') }, { label: name }],
      feedback: true,
      contactBox: true,
      preview: opts.preview,
      head: (
        <>
          {MAP_HEAD}
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'Place',
              name,
              url: absoluteUrl(req, contentPath('place', item.slug)),
              address: {
                '@type': 'PostalAddress',
                streetAddress: d.address.street,
                postalCode: d.address.postalCode,
                addressLocality: d.address.locality,
                addressCountry: 'IT',
              },
              geo: { '@type': 'GeoCoordinates', latitude: d.lat, longitude: d.lon },
              ...(d.hours ? { openingHoursSpecification: openingHoursSpecification(d.hours) } : {}),
            }}
          />
        </>
      ),
      scripts: [MAP_SCRIPT],
    },
    (ctx) => (
      <article class="row">
        <div class="col-lg-8">
          <p class="mb-2">
            <span class="badge bg-primary">{placeKindLabel(ctx, d.kind)}</span>
          </p>
          <h1>{name}</h1>
          {d.image ? (
            <figure class="figure img-full w-100 my-4">
              <img class="figure-img img-fluid rounded" src={`/uploads/${d.image.uploadId}`} alt={loc(d.image.alt, locale)} />
            </figure>
          ) : null}
          <section class="mt-4" aria-labelledby="place-description">
            <h2 id="place-description" class="h4">
              {tr('site.live.description')}
            </h2>
            <Paragraphs text={loc(d.description, locale)} />
          </section>

          <section class="mt-5" aria-labelledby="place-where">
            <h2 id="place-where" class="h4">
              {tr('site.live.address')}
            </h2>
            <p>
              <AddressLine tr={tr} place={item} />
            </p>
            <MapBox ctx={ctx} places={[item]} label={tr('site.live.mapOf', { name })} />
          </section>

          {d.hours ? (
            <section class="mt-5" aria-labelledby="place-hours">
              <h2 id="place-hours" class="h4">
                {tr('site.live.hours')}
              </h2>
              <OpeningHours ctx={ctx} hours={d.hours} headingLevel={3} />
            </section>
          ) : null}

          <section class="mt-5" aria-labelledby="place-accessibility">
            <h2 id="place-accessibility" class="h4">
              {tr('site.live.accessibility')}
            </h2>
            <Paragraphs text={loc(d.accessibility, locale)} />
          </section>

          <section class="mt-5" aria-labelledby="place-events">
            <h2 id="place-events" class="h4">
              {tr('site.live.placeEvents')}
            </h2>
            {events.rows.length ? (
              <CardGrid id="place-event-cards">{events.rows.map((e) => <EventCard ctx={ctx} item={e} headingLevel={3} />)}</CardGrid>
            ) : (
              <p>{tr('site.live.noPlaceEvents')}</p>
            )}
          </section>

          <TopicChips ctx={ctx} topics={d.topics} headingId="place-topics" tr={tr} />
        </div>
      </article>
    ),
  );
}

export async function livePages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  registerDetailRenderer('event', renderEvent);
  registerDetailRenderer('place', renderPlace);

  app.get(LIVE_PATH, { schema: { hide: true } }, livePage);
  app.get(EVENTS_PATH, { schema: { hide: true } }, eventsPage);
  app.get(PLACES_PATH, { schema: { hide: true } }, placesPage);

  app.get<{ Params: { slug: string } }>(`${EVENTS_PATH}/:slug`, { schema: { hide: true } }, async (req, reply) => {
    const item = await siteTx(req, (tx) => findPublished(tx, 'event', req.params.slug));
    if (!item) throw httpProblem('not-found');
    return renderEvent(req, reply, item, { preview: false });
  });

  app.get<{ Params: { slug: string } }>(`${EVENTS_PATH}/:slug/evento.ics`, { schema: { hide: true } }, async (req, reply) => {
    const { item, place } = await siteTx(req, async (tx) => {
      const item = await findPublished(tx, 'event', req.params.slug);
      return { item, place: item ? await findPublished(tx, 'place', item.data.place) : null };
    });
    if (!item) throw httpProblem('not-found');
    const body = eventIcs({
      event: item,
      place,
      locale: req.locale,
      url: absoluteUrl(req, contentPath('event', item.slug)),
      host: req.host,
      calendarName: req.tenant?.name ?? 'piazza',
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${item.slug}.ics"`)
      .header('cache-control', 'no-cache')
      .send(body);
  });

  app.get<{ Params: { slug: string } }>(`${PLACES_PATH}/:slug`, { schema: { hide: true } }, async (req, reply) => {
    const item = await siteTx(req, (tx) => findPublished(tx, 'place', req.params.slug));
    if (!item) throw httpProblem('not-found');
    return renderPlace(req, reply, item, { preview: false });
  });
}
