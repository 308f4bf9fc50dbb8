import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { reportsModule } from './module.ts';
import { BIELLA_STREETS } from './data/streets-biella.ts';
import { findStreet, hasStreetList, normaliseStreet, searchStreets, setStreetList, streetsApi } from './streets.ts';

describe('the street list of Biella', () => {
  it('has about 150 distinct names, each inside the city', () => {
    expect(BIELLA_STREETS.length).toBeGreaterThanOrEqual(140);
    const keys = BIELLA_STREETS.map(([name]) => normaliseStreet(name));
    expect(new Set(keys).size).toBe(keys.length);
    for (const [name, lat, lon, area] of BIELLA_STREETS) {
      expect(lat, name).toBeGreaterThan(45.54);
      expect(lat, name).toBeLessThan(45.6);
      expect(lon, name).toBeGreaterThan(8.02);
      expect(lon, name).toBeLessThan(8.09);
      expect(area.length, name).toBeGreaterThan(2);
    }
  });
});

describe('searchStreets', () => {
  it('ignores case and accents', () => {
    expect(searchStreets('biella', 'PIAZZA MARTIRI DELLA LIBERTA')[0]?.name).toBe('Piazza Martiri della Libertà');
    expect(searchStreets('biella', 'macalle')[0]?.name).toBe('Viale Macallè');
    expect(searchStreets('biella', 'sant eusebio')[0]?.name).toBe('Via Sant’Eusebio');
    expect(searchStreets('biella', "sant'eusebio")[0]?.name).toBe('Via Sant’Eusebio');
  });

  it('ranks names that start with the query first, then the name without its type, then any word', () => {
    const names = searchStreets('biella', 'via m', 50).map((s) => s.name);
    expect(names[0]).toMatch(/^Via M/);
    // "Via Milano" starts with the query; "Via Pietro Maggia" only has a word starting with "m"
    expect(names.indexOf('Via Milano')).toBeLessThan(names.indexOf('Via Pietro Maggia'));

    const micca = searchStreets('biella', 'pietro').map((s) => s.name);
    expect(micca.slice(0, 2).sort()).toEqual(['Via Pietro Maggia', 'Via Pietro Micca']);

    const italia = searchStreets('biella', 'ital').map((s) => s.name);
    expect(italia[0]).toBe('Via Italia');

    const duomo = searchStreets('biella', 'duomo');
    expect(duomo[0]).toMatchObject({ name: 'Piazza Duomo', area: 'Centro' });
    expect(duomo[0]!.lat).toBeCloseTo(45.566, 2);
  });

  it('understands the usual abbreviations', () => {
    expect(searchStreets('biella', 'p.zza duomo')[0]?.name).toBe('Piazza Duomo');
    expect(searchStreets('biella', 'c.so europa')[0]?.name).toBe('Corso Europa');
    expect(searchStreets('biella', 'v.le matteotti')[0]?.name).toBe('Viale Giacomo Matteotti');
  });

  it('finds a word inside the name and respects the limit', () => {
    expect(searchStreets('biella', 'micca').map((s) => s.name)).toContain('Via Pietro Micca');
    expect(searchStreets('biella', 'via', 5)).toHaveLength(5);
    expect(searchStreets('biella', 'via', 500).length).toBeLessThanOrEqual(50);
  });

  it('gives nothing for an empty query, an unknown street or a comune without a list', () => {
    expect(searchStreets('biella', '   ')).toEqual([]);
    expect(searchStreets('biella', 'via che non esiste')).toEqual([]);
    expect(searchStreets('altrove', 'via italia')).toEqual([]);
    expect(searchStreets(null, 'via italia')).toEqual([]);
    expect(hasStreetList('altrove')).toBe(false);
    expect(hasStreetList('biella-demo')).toBe(true);
  });

  it('finds a street by its exact name, however it is written', () => {
    expect(findStreet('biella', 'via PIETRO micca')?.name).toBe('Via Pietro Micca');
    expect(findStreet('biella', 'via pietro')).toBeNull();
    expect(findStreet('altrove', 'Via Italia')).toBeNull();
  });

  it('can give another comune its own list', () => {
    setStreetList('altrove', [['Via Roma', 45.1, 7.1, 'Centro']]);
    expect(searchStreets('altrove', 'roma')).toEqual([{ name: 'Via Roma', lat: 45.1, lon: 7.1, area: 'Centro' }]);
    setStreetList('altrove', null);
    expect(searchStreets('altrove', 'roma')).toEqual([]);
  });
});

describe('GET /api/v1/reports/streets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ modules: [{ ...reportsModule, routes: async (app) => streetsApi(app) }] });
    await t.addTenant('biella');
  });
  afterAll(async () => t?.close());

  it('answers the matches as JSON for the comune of the host', async () => {
    const res = await t.app.inject({ url: '/api/v1/reports/streets?q=lamar&limit=3', headers: { host: 'biella.localhost' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json() as { items: { name: string; lat: number; lon: number; area?: string }[] };
    expect(body.items.map((s) => s.name)).toEqual(['Piazza Lamarmora', 'Via Lamarmora']);
    expect(body.items[0]).toMatchObject({ area: 'Centro' });
    expect(body.items[0]!.lat).toBeGreaterThan(45.5);
  });

  it('is empty for a comune without a street list', async () => {
    const res = await t.app.inject({ url: '/api/v1/reports/streets?q=italia', headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });

  it('refuses a missing or too long query with problem+json', async () => {
    for (const url of ['/api/v1/reports/streets', `/api/v1/reports/streets?q=${'a'.repeat(200)}`, '/api/v1/reports/streets?q=via&limit=0']) {
      const res = await t.app.inject({ url, headers: { host: 'biella.localhost' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
