import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, DEFAULT_CATEGORIES, isCategoryCode } from '../categories.ts';
import { SEED_CORPUS } from './index.ts';

describe('seed corpus and default categories', () => {
  it('has at least 40 examples for every category and only known codes', () => {
    for (const e of SEED_CORPUS) expect(isCategoryCode(e.category), e.category).toBe(true);
    for (const code of CATEGORY_CODES) {
      expect(SEED_CORPUS.filter((e) => e.category === code).length, code).toBeGreaterThanOrEqual(40);
    }
  });

  it('has no duplicate or empty texts and only valid priority labels', () => {
    const texts = SEED_CORPUS.map((e) => e.text.trim().toLowerCase());
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    for (const e of SEED_CORPUS) if (e.priority) expect(['bassa', 'media', 'alta', 'urgente']).toContain(e.priority);
  });

  it('defines the 15 default categories with their Italian names', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.name.it)).toEqual([
      'Buche e manto stradale',
      'Verde pubblico',
      'Semafori e segnaletica',
      'Rifiuti e pulizia',
      'Arredo urbano',
      'Tombini e caditoie',
      'Parchi gioco e aree cani',
      'Disinfestazione',
      'Illuminazione pubblica',
      'Cimiteri',
      'Accessibilità e barriere',
      'Tutela animali',
      'Acquedotto e fognature',
      'Graffiti e vandalismo',
      'Altro',
    ]);
    expect(DEFAULT_CATEGORIES.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.name.en.length).toBeGreaterThan(0);
      expect(c.targetDays).toBeGreaterThan(0);
      expect(c.office.role).toMatch(/^[a-z-]+$/);
    }
  });
});
