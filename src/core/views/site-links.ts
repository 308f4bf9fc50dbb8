/**
 * Where the site's shared links point. The layout (header, footer, "Contatta il comune" box) links these
 * destinations, and the modules that serve them may move them: e.g. the reports module calls
 * setSiteLink('reportInefficiency', '/segnalazioni/nuova') when it registers its routes.
 */
export type SiteLinkName = 'reportInefficiency' | 'appointmentBooking' | 'assistance';

const DEFAULT_LINKS: Readonly<Record<SiteLinkName, string>> = {
  /** Until the reports module serves its own flow, the service card "Segnalazione disservizio". */
  reportInefficiency: '/servizi/segnalazione-disservizio',
  appointmentBooking: '/prenotazione-appuntamento',
  assistance: '/richiesta-assistenza',
};

const links: Record<SiteLinkName, string> = { ...DEFAULT_LINKS };

/** The current destination of a shared link. */
export function siteLink(name: SiteLinkName): string {
  return links[name];
}

/** Point a shared link somewhere else: a path on this site ("/…", not "//…") or an https URL. */
export function setSiteLink(name: SiteLinkName, href: string): void {
  if (!(name in DEFAULT_LINKS)) throw new Error(`unknown site link ${name}`);
  if (!/^\/(?![/\\])/.test(href) && !/^https:\/\/[^\s/]+/.test(href)) throw new Error(`site link ${name} must be a path or an https URL: ${href}`);
  links[name] = href;
}

/** Back to the defaults (tests). */
export function resetSiteLinks(): void {
  Object.assign(links, DEFAULT_LINKS);
}

/**
 * The URL form of a title: lower case, no accents, words joined by hyphens, at most 80 characters. The site
 * module's slugify() is this function, so the layout links topics and service categories where their pages are.
 */
export function urlSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** The page of a topic (argomento) of the Modello Comuni vocabulary: /argomenti/<slug>. */
export function topicHref(topic: string): string {
  return `/argomenti/${urlSlug(topic)}`;
}

/** The page of a service category: /servizi/categoria/<slug>. */
export function serviceCategoryHref(category: string): string {
  return `/servizi/categoria/${urlSlug(category)}`;
}

let topicVocabulary: readonly string[] = [];

/**
 * The controlled vocabulary of topics (argomenti) the site uses; the site module registers the 64 Modello Comuni
 * topics. The site settings page offers them for the header's highlighted topics and accepts only these.
 */
export function setTopicVocabulary(topics: readonly string[]): void {
  topicVocabulary = [...topics];
}

export function topicVocabularyList(): readonly string[] {
  return topicVocabulary;
}

/**
 * The name of the place without "Comune di" and without a trailing note in brackets:
 * "Comune di Biella (demo)" → "Biella". Empty when nothing is left.
 */
export function placeName(comuneName: string): string {
  return comuneName
    .trim()
    .replace(/^comune\s+(?:di|de|d['’])\s*/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
}
