/**
 * The back office's declarative description of every content type: which fields the editing form shows, in
 * which groups, of which kind, and with which rules. One generic renderer (form.tsx) and one parser
 * (parse.ts) work from these lists, so adding a field to a content type is one line here.
 *
 * Field paths are dotted paths into the content's data ("address.street", "access.online"); the form's input
 * names derive from them (see parse.ts for each kind's inputs).
 */
import { SERVICE_CATEGORIES, type ContentDataMap, type ContentType } from '../content/types.ts';
import { TOPICS } from '../content/topics.ts';

/** Every value of a union, checked by the compiler both ways (no value missing, none extra). */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(a: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })): A => a;
}

export const SERVICE_STATUSES = allOf<ContentDataMap['service']['status']>()(['active', 'inactive']);
export const AUDIENCE_TYPES = allOf<ContentDataMap['service']['audienceType']>()(['citizens', 'businesses', 'families', 'students', 'associations', 'professionals', 'everyone']);
export const NEWS_KINDS = allOf<ContentDataMap['news']['kind']>()(['notizia', 'comunicato', 'avviso']);
export const PLACE_KINDS = allOf<ContentDataMap['place']['kind']>()([
  'museo',
  'biblioteca',
  'parco',
  'impianto sportivo',
  'piazza',
  'monumento',
  'scuola',
  'teatro',
  'mercato',
  'cimitero',
  'edificio pubblico',
]);
export const PERSON_BODIES = allOf<ContentDataMap['person']['body']>()(['giunta', 'consiglio', 'staff']);
export const ORGANISATION_KINDS = allOf<ContentDataMap['organisation']['kind']>()(['ente', 'fondazione', 'società partecipata', 'consorzio', 'azienda speciale']);
export const DOCUMENT_KINDS = allOf<ContentDataMap['document']['kind']>()(['regolamento', 'delibera', 'modulistica', 'bilancio', 'piano', 'avviso pubblico']);

export { TOPICS };

export type FieldDef =
  /** Localized one-line text: Italian and English side by side (Italian required when `required`). */
  | { kind: 'ltext'; path: string; required?: boolean; max?: number }
  /** Localized long text (paragraphs separated by a blank line). */
  | { kind: 'ltextarea'; path: string; required?: boolean; rows?: number; max?: number }
  /** List of localized items: one textarea per language, one item per line. */
  | { kind: 'llist'; path: string; min?: number; max?: number }
  /** Plain one-line text (names, street, phone). */
  | { kind: 'text'; path: string; required?: boolean; max?: number; pattern?: RegExp; patternMessage?: string; inputType?: 'text' | 'tel'; autocomplete?: string }
  /** List of plain strings, one per line (search keywords). */
  | { kind: 'lines'; path: string; max?: number }
  /** One of fixed values; `labels` is the i18n prefix of the values' names (none: the value is its own label). */
  | { kind: 'select'; path: string; options: readonly string[]; labels?: string }
  /** The slug of another content of type `target`. */
  | { kind: 'ref'; path: string; target: ContentType; required?: boolean }
  /** Slugs of other contents of type `target`. */
  | { kind: 'refs'; path: string; target: ContentType; max?: number }
  /** Topics of the controlled vocabulary. */
  | { kind: 'topics'; path: string; min: number; max: number }
  | { kind: 'date'; path: string; required?: boolean }
  /** Local wall-clock date and time in Europe/Rome ("2026-12-05T18:00"). */
  | { kind: 'datetime'; path: string; required?: boolean }
  | { kind: 'number'; path: string; required?: boolean; min: number; max: number }
  | { kind: 'bool'; path: string }
  | { kind: 'url'; path: string; required?: boolean }
  | { kind: 'email'; path: string; required?: boolean }
  /** A link: { url, label } with a localized label; optional as a whole. */
  | { kind: 'link'; path: string }
  /** Opening hours: per weekday up to two intervals, exceptions, notes. */
  | { kind: 'hours'; path: string; required?: boolean }
  /** Dated deadlines: { date, label }[]. */
  | { kind: 'deadlines'; path: string }
  /** An uploaded image with its alternative text (required when there is an image). */
  | { kind: 'image'; path: string }
  /** One uploaded PDF whose title is another (localized) field of the content. */
  | { kind: 'file'; path: string; titleFrom: string }
  /** Uploaded PDFs, each with its own localized title. */
  | { kind: 'attachments'; path: string };

export type FieldKind = FieldDef['kind'];

export interface FieldGroup {
  /** i18n key suffix of the group's legend: site.bo.group.<key>. */
  key: string;
  fields: FieldDef[];
}

const address: FieldDef[] = [
  { kind: 'text', path: 'address.street', required: true, max: 120, autocomplete: 'off' },
  { kind: 'text', path: 'address.postalCode', required: true, max: 5, pattern: /^\d{5}$/, patternMessage: 'site.bo.err.postalCode' },
  { kind: 'text', path: 'address.locality', required: true, max: 80 },
];
const position: FieldDef[] = [
  { kind: 'number', path: 'lat', required: true, min: -90, max: 90 },
  { kind: 'number', path: 'lon', required: true, min: -180, max: 180 },
];
const topics = (min = 0, max = 12): FieldDef => ({ kind: 'topics', path: 'topics', min, max });

export const CONTENT_FORMS: Record<ContentType, FieldGroup[]> = {
  service: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'title', required: true, max: 200 },
        { kind: 'ltextarea', path: 'summary', required: true, rows: 2, max: 400 },
        { kind: 'select', path: 'category', options: SERVICE_CATEGORIES },
        { kind: 'select', path: 'status', options: SERVICE_STATUSES, labels: 'site.bo.opt.status' },
        { kind: 'ltext', path: 'statusReason', max: 300 },
        { kind: 'select', path: 'audienceType', options: AUDIENCE_TYPES, labels: 'site.bo.opt.audience' },
        { kind: 'image', path: 'image' },
      ],
    },
    {
      key: 'card',
      fields: [
        { kind: 'ltextarea', path: 'description', required: true, rows: 6 },
        { kind: 'ltextarea', path: 'addressedTo', required: true, rows: 3 },
        { kind: 'llist', path: 'howTo', min: 1, max: 20 },
        { kind: 'llist', path: 'needed', min: 1, max: 20 },
        { kind: 'ltextarea', path: 'achieved', required: true, rows: 3 },
        { kind: 'ltextarea', path: 'timing', required: true, rows: 3 },
        { kind: 'deadlines', path: 'deadlines' },
        { kind: 'ltextarea', path: 'cost', required: true, rows: 2 },
        { kind: 'ltextarea', path: 'furtherInfo', rows: 3 },
      ],
    },
    {
      key: 'access',
      fields: [
        { kind: 'link', path: 'access.online' },
        { kind: 'bool', path: 'access.booking' },
        { kind: 'ltextarea', path: 'access.inPerson', rows: 3 },
      ],
    },
    {
      key: 'conditions',
      fields: [
        { kind: 'ltext', path: 'conditionsDocument', required: true, max: 200 },
        { kind: 'file', path: 'conditionsFile', titleFrom: 'conditionsDocument' },
      ],
    },
    {
      key: 'links',
      fields: [{ kind: 'ref', path: 'office', target: 'office', required: true }, topics(1, 4), { kind: 'lines', path: 'keywords', max: 40 }],
    },
  ],
  office: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'name', required: true, max: 200 },
        { kind: 'ltextarea', path: 'description', required: true, rows: 4 },
        { kind: 'ref', path: 'area', target: 'area', required: true },
        { kind: 'bool', path: 'bookable' },
      ],
    },
    {
      key: 'contacts',
      fields: [
        ...address,
        ...position,
        { kind: 'text', path: 'phone', required: true, max: 40, inputType: 'tel' },
        { kind: 'email', path: 'email', required: true },
        { kind: 'email', path: 'pec' },
      ],
    },
    { key: 'hours', fields: [{ kind: 'hours', path: 'hours', required: true }] },
    { key: 'links', fields: [topics()] },
  ],
  area: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'name', required: true, max: 200 },
        { kind: 'ltextarea', path: 'description', required: true, rows: 4 },
        { kind: 'text', path: 'manager', required: true, max: 120 },
      ],
    },
  ],
  news: [
    {
      key: 'main',
      fields: [
        { kind: 'select', path: 'kind', options: NEWS_KINDS, labels: 'site.bo.opt.newsKind' },
        { kind: 'ltext', path: 'title', required: true, max: 200 },
        { kind: 'ltextarea', path: 'summary', required: true, rows: 2, max: 400 },
        { kind: 'ltextarea', path: 'body', required: true, rows: 8 },
        { kind: 'date', path: 'date', required: true },
        { kind: 'image', path: 'image' },
      ],
    },
    { key: 'links', fields: [topics(), { kind: 'refs', path: 'services', target: 'service', max: 12 }] },
  ],
  event: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'title', required: true, max: 200 },
        { kind: 'ltextarea', path: 'summary', required: true, rows: 2, max: 400 },
        { kind: 'ltextarea', path: 'description', required: true, rows: 6 },
        { kind: 'datetime', path: 'start', required: true },
        { kind: 'datetime', path: 'end', required: true },
        { kind: 'ref', path: 'place', target: 'place', required: true },
        { kind: 'ltext', path: 'cost', required: true, max: 300 },
        { kind: 'text', path: 'organiser', required: true, max: 200 },
        { kind: 'image', path: 'image' },
      ],
    },
    { key: 'links', fields: [topics()] },
  ],
  place: [
    {
      key: 'main',
      fields: [
        { kind: 'select', path: 'kind', options: PLACE_KINDS, labels: 'site.bo.opt.placeKind' },
        { kind: 'ltext', path: 'name', required: true, max: 200 },
        { kind: 'ltextarea', path: 'description', required: true, rows: 5 },
        { kind: 'ltextarea', path: 'accessibility', required: true, rows: 3 },
        { kind: 'image', path: 'image' },
      ],
    },
    { key: 'contacts', fields: [...address, ...position] },
    { key: 'hours', fields: [{ kind: 'hours', path: 'hours' }] },
    { key: 'links', fields: [topics()] },
  ],
  person: [
    {
      key: 'main',
      fields: [
        { kind: 'text', path: 'name', required: true, max: 120 },
        { kind: 'ltext', path: 'role', required: true, max: 200 },
        { kind: 'select', path: 'body', options: PERSON_BODIES, labels: 'site.bo.opt.body' },
        { kind: 'ltextarea', path: 'delegations', rows: 3 },
        { kind: 'ltextarea', path: 'biography', required: true, rows: 6 },
        { kind: 'image', path: 'image' },
      ],
    },
    {
      key: 'work',
      fields: [
        { kind: 'ref', path: 'area', target: 'area' },
        { kind: 'ref', path: 'office', target: 'office' },
        { kind: 'email', path: 'email' },
      ],
    },
  ],
  organisation: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'name', required: true, max: 200 },
        { kind: 'select', path: 'kind', options: ORGANISATION_KINDS, labels: 'site.bo.opt.organisationKind' },
        { kind: 'ltextarea', path: 'description', required: true, rows: 5 },
        { kind: 'ltext', path: 'participation', required: true, max: 300 },
        { kind: 'url', path: 'website' },
      ],
    },
    { key: 'links', fields: [topics()] },
  ],
  document: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'title', required: true, max: 200 },
        { kind: 'select', path: 'kind', options: DOCUMENT_KINDS, labels: 'site.bo.opt.documentKind' },
        { kind: 'ltextarea', path: 'description', required: true, rows: 5 },
        { kind: 'date', path: 'date', required: true },
      ],
    },
    { key: 'files', fields: [{ kind: 'attachments', path: 'attachments' }] },
    { key: 'links', fields: [topics()] },
  ],
  faq: [
    {
      key: 'main',
      fields: [
        { kind: 'ltext', path: 'question', required: true, max: 300 },
        { kind: 'ltextarea', path: 'answer', required: true, rows: 6 },
        { kind: 'ref', path: 'service', target: 'service' },
      ],
    },
    { key: 'links', fields: [topics()] },
  ],
};

export function fieldsOf(type: ContentType): FieldDef[] {
  return CONTENT_FORMS[type].flatMap((g) => g.fields);
}

/** Content types another type's form refers to (to load the choices of its reference fields). */
export function refTargets(type: ContentType): ContentType[] {
  const out = new Set<ContentType>();
  for (const f of fieldsOf(type)) if (f.kind === 'ref' || f.kind === 'refs') out.add(f.target);
  return [...out];
}

/** How many empty rows for new attachments a form offers at a time. */
export const NEW_ATTACHMENT_SLOTS = 2;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
