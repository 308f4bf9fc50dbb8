import { randomBytes } from 'node:crypto';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../content/types.ts';

/**
 * Richiesta di assistenza (Modello Comuni): the form's fields, their rules, the public reference and the
 * office a request goes to when the citizen does not pick a service. Pure code: no database, no HTTP.
 */

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const DETAILS_MAX = 600;
/** A staff member's internal note and the message sent to the citizen on closing. */
export const NOTE_MAX = 2000;

/** draft: a logged-in citizen's unfinished request; the others are what staff see. */
export const ASSISTANCE_STATUSES = ['draft', 'submitted', 'in-progress', 'closed'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
/** The statuses staff can see and filter on (drafts are private to the citizen). */
export const STAFF_STATUSES = ['submitted', 'in-progress', 'closed'] as const satisfies readonly AssistanceStatus[];
/** The statuses staff can set. */
export const SETTABLE_STATUSES = ['in-progress', 'closed'] as const satisfies readonly AssistanceStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export const isStaffStatus = (s: string): s is (typeof STAFF_STATUSES)[number] => (STAFF_STATUSES as readonly string[]).includes(s);
export const isSettableStatus = (s: string): s is SettableStatus => (SETTABLE_STATUSES as readonly string[]).includes(s);
export const isServiceCategory = (s: string): s is ServiceCategory => (SERVICE_CATEGORIES as readonly string[]).includes(s);

/**
 * The office that handles a request in each category when the citizen picks no service (slugs of office
 * contents). Categories without an obvious office go to the URP, the comune's general help desk.
 */
export const DEFAULT_OFFICE = 'urp';
export const CATEGORY_OFFICES: Record<ServiceCategory, string> = {
  'Anagrafe e stato civile': 'ufficio-anagrafe',
  'Cultura e tempo libero': 'ufficio-cultura-turismo',
  'Vita lavorativa': 'ufficio-personale-gare',
  'Imprese e commercio': 'suap',
  'Appalti pubblici': 'ufficio-personale-gare',
  'Catasto e urbanistica': 'ufficio-urbanistica',
  Turismo: 'ufficio-cultura-turismo',
  'Mobilità e trasporti': 'ufficio-mobilita',
  'Educazione e formazione': 'servizi-scolastici',
  'Giustizia e sicurezza pubblica': 'polizia-locale-comando',
  'Tributi, finanze e contravvenzioni': 'ufficio-tributi',
  Ambiente: 'ufficio-ambiente',
  'Salute, benessere e assistenza': 'servizi-sociali',
  Autorizzazioni: 'suap',
  'Agricoltura e pesca': 'suap',
};

/**
 * The offices to try, in order, for a request: the chosen service's office, then the category's default
 * office, then the URP. The first that exists wins; with none the request stays unassigned (operators see it).
 */
export function officeCandidates(category: ServiceCategory, serviceOffice: string | null): string[] {
  const list = [serviceOffice, CATEGORY_OFFICES[category], DEFAULT_OFFICE].filter((s): s is string => !!s);
  return [...new Set(list)];
}

/** "AS-" and 8 uppercase hexadecimal characters (4 random bytes). */
export function newReference(): string {
  return `AS-${randomBytes(4).toString('hex').toUpperCase()}`;
}
export const REFERENCE_RE = /^AS-[0-9A-F]{8}$/;

/** The same rule notify() applies to an address, so an accepted address is always deliverable. */
const EMAIL_RE = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
export const isEmail = (s: string) => s.length <= EMAIL_MAX && EMAIL_RE.test(s);

/** Characters as a person counts them (and as the textarea's maxlength counts them, at most). */
export const charCount = (s: string) => [...s].length;

// eslint-disable-next-line no-control-regex
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The form as sent, normalised: trimmed, Windows line ends made "\n" (browsers send CRLF, maxlength counts 1). */
export interface AssistanceForm {
  name: string;
  surname: string;
  email: string;
  category: string;
  /** Service slug, '' for none. */
  service: string;
  details: string;
  privacy: boolean;
}

export type FieldError = { field: keyof AssistanceForm; message: string; vars?: Record<string, string | number> };

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export function readForm(body: Raw): AssistanceForm {
  const line = (k: string) => first(body[k]).trim();
  return {
    name: line('name'),
    surname: line('surname'),
    email: line('email'),
    category: line('category'),
    service: line('service'),
    details: first(body.details).replace(/\r\n?/g, '\n').trim(),
    privacy: first(body.privacy) !== '',
  };
}

/**
 * Field errors as i18n keys (site.assistance.error.*). `submit` checks everything; `draft` only what could
 * not be stored (lengths, characters, a category or service that is not one of ours): a draft may be incomplete.
 */
export function validateForm(f: AssistanceForm, mode: 'submit' | 'draft'): FieldError[] {
  const errors: FieldError[] = [];
  const submit = mode === 'submit';
  const oneLine = (field: 'name' | 'surname', max: number) => {
    const v = f[field];
    if (!v) {
      if (submit) errors.push({ field, message: 'site.assistance.error.required' });
    } else if (charCount(v) > max) errors.push({ field, message: 'site.assistance.error.tooLong', vars: { max } });
    else if (CONTROL_ONE_LINE.test(v)) errors.push({ field, message: 'site.assistance.error.characters' });
  };
  oneLine('name', NAME_MAX);
  oneLine('surname', NAME_MAX);
  if (!f.email) {
    if (submit) errors.push({ field: 'email', message: 'site.assistance.error.required' });
  } else if (!isEmail(f.email)) errors.push({ field: 'email', message: 'site.assistance.error.email' });
  if (!f.category) {
    if (submit) errors.push({ field: 'category', message: 'site.assistance.error.category' });
  } else if (!isServiceCategory(f.category)) errors.push({ field: 'category', message: 'site.assistance.error.category' });
  if (f.service && (f.service.length > 80 || !/^[a-z0-9-]+$/.test(f.service))) errors.push({ field: 'service', message: 'site.assistance.error.service' });
  if (!f.details) {
    if (submit) errors.push({ field: 'details', message: 'site.assistance.error.required' });
  } else if (charCount(f.details) > DETAILS_MAX) errors.push({ field: 'details', message: 'site.assistance.error.tooLong', vars: { max: DETAILS_MAX } });
  else if (CONTROL_MULTI_LINE.test(f.details)) errors.push({ field: 'details', message: 'site.assistance.error.characters' });
  if (submit && !f.privacy) errors.push({ field: 'privacy', message: 'site.assistance.error.privacy' });
  return errors;
}

/** A staff note or closing message: at most NOTE_MAX characters, no control characters but line ends and tabs. */
export function cleanNote(v: string | undefined): { ok: true; value: string } | { ok: false; message: string; vars?: Record<string, number> } {
  const s = (v ?? '').replace(/\r\n?/g, '\n').trim();
  if (charCount(s) > NOTE_MAX) return { ok: false, message: 'site.assistance.error.tooLong', vars: { max: NOTE_MAX } };
  if (CONTROL_MULTI_LINE.test(s)) return { ok: false, message: 'site.assistance.error.characters' };
  return { ok: true, value: s };
}
