/**
 * The card of a place (museum, library, park…), shared by every page that lists places: Vivere, the places list,
 * the home page, topic pages and site search.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../core/views/layout.tsx';
import { BI } from '../../../../core/views/layout.tsx';
import { registerMessages, t } from '../../../../core/i18n/index.ts';
import { loc, slugify } from '../../content/derive.ts';
import { contentPath } from '../../content/urls.ts';
import type { Content, PostalAddress } from '../../content/types.ts';
import it from '../i18n/live.it.json' with { type: 'json' };
import en from '../i18n/live.en.json' with { type: 'json' };

// Registered here too, so that pages importing only the card have its strings.
registerMessages({ it, en });

/** The translated label of a place kind ("museo", "impianto sportivo"…). */
export function placeKindLabel(ctx: Pick<PageContext, 'locale'>, kind: string): string {
  return t(ctx.locale, `site.live.placeKind.${slugify(kind)}`);
}

/** An OpenStreetMap link centred on a point: the map for those without JavaScript. */
export function osmUrl(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
}

/** "Via Battistero 4, 13900 Biella". */
export function formatAddress(a: PostalAddress): string {
  return `${a.street}, ${a.postalCode} ${a.locality}`;
}

/** A short excerpt of the first paragraph, cut at a word boundary. */
function firstSentences(text: string, max = 180): string {
  const s = (text.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

function Heading({ level, children }: { level: 2 | 3 | 4; children: ComponentChildren }) {
  const cls = 'card-title h5';
  if (level === 2) return <h2 class={cls}>{children}</h2>;
  if (level === 4) return <h4 class={cls}>{children}</h4>;
  return <h3 class={cls}>{children}</h3>;
}

/** A place: kind, name (the link), a short description and the address (with an OpenStreetMap link if asked). */
export function PlaceCard({
  ctx,
  item,
  headingLevel = 3,
  mapLink = false,
}: {
  ctx: PageContext;
  item: Content<'place'>;
  headingLevel?: 2 | 3 | 4;
  /** Add a link to the place on OpenStreetMap (list pages with a map: the map's fallback without JavaScript). */
  mapLink?: boolean;
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
              <use href={`${BI}/svg/sprites.svg#it-map-marker-circle`}></use>
            </svg>
            <span class="category">{placeKindLabel(ctx, d.kind)}</span>
          </div>
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('place', item.slug)}>
              {loc(d.name, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{firstSentences(loc(d.description, ctx.locale))}</p>
          <p class="card-text small mb-0">
            <svg class="icon icon-sm icon-primary me-1" aria-hidden="true">
              <use href={`${BI}/svg/sprites.svg#it-map-marker`}></use>
            </svg>
            {formatAddress(d.address)}
          </p>
          {mapLink ? (
            <p class="card-text small mt-2 mb-0">
              <a href={osmUrl(d.lat, d.lon)} rel="noopener" target="_blank">
                {t(ctx.locale, 'site.live.osmOf', { name: loc(d.name, ctx.locale) })}
                <span class="visually-hidden"> ({t(ctx.locale, 'site.live.newWindow')})</span>
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
