import { registerMessages, translator } from '../../../../core/i18n/index.ts';
import { M } from '../../../../core/views/markers.ts';
import type { PageContext } from '../../../../core/views/layout.tsx';
import { loc, slugify, type Locale } from '../../content/derive.ts';
import type { Content } from '../../content/types.ts';
import { categoryPath, contentPath } from '../../content/urls.ts';
import it from '../i18n/services.it.json' with { type: 'json' };
import en from '../i18n/services.en.json' with { type: 'json' };

// The card is imported by other pages (home, topics, search…): its strings must be there without the Servizi plugin.
registerMessages({ it, en });

/**
 * A service category's name in the reader's language. Italian pages show the exact Modello Comuni name (the
 * validator reads it); English pages show the translation from services.en.json.
 */
export function categoryName(category: string, locale: Locale): string {
  if (locale === 'it') return category;
  const key = `site.services.category.${slugify(category)}`;
  const s = translator(locale)(key);
  return s === key ? category : s;
}

/**
 * A service in a list (Servizi, a category, a topic, the home page, search): category, title linking the
 * scheda servizio (the service-link marker the validator counts), summary, and the status when not active.
 */
export function ServiceCard({ ctx, item, headingLevel = 3 }: { ctx: PageContext; item: Content<'service'>; headingLevel?: 2 | 3 | 4 }) {
  const tr = translator(ctx.locale);
  const d = item.data;
  const H = `h${headingLevel}` as 'h3';
  return (
    <div class="card-wrapper card-space h-100">
      <div class="card card-bg no-after shadow-sm rounded h-100">
        <div class="card-body">
          <div class="category-top">
            <span class="visually-hidden">{tr('site.services.category.label')}:</span>
            <a class="category" href={categoryPath(d.category)}>
              {categoryName(d.category, ctx.locale)}
            </a>
          </div>
          <H class="card-title h5 mb-2">
            <a class="text-decoration-none" href={contentPath('service', item.slug)} data-element={M.serviceLink}>
              {loc(d.title, ctx.locale)}
            </a>
          </H>
          <p class="card-text font-serif">{loc(d.summary, ctx.locale)}</p>
          {d.status === 'inactive' ? <span class="badge bg-secondary">{tr('site.services.status.inactive')}</span> : null}
        </div>
      </div>
    </div>
  );
}
