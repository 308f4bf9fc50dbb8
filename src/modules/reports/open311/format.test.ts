import { describe, expect, it } from 'vitest';
import { formatW3cDateTime, parseW3cDateTime, startOfDay, zonedTimeToInstant } from './datetime.ts';
import {
  formatNumber,
  renderDiscovery,
  renderErrors,
  renderPostResponse,
  renderRequest,
  renderRequests,
  renderServiceDefinition,
  renderServices,
  renderTokens,
  splitFormat,
  type Open311Response,
} from './format.ts';
import { categoryToService, reportToRequest, type ReportView } from './map.ts';
import {
  GEOREPORT_V2_SPECIFICATION,
  OPEN311_FORMATS,
  PIAZZA_REPORT_STATUSES,
  STATUS_MAPPING,
  piazzaStatusesFor,
  type Open311Discovery,
  type Open311ServiceDefinition,
} from './types.ts';
import { child, childNames, parseXml, type XmlElement } from './xml.ts';

// Conformance tests built from the response shapes of the GeoReport v2 spec (open311.github.io GeoReport_v2):
// root and element names, element order as in the spec's examples, the JSON mapping of the XML.

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const W3C_WITH_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

function xmlOf(res: Open311Response): XmlElement {
  expect(res.contentType).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(res.body).not.toMatch(/xmlns/);
  return parseXml(res.body);
}

function jsonOf(res: Open311Response): unknown {
  expect(res.contentType).toBe('application/json; charset=utf-8');
  return JSON.parse(res.body);
}

const pothole: ReportView & { reporter: { name: string; email: string; phone: string } } = {
  id: '2024-000123',
  status: 'assigned',
  statusNotes: 'Presa in carico dalla squadra strade',
  category: { code: 'buche', name: 'Buche e manto stradale' },
  title: 'Buca in via Dante',
  description: 'Buca profonda davanti al civico 12 <pericolosa> & larga.\r\nSegnalata anche ieri.',
  office: 'Lavori pubblici e manutenzioni',
  createdAt: new Date('2024-07-01T08:30:00Z'),
  updatedAt: new Date('2024-07-02T10:00:00Z'),
  closedAt: null,
  expectedAt: new Date('2024-07-16T08:30:00Z'),
  address: 'Via Dante 12, Alessandria',
  addressId: null,
  zipcode: '15121',
  lat: 44.9133,
  lon: 8.6153,
  photos: [{ url: 'https://example.invalid/media/1.jpg', width: 1600, height: 1200, createdAt: new Date('2024-07-01T08:30:00Z') }],
  channel: 'web',
  history: [
    { at: new Date('2024-07-01T08:30:00Z'), status: 'submitted', publicNote: null },
    { at: new Date('2024-07-02T10:00:00Z'), status: 'assigned', publicNote: 'Presa in carico' },
  ],
  // Personal data the mapper must ignore, even though the object carries it.
  reporter: { name: 'Mario Rossi', email: 'mario.rossi@example.invalid', phone: '+39 333 1234567' },
};

describe('format selection', () => {
  it('reads the format from the .json/.xml suffix', () => {
    expect(splitFormat('services.xml')).toEqual({ name: 'services', format: 'xml' });
    expect(splitFormat('requests.json')).toEqual({ name: 'requests', format: 'json' });
    expect(splitFormat('2024-000123.json')).toEqual({ name: '2024-000123', format: 'json' });
    expect(splitFormat('v1.2.xml')).toEqual({ name: 'v1.2', format: 'xml' });
    expect(splitFormat('services')).toBeNull();
    expect(splitFormat('services.html')).toBeNull();
    expect(splitFormat('services.XML')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
  });
});

describe('discovery', () => {
  const discovery: Open311Discovery = {
    changeset: '2024-07-01T10:00:00Z',
    contact: 'Comune di Prova, urp@example.invalid',
    key_service: 'Ask the comune for an API key at https://example.invalid/open311',
    endpoints: [
      { specification: GEOREPORT_V2_SPECIFICATION, url: 'https://example.invalid/open311/v2', changeset: '2024-07-01T10:00:00Z', type: 'production', formats: ['text/xml', 'application/json'] },
      { specification: GEOREPORT_V2_SPECIFICATION, url: 'https://test.example.invalid/open311/v2', changeset: '2024-07-01T10:00:00Z', type: 'test', formats: ['text/xml', 'application/json'] },
    ],
  };

  it('XML: <discovery> with changeset, contact, key_service, endpoints/endpoint/formats/format', () => {
    const root = xmlOf(renderDiscovery(discovery, 'xml'));
    expect(root.name).toBe('discovery');
    expect(childNames(root)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoints = child(root, 'endpoints')!;
    expect(childNames(endpoints)).toEqual(['endpoint', 'endpoint']);
    const first = endpoints.children[0]!;
    expect(childNames(first)).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
    expect(child(first, 'specification')!.text).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(child(first, 'formats')!.children.map((f) => [f.name, f.text])).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
  });

  it('JSON: an object whose endpoints and formats are arrays', () => {
    const j = jsonOf(renderDiscovery(discovery, 'json')) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(j.endpoints).toEqual(discovery.endpoints);
  });
});

describe('GET services', () => {
  const services = [
    categoryToService({ code: 'buche', name: 'Buche e manto stradale', description: 'Buche, avvallamenti', keywords: ['buca', 'asfalto'], group: 'strade' }),
    categoryToService({ code: '001', name: 'Cassonetti "pieni" & <sporchi>' }),
  ];

  it('XML: <services><service> with the fields in the spec order, booleans as true/false', () => {
    const root = xmlOf(renderServices(services, 'xml'));
    expect(root.name).toBe('services');
    expect(childNames(root)).toEqual(['service', 'service']);
    const [a, b] = root.children;
    expect(childNames(a!)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(child(a!, 'metadata')!.text).toBe('false');
    expect(child(a!, 'type')!.text).toBe('realtime');
    expect(child(a!, 'keywords')!.text).toBe('buca, asfalto');
    // Escaping survives the round trip; empty values are empty elements.
    expect(child(b!, 'service_name')!.text).toBe('Cassonetti "pieni" & <sporchi>');
    expect(child(b!, 'description')!.text).toBe('');
    expect(renderServices(services, 'xml').body).toContain('<description/>');
  });

  it('JSON: a bare array; codes are strings even when numeric (trap 1); missing values are null', () => {
    const j = jsonOf(renderServices(services, 'json')) as Record<string, unknown>[];
    expect(Array.isArray(j)).toBe(true);
    expect(j[1]).toEqual({ service_code: '001', service_name: 'Cassonetti "pieni" & <sporchi>', description: null, metadata: false, type: 'realtime', keywords: null, group: null });
    expect(renderServices(services, 'json').body).toContain('"service_code":"001"');
  });

  it('an empty list is an empty root / empty array', () => {
    expect(xmlOf(renderServices([], 'xml')).children).toEqual([]);
    expect(jsonOf(renderServices([], 'json'))).toEqual([]);
  });
});

describe('GET services/{code}', () => {
  const def: Open311ServiceDefinition = {
    service_code: 'DMV66',
    attributes: [
      { variable: true, code: 'NOTE', datatype: 'text', required: false, datatype_description: null, order: 2, description: 'Altro da aggiungere?', values: [] },
      {
        variable: true,
        code: 'WHISHETN',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is the ticket/tag/DL number?',
        values: [
          { key: '123', name: 'Ford' },
          { key: '124', name: 'Chrysler' },
        ],
      },
    ],
  };

  it('XML: <service_definition> object with attributes/attribute/values/value, sorted by order', () => {
    const root = xmlOf(renderServiceDefinition(def, 'xml'));
    expect(root.name).toBe('service_definition');
    expect(childNames(root)).toEqual(['service_code', 'attributes']);
    const attrs = child(root, 'attributes')!.children;
    expect(attrs.map((a) => child(a, 'code')!.text)).toEqual(['WHISHETN', 'NOTE']);
    expect(childNames(attrs[0]!)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    const values = child(attrs[0]!, 'values')!.children;
    expect(values.map((v) => [v.name, childNames(v), child(v, 'key')!.text, child(v, 'name')!.text])).toEqual([
      ['value', ['key', 'name'], '123', 'Ford'],
      ['value', ['key', 'name'], '124', 'Chrysler'],
    ]);
  });

  it('JSON: an object (not a list), keys as strings (trap 1)', () => {
    const j = jsonOf(renderServiceDefinition(def, 'json')) as { service_code: string; attributes: Record<string, unknown>[] };
    expect(Array.isArray(j)).toBe(false);
    expect(j.service_code).toBe('DMV66');
    expect(j.attributes[0]).toEqual({
      variable: true,
      code: 'WHISHETN',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'What is the ticket/tag/DL number?',
      values: [
        { key: '123', name: 'Ford' },
        { key: '124', name: 'Chrysler' },
      ],
    });
  });
});

describe('GET requests and requests/{id}', () => {
  const request = reportToRequest(pothole);

  it('XML: <service_requests><request> with every field in the spec order', () => {
    const root = xmlOf(renderRequests([request, request], 'xml'));
    expect(root.name).toBe('service_requests');
    expect(childNames(root)).toEqual(['request', 'request']);
    const r = root.children[0]!;
    expect(childNames(r)).toEqual(REQUEST_FIELDS);
    expect(child(r, 'status')!.text).toBe('open');
    expect(child(r, 'service_code')!.text).toBe('buche');
    expect(child(r, 'service_name')!.text).toBe('Buche e manto stradale');
    expect(child(r, 'lat')!.text).toBe('44.9133');
    expect(child(r, 'long')!.text).toBe('8.6153');
    expect(child(r, 'address_id')!.text).toBe('');
    expect(child(r, 'description')!.text).toBe('Buca profonda davanti al civico 12 <pericolosa> & larga.\nSegnalata anche ieri.');
    expect(child(r, 'media_url')!.text).toBe('https://example.invalid/media/1.jpg');
  });

  it('JSON: array of objects, ids and zipcode strings, lat/long numbers, null for missing (trap 1)', () => {
    const [j] = jsonOf(renderRequests([request], 'json')) as Record<string, unknown>[];
    expect(Object.keys(j!)).toEqual(REQUEST_FIELDS);
    expect(j!.service_request_id).toBe('2024-000123');
    expect(j!.zipcode).toBe('15121');
    expect(j!.lat).toBe(44.9133);
    expect(j!.long).toBe(8.6153);
    expect(j!.address_id).toBeNull();
    expect(j!.service_notice).toBeNull();
  });

  it('a single request is a list of one, in both formats', () => {
    expect(childNames(xmlOf(renderRequest(request, 'xml')))).toEqual(['request']);
    const j = jsonOf(renderRequest(request, 'json'));
    expect(Array.isArray(j)).toBe(true);
    expect(j).toHaveLength(1);
  });

  it('every datetime has a timezone (trap 3): Europe/Rome offset by default, Z on request', () => {
    for (const format of OPEN311_FORMATS) {
      const body = renderRequest(request, format).body;
      expect(body).toContain('2024-07-01T10:30:00+02:00');
      expect(body).toContain('2024-07-02T12:00:00+02:00');
      expect(renderRequest(request, format, { timeZone: 'UTC' }).body).toContain('2024-07-01T08:30:00Z');
    }
    const [j] = jsonOf(renderRequest(request, 'json')) as Record<string, unknown>[];
    for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(j![f]).toMatch(W3C_WITH_TZ);
  });

  it('closed requests carry the closing time as updated_datetime', () => {
    const r = reportToRequest({ ...pothole, status: 'resolved', closedAt: new Date('2024-07-10T15:00:00Z'), updatedAt: new Date('2024-07-11T09:00:00Z') });
    expect(r.status).toBe('closed');
    expect(r.updated_datetime?.toISOString()).toBe('2024-07-10T15:00:00.000Z');
  });

  it('never publishes the reporter (trap 5)', () => {
    for (const format of OPEN311_FORMATS) {
      for (const extensions of [false, true]) {
        const body = renderRequest(reportToRequest(pothole, { extensions }), format).body;
        expect(body).not.toContain('Mario');
        expect(body).not.toContain('mario.rossi');
        expect(body).not.toContain('333');
        expect(body).not.toMatch(/email|phone|first_name|last_name|account_id|device_id|requestor_name/);
      }
    }
  });

  it('extensions=true adds title, notes, extended_attributes and attributes after the standard fields', () => {
    const extended = reportToRequest({ ...pothole, attributes: [{ code: 'DANGER', label: 'Pericolo', value: 'si', valueName: 'Sì' }] }, { extensions: true });
    const r = xmlOf(renderRequest(extended, 'xml')).children[0]!;
    expect(childNames(r)).toEqual([...REQUEST_FIELDS, 'title', 'notes', 'extended_attributes', 'attributes']);
    expect(child(r, 'notes')!.children.map((n) => child(n, 'type')!.text)).toEqual(['submitted', 'activity']);
    const ext = child(r, 'extended_attributes')!;
    expect(childNames(ext)).toEqual(['channel', 'piazza_status', 'fms_status', 'photos']);
    expect(child(ext, 'fms_status')!.text).toBe('IN_PROGRESS');
    expect(childNames(child(child(ext, 'photos')!, 'photo')!)).toEqual(['media_url', 'title', 'width', 'height', 'created_at']);
    const [j] = jsonOf(renderRequest(extended, 'json')) as Record<string, unknown>[];
    expect(j!.attributes).toEqual([{ label: 'Pericolo', name: 'Sì', value: 'si', code: 'DANGER' }]);
    expect((j!.notes as { datetime: string }[])[0]!.datetime).toMatch(W3C_WITH_TZ);
  });

  it('agency_responsible is plain text, never FixMyStreet-style <recipient> children (trap 7: strict out)', () => {
    const r = xmlOf(renderRequest(request, 'xml')).children[0]!;
    const agency = child(r, 'agency_responsible')!;
    expect(agency.children).toEqual([]);
    expect(agency.text).toBe('Lavori pubblici e manutenzioni');
  });

  it('descriptions are cut at 4,000 characters', () => {
    const long = reportToRequest({ ...pothole, description: 'è'.repeat(5000) });
    expect([...long.description!].length).toBe(4000);
  });
});

describe('POST requests and tokens', () => {
  it('realtime: a list of one with service_request_id, service_notice, account_id (empty element / null)', () => {
    const reply = { service_request_id: '293944', service_notice: 'Verrà verificata entro 3 giorni', account_id: null };
    const root = xmlOf(renderPostResponse(reply, 'xml'));
    expect(root.name).toBe('service_requests');
    expect(childNames(root)).toEqual(['request']);
    expect(childNames(root.children[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(renderPostResponse(reply, 'xml').body).toContain('<account_id/>');
    expect(jsonOf(renderPostResponse(reply, 'json'))).toEqual([{ service_request_id: '293944', service_notice: 'Verrà verificata entro 3 giorni', account_id: null }]);
  });

  it('batch: token instead of service_request_id, never both', () => {
    const reply = { token: '12345', service_notice: null, account_id: '77' };
    const r = xmlOf(renderPostResponse(reply, 'xml')).children[0]!;
    expect(childNames(r)).toEqual(['token', 'service_notice', 'account_id']);
    expect(jsonOf(renderPostResponse(reply, 'json'))).toEqual([{ token: '12345', service_notice: null, account_id: '77' }]);
  });

  it('GET tokens/{token}: service_requests/request with service_request_id and token', () => {
    const replies = [{ service_request_id: '638344', token: '12345' }];
    const r = xmlOf(renderTokens(replies, 'xml'));
    expect(r.name).toBe('service_requests');
    expect(childNames(r.children[0]!)).toEqual(['service_request_id', 'token']);
    expect(jsonOf(renderTokens(replies, 'json'))).toEqual([{ service_request_id: '638344', token: '12345' }]);
  });
});

describe('errors', () => {
  it('XML <errors><error><code/><description/>, JSON [{code, description}], several allowed, with the HTTP status', () => {
    const errors = [
      { code: 400, description: 'service_code is required' },
      { code: 400, description: 'lat & long <both>' },
    ];
    const xml = renderErrors(400, errors, 'xml');
    expect(xml.status).toBe(400);
    const root = xmlOf(xml);
    expect(root.name).toBe('errors');
    expect(root.children.map((e) => [e.name, childNames(e), child(e, 'code')!.text, child(e, 'description')!.text])).toEqual([
      ['error', ['code', 'description'], '400', 'service_code is required'],
      ['error', ['code', 'description'], '400', 'lat & long <both>'],
    ]);
    const json = renderErrors(403, [{ code: 403, description: 'api_key is not valid' }], 'json');
    expect(json.status).toBe(403);
    expect(jsonOf(json)).toEqual([{ code: 403, description: 'api_key is not valid' }]);
  });

  it('an empty error list still produces one error', () => {
    expect(jsonOf(renderErrors(404, [], 'json'))).toEqual([{ code: 404, description: 'not found' }]);
  });
});

describe('SeeClickFix validator false failures (trap 6)', () => {
  it('keeps the spec content types with charset and allows a single discovery endpoint', () => {
    // That validator wants exactly `text/xml` and at least 2 discovery endpoints: known false failures, we follow the spec.
    expect(renderServices([], 'xml').contentType).toBe('text/xml; charset=utf-8');
    expect(renderServices([], 'json').contentType).toBe('application/json; charset=utf-8');
    const one = renderDiscovery(
      { changeset: '1', contact: 'urp', key_service: 'ask', endpoints: [{ specification: GEOREPORT_V2_SPECIFICATION, url: 'https://x.invalid/open311/v2', changeset: '1', type: 'production', formats: ['text/xml'] }] },
      'xml',
    );
    expect(child(xmlOf(one), 'endpoints')!.children).toHaveLength(1);
  });
});

describe('scalars and XML safety', () => {
  it('numbers never use exponent notation', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(-122.4651145)).toBe('-122.4651145');
    expect(formatNumber(Number.NaN)).toBeNull();
  });

  it('drops characters XML 1.0 cannot carry and keeps the document well-formed', () => {
    const r = reportToRequest({ ...pothole, description: 'a\u0000b\u0007c\u001bd ]]> </request> 🚧' });
    const root = xmlOf(renderRequest(r, 'xml'));
    expect(child(root.children[0]!, 'description')!.text).toBe('abcd ]]> </request> 🚧');
  });
});

describe('status mapping', () => {
  it('maps every piazza status to open or closed and to an FMS status', () => {
    expect(piazzaStatusesFor('open')).toEqual(['submitted', 'accepted', 'assigned', 'in_progress']);
    expect(piazzaStatusesFor('closed')).toEqual(['resolved', 'closed', 'rejected', 'duplicate', 'forwarded']);
    for (const s of PIAZZA_REPORT_STATUSES) expect(STATUS_MAPPING[s].fms).toMatch(/^[A-Z_]+$/);
    expect(STATUS_MAPPING.forwarded.fms).toBe('NOT_COUNCILS_RESPONSIBILITY');
    expect(STATUS_MAPPING.duplicate.fms).toBe('DUPLICATE');
  });
});

describe('W3C datetimes', () => {
  it('formats Europe/Rome with its winter and summer offsets', () => {
    expect(formatW3cDateTime(new Date('2024-01-15T12:00:00Z'))).toBe('2024-01-15T13:00:00+01:00');
    expect(formatW3cDateTime(new Date('2024-07-15T12:00:00Z'))).toBe('2024-07-15T14:00:00+02:00');
    expect(formatW3cDateTime(new Date('2024-12-31T23:30:00.900Z'))).toBe('2025-01-01T00:30:00+01:00');
    expect(formatW3cDateTime(new Date('2024-07-15T12:00:00Z'), 'UTC')).toBe('2024-07-15T12:00:00Z');
  });

  it('finds local midnight across DST changes', () => {
    expect(startOfDay('2024-03-31')!.toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(startOfDay('2024-04-01')!.toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(startOfDay('2024-02-30')).toBeNull();
    // 02:30 does not exist on 2024-03-31 in Rome; 02:30 on 2024-10-27 exists twice (first one chosen).
    expect(formatW3cDateTime(zonedTimeToInstant({ year: 2024, month: 3, day: 31, hour: 2, minute: 30 }))).toBe('2024-03-31T03:30:00+02:00');
    expect(formatW3cDateTime(zonedTimeToInstant({ year: 2024, month: 10, day: 27, hour: 2, minute: 30 }))).toBe('2024-10-27T02:30:00+02:00');
  });

  it('parses with timezone, flags missing timezone, rejects nonsense', () => {
    expect(parseW3cDateTime('2010-01-01T00:00:00Z')).toEqual({ kind: 'instant', date: new Date('2010-01-01T00:00:00Z') });
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')).toEqual({ kind: 'instant', date: new Date('1994-11-05T13:15:30Z') });
    expect(parseW3cDateTime('2010-01-01T00:00+0100')).toEqual({ kind: 'instant', date: new Date('2009-12-31T23:00:00Z') });
    expect(parseW3cDateTime('2010-01-01')).toEqual({ kind: 'date', date: { year: 2010, month: 1, day: 1 } });
    expect(parseW3cDateTime('2010-01-01T00:00:00').kind).toBe('no-timezone');
    expect(parseW3cDateTime('2010-13-01T00:00:00Z').kind).toBe('invalid');
    expect(parseW3cDateTime('yesterday').kind).toBe('invalid');
  });
});
