import { urlSlug } from '../../../core/views/site-links.ts';
import type { ContentDataMap, ContentType, Localized } from './types.ts';

/** The columns of site_contents derived from a content's published data. */
export interface Derived {
  titleIt: string;
  titleEn: string;
  kind: string | null;
  sortDate: Date | null;
  endDate: Date | null;
  topics: string[];
  refs: string[];
  searchIt: string;
  searchEn: string;
}

export type Locale = 'it' | 'en';

/** The text of a localized field in the reader's language, falling back to Italian (the source). */
export function loc(v: Localized | undefined | null, locale: Locale): string {
  if (!v) return '';
  return (locale === 'en' ? v.en?.trim() || v.it : v.it) ?? '';
}

/** A content's title (its name for offices, places, people…), as a Localized value. */
export function titleOf<T extends ContentType>(type: T, data: ContentDataMap[T]): Localized {
  const d = data as ContentDataMap[ContentType];
  switch (type) {
    case 'person': {
      const name = (d as ContentDataMap['person']).name;
      return { it: name, en: name };
    }
    case 'faq':
      return (d as ContentDataMap['faq']).question;
    case 'office':
    case 'area':
    case 'place':
    case 'organisation':
      return (d as ContentDataMap['office']).name;
    default:
      return (d as ContentDataMap['service']).title;
  }
}

/** "2026-12-05T18:00" or "2026-12-05", wall-clock time in Europe/Rome, as an instant. */
export function romeTime(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!m) throw new Error(`not a local date: ${local}`);
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '00', m[5] ?? '00'].map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Rome's offset at that moment (+1 h in winter, +2 h in summer).
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(asUtc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(asUtc - (shown - asUtc));
}

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'it' in v && typeof (v as Localized).it === 'string';
}

/** Every human-readable string of a content in one language, for full-text search. */
function collectText(v: unknown, locale: Locale, out: string[], key = ''): void {
  if (['uploadId', 'url', 'slug', 'lat', 'lon', 'hours', 'date', 'start', 'end', 'office', 'area', 'place', 'service', 'services', 'status', 'audienceType', 'bookable', 'email', 'pec', 'phone', 'website'].includes(key)) return;
  if (typeof v === 'string') {
    out.push(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectText(x, locale, out);
  } else if (isLocalized(v)) {
    out.push(loc(v, locale));
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) collectText(x, locale, out, k);
  }
}

const dateOnly = (s: string | undefined) => (s ? romeTime(s) : null);

export function derive<T extends ContentType>(type: T, data: ContentDataMap[T]): Derived {
  const title = titleOf(type, data);
  const d = data as unknown as Record<string, unknown>;
  let kind: string | null = null;
  let sortDate: Date | null = null;
  let endDate: Date | null = null;
  const refs: string[] = [];
  const push = (v: unknown) => {
    if (typeof v === 'string' && v) refs.push(v);
  };
  switch (type) {
    case 'service': {
      const s = data as ContentDataMap['service'];
      kind = s.category;
      push(s.office);
      break;
    }
    case 'office':
      push((data as ContentDataMap['office']).area);
      break;
    case 'news': {
      const n = data as ContentDataMap['news'];
      kind = n.kind;
      sortDate = dateOnly(n.date);
      for (const s of n.services ?? []) push(s);
      break;
    }
    case 'event': {
      const e = data as ContentDataMap['event'];
      sortDate = romeTime(e.start);
      endDate = romeTime(e.end);
      push(e.place);
      break;
    }
    case 'place':
      kind = (data as ContentDataMap['place']).kind;
      break;
    case 'person': {
      const p = data as ContentDataMap['person'];
      kind = p.body;
      push(p.area);
      push(p.office);
      break;
    }
    case 'organisation':
      kind = (data as ContentDataMap['organisation']).kind;
      break;
    case 'document': {
      const doc = data as ContentDataMap['document'];
      kind = doc.kind;
      sortDate = dateOnly(doc.date);
      break;
    }
    case 'faq':
      push((data as ContentDataMap['faq']).service);
      break;
    case 'area':
      break;
  }
  const text = (locale: Locale) => {
    const out: string[] = [];
    collectText(d, locale, out);
    return out.join('\n');
  };
  return {
    titleIt: title.it,
    titleEn: title.en || title.it,
    kind,
    sortDate,
    endDate,
    topics: Array.isArray(d.topics) ? (d.topics as string[]) : [],
    refs,
    searchIt: text('it'),
    searchEn: text('en'),
  };
}

/**
 * A URL-safe slug from a title: lower case, no accents, words joined by hyphens, at most 80 characters. The same
 * function the layout uses to link topics and categories (core/views/site-links.ts), so links always agree.
 */
export const slugify = urlSlug;
