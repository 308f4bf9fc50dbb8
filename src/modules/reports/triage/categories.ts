/**
 * The default report categories a new tenant starts with (editable per tenant later, in the reports module).
 * Codes are stable identifiers: the seed corpus, trained models and stored reports refer to them, so never
 * rename a code — change its names instead.
 */
export interface OfficeHint {
  /** A stable role code the reports module maps to a real office of the tenant. */
  role: string;
  /** The usual Italian name of that office, as a default. */
  name: string;
}

export interface CategoryDefinition {
  code: CategoryCode;
  name: { it: string; en: string };
  /** Which office usually handles this category in an Italian comune. */
  office: OfficeHint;
  /** Default target resolution time, in calendar days. */
  targetDays: number;
}

export const CATEGORY_CODES = [
  'buche',
  'verde',
  'segnaletica',
  'rifiuti',
  'arredo',
  'tombini',
  'parchi-gioco',
  'disinfestazione',
  'illuminazione',
  'cimiteri',
  'accessibilita',
  'animali',
  'acquedotto',
  'graffiti',
  'altro',
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

const WORKS: OfficeHint = { role: 'lavori-pubblici', name: 'Lavori pubblici e manutenzioni' };

export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  { code: 'buche', name: { it: 'Buche e manto stradale', en: 'Potholes and road surface' }, office: WORKS, targetDays: 15 },
  { code: 'verde', name: { it: 'Verde pubblico', en: 'Public green spaces' }, office: { role: 'verde-pubblico', name: 'Servizio verde pubblico' }, targetDays: 30 },
  { code: 'segnaletica', name: { it: 'Semafori e segnaletica', en: 'Traffic lights and road signs' }, office: { role: 'polizia-locale', name: 'Polizia locale e mobilità' }, targetDays: 10 },
  { code: 'rifiuti', name: { it: 'Rifiuti e pulizia', en: 'Waste and street cleaning' }, office: { role: 'ambiente', name: 'Ufficio ambiente e igiene urbana' }, targetDays: 3 },
  { code: 'arredo', name: { it: 'Arredo urbano', en: 'Street furniture' }, office: WORKS, targetDays: 30 },
  { code: 'tombini', name: { it: 'Tombini e caditoie', en: 'Manholes and street drains' }, office: WORKS, targetDays: 10 },
  { code: 'parchi-gioco', name: { it: 'Parchi gioco e aree cani', en: 'Playgrounds and dog areas' }, office: { role: 'verde-pubblico', name: 'Servizio verde pubblico' }, targetDays: 20 },
  { code: 'disinfestazione', name: { it: 'Disinfestazione', en: 'Pest control' }, office: { role: 'ambiente', name: 'Ufficio ambiente e igiene urbana' }, targetDays: 15 },
  { code: 'illuminazione', name: { it: 'Illuminazione pubblica', en: 'Street lighting' }, office: { role: 'illuminazione', name: 'Servizio illuminazione pubblica' }, targetDays: 10 },
  { code: 'cimiteri', name: { it: 'Cimiteri', en: 'Cemeteries' }, office: { role: 'servizi-cimiteriali', name: 'Servizi cimiteriali' }, targetDays: 30 },
  { code: 'accessibilita', name: { it: 'Accessibilità e barriere', en: 'Accessibility and barriers' }, office: WORKS, targetDays: 30 },
  { code: 'animali', name: { it: 'Tutela animali', en: 'Animal welfare' }, office: { role: 'tutela-animali', name: 'Ufficio tutela animali' }, targetDays: 5 },
  { code: 'acquedotto', name: { it: 'Acquedotto e fognature', en: 'Water supply and sewers' }, office: { role: 'servizio-idrico', name: 'Servizio idrico integrato' }, targetDays: 5 },
  { code: 'graffiti', name: { it: 'Graffiti e vandalismo', en: 'Graffiti and vandalism' }, office: { role: 'decoro-urbano', name: 'Decoro urbano' }, targetDays: 45 },
  { code: 'altro', name: { it: 'Altro', en: 'Other' }, office: { role: 'urp', name: 'Ufficio relazioni con il pubblico' }, targetDays: 30 },
];

const BY_CODE = new Map<string, CategoryDefinition>(DEFAULT_CATEGORIES.map((c) => [c.code, c]));

export function isCategoryCode(code: string): code is CategoryCode {
  return BY_CODE.has(code);
}

/** The default definition of a category, or undefined for an unknown code. */
export function defaultCategory(code: string): CategoryDefinition | undefined {
  return BY_CODE.get(code);
}
