/**
 * The card of an event, shared by every page that lists events: Vivere, the events list, a place's page, the home
 * page, topic pages and site search. The title link carries the event-link marker the validator counts.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../core/views/layout.tsx';
import { BI } from '../../../../core/views/layout.tsx';
import { M } from '../../../../core/views/markers.ts';
import { registerMessages, t } from '../../../../core/i18n/index.ts';
import { loc, type Locale } from '../../content/derive.ts';
import { contentPath } from '../../content/urls.ts';
import type { Content, ContentDataMap } from '../../content/types.ts';
import { formatDate, formatTime } from '../common.tsx';
import it from '../i18n/live.it.json' with { type: 'json' };
import en from '../i18n/live.en.json' with { type: 'json' };

// Registered here too, so that pages importing only the card have its strings.
registerMessages({ it, en });

/**
 * When an event happens, in words: "3 dicembre 2026, 18:00–19:30" on one day,
 * "dal 28 novembre 2026 al 24 dicembre 2026" over several.
 */
export function eventWhen(locale: Locale, d: Pick<ContentDataMap['event'], 'start' | 'end'>): string {
  const sameDay = d.start.slice(0, 10) === d.end.slice(0, 10);
  if (sameDay) {
    return t(locale, 'site.live.event.whenOneDay', { date: formatDate(locale, d.start), start: formatTime(d.start), end: formatTime(d.end) });
  }
  return t(locale, 'site.live.event.whenRange', { from: formatDate(locale, d.start), to: formatDate(locale, d.end) });
}

function Heading({ level, children }: { level: 2 | 3 | 4; children: ComponentChildren }) {
  const cls = 'card-title h5';
  if (level === 2) return <h2 class={cls}>{children}</h2>;
  if (level === 4) return <h4 class={cls}>{children}</h4>;
  return <h3 class={cls}>{children}</h3>;
}

/**
 * An event: when, title (the link, marked event-link), summary and, when the page knows it, the place's name.
 */
export function EventCard({
  ctx,
  item,
  headingLevel = 3,
  place,
}: {
  ctx: PageContext;
  item: Content<'event'>;
  headingLevel?: 2 | 3 | 4;
  /** The event's place, when the page has it at hand (its name is shown). */
  place?: Content<'place'> | null;
}) {
  const d = item.data;
  const image = d.image ? (
    <div class="img-responsive-wrapper">
      <div class="img-responsive img-responsive-panoramic">
        <figure class="img-wrapper">
          <img src={`/uploads/${d.image.uploadId}`} alt={loc(d.image.alt, ctx.locale)} loading="lazy" />
        </figure>
      </div>
    </div>
  ) : null;
  return (
    <div class="card-wrapper card-space">
      <div class={`card card-bg no-after rounded shadow-sm${image ? ' card-img' : ''}`}>
        {image}
        <div class="card-body">
          <div class="category-top">
            <svg class="icon icon-sm" aria-hidden="true">
              <use href={`${BI}/svg/sprites.svg#it-calendar`}></use>
            </svg>
            <span class="category">{t(ctx.locale, 'site.live.event.label')}</span>
            <time class="data" datetime={d.start}>
              {eventWhen(ctx.locale, d)}
            </time>
          </div>
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('event', item.slug)} data-element={M.eventLink}>
              {loc(d.title, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{loc(d.summary, ctx.locale)}</p>
          {place ? (
            <p class="card-text small mb-0">
              <svg class="icon icon-sm icon-primary me-1" aria-hidden="true">
                <use href={`${BI}/svg/sprites.svg#it-map-marker`}></use>
              </svg>
              {loc(place.data.name, ctx.locale)}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
