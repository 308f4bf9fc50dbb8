/**
 * The shapes of the site's content types (Modello Comuni), as the demo content of "Comune di Biella (demo)"
 * spells them; ../content/types.ts builds the stored content model on them. ../seed.ts loads the demo content.
 * Italian is the source language; English is the translation shown with ?lang=en.
 */

export interface Localized {
  it: string;
  en: string;
}

/** The 15 service categories of the Modello Comuni, exactly as the validator reads them. */
export const SERVICE_CATEGORIES = [
  'Anagrafe e stato civile',
  'Cultura e tempo libero',
  'Vita lavorativa',
  'Imprese e commercio',
  'Appalti pubblici',
  'Catasto e urbanistica',
  'Turismo',
  'Mobilità e trasporti',
  'Educazione e formazione',
  'Giustizia e sicurezza pubblica',
  'Tributi, finanze e contravvenzioni',
  'Ambiente',
  'Salute, benessere e assistenza',
  'Autorizzazioni',
  'Agricoltura e pesca',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Structured opening hours: one entry per opening interval (a day may have two, e.g. morning and afternoon). */
export interface OpeningHours {
  weekly: { day: Weekday; open: string; close: string }[]; // "HH:MM", Europe/Rome
  /** Dates that differ from the weekly pattern (holidays, summer closures). */
  exceptions?: { date: string; closed: true; reason: Localized }[]; // date "YYYY-MM-DD"
  notes?: Localized;
}

export interface PostalAddress {
  street: string; // "Via Battistero 4"
  postalCode: string; // "13900"
  locality: string; // "Biella"
}

export interface DemoOffice {
  slug: string;
  name: Localized;
  /** Slug of the administrative area (aree amministrative) the office belongs to. */
  area: string;
  description: Localized;
  address: PostalAddress;
  lat: number;
  lon: number;
  phone: string;
  email: string;
  pec?: string;
  hours: OpeningHours;
  /** Accepts appointments booked online. */
  bookable: boolean;
  topics: string[]; // from shared/data/modello-comuni-topics.txt
}

export interface DemoArea {
  slug: string;
  name: Localized;
  description: Localized;
  /** Name of the manager (dirigente); a realistic invented name. */
  manager: string;
}

/** The scheda servizio: every section the Modello Comuni service card shows. */
export interface DemoService {
  slug: string;
  category: ServiceCategory;
  title: Localized;
  /** One-sentence description under the title (service-description). */
  summary: Localized;
  status: 'active' | 'inactive';
  /** Why the service is not active (required when inactive). */
  statusReason?: Localized;
  /** schema.org audience.audienceType: who it is for, in a word or two (e.g. "cittadini", "imprese"). */
  audienceType: 'citizens' | 'businesses' | 'families' | 'students' | 'associations' | 'professionals' | 'everyone';
  /** Descrizione (service-extended-description): a few paragraphs, plain text, paragraphs separated by a blank line. */
  description: Localized;
  /** A chi è rivolto (service-addressed). */
  addressedTo: Localized;
  /** Come fare (service-how-to): the steps, one per item. */
  howTo: Localized[];
  /** Cosa serve (service-needed): documents and requirements, one per item. */
  needed: Localized[];
  /** Cosa si ottiene (service-achieved). */
  achieved: Localized;
  /** Tempi e scadenze (service-calendar-text), plus dated deadlines when there are any. */
  timing: Localized;
  deadlines?: { date: string; label: Localized }[];
  /** Quanto costa (service-cost); for a free service say so ("Il servizio è gratuito."). */
  cost: Localized;
  /** Accedi al servizio: at least one channel. */
  access: {
    /** Online channel (service-online-access): a URL on the comune's site or a national platform. */
    online?: { url: string; label: Localized };
    /** The service can be requested by booking an appointment at the responsible office. */
    booking: boolean;
    /** Instructions for the office channel (service-generic-access). */
    inPerson?: Localized;
  };
  /** Condizioni di servizio (service-file): the terms document's title. */
  conditionsDocument: Localized;
  /** Slug of the responsible office (service-area). */
  office: string;
  /** Topics from the controlled vocabulary (service-topic), 1 to 4. */
  topics: string[];
  /** Words people actually use when they look for this service (search synonyms, typos excluded), Italian. */
  keywords: string[];
  /** Ulteriori informazioni (optional). */
  furtherInfo?: Localized;
}

export interface DemoNews {
  slug: string;
  kind: 'notizia' | 'comunicato' | 'avviso';
  title: Localized;
  summary: Localized;
  body: Localized; // paragraphs separated by a blank line
  date: string; // "YYYY-MM-DD", within 2026
  topics: string[];
  /** Related service slugs, if any. */
  services?: string[];
}

export interface DemoPlace {
  slug: string;
  kind: 'museo' | 'biblioteca' | 'parco' | 'impianto sportivo' | 'piazza' | 'monumento' | 'scuola' | 'teatro' | 'mercato' | 'cimitero' | 'edificio pubblico';
  name: Localized;
  description: Localized;
  address: PostalAddress;
  lat: number;
  lon: number;
  hours?: OpeningHours;
  accessibility: Localized;
  topics: string[];
}

export interface DemoEvent {
  slug: string;
  title: Localized;
  summary: Localized;
  description: Localized;
  start: string; // ISO local date-time "2026-12-05T18:00", Europe/Rome
  end: string;
  /** Slug of a DemoPlace where it happens. */
  place: string;
  cost: Localized;
  organiser: string;
  topics: string[];
}

export interface DemoPerson {
  slug: string;
  name: string;
  /** e.g. "Sindaco", "Assessore al bilancio", "Consigliere comunale". */
  role: Localized;
  /** giunta and consiglio are the organi di governo (politici); staff is personale amministrativo. */
  body: 'giunta' | 'consiglio' | 'staff';
  delegations?: Localized;
  biography: Localized;
  /** For staff: the area or office (slug) they work in, and a work e-mail. */
  area?: string;
  office?: string;
  email?: string;
}

/** Enti e fondazioni: bodies the comune takes part in or controls. */
export interface DemoOrganisation {
  slug: string;
  name: Localized;
  kind: 'ente' | 'fondazione' | 'società partecipata' | 'consorzio' | 'azienda speciale';
  description: Localized;
  /** The comune's share or role, e.g. "Quota di partecipazione: 12,5%". */
  participation: Localized;
  website?: string;
  topics: string[];
}

export interface DemoFaq {
  question: Localized;
  answer: Localized;
  /** Service slug the FAQ belongs to, when it belongs to one. */
  service?: string;
  topics: string[];
}

export interface DemoDocument {
  slug: string;
  title: Localized;
  kind: 'regolamento' | 'delibera' | 'modulistica' | 'bilancio' | 'piano' | 'avviso pubblico';
  description: Localized;
  date: string;
  topics: string[];
}
