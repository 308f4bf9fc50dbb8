import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, type ContentDataMap, type ContentType } from '../content/types.ts';
import { demoAreas, demoOffices } from '../demo/areas-offices.ts';
import { demoServices } from '../demo/services.ts';
import { demoDocuments, demoEvents, demoFaqs, demoGovernment, demoNews, demoPlaces } from '../demo/news-events-places.ts';
import { demoOrganisations, demoStaff } from '../demo/organisations-staff.ts';
import { TOPICS } from '../content/topics.ts';
import { fieldsOf } from './fields.ts';
import { parseContent, toRaw, type ParseContext, type Raw } from './parse.ts';

/** The form must be able to show and save every field of every content type: data → form → data is lossless. */

const strip = <T extends { slug?: string }>(list: T[]) => list.map(({ slug: _slug, ...d }) => d);
const IMG = '11111111-1111-4111-8111-111111111111';
const PDF = '22222222-2222-4222-8222-222222222222';
const PDF2 = '33333333-3333-4333-8333-333333333333';

const samples: { [T in ContentType]: ContentDataMap[T][] } = {
  service: strip(demoServices).map((s, i) =>
    i === 0 ? { ...s, image: { uploadId: IMG, alt: { it: 'Lo sportello', en: 'The desk' } }, conditionsFile: { uploadId: PDF, title: s.conditionsDocument } } : s,
  ),
  office: strip(demoOffices),
  area: strip(demoAreas),
  news: strip(demoNews),
  event: strip(demoEvents),
  place: strip(demoPlaces),
  person: strip([...demoGovernment, ...demoStaff]),
  organisation: strip(demoOrganisations).map((o) => ({ ...o, topics: o.topics.filter((x) => (TOPICS as readonly string[]).includes(x)) })),
  document: strip(demoDocuments).map((d) => ({
    ...d,
    attachments: [
      { uploadId: PDF, title: d.title },
      { uploadId: PDF2, title: { it: 'Allegato tecnico', en: '' } },
    ],
  })),
  faq: demoFaqs,
};

const pc: ParseContext = {
  refs: {
    office: new Set(demoOffices.map((o) => o.slug)),
    area: new Set(demoAreas.map((a) => a.slug)),
    place: new Set(demoPlaces.map((p) => p.slug)),
    service: new Set(demoServices.map((s) => s.slug)),
  },
  uploads: new Map([
    [IMG, 'image/jpeg'],
    [PDF, 'application/pdf'],
    [PDF2, 'application/pdf'],
  ]),
};

/** Opening hours in the order the editor writes them (by day, then time). */
function normalise(v: unknown): unknown {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const d = structuredClone(v) as Record<string, unknown>;
  const h = d.hours as { weekly: { day: string; open: string }[] } | undefined;
  h?.weekly.sort((a, b) => order.indexOf(a.day) - order.indexOf(b.day) || a.open.localeCompare(b.open));
  return d;
}

/** What a browser posts: textareas with CRLF line ends. */
function asPosted(raw: Raw): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) out[k] = Array.isArray(v) ? v : v.replace(/\n/g, '\r\n');
  return out;
}

describe('content form ↔ data', () => {
  for (const type of CONTENT_TYPES) {
    it(`round-trips every demo ${type} through the form without losing a field`, () => {
      expect(samples[type].length).toBeGreaterThan(0);
      for (const data of samples[type]) {
        const { data: back, errors } = parseContent(type, asPosted(toRaw(type, data)), pc);
        expect(errors, JSON.stringify(data).slice(0, 80)).toEqual([]);
        expect(normalise(back)).toEqual(normalise(data));
      }
    });
  }

  it('covers every key of every demo content with a field', () => {
    for (const type of CONTENT_TYPES) {
      const paths = new Set(fieldsOf(type).map((f) => f.path.split('.')[0]));
      for (const d of samples[type]) for (const k of Object.keys(d)) expect(paths.has(k), `${type}.${k}`).toBe(true);
    }
  });
});

describe('validation', () => {
  const base = () => toRaw('service', samples.service[1]!);

  it('requires the Italian text, keeps English optional, and refuses English without Italian', () => {
    const raw = { ...base(), 'title.it': '  ', 'summary.en': '', 'achieved.it': '', 'achieved.en': 'Only English' };
    const { errors } = parseContent('service', raw, pc);
    expect(errors).toContainEqual({ field: 'title.it', message: 'site.bo.err.required' });
    expect(errors).toContainEqual({ field: 'achieved.it', message: 'site.bo.err.required' });
    expect(errors.some((e) => e.field === 'summary.en')).toBe(false);
    const opt = parseContent('service', { ...base(), 'furtherInfo.it': '', 'furtherInfo.en': 'More' }, pc);
    expect(opt.errors).toContainEqual({ field: 'furtherInfo.it', message: 'site.bo.err.italianFirst' });
  });

  it('checks topics (1–4 from the vocabulary for services), references and selects', () => {
    const five = parseContent('service', { ...base(), topics: TOPICS.slice(0, 5) as unknown as string[] }, pc);
    expect(five.errors).toContainEqual({ field: 'topics', message: 'site.bo.err.topicsRange', vars: { min: 1, max: 4 } });
    const none = parseContent('service', { ...base(), topics: [] }, pc);
    expect(none.errors.map((e) => e.field)).toContain('topics');
    const foreign = parseContent('service', { ...base(), topics: ['Salute'] }, pc);
    expect(foreign.errors).toContainEqual({ field: 'topics', message: 'site.bo.err.topicUnknown', vars: { topics: 'Salute' } });
    const ref = parseContent('service', { ...base(), office: 'ufficio-che-non-esiste' }, pc);
    expect(ref.errors).toContainEqual({ field: 'office', message: 'site.bo.err.unknownRef' });
    const sel = parseContent('service', { ...base(), category: 'Astronautica' }, pc);
    expect(sel.errors).toContainEqual({ field: 'category', message: 'site.bo.err.invalidOption' });
  });

  it('requires a reason for an inactive service and at least one access channel', () => {
    const raw: Raw = { ...base(), status: 'inactive', 'statusReason.it': '' };
    delete raw['access.online.url'];
    delete raw['access.online.label.it'];
    delete raw['access.online.label.en'];
    delete raw['access.booking'];
    delete raw['access.inPerson.it'];
    delete raw['access.inPerson.en'];
    const { errors } = parseContent('service', raw, pc);
    expect(errors).toContainEqual({ field: 'statusReason.it', message: 'site.bo.err.statusReason' });
    expect(errors).toContainEqual({ field: 'access', message: 'site.bo.err.channel' });
  });

  it('matches list lines by position and dated lines by date', () => {
    const ok = parseContent('service', { ...base(), 'howTo.it': 'Uno\r\n\r\nDue\nTre', 'howTo.en': 'One\nTwo\nThree', 'deadlines.it': '2026-11-30 Domande\n2026-12-15 Graduatoria', 'deadlines.en': '2026-12-15 Ranking' }, pc);
    expect(ok.errors).toEqual([]);
    expect(ok.data.howTo).toEqual([
      { it: 'Uno', en: 'One' },
      { it: 'Due', en: 'Two' },
      { it: 'Tre', en: 'Three' },
    ]);
    expect(ok.data.deadlines).toEqual([
      { date: '2026-11-30', label: { it: 'Domande', en: '' } },
      { date: '2026-12-15', label: { it: 'Graduatoria', en: 'Ranking' } },
    ]);
    const bad = parseContent('service', { ...base(), 'howTo.en': 'One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine', 'deadlines.it': '2026-02-30 Domande', 'deadlines.en': '2026-01-01 Nope' }, pc);
    expect(bad.errors.map((e) => [e.field, e.message])).toEqual(
      expect.arrayContaining([
        ['howTo.en', 'site.bo.err.listLines'],
        ['deadlines.it', 'site.bo.err.datedLine'],
      ]),
    );
  });

  it('checks opening hours: pairs, times, order, overlap, exceptions', () => {
    const raw = toRaw('office', samples.office[0]!);
    for (const k of Object.keys(raw)) if (k.startsWith('hours.')) delete raw[k];
    const empty = parseContent('office', raw, pc);
    expect(empty.errors).toContainEqual({ field: 'hours', message: 'site.bo.err.hoursRequired' });
    const bad = parseContent(
      'office',
      {
        ...raw,
        'hours.mon.1.open': '08:30',
        'hours.tue.1.open': '09:00',
        'hours.tue.1.close': '08:00',
        'hours.wed.1.open': '9.00',
        'hours.wed.1.close': '12:00',
        'hours.thu.1.open': '08:00',
        'hours.thu.1.close': '12:00',
        'hours.thu.2.open': '11:00',
        'hours.thu.2.close': '13:00',
        'hours.exceptions.it': 'Natale chiuso',
      },
      pc,
    );
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { field: 'hours.mon.1.close', message: 'site.bo.err.hoursPair' },
        { field: 'hours.tue.1.close', message: 'site.bo.err.closeBeforeOpen' },
        { field: 'hours.wed.1.open', message: 'site.bo.err.time' },
        { field: 'hours.thu.2.open', message: 'site.bo.err.hoursOverlap' },
        { field: 'hours.exceptions.it', message: 'site.bo.err.datedLine', vars: { line: 1 } },
      ]),
    );
    const good = parseContent('office', { ...raw, 'hours.fri.2.open': '14:00', 'hours.fri.2.close': '16:00', 'hours.fri.1.open': '08:30', 'hours.fri.1.close': '12:30', 'hours.exceptions.it': '2026-12-24 Vigilia' }, pc);
    expect(good.errors).toEqual([]);
    expect(good.data.hours).toEqual({
      weekly: [
        { day: 'fri', open: '08:30', close: '12:30' },
        { day: 'fri', open: '14:00', close: '16:00' },
      ],
      exceptions: [{ date: '2026-12-24', closed: true, reason: { it: 'Vigilia', en: '' } }],
    });
  });

  it('requires the alternative text of an image, and refuses uploads it does not know', () => {
    const raw = { ...toRaw('news', samples.news[0]!), 'image.current': IMG };
    expect(parseContent('news', raw, pc).errors).toEqual([{ field: 'image.alt.it', message: 'site.bo.err.altRequired' }]);
    const ok = parseContent('news', { ...raw, 'image.alt.it': 'Una piazza', 'image.alt.en': 'A square' }, pc);
    expect(ok.errors).toEqual([]);
    expect(ok.data.image).toEqual({ uploadId: IMG, alt: { it: 'Una piazza', en: 'A square' } });
    const removed = parseContent('news', { ...raw, 'image.remove': 'on' }, pc);
    expect(removed.errors).toEqual([]);
    expect(removed.data.image).toBeUndefined();
    const foreign = parseContent('news', { ...raw, 'image.current': PDF, 'image.alt.it': 'x' }, pc);
    expect(foreign.errors).toEqual([{ field: 'image.file', message: 'site.bo.err.uploadUnknown' }]);
  });

  it('checks dates, times, numbers, addresses, e-mails and links', () => {
    const ev = parseContent('event', { ...toRaw('event', samples.event[0]!), start: '2026-12-05T18:00', end: '2026-12-05T17:00' }, pc);
    expect(ev.errors).toEqual([{ field: 'end', message: 'site.bo.err.endBeforeStart' }]);
    const ev2 = parseContent('event', { ...toRaw('event', samples.event[0]!), start: '2026-13-05T18:00' }, pc);
    expect(ev2.errors).toEqual([{ field: 'start', message: 'site.bo.err.datetime' }]);
    const of = parseContent('office', { ...toRaw('office', samples.office[0]!), lat: '45,5661', lon: '200', email: 'not-an-email', 'address.postalCode': '139' }, pc);
    expect(of.errors).toEqual([
      { field: 'address.postalCode', message: 'site.bo.err.postalCode' },
      { field: 'lon', message: 'site.bo.err.number', vars: { min: -180, max: 180 } },
      { field: 'email', message: 'site.bo.err.email' },
    ]);
    expect(of.data.lat).toBe(45.5661);
    const org = parseContent('organisation', { ...toRaw('organisation', samples.organisation[0]!), website: 'javascript:alert(1)' }, pc);
    expect(org.errors).toEqual([{ field: 'website', message: 'site.bo.err.url' }]);
    const link = parseContent('service', { ...base(), 'access.online.url': '', 'access.online.label.it': 'Vai' }, pc);
    expect(link.errors).toContainEqual({ field: 'access.online.url', message: 'site.bo.err.linkUrl' });
  });
});
