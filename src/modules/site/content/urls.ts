import { slugify } from './derive.ts';
import type { ContentDataMap, ContentType, ServiceCategory } from './types.ts';

/** Path of the list page of each Amministrazione section (second level). */
export const ADMINISTRATION_SECTIONS = {
  government: '/amministrazione/organi-di-governo',
  areas: '/amministrazione/aree-amministrative',
  offices: '/amministrazione/uffici',
  organisations: '/amministrazione/enti-e-fondazioni',
  politicians: '/amministrazione/politici',
  staff: '/amministrazione/personale-amministrativo',
  documents: '/amministrazione/documenti-e-dati',
} as const;

export const NEWS_KIND_PATHS = { notizia: '/novita/notizie', comunicato: '/novita/comunicati', avviso: '/novita/avvisi' } as const;

export const categoryPath = (c: ServiceCategory | string) => `/servizi/categoria/${slugify(c)}`;
export const topicPath = (topic: string) => `/argomenti/${slugify(topic)}`;

/** The public URL of a content. One place, so every page and the back office link the same way. */
export function contentPath<T extends ContentType>(type: T, slug: string, data?: ContentDataMap[T]): string {
  switch (type) {
    case 'service':
      return `/servizi/${slug}`;
    case 'office':
      return `${ADMINISTRATION_SECTIONS.offices}/${slug}`;
    case 'area':
      return `${ADMINISTRATION_SECTIONS.areas}/${slug}`;
    case 'news':
      return `/novita/${slug}`;
    case 'event':
      return `/vivere/eventi/${slug}`;
    case 'place':
      return `/vivere/luoghi/${slug}`;
    case 'person': {
      const body = (data as ContentDataMap['person'] | undefined)?.body;
      return `${body === 'staff' ? ADMINISTRATION_SECTIONS.staff : ADMINISTRATION_SECTIONS.politicians}/${slug}`;
    }
    case 'organisation':
      return `${ADMINISTRATION_SECTIONS.organisations}/${slug}`;
    case 'document':
      return `${ADMINISTRATION_SECTIONS.documents}/${slug}`;
    case 'faq':
      return `/faq#${slug}`;
    default:
      return '/';
  }
}

/** Slugs a news item may not take, because they are the paths of the Novità lists. */
export const RESERVED_SLUGS: Partial<Record<ContentType, string[]>> = {
  news: ['notizie', 'comunicati', 'avvisi'],
  service: ['categoria'],
};
