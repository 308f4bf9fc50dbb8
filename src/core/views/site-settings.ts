import type { Tenant } from '../tenancy/types.ts';
import type { TenantSettings } from '../db/schema.ts';

/** A social network the header and footer can link (icon from the Bootstrap Italia sprite). */
export type SocialNetwork = 'facebook' | 'instagram' | 'x' | 'youtube' | 'linkedin' | 'telegram' | 'whatsapp' | 'mastodon' | 'bluesky';

export const SOCIAL_NETWORKS: readonly { id: SocialNetwork; label: string; icon: string }[] = [
  { id: 'facebook', label: 'Facebook', icon: 'it-facebook' },
  { id: 'instagram', label: 'Instagram', icon: 'it-instagram' },
  { id: 'x', label: 'X', icon: 'it-twitter' },
  { id: 'youtube', label: 'YouTube', icon: 'it-youtube' },
  { id: 'linkedin', label: 'LinkedIn', icon: 'it-linkedin' },
  { id: 'telegram', label: 'Telegram', icon: 'it-telegram' },
  { id: 'whatsapp', label: 'WhatsApp', icon: 'it-whatsapp' },
  { id: 'mastodon', label: 'Mastodon', icon: 'it-mastodon' },
  { id: 'bluesky', label: 'Bluesky', icon: 'it-bluesky' },
];

export function socialNetwork(id: string): (typeof SOCIAL_NETWORKS)[number] | undefined {
  return SOCIAL_NETWORKS.find((n) => n.id === id);
}

/** At most this many social links. */
export const MAX_SOCIAL = 8;
/** At most this many highlighted topics in the header. */
export const MAX_TOPICS = 3;

/**
 * The comune's site settings, stored in tenants.settings.site (edited at /admin/impostazioni-sito) with the
 * contacts in tenants.settings.contacts and the display name in tenants.name. Read them through siteSettings(),
 * which fills the defaults. Every URL is https, except privacyUrl and transparencyUrl which may be a path here.
 */
export interface SiteSettingsInput {
  /** Upload id (core uploads) of the coat of arms (stemma); the header shows a generic emblem without one. */
  coatOfArmsUploadId?: string;
  /** The body the comune belongs to, shown in the slim header (e.g. "Regione Piemonte") and its site. */
  region?: string;
  regionUrl?: string;
  /** VAT number (partita IVA) when it differs from the codice fiscale. */
  vatNumber?: string;
  social?: { network: SocialNetwork; url: string }[];
  /** AgID accessibility declaration (https://form.agid.gov.it/view/…). */
  accessibilityUrl?: string;
  /** Informativa privacy; defaults to the site's /privacy page. */
  privacyUrl?: string;
  /** Amministrazione trasparente (often an external portal); defaults to /amministrazione/documenti-e-dati. */
  transparencyUrl?: string;
  /** Map tiles (Leaflet URL template with {z}, {x}, {y}) and their attribution. */
  mapTileUrl?: string;
  mapAttribution?: string;
  /** Where maps open when they have nothing to fit. */
  mapCenter?: { lat: number; lon: number; zoom: number };
  /** Topics (from the Modello Comuni vocabulary) linked in the header next to "Tutti gli argomenti"; [] = none. */
  highlightedTopics?: string[];
}

export interface SiteSettings {
  name: string;
  coatOfArmsUrl: string | null;
  region: string | null;
  regionUrl: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  pec: string | null;
  taxCode: string | null;
  vatNumber: string | null;
  social: { network: SocialNetwork; url: string }[];
  accessibilityUrl: string;
  privacyUrl: string;
  transparencyUrl: string;
  mapTileUrl: string;
  mapAttribution: string;
  mapCenter: { lat: number; lon: number; zoom: number };
  highlightedTopics: string[];
}

export const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors';
export const DEFAULT_MAP_CENTER = { lat: 45.5663, lon: 8.0537, zoom: 14 };
export const DEFAULT_TOPICS = ['Anagrafe', 'Istruzione', 'Tempo libero'];

/** The AgID form where every administration publishes its accessibility declaration. */
export const AGID_ACCESSIBILITY_FORM = 'https://form.agid.gov.it/';

export function siteSettings(tenant: Tenant | null): SiteSettings {
  const s: SiteSettingsInput = tenant?.settings.site ?? {};
  const c = tenant?.settings.contacts ?? {};
  return {
    name: tenant?.name ?? 'piazza',
    coatOfArmsUrl: s.coatOfArmsUploadId ? `/uploads/${s.coatOfArmsUploadId}` : null,
    region: s.region || null,
    regionUrl: s.regionUrl || null,
    address: c.address || null,
    phone: c.phone || null,
    email: c.email || null,
    pec: c.pec || null,
    taxCode: c.taxCode || null,
    vatNumber: s.vatNumber || null,
    social: (s.social ?? []).filter((x) => socialNetwork(x.network)),
    accessibilityUrl: s.accessibilityUrl || AGID_ACCESSIBILITY_FORM,
    privacyUrl: s.privacyUrl || '/privacy',
    transparencyUrl: s.transparencyUrl || '/amministrazione/documenti-e-dati',
    mapTileUrl: s.mapTileUrl || DEFAULT_TILES,
    mapAttribution: s.mapAttribution || DEFAULT_ATTRIBUTION,
    mapCenter: s.mapCenter ?? DEFAULT_MAP_CENTER,
    highlightedTopics: s.highlightedTopics ?? DEFAULT_TOPICS,
  };
}

// ── The settings form ────────────────────────────────────────────────────────────────────────────────────────

/** The text fields of the settings form, as posted (each already a single string). */
export interface SiteSettingsForm {
  name: string;
  address: string;
  phone: string;
  email: string;
  pec: string;
  taxCode: string;
  vatNumber: string;
  region: string;
  regionUrl: string;
  social: { network: string; url: string }[];
  accessibilityUrl: string;
  privacyUrl: string;
  transparencyUrl: string;
  mapTileUrl: string;
  mapAttribution: string;
  mapLat: string;
  mapLon: string;
  mapZoom: string;
  topics: string[];
}

/** Field errors; `message` is an i18n key (siteSettings.error.…). */
export type SiteSettingsErrors = { field: string; message: string }[];

export interface ValidSiteSettings {
  name: string;
  contacts: NonNullable<TenantSettings['contacts']>;
  /** The new settings.site, without the coat of arms (kept from the stored settings). */
  site: Omit<SiteSettingsInput, 'coatOfArmsUploadId'>;
}

/** The form's values for the stored settings of a comune. */
export function formOf(tenant: Tenant): SiteSettingsForm {
  const s: SiteSettingsInput = tenant.settings.site ?? {};
  const c = tenant.settings.contacts ?? {};
  return {
    name: tenant.name,
    address: c.address ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    pec: c.pec ?? '',
    taxCode: c.taxCode ?? '',
    vatNumber: s.vatNumber ?? '',
    region: s.region ?? '',
    regionUrl: s.regionUrl ?? '',
    social: (s.social ?? []).map((x) => ({ network: x.network, url: x.url })),
    accessibilityUrl: s.accessibilityUrl ?? '',
    privacyUrl: s.privacyUrl ?? '',
    transparencyUrl: s.transparencyUrl ?? '',
    mapTileUrl: s.mapTileUrl ?? '',
    mapAttribution: s.mapAttribution ?? '',
    mapLat: s.mapCenter ? String(s.mapCenter.lat) : '',
    mapLon: s.mapCenter ? String(s.mapCenter.lon) : '',
    mapZoom: s.mapCenter ? String(s.mapCenter.zoom) : '',
    topics: s.highlightedTopics ?? DEFAULT_TOPICS,
  };
}

// eslint-disable-next-line no-control-regex
const clean = (v: string) => v.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

/** An absolute https URL with a host (no credentials, no spaces), at most 500 characters. */
export function isHttpsUrl(v: string): boolean {
  if (v.length > 500 || /\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && u.hostname.includes('.') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** A path of this site ("/privacy", not "//host") or an https URL. */
function isLinkTarget(v: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(v) ? v.length <= 300 : isHttpsUrl(v);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** Check the posted settings; returns what to store or field errors (i18n keys). */
export function validateSiteSettings(f: SiteSettingsForm, vocabulary: readonly string[] = []): { ok: true; value: ValidSiteSettings } | { ok: false; errors: SiteSettingsErrors } {
  const errors: SiteSettingsErrors = [];
  const err = (field: string, message: string) => errors.push({ field, message: `siteSettings.error.${message}` });
  const v = {
    name: clean(f.name),
    address: clean(f.address),
    phone: clean(f.phone),
    email: clean(f.email).toLowerCase(),
    pec: clean(f.pec).toLowerCase(),
    taxCode: clean(f.taxCode).replace(/\s/g, ''),
    vatNumber: clean(f.vatNumber).replace(/\s/g, '').toUpperCase(),
    region: clean(f.region),
    regionUrl: clean(f.regionUrl),
    accessibilityUrl: clean(f.accessibilityUrl),
    privacyUrl: clean(f.privacyUrl),
    transparencyUrl: clean(f.transparencyUrl),
    mapTileUrl: clean(f.mapTileUrl),
    mapAttribution: clean(f.mapAttribution),
  };

  if (v.name.length < 2 || v.name.length > 120) err('name', 'name');
  if (v.address.length > 200) err('address', 'tooLong');
  if (v.phone && !/^\+?[0-9][0-9 ./()-]{4,29}$/.test(v.phone)) err('phone', 'phone');
  if (v.email && (v.email.length > 254 || !EMAIL.test(v.email))) err('email', 'email');
  if (v.pec && (v.pec.length > 254 || !EMAIL.test(v.pec))) err('pec', 'email');
  if (v.taxCode && !/^\d{11}$/.test(v.taxCode)) err('taxCode', 'taxCode');
  if (v.vatNumber && !/^(IT)?\d{11}$/.test(v.vatNumber)) err('vatNumber', 'vatNumber');
  if (v.region.length > 80) err('region', 'tooLong');
  if (v.regionUrl && !isHttpsUrl(v.regionUrl)) err('regionUrl', 'https');
  if (v.regionUrl && !v.region) err('region', 'regionName');
  if (v.accessibilityUrl && !isHttpsUrl(v.accessibilityUrl)) err('accessibilityUrl', 'https');
  if (v.privacyUrl && !isLinkTarget(v.privacyUrl)) err('privacyUrl', 'link');
  if (v.transparencyUrl && !isLinkTarget(v.transparencyUrl)) err('transparencyUrl', 'link');
  if (v.mapTileUrl && !(isHttpsUrl(v.mapTileUrl.replace(/\{[a-z]\}/g, '0')) && ['{z}', '{x}', '{y}'].every((p) => v.mapTileUrl.includes(p)))) err('mapTileUrl', 'tiles');
  if (v.mapAttribution.length > 200) err('mapAttribution', 'tooLong');

  const social: { network: SocialNetwork; url: string }[] = [];
  f.social.slice(0, MAX_SOCIAL).forEach((row, i) => {
    const url = clean(row.url);
    if (!url) return;
    const net = socialNetwork(row.network);
    if (!net) err(`social-network-${i}`, 'network');
    if (!isHttpsUrl(url)) err(`social-url-${i}`, 'https');
    if (net && isHttpsUrl(url)) social.push({ network: net.id, url });
  });
  if (f.social.length > MAX_SOCIAL && f.social.slice(MAX_SOCIAL).some((r) => clean(r.url))) err('social', 'tooManySocial');

  let mapCenter: SiteSettingsInput['mapCenter'];
  const [lat, lon, zoom] = [f.mapLat, f.mapLon, f.mapZoom].map((x) => clean(x).replace(',', '.'));
  if (lat || lon || zoom) {
    const nLat = Number(lat);
    const nLon = Number(lon);
    const nZoom = Number(zoom);
    if (!lat || !Number.isFinite(nLat) || nLat < -90 || nLat > 90) err('mapLat', 'latitude');
    if (!lon || !Number.isFinite(nLon) || nLon < -180 || nLon > 180) err('mapLon', 'longitude');
    if (!zoom || !Number.isInteger(nZoom) || nZoom < 1 || nZoom > 19) err('mapZoom', 'zoom');
    mapCenter = { lat: nLat, lon: nLon, zoom: nZoom };
  }

  const topics: string[] = [];
  f.topics.slice(0, MAX_TOPICS).forEach((raw, i) => {
    const topic = clean(raw);
    if (!topic) return;
    const known = vocabulary.length ? vocabulary.find((x) => x.toLowerCase() === topic.toLowerCase()) : topic.length <= 80 ? topic : undefined;
    if (!known) err(`topic-${i}`, 'topic');
    else if (!topics.includes(known)) topics.push(known);
  });

  if (errors.length) return { ok: false, errors };
  const opt = (x: string) => (x ? x : undefined);
  const site: ValidSiteSettings['site'] = {
    region: opt(v.region),
    regionUrl: opt(v.regionUrl),
    vatNumber: opt(v.vatNumber),
    social,
    accessibilityUrl: opt(v.accessibilityUrl),
    privacyUrl: opt(v.privacyUrl),
    transparencyUrl: opt(v.transparencyUrl),
    mapTileUrl: opt(v.mapTileUrl),
    mapAttribution: opt(v.mapAttribution),
    mapCenter,
    highlightedTopics: topics,
  };
  const contacts = { address: opt(v.address), phone: opt(v.phone), email: opt(v.email), pec: opt(v.pec), taxCode: opt(v.taxCode) };
  return { ok: true, value: { name: v.name, contacts: dropUndefined(contacts), site: dropUndefined(site) } };
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}
