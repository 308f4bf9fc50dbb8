/**
 * Open311 GeoReport v2 conformance, from the spec's response shapes (shared/STANDARDS.md §1): every resource in
 * both formats, errors included, through the real HTTP routes on the test database (PGlite, or PostgreSQL when
 * DATABASE_URL is set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DOMParser } from '@xmldom/xmldom';

type XmlElement = Element;
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import type { AuditContext } from '../../../core/audit/index.ts';
import { siteModule } from '../../site/module.ts';
import { reportsModule } from '../module.ts';
import { reportCategories, reportPhotos, reports } from '../schema.ts';
import { DEFAULT_CATEGORIES } from '../triage/categories.ts';
import { ensureDefaultCategories } from '../categories.ts';
import { createApiKey, DEMO_OPEN311_KEY, revokeApiKey, seedOpen311DemoKey } from './keys.ts';
import { open311Routes } from './routes.ts';

type Fmt = 'json' | 'xml';
type Obj = Record<string, unknown>;

let t: TestApp;
let apiKey: string;
let apiKeyId: string;
let revokedKey: string;
let audit: AuditContext;

const CONTENT_TYPE: Record<Fmt, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };
const DATETIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const REPORTER = { email: 'maria.bianchi@example.org', first_name: 'Maria', last_name: 'Bianchiforte', phone: '+39 333 1234567' };

// ---------------------------------------------------------------------------------------------------------------
// Reading both formats

function parseXml(body: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: unknown) => void (level !== 'warning' && errors.push(String(msg))) }).parseFromString(body, 'text/xml');
  if (errors.length > 0) throw new Error(`invalid XML: ${errors.join('; ')}`);
  return doc.documentElement!;
}

const elements = (e: XmlElement): XmlElement[] => Array.from(e.childNodes as ArrayLike<Node>).filter((n): n is XmlElement => n.nodeType === 1);

/** An element with only text children becomes its text; otherwise an object of its children (repeated → array). */
function xmlValue(e: XmlElement): unknown {
  const kids = elements(e);
  if (kids.length === 0) return e.textContent ?? '';
  const out: Obj = {};
  for (const k of kids) {
    const v = xmlValue(k);
    if (k.nodeName in out) {
      const prev = out[k.nodeName];
      out[k.nodeName] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[k.nodeName] = v;
  }
  return out;
}

/** `<root><item>…</item>…</root>` → the list of items as objects, after checking the names. */
function xmlList(body: string, root: string, item: string): Obj[] {
  const doc = parseXml(body);
  expect(doc.nodeName).toBe(root);
  const kids = elements(doc);
  for (const k of kids) expect(k.nodeName).toBe(item);
  return kids.map((k) => xmlValue(k) as Obj);
}

/** A list reply in either format, as plain objects (XML values are strings). */
function list(body: string, format: Fmt, root: string, item: string): Obj[] {
  if (format === 'json') {
    const v = JSON.parse(body) as unknown;
    expect(Array.isArray(v)).toBe(true);
    return v as Obj[];
  }
  return xmlList(body, root, item);
}

function errorsOf(body: string, format: Fmt): { code: string; description: string }[] {
  if (format === 'json') {
    const v = JSON.parse(body) as { code: number; description: string }[];
    expect(Array.isArray(v)).toBe(true);
    for (const e of v) expect(typeof e.code).toBe('number');
    return v.map((e) => ({ code: String(e.code), description: e.description }));
  }
  return xmlList(body, 'errors', 'error') as { code: string; description: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

function postForm(format: Fmt, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

async function createRequest(format: Fmt, fields: Record<string, string>): Promise<string> {
  const res = await postForm(format, { api_key: apiKey, ...fields });
  expect(res.statusCode, res.body).toBe(200);
  const [reply] = list(res.body, format, 'service_requests', 'request');
  expect(typeof reply!.service_request_id).toBe('string');
  return reply!.service_request_id as string;
}

function expectXmlDocument(res: { headers: Record<string, unknown>; body: string }, format: Fmt) {
  expect(res.headers['content-type']).toBe(CONTENT_TYPE[format]);
  if (format === 'xml') expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
}

beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      siteModule,
      {
        ...reportsModule,
        routes: async (app, ctx) => {
          await open311Routes(app, ctx);
        },
      },
    ],
  });
  await withTenantTx(t.ctx.db, t.tenant.id, async (tx) => {
    await ensureDefaultCategories(tx, t.tenant.id);
    // Cemeteries are switched off in this comune: not a service.
    await tx.update(reportCategories).set({ active: false }).where(eq(reportCategories.code, 'cimiteri'));
  });
  const staff = await makeStaff(t.app, t.tenant, ['admin']);
  audit = { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] } };
  const a = await createApiKey(t.ctx, t.tenant.id, { name: 'App di prova' }, audit);
  const b = await createApiKey(t.ctx, t.tenant.id, { name: 'App revocata' }, audit);
  if (!a.ok || !b.ok) throw new Error('keys');
  apiKey = a.value.key;
  apiKeyId = a.value.apiKey.id;
  revokedKey = b.value.key;
  await revokeApiKey(t.ctx, t.tenant.id, b.value.apiKey.id, audit);
  await seedOpen311DemoKey(t.ctx, t.tenant);
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------------------------

describe.each<Fmt>(['json', 'xml'])('Open311 GeoReport v2 in %s', (format) => {
  it('discovery has changeset, contact, key_service and endpoints with specification, url, type and formats', async () => {
    const res = await get(`/open311/v2/discovery.${format}`);
    expect(res.statusCode).toBe(200);
    expectXmlDocument(res, format);
    let d: Obj;
    let endpoints: Obj[];
    if (format === 'json') {
      d = JSON.parse(res.body) as Obj;
      endpoints = d.endpoints as Obj[];
    } else {
      const root = parseXml(res.body);
      expect(root.nodeName).toBe('discovery');
      d = xmlValue(root) as Obj;
      const ep = (d.endpoints as Obj).endpoint;
      endpoints = (Array.isArray(ep) ? ep : [ep]) as Obj[];
      for (const e of endpoints) {
        const f = (e.formats as Obj).format;
        e.formats = Array.isArray(f) ? f : [f];
      }
    }
    expect(typeof d.changeset).toBe('string');
    expect(d.changeset).toMatch(DATETIME_TZ);
    expect(d.contact).toContain('Comune di Prova');
    expect(typeof d.key_service).toBe('string');
    expect(endpoints.length).toBeGreaterThanOrEqual(1);
    const e = endpoints[0]!;
    expect(e.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(e.url).toBe('http://test.localhost:3000/open311/v2');
    expect(['production', 'test']).toContain(e.type);
    expect(e.changeset).toBe(d.changeset);
    expect(e.formats).toEqual(['text/xml', 'application/json']);
  });

  it('services: one per active category, codes as strings, Italian names, realtime, no metadata, group and keywords', async () => {
    const res = await get(`/open311/v2/services.${format}`);
    expect(res.statusCode).toBe(200);
    expectXmlDocument(res, format);
    const services = list(res.body, format, 'services', 'service');
    expect(services).toHaveLength(DEFAULT_CATEGORIES.length - 1);
    for (const s of services) {
      expect(typeof s.service_code).toBe('string');
      expect(typeof s.service_name).toBe('string');
      expect(s.metadata).toBe(format === 'json' ? false : 'false');
      expect(s.type).toBe('realtime');
      expect(s).toHaveProperty('group');
      expect(s).toHaveProperty('keywords');
      expect(s).toHaveProperty('description');
    }
    const buche = services.find((s) => s.service_code === 'buche');
    expect(buche).toMatchObject({ service_name: 'Buche e manto stradale', group: 'Strade e viabilità' });
    expect(buche!.keywords).toContain('buca');
    expect(services.find((s) => s.service_code === 'cimiteri')).toBeUndefined();
  });

  it('a service definition is an object with the code and its (empty) attributes; unknown or inactive → 404', async () => {
    const res = await get(`/open311/v2/services/buche.${format}`);
    expect(res.statusCode).toBe(200);
    expectXmlDocument(res, format);
    if (format === 'json') {
      expect(JSON.parse(res.body)).toEqual({ service_code: 'buche', attributes: [] });
    } else {
      const root = parseXml(res.body);
      expect(root.nodeName).toBe('service_definition');
      expect(elements(root).map((e) => e.nodeName)).toEqual(['service_code', 'attributes']);
      expect(xmlValue(root)).toMatchObject({ service_code: 'buche' });
    }
    for (const code of ['nessuno', 'cimiteri']) {
      const missing = await get(`/open311/v2/services/${code}.${format}`);
      expect(missing.statusCode).toBe(404);
      expectXmlDocument(missing, format);
      expect(errorsOf(missing.body, format)[0]!.code).toBe('404');
    }
  });

  it('POST requests: 403 without a key, with a wrong key or a revoked one — as an error list', async () => {
    const fields = { service_code: 'buche', lat: '45.5663', long: '8.0537', description: 'Buca profonda' };
    for (const extra of [{}, { api_key: 'sbagliata' }, { api_key: revokedKey }] as Record<string, string>[]) {
      const res = await postForm(format, { ...fields, ...extra });
      expect(res.statusCode).toBe(403);
      expectXmlDocument(res, format);
      expect(errorsOf(res.body, format)[0]!.code).toBe('403');
    }
  });

  it('POST requests: a JSON body is 400; so is a malformed one', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ api_key: apiKey, service_code: 'buche', lat: 45.5663, long: 8.0537 }),
    });
    expect(res.statusCode).toBe(400);
    expectXmlDocument(res, format);
    expect(errorsOf(res.body, format)[0]!.description).toMatch(/x-www-form-urlencoded/);
    const broken = await t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
    });
    expect(broken.statusCode).toBe(400);
    expectXmlDocument(broken, format);
    expect(errorsOf(broken.body, format)[0]!.code).toBe('400');
  });

  it('POST requests: missing location 400, unknown service 404, other jurisdiction 404', async () => {
    const noPlace = await postForm(format, { api_key: apiKey, service_code: 'buche', description: 'Buca' });
    expect(noPlace.statusCode).toBe(400);
    expect(errorsOf(noPlace.body, format)[0]!.description).toMatch(/location/i);
    const unknown = await postForm(format, { api_key: apiKey, service_code: 'astronavi', lat: '45.5', long: '8.05' });
    expect(unknown.statusCode).toBe(404);
    expect(errorsOf(unknown.body, format)[0]!.code).toBe('404');
    const inactive = await postForm(format, { api_key: apiKey, service_code: 'cimiteri', lat: '45.5', long: '8.05' });
    expect(inactive.statusCode).toBe(404);
    const elsewhere = await postForm(format, { api_key: apiKey, jurisdiction_id: 'milano.example', service_code: 'buche', lat: '45.5', long: '8.05' });
    expect(elsewhere.statusCode).toBe(404);
    expectXmlDocument(elsewhere, format);
  });

  it('POST then GET requests/{id}: a list of one open request, numbers for lat/long, datetimes with timezone, no personal data', async () => {
    const res = await postForm(format, {
      api_key: apiKey,
      jurisdiction_id: 'test.localhost',
      service_code: 'buche',
      lat: '45.5663',
      long: '8.0537',
      address_string: 'Via Italia 12, Biella',
      description: `Buca profonda davanti al civico 12 (${format})\nPericolosa per chi va in bicicletta.`,
      ...REPORTER,
      device_id: 'device-42',
      account_id: 'account-42',
    });
    expect(res.statusCode, res.body).toBe(200);
    expectXmlDocument(res, format);
    const replies = list(res.body, format, 'service_requests', 'request');
    expect(replies).toHaveLength(1);
    const id = replies[0]!.service_request_id;
    expect(typeof id).toBe('string');
    expect(id).toMatch(/^\d+$/);
    expect(replies[0]).not.toHaveProperty('token');
    expect(replies[0]!.service_notice).toContain(`/segnalazioni/${id as string}`);

    const one = await get(`/open311/v2/requests/${id as string}.${format}`);
    expect(one.statusCode).toBe(200);
    expectXmlDocument(one, format);
    const requests = list(one.body, format, 'service_requests', 'request');
    expect(requests).toHaveLength(1);
    const r = requests[0]!;
    expect(r.service_request_id).toBe(id);
    expect(r.status).toBe('open');
    expect(r.service_code).toBe('buche');
    expect(r.service_name).toBe('Buche e manto stradale');
    expect(r.description).toContain('Buca profonda davanti al civico 12');
    expect(r.address).toBe('Via Italia 12, Biella');
    expect(r.agency_responsible).toBe('Lavori pubblici e manutenzioni');
    expect(r.requested_datetime).toMatch(DATETIME_TZ);
    expect(r.updated_datetime).toMatch(DATETIME_TZ);
    expect(r.expected_datetime).toMatch(DATETIME_TZ);
    if (format === 'json') {
      expect(r.lat).toBe(45.5663);
      expect(r.long).toBe(8.0537);
      expect(r.media_url).toBeNull();
    } else {
      expect(Number(r.lat)).toBe(45.5663);
      expect(Number(r.long)).toBe(8.0537);
    }
    for (const secret of [REPORTER.email, REPORTER.first_name, REPORTER.last_name, REPORTER.phone, 'device-42', 'account-42']) {
      expect(one.body).not.toContain(secret);
    }
    for (const field of ['email', 'first_name', 'last_name', 'phone', 'account_id', 'device_id']) expect(r).not.toHaveProperty(field);

    // Stored as an Open311 report of this app, with the reporter's contacts kept (for follow-up) but never shown.
    const [stored] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(reports).where(eq(reports.number, Number(id))));
    expect(stored).toMatchObject({ source: 'open311', apiKeyId, reporterEmail: REPORTER.email, reporterName: 'Maria Bianchiforte', reporterPhone: REPORTER.phone });
    expect(stored!.title).toBe(`Buca profonda davanti al civico 12 (${format})`);

    // The id list reads it back too, and so does a token equal to the id (realtime services issue no tokens).
    const byList = await get(`/open311/v2/requests.${format}?service_request_id=${id as string}`);
    expect(list(byList.body, format, 'service_requests', 'request').map((x) => x.service_request_id)).toEqual([id]);
    const token = await get(`/open311/v2/tokens/${id as string}.${format}`);
    expect(token.statusCode).toBe(200);
    expect(list(token.body, format, 'service_requests', 'request')).toEqual([{ service_request_id: id, token: id }]);
  });

  it('POST with address_string only, and with the demo key; a session cookie without CSRF token does not get in the way', async () => {
    const staff = await makeStaff(t.app, t.tenant, ['operator']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', staff.id);
    const res = await postForm(format, { api_key: DEMO_OPEN311_KEY, service_code: 'illuminazione', address_string: 'Piazza Duomo, Biella', description: 'Lampione spento' }, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    const [reply] = list(res.body, format, 'service_requests', 'request');
    const got = list((await get(`/open311/v2/requests/${reply!.service_request_id as string}.${format}`)).body, format, 'service_requests', 'request')[0]!;
    expect(got.address).toBe('Piazza Duomo, Biella');
    expect(format === 'json' ? got.lat : got.lat || null).toBeNull();
  });

  it('GET requests/{id} and tokens/{token}: 404 with an error body for unknown ids', async () => {
    for (const url of [`/open311/v2/requests/999999.${format}`, `/open311/v2/requests/abc.${format}`, `/open311/v2/tokens/abc-123.${format}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expectXmlDocument(res, format);
      expect(errorsOf(res.body, format)[0]!.code).toBe('404');
    }
    const token = await get(`/open311/v2/tokens/abc-123.${format}`);
    expect(errorsOf(token.body, format)[0]!.description).toMatch(/realtime/);
  });

  it('jurisdiction_id: absent is fine, the host or slug of the comune is fine, another one is 404', async () => {
    expect((await get(`/open311/v2/services.${format}`)).statusCode).toBe(200);
    expect((await get(`/open311/v2/services.${format}?jurisdiction_id=test.localhost`)).statusCode).toBe(200);
    expect((await get(`/open311/v2/services.${format}?jurisdiction_id=test`)).statusCode).toBe(200);
    for (const url of [
      `/open311/v2/services.${format}?jurisdiction_id=milano.example`,
      `/open311/v2/services/buche.${format}?jurisdiction_id=milano.example`,
      `/open311/v2/requests.${format}?jurisdiction_id=milano.example`,
      `/open311/v2/requests/1.${format}?jurisdiction_id=milano.example`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expectXmlDocument(res, format);
      expect(errorsOf(res.body, format)[0]!.code).toBe('404');
    }
  });

  it('an unknown resource is an Open311 404 in the format asked for', async () => {
    const res = await get(`/open311/v2/nothing/here.${format}`);
    expect(res.statusCode).toBe(404);
    expectXmlDocument(res, format);
    expect(errorsOf(res.body, format)).toHaveLength(1);
  });
});

describe('GET requests filters', () => {
  let pothole: string;
  let lamp: string;
  let closedOne: string;
  let old: string;

  beforeAll(async () => {
    pothole = await createRequest('json', { service_code: 'buche', lat: '45.56', long: '8.05', description: 'Buca per il filtro' });
    lamp = await createRequest('json', { service_code: 'illuminazione', lat: '45.57', long: '8.06', description: 'Lampione per il filtro' });
    closedOne = await createRequest('json', { service_code: 'rifiuti', lat: '45.58', long: '8.04', description: 'Rifiuti abbandonati, poi tolti' });
    old = await createRequest('json', { service_code: 'verde', lat: '45.55', long: '8.03', description: 'Siepe alta, anno scorso' });
    await withTenantTx(t.ctx.db, t.tenant.id, async (tx) => {
      const now = new Date();
      await tx.update(reports).set({ status: 'resolved', resolvedAt: now, publicReply: 'Rifiuti rimossi dalla squadra di pulizia.' }).where(eq(reports.number, Number(closedOne)));
      await tx.update(reports).set({ createdAt: new Date('2024-03-10T10:00:00Z') }).where(eq(reports.number, Number(old)));
      const [r] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.number, Number(pothole)));
      await tx.insert(reportPhotos).values([
        { tenantId: t.tenant.id, reportId: r!.id, uploadId: '00000000-0000-4000-8000-000000000001', position: 0, hidden: true },
        { tenantId: t.tenant.id, reportId: r!.id, uploadId: '00000000-0000-4000-8000-000000000002', position: 1 },
      ]);
    });
  });

  const ids = async (query: string): Promise<string[]> => {
    const res = await get(`/open311/v2/requests.json${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (JSON.parse(res.body) as Obj[]).map((r) => r.service_request_id as string);
  };

  it('defaults to the last 90 days, newest first', async () => {
    const all = await ids('');
    expect(all).toEqual(expect.arrayContaining([pothole, lamp, closedOne]));
    expect(all).not.toContain(old);
    const numbers = all.map(Number);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  it('filters by service_code (comma list) and status', async () => {
    const lamps = await ids('?service_code=illuminazione');
    expect(lamps).toContain(lamp);
    expect(lamps).not.toContain(pothole);
    expect(await ids('?service_code=illuminazione,buche')).toEqual(expect.arrayContaining([lamp, pothole]));
    expect(await ids('?status=closed')).toEqual([closedOne]);
    const open = await ids('?status=open');
    expect(open).toContain(pothole);
    expect(open).not.toContain(closedOne);
  });

  it('a closed request: status closed, status_notes = the public reply, updated_datetime = closing time', async () => {
    const [r] = JSON.parse((await get(`/open311/v2/requests/${closedOne}.json`)).body) as Obj[];
    expect(r).toMatchObject({ status: 'closed', status_notes: 'Rifiuti rimossi dalla squadra di pulizia.' });
    expect(r!.updated_datetime).toMatch(DATETIME_TZ);
  });

  it('media_url is the first public photo, absolute', async () => {
    const [r] = JSON.parse((await get(`/open311/v2/requests/${pothole}.json`)).body) as Obj[];
    expect(r!.media_url).toMatch(new RegExp(`^http://test\\.localhost:3000/segnalazioni/${pothole}/foto/[0-9a-f-]{36}$`));
    const [x] = list((await get(`/open311/v2/requests/${pothole}.xml`)).body, 'xml', 'service_requests', 'request');
    expect(x!.media_url).toBe(r!.media_url);
  });

  it('start_date/end_date select on requested_datetime; a span over 90 days is a 400 with an error body', async () => {
    expect(await ids('?start_date=2024-03-01T00:00:00Z&end_date=2024-03-31T00:00:00Z')).toEqual([old]);
    for (const f of ['json', 'xml'] as const) {
      const res = await get(`/open311/v2/requests.${f}?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z`);
      expect(res.statusCode).toBe(400);
      expectXmlDocument(res, f);
      expect(errorsOf(res.body, f)[0]!.description).toMatch(/90 days/);
    }
    const noTz = await get('/open311/v2/requests.json?start_date=2024-01-01T00:00:00');
    expect(noTz.statusCode).toBe(400);
  });

  it('service_request_id overrides every other filter', async () => {
    expect(await ids(`?service_request_id=${old},${lamp}&service_code=buche&status=closed`)).toEqual(expect.arrayContaining([old, lamp]));
    expect(await ids(`?service_request_id=${old},${lamp}&start_date=2000-01-01T00:00:00Z&end_date=2020-01-01T00:00:00Z`)).toHaveLength(2);
    expect(await ids('?service_request_id=987654,nope')).toEqual([]);
  });

  it('pages with page and page_size', async () => {
    const first = await ids('?page_size=2');
    const second = await ids('?page_size=2&page=2');
    expect(first).toHaveLength(2);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect((await get('/open311/v2/requests.json?page_size=0')).statusCode).toBe(400);
  });

  it('extensions=true adds the public history and channel, still without personal data', async () => {
    const res = await get(`/open311/v2/requests/${closedOne}.json?extensions=true`);
    const [r] = JSON.parse(res.body) as Obj[];
    expect(r!.extended_attributes).toMatchObject({ channel: 'open311', piazza_status: 'resolved', fms_status: 'FIXED' });
    const notes = r!.notes as { datetime: string; type: string }[];
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.type).toBe('submitted');
    expect(notes[0]!.datetime).toMatch(DATETIME_TZ);
    expect(res.body).not.toContain(REPORTER.email);
  });

  it('GET answers carry CORS for browser apps; POST is rate-limited per client', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
