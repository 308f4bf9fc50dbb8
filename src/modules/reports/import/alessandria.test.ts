import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES } from '../triage/categories.ts';
import { ALESSANDRIA_CATEGORIES, importAlessandriaCsv, mapAlessandriaCategory } from './alessandria.ts';
import type { ImportProgress } from './types.ts';

// The real dataset: Comune di Alessandria, CC BY 4.0 (segnalazioni Municipium); see data/README.md.
const DATASET = fileURLToPath(new URL('./data/segnalazioni-alessandria.csv', import.meta.url));

const HEADER = 'Id;Stato;Anno;Creato;Chiusa;DescrizioneBreve;Categoria';

describe('Alessandria import on the real file', () => {
  it('parses all 4,651 rows with the README distribution', () => {
    const text = readFileSync(DATASET, 'utf8');
    const progress: ImportProgress[] = [];
    const result = importAlessandriaCsv(text, { onProgress: (p) => progress.push(p), progressEvery: 1000 });

    expect(result.rejected).toEqual([]);
    expect(result.records.length + result.skipped.length).toBe(4651);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped.every((s) => /eliminata/.test(s.reason))).toBe(true);

    const bySource = new Map<string, number>();
    for (const r of result.records) bySource.set(r.sourceStatus, (bySource.get(r.sourceStatus) ?? 0) + 1);
    expect(Object.fromEntries(bySource)).toEqual({ chiusa: 2660, aperta: 1526, annullata: 289, 'in carico': 149, archiviata: 23 });

    const byStatus = new Map<string, number>();
    for (const r of result.records) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ closed: 2683, accepted: 1526, rejected: 289, assigned: 149 });

    // Every closed record has its closing date; no open one has.
    for (const r of result.records) {
      expect(r.closedAt !== null).toBe(r.status === 'closed');
      if (r.closedAt) expect(r.closedAt.getTime()).toBeGreaterThanOrEqual(r.createdAt.getTime());
    }

    // Category mapping covers every value of the file; empty ones (36) fall back to altro with a note.
    const byCategory = new Map<string, number>();
    for (const r of result.records) byCategory.set(r.sourceCategory ?? '', (byCategory.get(r.sourceCategory ?? '') ?? 0) + 1);
    for (const value of byCategory.keys()) if (value !== '') expect(ALESSANDRIA_CATEGORIES[value]).toBeDefined();
    expect(byCategory.size).toBe(15); // 14 values + empty
    expect(result.records.filter((r) => r.notes.some((n) => /unknown source category/.test(n)))).toEqual([]);
    const empty = result.records.filter((r) => r.sourceCategory === null);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((r) => r.categoryCode === 'altro' && r.notes.some((n) => /no category/.test(n)))).toBe(true);

    // Ids unique, dates within the README's range, channel carried over.
    expect(new Set(result.records.map((r) => r.externalId)).size).toBe(result.records.length);
    const first = result.records[0]!;
    expect(first).toMatchObject({ source: 'municipium-alessandria', externalId: '655788', line: 2, status: 'closed', categoryCode: 'buche', channel: 'App Municipium', datePrecision: 'day' });
    expect(first.createdAt.toISOString()).toBe('2023-05-07T22:00:00.000Z'); // 2023-05-08 00:00 in Rome
    expect(first.closedAt?.toISOString()).toBe('2023-05-24T22:00:00.000Z');

    // Progress: every 1000 rows, then once at the end with the totals.
    expect(progress.map((p) => p.processed)).toEqual([1000, 2000, 3000, 4000, 4651]);
    expect(progress.at(-1)).toEqual({ processed: 4651, total: 4651, imported: 4647, rejected: 0, skipped: 4 });
  });
});

describe('Alessandria import rules', () => {
  it('maps all 14 Municipium categories to piazza default codes', () => {
    expect(Object.keys(ALESSANDRIA_CATEGORIES)).toHaveLength(14);
    for (const code of Object.values(ALESSANDRIA_CATEGORIES)) expect(CATEGORY_CODES).toContain(code);
    expect(mapAlessandriaCategory('Semafori e segnaletica stradale').code).toBe('segnaletica');
    // Accents, case and spacing do not matter.
    expect(mapAlessandriaCategory('  accessibilita ed  inclusione delle persone con disabilita ').code).toBe('accessibilita');
    expect(mapAlessandriaCategory('Idee e proposte')).toEqual({ code: 'altro', note: expect.stringMatching(/Idee e proposte/) });
    expect(mapAlessandriaCategory('Astronavi')).toEqual({ code: 'altro', note: 'unknown source category "Astronavi": filed under altro' });
    expect(mapAlessandriaCategory('')).toEqual({ code: 'altro', note: 'no category in the source: filed under altro' });
  });

  it('rejects bad rows with their line and a reason, and goes on', () => {
    const text = [
      HEADER,
      '1;aperta;2024;2024-01-10;;App Municipium;Buche',
      'x;aperta;2024;2024-01-10;;App Municipium;Buche',
      '1;chiusa;2024;2024-01-10;2024-01-11;App Municipium;Buche',
      '2;sospesa;2024;2024-01-10;;App Municipium;Buche',
      '3;aperta;2024;2024-02-30;;App Municipium;Buche',
      '4;chiusa;2024;2024-01-10;2024-01-09;App Municipium;Buche',
      '5;aperta;2024;2024-01-10;;App Municipium',
      '6;eliminata;2024;2024-01-10;;App Municipium;Tombini',
      '7;CHIUSA;2023;2024-01-10;;App Municipium;Nuova categoria',
      '8;in carico;2024;2024-01-10;2024-01-12;App Municipium;Tombini',
      '',
    ].join('\n');
    const result = importAlessandriaCsv(text, { openStatus: 'submitted' });
    expect(result.rejected).toEqual([
      { line: 3, reason: 'Id "x" is not a whole number' },
      { line: 4, externalId: '1', reason: 'duplicate Id 1 (first on line 2)' },
      { line: 5, externalId: '2', reason: 'unknown state "sospesa"' },
      { line: 6, externalId: '3', reason: 'Creato "2024-02-30" is not a date (YYYY-MM-DD)' },
      { line: 7, externalId: '4', reason: 'Chiusa 2024-01-09 is before Creato 2024-01-10' },
      { line: 8, reason: 'expected 7 fields, found 6' },
    ]);
    expect(result.skipped).toEqual([{ line: 9, externalId: '6', reason: 'state "eliminata": deleted in the source app, not imported' }]);
    expect(result.records.map((r) => [r.externalId, r.status, r.categoryCode, r.notes])).toEqual([
      ['1', 'submitted', 'buche', []],
      [
        '7',
        'closed',
        'altro',
        ['closing date missing in the source', 'Anno 2023 differs from the year of Creato 2024-01-10', 'unknown source category "Nuova categoria": filed under altro'],
      ],
      ['8', 'assigned', 'tombini', ['closing date 2024-01-12 ignored: state "in carico" is not closed']],
    ]);
  });

  it('refuses a file without the expected columns', () => {
    expect(importAlessandriaCsv('id,stato\n1,aperta\n').rejected[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/missing columns: Id, Stato, Creato, Categoria/) });
    expect(importAlessandriaCsv('').rejected).toEqual([{ line: 1, reason: 'the file is empty' }]);
  });

  it('finds columns by name in any order', () => {
    const result = importAlessandriaCsv('Categoria;Creato;Stato;Id\nVerde pubblico;2024-06-01;aperta;42\n');
    expect(result.records).toMatchObject([{ externalId: '42', categoryCode: 'verde', status: 'accepted', closedAt: null, channel: null }]);
  });
});
