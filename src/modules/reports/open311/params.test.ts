import { describe, expect, it } from 'vitest';
import { renderFailure } from './format.ts';
import { checkJurisdiction, parseAttributeParams, parseGetRequests, parsePostRequest, parseSimpleGet, type PostRequestContext } from './params.ts';
import { OPEN311_FORMATS, type Open311ServiceDefinition } from './types.ts';
import { parseXml } from './xml.ts';

const NOW = new Date('2024-07-15T10:00:00Z');
const DAY = 86_400_000;
const getCtx = { now: NOW, jurisdictionIds: ['comune.example.it'] };

const definition: Open311ServiceDefinition = {
  service_code: 'buche',
  attributes: [
    { variable: true, code: 'DANGER', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'È pericolosa?', values: [{ key: 'si', name: 'Sì' }, { key: 'no', name: 'No' }] },
    { variable: true, code: 'WHERE', datatype: 'multivaluelist', required: false, datatype_description: null, order: 2, description: 'Dove?', values: [{ key: 'strada', name: 'Strada' }, { key: 'marciapiede', name: 'Marciapiede' }, { key: 'pista', name: 'Pista ciclabile' }] },
    { variable: true, code: 'DEPTH', datatype: 'number', required: false, datatype_description: 'cm', order: 3, description: 'Profondità', values: [] },
    { variable: true, code: 'SEEN', datatype: 'datetime', required: false, datatype_description: null, order: 4, description: 'Da quando?', values: [] },
    { variable: true, code: 'PLATE', datatype: 'string', required: false, datatype_description: null, order: 5, description: 'Riferimento', values: [] },
    { variable: false, code: 'INFO', datatype: 'text', required: false, datatype_description: null, order: 6, description: 'Per pericoli immediati chiamare il 112', values: [] },
  ],
};

const postCtx: PostRequestContext = {
  jurisdictionIds: ['comune.example.it'],
  isValidApiKey: (k) => k === 'demo-open311-key',
  services: new Map([
    ['buche', definition],
    ['verde', null],
  ]),
  bounds: { south: 44.8, west: 8.5, north: 45.0, east: 8.8 },
};

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const base = { api_key: 'demo-open311-key', service_code: 'verde', lat: '44.9133', long: '8.6153' };
const post = (body: Record<string, unknown>, contentType: string | undefined = FORM) => parsePostRequest({ contentType, body }, postCtx);

function expectFailure(result: ReturnType<typeof post> | ReturnType<typeof parseGetRequests>, status: number, pattern: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.failure.status).toBe(status);
  expect(result.failure.errors.map((e) => e.description).join(' | ')).toMatch(pattern);
  // Every failure renders as an Open311 error body in both formats (trap 2).
  for (const format of OPEN311_FORMATS) {
    const res = renderFailure(result.failure, format);
    expect(res.status).toBe(status);
    if (format === 'xml') expect(parseXml(res.body).name).toBe('errors');
    else expect(Array.isArray(JSON.parse(res.body))).toBe(true);
  }
}

describe('jurisdiction_id', () => {
  it('is optional, accepts the tenant domain (any case, with www.), 404 for another one', () => {
    expect(checkJurisdiction({}, ['comune.example.it'])).toBeNull();
    expect(checkJurisdiction({ jurisdiction_id: '' }, ['comune.example.it'])).toBeNull();
    expect(checkJurisdiction({ jurisdiction_id: 'WWW.Comune.Example.it' }, ['comune.example.it'])).toBeNull();
    expect(checkJurisdiction({ jurisdiction_id: 'altro.example.it' }, ['comune.example.it'])?.status).toBe(404);
    expect(parseSimpleGet({ jurisdiction_id: 'altro.example.it' }, ['comune.example.it']).ok).toBe(false);
  });
});

describe('GET requests parameters', () => {
  it('defaults to the last 90 days, page 1 of 100', () => {
    const r = parseGetRequests({}, getCtx);
    expect(r).toEqual({
      ok: true,
      value: { kind: 'search', serviceCodes: null, start: new Date(NOW.getTime() - 90 * DAY), end: NOW, statuses: null, page: 1, pageSize: 100, extensions: false, agencyResponsible: null, hasPhoto: null },
    });
  });

  it('service_request_id (comma list) overrides every other filter, even invalid ones', () => {
    const r = parseGetRequests({ service_request_id: '12, 13,12,', status: 'nonsense', start_date: 'x', page_size: '0' }, getCtx);
    expect(r).toEqual({ ok: true, value: { kind: 'ids', ids: ['12', '13'], extensions: false } });
  });

  it('reads service_code and status lists (comma or repeated keys)', () => {
    const r = parseGetRequests({ service_code: ['buche,verde', 'tombini'], status: 'open,CLOSED' }, getCtx);
    expect(r.ok && r.value.kind === 'search' && [r.value.serviceCodes, r.value.statuses]).toEqual([['buche', 'verde', 'tombini'], ['open', 'closed']]);
    expectFailure(parseGetRequests({ status: 'open,pending' }, getCtx), 400, /status must be open or closed/);
  });

  it('treats empty optional parameters as absent', () => {
    const r = parseGetRequests({ service_code: '', status: '', start_date: '', end_date: '', page: '', jurisdiction_id: '' }, getCtx);
    expect(r).toEqual(parseGetRequests({}, getCtx));
  });

  it('accepts a span of exactly 90 days', () => {
    const r = parseGetRequests({ start_date: '2024-01-01T00:00:00Z', end_date: '2024-03-31T00:00:00Z' }, getCtx);
    expect(r.ok && r.value.kind === 'search' && [r.value.start.toISOString(), r.value.end.toISOString()]).toEqual(['2024-01-01T00:00:00.000Z', '2024-03-31T00:00:00.000Z']);
  });

  it('span > 90 days is a 400 with an error body (trap 4)', () => {
    expectFailure(parseGetRequests({ start_date: '2024-01-01T00:00:00Z', end_date: '2024-03-31T00:00:01Z' }, getCtx), 400, /more than 90 days/);
    expectFailure(parseGetRequests({ start_date: '2024-01-01', end_date: '2024-03-31' }, getCtx), 400, /more than 90 days/);
  });

  it('date-only values cover whole days in Europe/Rome', () => {
    const r = parseGetRequests({ start_date: '2024-07-01', end_date: '2024-07-01' }, getCtx);
    expect(r.ok && r.value.kind === 'search' && [r.value.start.toISOString(), r.value.end.toISOString()]).toEqual(['2024-06-30T22:00:00.000Z', '2024-07-01T21:59:59.999Z']);
  });

  it('one boundary only: a 90-day window from it', () => {
    const onlyEnd = parseGetRequests({ end_date: '2024-05-01T00:00:00+02:00' }, getCtx);
    expect(onlyEnd.ok && onlyEnd.value.kind === 'search' && onlyEnd.value.start.toISOString()).toBe('2024-01-31T22:00:00.000Z');
    const oldStart = parseGetRequests({ start_date: '2023-01-01T00:00:00Z' }, getCtx);
    expect(oldStart.ok && oldStart.value.kind === 'search' && oldStart.value.end.toISOString()).toBe('2023-04-01T00:00:00.000Z');
    const recentStart = parseGetRequests({ start_date: '2024-07-10T00:00:00Z' }, getCtx);
    expect(recentStart.ok && recentStart.value.kind === 'search' && recentStart.value.end).toEqual(NOW);
  });

  it('rejects datetimes without timezone, invalid dates and reversed ranges', () => {
    expectFailure(parseGetRequests({ start_date: '2024-07-01T00:00:00' }, getCtx), 400, /start_date must include a timezone/);
    expectFailure(parseGetRequests({ end_date: '2024-02-30T00:00:00Z' }, getCtx), 400, /end_date must be a W3C datetime/);
    expectFailure(parseGetRequests({ start_date: '2024-07-02T00:00:00Z', end_date: '2024-07-01T00:00:00Z' }, getCtx), 400, /before start_date/);
  });

  it('pagination and FixMyStreet extension filters', () => {
    const r = parseGetRequests({ page: '3', page_size: '50', extensions: 'true', agency_responsible: 'Lavori pubblici', has_photo: 'false' }, getCtx);
    expect(r.ok && r.value.kind === 'search' && r.value).toMatchObject({ page: 3, pageSize: 50, extensions: true, agencyResponsible: ['Lavori pubblici'], hasPhoto: false });
    const fms = parseGetRequests({ max_requests: '5000' }, getCtx);
    expect(fms.ok && fms.value.kind === 'search' && fms.value.pageSize).toBe(1000);
    expectFailure(parseGetRequests({ page_size: '1001' }, getCtx), 400, /page_size must be a whole number from 1 to 1000/);
    expectFailure(parseGetRequests({ page: '0' }, getCtx), 400, /page must be/);
    expectFailure(parseGetRequests({ extensions: 'yes' }, getCtx), 400, /extensions must be true or false/);
  });

  it('404 for another jurisdiction', () => {
    expectFailure(parseGetRequests({ jurisdiction_id: 'altro.example.it' }, getCtx), 404, /jurisdiction_id altro.example.it not found/);
  });
});

describe('POST requests parameters', () => {
  it('accepts a minimal request with lat/long', () => {
    const r = post(base);
    expect(r).toEqual({
      ok: true,
      value: {
        apiKey: 'demo-open311-key',
        serviceCode: 'verde',
        location: { kind: 'point', lat: 44.9133, long: 8.6153, addressString: null, addressId: null },
        attributes: {},
        submitter: { email: null, deviceId: null, accountId: null, firstName: null, lastName: null, phone: null },
        description: null,
        mediaUrl: null,
      },
    });
  });

  it('accepts the spec sample fields and keeps submitter data apart', () => {
    const r = post({
      ...base,
      jurisdiction_id: 'comune.example.it',
      address_string: 'Via Dante 12, Alessandria',
      email: 'mario.rossi@example.it',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: 'Mario',
      last_name: 'Rossi',
      phone: '+39 0131 123456',
      description: 'Ramo caduto sul marciapiede.\r\nIntralcia il passaggio.',
      media_url: 'https://example.it/foto.jpg',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.location).toEqual({ kind: 'point', lat: 44.9133, long: 8.6153, addressString: 'Via Dante 12, Alessandria', addressId: null });
    expect(r.value.submitter).toEqual({ email: 'mario.rossi@example.it', deviceId: 'tt222111', accountId: '123456', firstName: 'Mario', lastName: 'Rossi', phone: '+39 0131 123456' });
    expect(r.value.description).toBe('Ramo caduto sul marciapiede.\nIntralcia il passaggio.');
    expect(r.value.mediaUrl).toBe('https://example.it/foto.jpg');
  });

  it('a JSON body is a 400 (trap 4); so is a missing content type', () => {
    expectFailure(post(base, 'application/json'), 400, /not JSON/);
    expectFailure(parsePostRequest({ contentType: undefined, body: base }, postCtx), 400, /x-www-form-urlencoded/);
    expectFailure(post(base, 'text/plain'), 400, /x-www-form-urlencoded/);
    expect(post(base, 'multipart/form-data; boundary=x').ok).toBe(true);
  });

  it('api_key missing or wrong is a 403', () => {
    expectFailure(post({ ...base, api_key: '' }), 403, /api_key is required/);
    expectFailure(post({ ...base, api_key: 'wrong' }), 403, /api_key is not valid/);
  });

  it('service_code missing is 400, unknown is 404; another jurisdiction is 404', () => {
    expectFailure(post({ ...base, service_code: undefined }), 400, /service_code is required/);
    expectFailure(post({ ...base, service_code: 'nope' }), 404, /service_code nope not found/);
    expectFailure(post({ ...base, jurisdiction_id: 'altro.example.it' }), 404, /jurisdiction_id/);
  });

  it('needs one location: lat+long together, or address_string, or address_id', () => {
    expectFailure(post({ ...base, lat: undefined, long: undefined }), 400, /A location is required/);
    expectFailure(post({ ...base, long: '' }), 400, /lat and long must be sent together/);
    expectFailure(post({ ...base, lat: '44,91' }), 400, /decimal WGS84/);
    expectFailure(post({ ...base, lat: '95' }), 400, /within ±90/);
    expectFailure(post({ ...base, lat: '41.9', long: '12.5' }), 400, /outside the area/);
    const byAddress = post({ ...base, lat: undefined, long: undefined, address_string: 'Piazza della Libertà 1' });
    expect(byAddress.ok && byAddress.value.location).toEqual({ kind: 'address', addressString: 'Piazza della Libertà 1', addressId: null });
    const byId = post({ ...base, lat: undefined, long: undefined, address_id: '545483' });
    expect(byId.ok && byId.value.location).toEqual({ kind: 'address_id', addressId: '545483' });
  });

  it('parses attribute[CODE] and attribute[CODE][] arrays (raw keys as Fastify keeps them)', () => {
    const attrs = parseAttributeParams({ 'attribute[DANGER]': 'si', 'attribute[WHERE][]': ['strada', 'pista'], 'attribute[ONE][]': 'x', other: 'y' });
    expect([...attrs]).toEqual([
      ['DANGER', { values: ['si'], multi: false }],
      ['WHERE', { values: ['strada', 'pista'], multi: true }],
      ['ONE', { values: ['x'], multi: true }],
    ]);
    const r = post({ ...base, service_code: 'buche', 'attribute[DANGER]': 'si', 'attribute[WHERE][]': ['strada', 'pista'], 'attribute[DEPTH]': '12.5', 'attribute[SEEN]': '2024-07-01T08:00:00+02:00', 'attribute[PLATE]': 'AB123' });
    expect(r.ok && r.value.attributes).toEqual({ DANGER: 'si', WHERE: ['strada', 'pista'], DEPTH: '12.5', SEEN: '2024-07-01T08:00:00+02:00', PLATE: 'AB123' });
    // A nested object, as some form parsers produce, is read too.
    const nested = post({ ...base, service_code: 'buche', attribute: { DANGER: 'no', WHERE: ['marciapiede'] } });
    expect(nested.ok && nested.value.attributes).toEqual({ DANGER: 'no', WHERE: ['marciapiede'] });
  });

  it('validates attributes against the service definition', () => {
    const buche = { ...base, service_code: 'buche' };
    expectFailure(post(buche), 400, /attribute\[DANGER\] is required/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'forse' }), 400, /must be one of: si, no/);
    expectFailure(post({ ...buche, 'attribute[DANGER][]': ['si', 'no'] }), 400, /takes a single value/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[WHERE][]': ['strada', 'cielo'] }), 400, /not in its list: cielo/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[DEPTH]': 'tanta' }), 400, /DEPTH\] must be a number/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[SEEN]': 'ieri' }), 400, /SEEN\] must be an ISO 8601/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[PLATE]': 'a\nb' }), 400, /PLATE\] must be a single line/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[INFO]': 'x' }), 400, /INFO\] is not an attribute/);
    expectFailure(post({ ...buche, 'attribute[DANGER]': 'si', 'attribute[NOPE]': 'x' }), 400, /NOPE\] is not an attribute/);
    expectFailure(post({ ...base, 'attribute[DANGER]': 'si' }), 400, /not an attribute of this service/);
  });

  it('limits description to 4,000 characters of plain text', () => {
    expect(post({ ...base, description: 'à'.repeat(4000) }).ok).toBe(true);
    expectFailure(post({ ...base, description: 'à'.repeat(4001) }), 400, /longer than 4000/);
    expectFailure(post({ ...base, description: 'Guarda <a href="x">qui</a>' }), 400, /plain text/);
    expect(post({ ...base, description: 'Temperatura < 5 gradi e buca > 30 cm' }).ok).toBe(true);
  });

  it('checks contact fields and media_url', () => {
    expectFailure(post({ ...base, email: 'non-una-mail' }), 400, /email is not a valid address/);
    expectFailure(post({ ...base, phone: 'chiamami' }), 400, /phone is not a valid number/);
    expectFailure(post({ ...base, first_name: 'x'.repeat(101) }), 400, /first_name is longer than 100/);
    expectFailure(post({ ...base, media_url: 'javascript:alert(1)' }), 400, /media_url must be an http or https URL/);
    expectFailure(post({ ...base, media_url: 'not a url' }), 400, /media_url/);
  });

  it('reports every 400 problem at once, and a repeated scalar is an error', () => {
    const r = post({ ...base, lat: undefined, long: undefined, email: 'x', phone: 'y' });
    expect(!r.ok && r.failure.errors.length).toBe(3);
    expectFailure(post({ ...base, description: ['uno', 'due'] }), 400, /description was given more than once/);
  });
});
