import { describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES } from '../content/types.ts';
import { CATEGORY_OFFICES, REFERENCE_RE, cleanNote, newReference, officeCandidates, readForm, validateForm } from './model.ts';

const valid = {
  name: ' Anna ',
  surname: 'Neri',
  email: 'anna.neri@example.org',
  category: 'Ambiente',
  service: '',
  details: 'Quando passa il ritiro degli ingombranti?\r\nGrazie',
  privacy: 'on',
};

describe('richiesta di assistenza: the form rules', () => {
  it('normalises the fields: trimmed, CRLF made LF, a repeated field read once, any privacy value is consent', () => {
    const f = readForm({ ...valid, surname: ['Neri', 'Rossi'] });
    expect(f).toEqual({
      name: 'Anna',
      surname: 'Neri',
      email: 'anna.neri@example.org',
      category: 'Ambiente',
      service: '',
      details: 'Quando passa il ritiro degli ingombranti?\nGrazie',
      privacy: true,
    });
    expect(readForm({}).privacy).toBe(false);
    expect(validateForm(f, 'submit')).toEqual([]);
  });

  it('reports each wrong field with an i18n key', () => {
    const errors = (over: Record<string, string>) => validateForm(readForm({ ...valid, ...over }), 'submit').map((e) => `${e.field}:${e.message}`);
    expect(errors({ name: '' })).toEqual(['name:site.assistance.error.required']);
    expect(errors({ surname: 'x'.repeat(101) })).toEqual(['surname:site.assistance.error.tooLong']);
    expect(errors({ surname: 'x'.repeat(100) })).toEqual([]);
    expect(errors({ name: 'A\tB' })).toEqual(['name:site.assistance.error.characters']);
    expect(errors({ email: 'anna@example' })).toEqual(['email:site.assistance.error.email']);
    expect(errors({ email: 'anna @example.org' })).toEqual(['email:site.assistance.error.email']);
    expect(errors({ category: 'Sport' })).toEqual(['category:site.assistance.error.category']);
    expect(errors({ service: 'A B' })).toEqual(['service:site.assistance.error.service']);
    expect(errors({ details: '   ' })).toEqual(['details:site.assistance.error.required']);
    expect(errors({ details: 'é'.repeat(600) })).toEqual([]);
    expect(errors({ details: '😀'.repeat(601) })).toEqual(['details:site.assistance.error.tooLong']);
    expect(errors({ details: 'riga\u0000' })).toEqual(['details:site.assistance.error.characters']);
    expect(errors({ privacy: '' })).toEqual(['privacy:site.assistance.error.privacy']);
  });

  it('lets a draft be incomplete but not invalid', () => {
    expect(validateForm(readForm({}), 'draft')).toEqual([]);
    expect(validateForm(readForm({ email: 'x@' }), 'draft').map((e) => e.field)).toEqual(['email']);
    expect(validateForm(readForm({ category: 'Sport', details: 'x'.repeat(601) }), 'draft').map((e) => e.field)).toEqual(['category', 'details']);
  });

  it('checks staff notes and closing messages', () => {
    expect(cleanNote(' ok\r\n ')).toEqual({ ok: true, value: 'ok' });
    expect(cleanNote(undefined)).toEqual({ ok: true, value: '' });
    expect(cleanNote('x'.repeat(2001)).ok).toBe(false);
    expect(cleanNote('a\u0007b').ok).toBe(false);
  });
});

describe('richiesta di assistenza: reference and routing', () => {
  it('draws references of the form AS- and 8 uppercase hex characters', () => {
    const refs = new Set(Array.from({ length: 200 }, () => newReference()));
    expect(refs.size).toBe(200);
    for (const r of refs) expect(r).toMatch(REFERENCE_RE);
    expect(REFERENCE_RE.test('AS-3f2a9c1b')).toBe(false);
  });

  it('has a default office for every category, and tries the service’s office, the category’s, then the URP', () => {
    for (const c of SERVICE_CATEGORIES) expect(CATEGORY_OFFICES[c]).toMatch(/^[a-z0-9-]+$/);
    expect(CATEGORY_OFFICES['Anagrafe e stato civile']).toBe('ufficio-anagrafe');
    expect(CATEGORY_OFFICES['Tributi, finanze e contravvenzioni']).toBe('ufficio-tributi');
    expect(officeCandidates('Anagrafe e stato civile', 'ufficio-stato-civile')).toEqual(['ufficio-stato-civile', 'ufficio-anagrafe', 'urp']);
    expect(officeCandidates('Turismo', null)).toEqual(['ufficio-cultura-turismo', 'urp']);
    expect(officeCandidates('Agricoltura e pesca', 'urp')).toEqual(['urp', 'suap']);
  });
});
