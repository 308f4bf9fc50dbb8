/**
 * The card of a news item (notizia, comunicato, avviso), shared by every page that lists news: Novità, the home
 * page, topic pages and site search.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../core/views/layout.tsx';
import { BI } from '../../../../core/views/layout.tsx';
import { registerMessages, t } from '../../../../core/i18n/index.ts';
import { loc } from '../../content/derive.ts';
import { contentPath } from '../../content/urls.ts';
import type { Content, ContentDataMap } from '../../content/types.ts';
import { formatDate } from '../common.tsx';
import it from '../i18n/news.it.json' with { type: 'json' };
import en from '../i18n/news.en.json' with { type: 'json' };

// Registered here too, so that pages importing only the card have its strings.
registerMessages({ it, en });

export type NewsKind = ContentDataMap['news']['kind'];

/** "Notizia", "Comunicato", "Avviso" (singular, for badges and cards). */
export function newsKindLabel(ctx: PageContext, kind: string): string {
  return t(ctx.locale, `site.news.kind.${kind}`);
}

function Heading({ level, children }: { level: 2 | 3 | 4; children: ComponentChildren }) {
  const cls = 'card-title h5';
  if (level === 2) return <h2 class={cls}>{children}</h2>;
  if (level === 4) return <h4 class={cls}>{children}</h4>;
  return <h3 class={cls}>{children}</h3>;
}

/** A news item: kind and date, title (the link), summary, and its image when it has one. */
export function NewsCard({ ctx, item, headingLevel = 3 }: { ctx: PageContext; item: Content<'news'>; headingLevel?: 2 | 3 | 4 }) {
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
            <span class="category">{newsKindLabel(ctx, d.kind)}</span>
            <time class="data" datetime={d.date}>
              {formatDate(ctx.locale, d.date)}
            </time>
          </div>
          <Heading level={headingLevel}>
            <a class="text-decoration-none" href={contentPath('news', item.slug)}>
              {loc(d.title, ctx.locale)}
            </a>
          </Heading>
          <p class="card-text">{loc(d.summary, ctx.locale)}</p>
        </div>
      </div>
    </div>
  );
}
