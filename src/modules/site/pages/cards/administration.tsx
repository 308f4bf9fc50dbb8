/**
 * Cards of the Amministrazione contents (offices, areas, people, organisations, documents), shared by every page
 * that lists them: the Amministrazione section, topic pages, site search, the home page.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../core/views/layout.tsx';
import { registerMessages, t } from '../../../../core/i18n/index.ts';
import { BI } from '../../../../core/views/layout.tsx';
import { loc, slugify } from '../../content/derive.ts';
import { contentPath } from '../../content/urls.ts';
import type { Content } from '../../content/types.ts';
import { formatDate } from '../common.tsx';
import it from '../i18n/administration.it.json' with { type: 'json' };
import en from '../i18n/administration.en.json' with { type: 'json' };

// Registered here too, so that pages importing only the cards have their strings.
registerMessages({ it, en });

export type HeadingLevel = 2 | 3 | 4;

interface CardProps<T extends 'office' | 'area' | 'person' | 'organisation' | 'document'> {
  ctx: PageContext;
  item: Content<T>;
  headingLevel?: HeadingLevel;
}

/** A plain-text excerpt of at most `max` characters, cut at a word boundary. */
export function excerpt(text: string, max = 180): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The translated label of a document kind ("regolamento", "avviso pubblico"…). */
export function documentKindLabel(ctx: PageContext, kind: string): string {
  return t(ctx.locale, `site.administration.documentKind.${slugify(kind)}`);
}

/** The translated label of an organisation kind ("fondazione", "società partecipata"…). */
export function organisationKindLabel(ctx: PageContext, kind: string): string {
  return t(ctx.locale, `site.administration.organisationKind.${slugify(kind)}`);
}

function Heading({ level, children }: { level: HeadingLevel; children: ComponentChildren }) {
  const cls = 'card-title h5';
  if (level === 2) return <h2 class={cls}>{children}</h2>;
  if (level === 4) return <h4 class={cls}>{children}</h4>;
  return <h3 class={cls}>{children}</h3>;
}

function Icon({ name }: { name: string }) {
  return (
    <svg class="icon icon-sm icon-primary me-1" aria-hidden="true">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

/** An office: name, short description, address and phone. */
export function OfficeCard({ ctx, item, headingLevel = 3 }: CardProps<'office'>) {
  const d = item.data;
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-bg no-after rounded shadow-sm h-100">
        <div class="card-body">
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('office', item.slug)}>
              {loc(d.name, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{excerpt(loc(d.description, ctx.locale))}</p>
          <p class="card-text mb-0">
            <Icon name="it-map-marker" />
            {`${d.address.street}, ${d.address.postalCode} ${d.address.locality}`}
          </p>
          {d.phone ? (
            <p class="card-text mb-0">
              <Icon name="it-telephone" />
              <a href={`tel:${d.phone.replace(/\s+/g, '')}`}>{d.phone}</a>
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** An administrative area: name, description and manager. */
export function AreaCard({ ctx, item, headingLevel = 3 }: CardProps<'area'>) {
  const d = item.data;
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-bg no-after rounded shadow-sm h-100">
        <div class="card-body">
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('area', item.slug)}>
              {loc(d.name, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{excerpt(loc(d.description, ctx.locale))}</p>
          {d.manager ? <p class="card-text mb-0">{t(ctx.locale, 'site.administration.card.manager', { name: d.manager })}</p> : null}
        </div>
      </div>
    </div>
  );
}

/** A person (politician or staff): name, role, photo when there is one. */
export function PersonCard({ ctx, item, headingLevel = 3 }: CardProps<'person'>) {
  const d = item.data;
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-teaser card-bg no-after rounded shadow-sm h-100">
        <div class="card-body">
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('person', item.slug, d)}>
              {d.name}
            </a>
          </Heading>
          <p class="card-text">{loc(d.role, ctx.locale)}</p>
        </div>
        {d.image ? (
          <div class="avatar size-xl">
            <img src={`/uploads/${d.image.uploadId}`} alt={loc(d.image.alt, ctx.locale)} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** An ente or fondazione: kind, name, the comune's participation. */
export function OrganisationCard({ ctx, item, headingLevel = 3 }: CardProps<'organisation'>) {
  const d = item.data;
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-bg no-after rounded shadow-sm h-100">
        <div class="card-body">
          <div class="category-top">
            <span class="category">{organisationKindLabel(ctx, d.kind)}</span>
          </div>
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('organisation', item.slug)}>
              {loc(d.name, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{excerpt(loc(d.description, ctx.locale))}</p>
          <p class="card-text mb-0">{loc(d.participation, ctx.locale)}</p>
        </div>
      </div>
    </div>
  );
}

/** A document: kind and date, title, short description. */
export function DocumentCard({ ctx, item, headingLevel = 3 }: CardProps<'document'>) {
  const d = item.data;
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-bg no-after rounded shadow-sm h-100">
        <div class="card-body">
          <div class="category-top">
            <span class="category">{documentKindLabel(ctx, d.kind)}</span>
            <span class="data">
              <time datetime={d.date}>{formatDate(ctx.locale, d.date)}</time>
            </span>
          </div>
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('document', item.slug)}>
              {loc(d.title, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{excerpt(loc(d.description, ctx.locale))}</p>
        </div>
      </div>
    </div>
  );
}
