import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../content/topics.ts';
import {
  demoDocuments,
  demoEvents,
  demoFaqs,
  demoGovernment,
  demoNews,
  demoPlaces,
} from './news-events-places.ts';

/** The controlled vocabulary: the shared file when it is checked out next to the repository, else topics.ts. */
function loadTopics(): Set<string> {
  const shared = fileURLToPath(new URL('../../../../../shared/data/modello-comuni-topics.txt', import.meta.url));
  if (existsSync(shared)) {
    const names = readFileSync(shared, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    return new Set(names);
  }
  return new Set<string>(TOPICS);
}
const topics = loadTopics();

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar date (rejects 2026-02-30). */
function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function isValidDateTime(s: string): boolean {
  return DATETIME.test(s) && isValidDate(s.slice(0, 10)) && TIME.test(s.slice(11));
}

/** Every {it, en} object anywhere in the value, with its path. */
function localizedIn(value: unknown, path: string, out: { path: string; it: unknown; en: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => localizedIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('it' in obj || 'en' in obj) out.push({ path, it: obj.it, en: obj.en });
    for (const [k, v] of Object.entries(obj)) localizedIn(v, `${path}.${k}`, out);
  }
  return out;
}

const collections = {
  demoNews,
  demoPlaces,
  demoEvents,
  demoGovernment,
  demoFaqs,
  demoDocuments,
};

describe('demo content: news, events, places, government, FAQs, documents', () => {
  it('has enough content of every kind', () => {
    expect(demoNews.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demoNews.map((n) => n.kind))).toEqual(new Set(['notizia', 'comunicato', 'avviso']));
    expect(demoPlaces.length).toBeGreaterThanOrEqual(12);
    expect(demoEvents.length).toBeGreaterThanOrEqual(10);
    expect(demoFaqs.length).toBeGreaterThanOrEqual(16);
    expect(demoDocuments.length).toBeGreaterThanOrEqual(8);
  });

  it('has a giunta with exactly one Sindaco, 6–7 assessori with delegations, and 6+ consiglieri', () => {
    const giunta = demoGovernment.filter((p) => p.body === 'giunta');
    const consiglio = demoGovernment.filter((p) => p.body === 'consiglio');
    const mayors = giunta.filter((p) => /^sindac[oa]$/i.test(p.role.it.trim()));
    expect(mayors).toHaveLength(1);
    const assessori = giunta.filter((p) => !mayors.includes(p));
    expect(assessori.length).toBeGreaterThanOrEqual(6);
    expect(assessori.length).toBeLessThanOrEqual(7);
    for (const a of assessori) {
      expect(a.role.it, a.slug).toMatch(/assessor/i);
      expect(a.delegations?.it.trim(), a.slug).toBeTruthy();
    }
    expect(consiglio.length).toBeGreaterThanOrEqual(6);
  });

  it('has unique kebab-case slugs in every collection', () => {
    const slugged = { demoNews, demoPlaces, demoEvents, demoGovernment, demoDocuments };
    for (const [name, items] of Object.entries(slugged)) {
      const slugs = items.map((i) => i.slug);
      for (const s of slugs) expect(s, `${name}: ${s}`).toMatch(KEBAB);
      expect(new Set(slugs).size, name).toBe(slugs.length);
    }
  });

  it('has valid dates: news within 2026 (Jan–Nov), documents and opening-hour exceptions real dates', () => {
    for (const n of demoNews) {
      expect(isValidDate(n.date), n.slug).toBe(true);
      expect(n.date >= '2026-01-01' && n.date <= '2026-11-30', `${n.slug} ${n.date}`).toBe(true);
    }
    for (const d of demoDocuments) expect(isValidDate(d.date), d.slug).toBe(true);
    for (const p of demoPlaces) {
      for (const e of p.hours?.exceptions ?? []) expect(isValidDate(e.date), `${p.slug} ${e.date}`).toBe(true);
    }
  });

  it('has events at existing places, starting before they end, between 2026-11-25 and 2027-03-31', () => {
    const places = new Set(demoPlaces.map((p) => p.slug));
    for (const e of demoEvents) {
      expect(places.has(e.place), `${e.slug}: place ${e.place}`).toBe(true);
      expect(isValidDateTime(e.start), `${e.slug} start`).toBe(true);
      expect(isValidDateTime(e.end), `${e.slug} end`).toBe(true);
      expect(e.start < e.end, `${e.slug}: ${e.start} < ${e.end}`).toBe(true);
      expect(e.start >= '2026-11-25T00:00', e.slug).toBe(true);
      expect(e.end <= '2027-03-31T23:59', e.slug).toBe(true);
      expect(e.organiser.trim(), e.slug).toBeTruthy();
    }
  });

  it('places sit inside Biella, in 13900, with well-formed hours closed on Christmas and New Year', () => {
    for (const p of demoPlaces) {
      expect(p.lat, p.slug).toBeGreaterThanOrEqual(45.55);
      expect(p.lat, p.slug).toBeLessThanOrEqual(45.6);
      expect(p.lon, p.slug).toBeGreaterThanOrEqual(8.03);
      expect(p.lon, p.slug).toBeLessThanOrEqual(8.08);
      expect(p.address.postalCode, p.slug).toBe('13900');
      expect(p.address.locality, p.slug).toBe('Biella');
      if (!p.hours) continue;
      expect(p.hours.weekly.length, p.slug).toBeGreaterThan(0);
      for (const w of p.hours.weekly) {
        expect(w.open, p.slug).toMatch(TIME);
        expect(w.close, p.slug).toMatch(TIME);
        expect(w.open < w.close, `${p.slug} ${w.day} ${w.open}-${w.close}`).toBe(true);
      }
      const closed = new Set((p.hours.exceptions ?? []).map((e) => e.date));
      expect(closed.has('2026-12-25') && closed.has('2027-01-01'), p.slug).toBe(true);
    }
  });

  it('uses only topics from the Modello Comuni vocabulary', () => {
    expect(topics.size).toBe(64);
    for (const [name, items] of Object.entries({ demoNews, demoPlaces, demoEvents, demoFaqs, demoDocuments })) {
      items.forEach((item, i) => {
        expect(item.topics.length, `${name}[${i}]`).toBeGreaterThan(0);
        for (const t of item.topics) expect(topics.has(t), `${name}[${i}]: "${t}"`).toBe(true);
      });
    }
  });

  it('links news and FAQs only to known service slugs', () => {
    const services = new Set([
      'carta-identita-elettronica',
      'cambio-di-residenza',
      'iscrizione-mensa-scolastica',
      'tari',
      'imu',
      'permesso-ztl',
      'ritiro-rifiuti-ingombranti',
      'attivazione-spid',
      'corsi-facilitazione-digitale',
      'centri-estivi',
      'segnalazione-disservizio',
    ]);
    for (const n of demoNews) for (const s of n.services ?? []) expect(services.has(s), `${n.slug}: ${s}`).toBe(true);
    for (const f of demoFaqs) if (f.service) expect(services.has(f.service), f.question.it).toBe(true);
  });

  it('has every Localized filled in both Italian and English', () => {
    for (const [name, items] of Object.entries(collections)) {
      for (const l of localizedIn(items, name)) {
        expect(typeof l.it === 'string' && l.it.trim().length > 0, `${l.path}.it`).toBe(true);
        expect(typeof l.en === 'string' && l.en.trim().length > 0, `${l.path}.en`).toBe(true);
      }
    }
  });

  it('has news bodies of 2–4 paragraphs and place descriptions of 2–3 paragraphs, in both languages', () => {
    const paragraphs = (s: string) => s.split(/\n\s*\n/).filter((p) => p.trim().length > 0).length;
    for (const n of demoNews) {
      for (const lang of ['it', 'en'] as const) {
        const count = paragraphs(n.body[lang]);
        expect(count >= 2 && count <= 4, `${n.slug}.${lang}: ${count}`).toBe(true);
      }
      expect(paragraphs(n.body.it), n.slug).toBe(paragraphs(n.body.en));
    }
    for (const p of demoPlaces) {
      for (const lang of ['it', 'en'] as const) {
        const count = paragraphs(p.description[lang]);
        expect(count >= 2 && count <= 3, `${p.slug}.${lang}: ${count}`).toBe(true);
      }
    }
  });

  it('contains no placeholder text', () => {
    const text = JSON.stringify(collections);
    expect(text).not.toMatch(/lorem|ipsum|\bTODO\b|\bFIXME\b|\bTBD\b|xxx/i);
  });
});
