import it from './it.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export type Locale = 'it' | 'en';
export const LOCALES: readonly Locale[] = ['it', 'en'];
export const DEFAULT_LOCALE: Locale = 'it';

type Dict = Record<string, string>;
const dictionaries: Record<Locale, Dict> = { it: { ...it }, en: { ...en } };

/** Modules add their own strings (from their i18n/{it,en}.json) at registration. Italian is the source. */
export function registerMessages(messages: { it: Dict; en: Dict }): void {
  Object.assign(dictionaries.it, messages.it);
  Object.assign(dictionaries.en, messages.en);
}

export function isLocale(v: unknown): v is Locale {
  return v === 'it' || v === 'en';
}

/** Translate `key`, filling `{name}` placeholders. Falls back to Italian, then to the key itself. */
export function t(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  const s = dictionaries[locale][key] ?? dictionaries.it[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => t(locale, key, vars);
}

/**
 * Pick the locale: explicit ?lang=, then the `lang` cookie, then Italian. Accept-Language is deliberately
 * ignored: the comune's site is Italian-first and crawlers such as the national validator send en-US.
 */
export function negotiateLocale(query: unknown, cookie: string | undefined): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  return DEFAULT_LOCALE;
}
