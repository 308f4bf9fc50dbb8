import { describe, expect, it } from 'vitest';
import { haversineMeters, rankDuplicates, textSimilarity, type OpenReport } from './similarity.ts';

// Piazza Martiri della Libertà, Biella (roughly); 0.0001° of latitude ≈ 11.1 m.
const LAT = 45.5663;
const LON = 8.0531;
const NOW = new Date('2026-06-01T10:00:00Z');
const daysAgo = (d: number): Date => new Date(NOW.getTime() - d * 86_400_000);

const report = (id: string, over: Partial<OpenReport>): OpenReport => ({
  id,
  title: 'Segnalazione',
  description: '',
  category: 'altro',
  lat: LAT,
  lon: LON,
  createdAt: daysAgo(5),
  status: 'accepted',
  ...over,
});

describe('text similarity', () => {
  it('is high for the same problem told differently and low for different problems', () => {
    const a = { description: 'lampione spento davanti al civico 10 di via Italia' };
    const b = { title: 'Lampioni spenti', description: 'in via Italia la luce dei lampioni non si accende' };
    const c = { description: 'cassonetto della carta pieno' };
    expect(textSimilarity(a, b)).toBeGreaterThan(0.3);
    expect(textSimilarity(a, c)).toBeLessThan(0.1);
    expect(textSimilarity(a, a)).toBeCloseTo(1, 9);
  });
});

describe('haversine', () => {
  it('measures distances on the Earth', () => {
    expect(haversineMeters(LAT, LON, LAT, LON)).toBe(0);
    expect(haversineMeters(LAT, LON, LAT + 0.0001, LON)).toBeCloseTo(11.1, 0);
    // Biella → Torino, about 62 km as the crow flies.
    expect(haversineMeters(45.5663, 8.0531, 45.0703, 7.6869) / 1000).toBeCloseTo(62, -1);
  });
});

describe('rankDuplicates', () => {
  const candidate = { description: 'lampione spento in via Italia, strada al buio', category: 'illuminazione', lat: LAT, lon: LON };
  const open: OpenReport[] = [
    report('same-near', { title: 'Lampione spento', description: 'via Italia al buio, il lampione non si accende', category: 'illuminazione', lat: LAT + 0.0002 }),
    report('same-further', { title: 'Luce spenta', description: 'lampione spento', category: 'illuminazione', lat: LAT + 0.0006 }),
    report('other-category', { title: 'Cassonetto', description: 'cassonetto pieno di rifiuti', category: 'rifiuti', lat: LAT + 0.0001 }),
    report('too-far', { title: 'Lampione spento', description: 'lampione spento in via Italia', category: 'illuminazione', lat: LAT + 0.002 }),
    report('too-old', { title: 'Lampione spento', description: 'lampione spento in via Italia', category: 'illuminazione', createdAt: daysAgo(90) }),
    report('closed', { title: 'Lampione spento', description: 'lampione spento in via Italia', category: 'illuminazione', status: 'closed' }),
  ];

  it('ranks nearby open reports by text, category and distance, within radius and window', () => {
    const found = rankDuplicates(candidate, open, { now: NOW });
    expect(found.map((d) => d.id)).toEqual(['same-near', 'same-further']);
    expect(found[0]).toMatchObject({ title: 'Lampione spento', status: 'accepted', distanceMeters: 22 });
    expect(found[1]?.distanceMeters).toBe(67);
    expect(found[0]!.similarity).toBeGreaterThan(found[1]!.similarity * 0.5);
    expect(found[0]!.similarity).toBeGreaterThan(0.2);
  });

  it('keeps a same-category report with little text in common, and drops unrelated text of another category', () => {
    const found = rankDuplicates({ ...candidate, description: 'non si vede niente la sera' }, open, { now: NOW });
    expect(found.map((d) => d.id)).toContain('same-near');
    expect(found.map((d) => d.id)).not.toContain('other-category');
  });

  it('honours a wider radius and window', () => {
    const found = rankDuplicates(candidate, open, { now: NOW, radiusMeters: 300, windowDays: 120 });
    expect(found.map((d) => d.id).sort()).toEqual(['same-further', 'same-near', 'too-far', 'too-old']);
  });

  it('returns nothing without a position, and accepts ISO dates', () => {
    expect(rankDuplicates({ description: 'lampione spento' }, open, { now: NOW })).toEqual([]);
    const iso = open.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
    expect(rankDuplicates(candidate, iso, { now: NOW }).map((d) => d.id)).toEqual(['same-near', 'same-further']);
  });
});
