import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoAreas, demoOffices } from './areas-offices.ts';
import { demoServices } from './services.ts';
import { TOPICS } from '../content/topics.ts';
import { SERVICE_CATEGORIES, type Localized, type OpeningHours } from './types.ts';

const SHARED_TOPICS = fileURLToPath(new URL('../../../../../shared/data/modello-comuni-topics.txt', import.meta.url));
const topics = new Set<string>(TOPICS);

const REQUIRED_TITLES = [
  'Carta d’identità elettronica',
  'Cambio di residenza',
  'Certificati anagrafici',
  'Iscrizione alla mensa scolastica',
  'Iscrizione all’asilo nido',
  'Trasporto scolastico',
  'TARI',
  'IMU',
  'Pagamento contravvenzioni',
  'Permesso ZTL',
  'Contrassegno di parcheggio per persone con disabilità',
  'Abbonamento sosta residenti',
  'Occupazione di suolo pubblico',
  'Matrimonio civile',
  'Dichiarazione di nascita',
  'Concessioni cimiteriali',
  'Ritiro rifiuti ingombranti',
  'Segnalazione disservizio',
  'Avvio di attività commerciale (SUAP)',
  'Pratiche edilizie (SUE)',
  'Contributo affitto',
  'Assistenza domiciliare anziani',
  'Tessera elettorale',
  'Albo scrutatori',
  'Iscrizione anagrafe canina',
  'Prenotazione impianti sportivi',
  'Iscrizione alla biblioteca civica',
  'Accesso agli atti e accesso civico',
  'Attivazione SPID (punto di identificazione)',
  'Corsi di facilitazione digitale',
  'Centri estivi',
  'Passo carrabile',
];

/** Titles use the typographic apostrophe; compare them with either form. */
const normalise = (s: string): string => s.replace(/[’']/g, "'");

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'it' in value && 'en' in value && Object.keys(value).length === 2;
}

/** Every Localized and every string anywhere in the data, with its path. */
function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
}

function checkHours(hours: OpeningHours, where: string): string[] {
  const problems: string[] = [];
  for (const slot of hours.weekly) {
    if (!HHMM.test(slot.open) || !HHMM.test(slot.close)) problems.push(`${where}: bad time ${slot.open}–${slot.close}`);
    else if (slot.open >= slot.close) problems.push(`${where}: ${slot.day} opens ${slot.open} not before ${slot.close}`);
  }
  for (const day of new Set(hours.weekly.map((s) => s.day))) {
    const sorted = hours.weekly.filter((s) => s.day === day).sort((a, b) => a.open.localeCompare(b.open));
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.open < sorted[i - 1]!.close) problems.push(`${where}: overlapping slots on ${day}`);
  }
  for (const ex of hours.exceptions ?? []) {
    if (!DATE.test(ex.date) || Number.isNaN(Date.parse(ex.date))) problems.push(`${where}: bad exception date ${ex.date}`);
  }
  return problems;
}

describe('topics.ts', () => {
  it('holds the 64 distinct topics of the controlled vocabulary', () => {
    expect(TOPICS).toHaveLength(64);
    expect(topics.size).toBe(64);
  });

  it.skipIf(!existsSync(SHARED_TOPICS))('equals shared/data/modello-comuni-topics.txt', () => {
    const shared = readFileSync(SHARED_TOPICS, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect([...TOPICS]).toEqual(shared);
  });
});

describe('demo areas and offices', () => {
  it('has 6–8 areas and at least 12 offices, with unique kebab-case slugs', () => {
    expect(demoAreas.length).toBeGreaterThanOrEqual(6);
    expect(demoAreas.length).toBeLessThanOrEqual(8);
    expect(demoOffices.length).toBeGreaterThanOrEqual(12);
    for (const list of [demoAreas, demoOffices]) {
      const slugs = list.map((x) => x.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(KEBAB);
    }
  });

  it('puts every office in an existing area, inside Biella, with valid contacts and topics', () => {
    const areas = new Set(demoAreas.map((a) => a.slug));
    for (const office of demoOffices) {
      expect(areas.has(office.area), `${office.slug}: area ${office.area}`).toBe(true);
      expect(office.lat, office.slug).toBeGreaterThanOrEqual(45.55);
      expect(office.lat, office.slug).toBeLessThanOrEqual(45.58);
      expect(office.lon, office.slug).toBeGreaterThanOrEqual(8.04);
      expect(office.lon, office.slug).toBeLessThanOrEqual(8.07);
      expect(office.address.postalCode).toBe('13900');
      expect(office.address.locality).toBe('Biella');
      expect(office.phone).toMatch(/^\+39 015 35 07 \d{3}$/);
      expect(office.email).toMatch(/^[a-z.]+@comune\.biella\.example$/);
      expect(office.topics.length).toBeGreaterThan(0);
      for (const t of office.topics) expect(topics.has(t), `${office.slug}: topic "${t}"`).toBe(true);
    }
    for (const area of areas) expect(demoOffices.some((o) => o.area === area), `area ${area} has no office`).toBe(true);
  });

  it('has valid opening hours, closed on the winter holidays', () => {
    const holidays = ['2026-12-08', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'];
    const problems = demoOffices.flatMap((o) => checkHours(o.hours, o.slug));
    expect(problems).toEqual([]);
    for (const office of demoOffices) {
      expect(office.hours.weekly.length, office.slug).toBeGreaterThan(0);
      const closed = (office.hours.exceptions ?? []).map((e) => e.date);
      for (const day of holidays) expect(closed, `${office.slug} on ${day}`).toContain(day);
    }
  });
});

describe('demo services', () => {
  const offices = new Set(demoOffices.map((o) => o.slug));

  it('has at least 32 services covering all 15 categories', () => {
    expect(demoServices.length).toBeGreaterThanOrEqual(32);
    for (const category of SERVICE_CATEGORIES) {
      expect(demoServices.some((s) => s.category === category), `category ${category}`).toBe(true);
    }
    for (const s of demoServices) expect(SERVICE_CATEGORIES, s.slug).toContain(s.category);
  });

  it('includes every required service by title', () => {
    const titles = new Set(demoServices.map((s) => normalise(s.title.it)));
    const missing = REQUIRED_TITLES.filter((t) => !titles.has(normalise(t)));
    expect(missing).toEqual([]);
  });

  it('has unique kebab-case slugs and unique titles', () => {
    const slugs = demoServices.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
    const titles = demoServices.map((s) => s.title.it);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('uses 1–4 topics from the controlled vocabulary', () => {
    for (const s of demoServices) {
      expect(s.topics.length, s.slug).toBeGreaterThanOrEqual(1);
      expect(s.topics.length, s.slug).toBeLessThanOrEqual(4);
      expect(new Set(s.topics).size, s.slug).toBe(s.topics.length);
      for (const t of s.topics) expect(topics.has(t), `${s.slug}: topic "${t}"`).toBe(true);
    }
  });

  it('assigns every service to an existing office', () => {
    for (const s of demoServices) expect(offices.has(s.office), `${s.slug}: office ${s.office}`).toBe(true);
  });

  it('fills every section of the scheda servizio', () => {
    for (const s of demoServices) {
      expect(s.howTo.length, `${s.slug} howTo`).toBeGreaterThanOrEqual(3);
      expect(s.howTo.length, `${s.slug} howTo`).toBeLessThanOrEqual(6);
      expect(s.needed.length, `${s.slug} needed`).toBeGreaterThanOrEqual(2);
      expect(s.needed.length, `${s.slug} needed`).toBeLessThanOrEqual(6);
      expect(s.keywords.length, `${s.slug} keywords`).toBeGreaterThanOrEqual(3);
      for (const text of [s.addressedTo, s.achieved, s.timing, s.cost, s.conditionsDocument]) {
        expect(text.it.trim().length, s.slug).toBeGreaterThanOrEqual(3);
      }
      for (const d of s.deadlines ?? []) expect(d.date, s.slug).toMatch(DATE);
    }
  });

  it('offers at least one access channel, with https online links or links to piazza’s own pages', () => {
    for (const s of demoServices) {
      const { online, booking, inPerson } = s.access;
      expect(online !== undefined || booking || inPerson !== undefined, `${s.slug} has no channel`).toBe(true);
      if (online) expect(online.url, s.slug).toMatch(/^(https:\/\/|\/(?!\/))[^\s]+$/);
    }
  });

  it('explains why a service is inactive, and only then', () => {
    for (const s of demoServices) {
      if (s.status === 'inactive') expect(s.statusReason?.it.trim(), s.slug).toBeTruthy();
      else expect(s.statusReason, s.slug).toBeUndefined();
    }
  });
});

describe('all demo texts', () => {
  const data = { demoAreas, demoOffices, demoServices };

  it('fills both languages of every Localized', () => {
    const empty: string[] = [];
    walk(data, 'data', (path, value) => {
      if (isLocalized(value) && (typeof value.it !== 'string' || typeof value.en !== 'string' || !value.it.trim() || !value.en.trim())) empty.push(path);
    });
    expect(empty).toEqual([]);
  });

  it('contains no placeholder text', () => {
    const found: string[] = [];
    walk(data, 'data', (path, value) => {
      if (typeof value === 'string' && /lorem|ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|\bxxx\b/i.test(value)) found.push(`${path}: ${value}`);
    });
    expect(found).toEqual([]);
  });
});
