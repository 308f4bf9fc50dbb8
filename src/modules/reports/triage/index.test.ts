import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, SEED_CORPUS, train, triage, type OpenReport } from './index.ts';

const model = train(SEED_CORPUS);
const officeFor = (code: string): { id: string; name: string } => {
  const c = DEFAULT_CATEGORIES.find((x) => x.code === code);
  return { id: c?.office.role ?? 'urp', name: c?.office.name ?? 'URP' };
};

describe('triage', () => {
  const open: OpenReport[] = [
    {
      id: 'r-41',
      title: 'Tombino scoperchiato',
      description: 'il tombino davanti alla scuola non ha il coperchio',
      category: 'tombini',
      lat: 45.5663,
      lon: 8.0531,
      createdAt: new Date('2026-05-20T08:00:00Z'),
      status: 'assigned',
    },
  ];

  it('answers with exactly the shape of POST /api/v1/reports/triage', () => {
    const answer = triage(
      model,
      { title: 'Tombino aperto', description: 'davanti alla scuola manca il coperchio del tombino', lat: 45.5664, lon: 8.0531 },
      { officeFor, openReports: open, duplicates: { now: new Date('2026-06-01T00:00:00Z') } },
    );
    expect(Object.keys(answer).sort()).toEqual(['alternatives', 'category', 'duplicates', 'office', 'priority']);
    expect(answer.category).toMatchObject({ code: 'tombini', name: 'Tombini e caditoie' });
    expect(Object.keys(answer.category).sort()).toEqual(['code', 'confidence', 'name']);
    expect(answer.category.confidence).toBeGreaterThan(0.5);
    expect(answer.priority).toBe('urgente');
    expect(answer.office).toEqual({ id: 'lavori-pubblici', name: 'Lavori pubblici e manutenzioni' });
    expect(answer.duplicates).toHaveLength(1);
    expect(Object.keys(answer.duplicates[0]!).sort()).toEqual(['distanceMeters', 'id', 'similarity', 'status', 'title']);
    expect(answer.duplicates[0]).toMatchObject({ id: 'r-41', title: 'Tombino scoperchiato', distanceMeters: 11, status: 'assigned' });
    for (const a of answer.alternatives) {
      expect(Object.keys(a).sort()).toEqual(['code', 'confidence', 'name']);
      expect(a.confidence).toBeLessThanOrEqual(answer.category.confidence);
    }
  });

  it('offers only the tenant’s categories, renormalised', () => {
    const answer = triage(model, { description: 'il lampione è spento' }, {
      officeFor,
      categories: [
        { code: 'illuminazione', name: 'Luce pubblica' },
        { code: 'altro', name: 'Altro' },
      ],
      alternatives: 5,
      minAlternativeConfidence: 0,
    });
    expect(answer.category.code).toBe('illuminazione');
    expect(answer.category.name).toBe('Luce pubblica');
    expect(answer.alternatives.map((a) => a.code)).toEqual(['altro']);
    expect(answer.category.confidence + answer.alternatives[0]!.confidence).toBeCloseTo(1, 2);
    expect(answer.duplicates).toEqual([]);
  });
});
