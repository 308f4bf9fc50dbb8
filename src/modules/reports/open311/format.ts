/**
 * Open311 GeoReport v2 response bodies in XML and JSON (STANDARDS.md §1.1–1.4).
 *
 * JSON is the mechanical mapping of the XML: the list wrapper vanishes and repeated children become an array;
 * element order follows the spec's examples; missing values are JSON `null` and empty XML elements; identifiers
 * are strings; datetimes carry a timezone. Pure functions: the caller (a Fastify route, later) sends
 * `{ status, contentType, body }` as it is.
 */
import { formatW3cDateTime, DEFAULT_TIME_ZONE } from './datetime.ts';
import { el, parent, toXmlDocument, type XmlNode } from './xml.ts';
import {
  OPEN311_CONTENT_TYPES,
  type Open311Attribute,
  type Open311Discovery,
  type Open311Error,
  type Open311Failure,
  type Open311Format,
  type Open311HttpStatus,
  type Open311PostResponse,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
  type Open311TokenResponse,
} from './types.ts';

export interface Open311Response {
  status: 200 | Open311HttpStatus;
  contentType: string;
  body: string;
}

export interface FormatOptions {
  /** IANA zone the datetimes are written in; 'UTC' writes `Z`. Default Europe/Rome (with its offset). */
  timeZone?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Format selection

/**
 * Splits a path segment such as `requests.json`, `12.xml` or `discovery.json` into its name and format.
 * Returns null when the extension is missing or not one we serve (the route answers 404). Case-sensitive, as
 * URLs are.
 */
export function splitFormat(segment: string): { name: string; format: Open311Format } | null {
  const m = /^(.+)\.(xml|json)$/.exec(segment);
  if (!m || m[1] === undefined) return null;
  return { name: m[1], format: m[2] as Open311Format };
}

// ---------------------------------------------------------------------------------------------------------------
// Scalars

/** A JSON/XML number without exponent notation; null for NaN/Infinity. */
export function formatNumber(n: number | null | undefined): string | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

function dt(d: Date | null | undefined, opts: FormatOptions): string | null {
  return d ? formatW3cDateTime(d, opts.timeZone ?? DEFAULT_TIME_ZONE) : null;
}

/** JSON text; a number field that is not finite becomes null. */
function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

function respond(format: Open311Format, jsonValue: unknown, xmlRoot: XmlNode, status: 200 | Open311HttpStatus = 200): Open311Response {
  return {
    status,
    contentType: OPEN311_CONTENT_TYPES[format],
    body: format === 'json' ? json(jsonValue) : toXmlDocument(xmlRoot),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery

export function renderDiscovery(d: Open311Discovery, format: Open311Format): Open311Response {
  const j = {
    changeset: d.changeset,
    contact: d.contact,
    key_service: d.key_service,
    endpoints: d.endpoints.map((e) => ({
      specification: e.specification,
      url: e.url,
      changeset: e.changeset,
      type: e.type,
      formats: [...e.formats],
    })),
  };
  const x = parent('discovery', [
    el('changeset', d.changeset),
    el('contact', d.contact),
    el('key_service', d.key_service),
    parent(
      'endpoints',
      d.endpoints.map((e) =>
        parent('endpoint', [
          el('specification', e.specification),
          el('url', e.url),
          el('changeset', e.changeset),
          el('type', e.type),
          parent(
            'formats',
            e.formats.map((f) => el('format', f)),
          ),
        ]),
      ),
    ),
  ]);
  return respond(format, j, x);
}

// ---------------------------------------------------------------------------------------------------------------
// Services and service definitions

function serviceJson(s: Open311Service): Record<string, unknown> {
  return {
    service_code: String(s.service_code),
    service_name: s.service_name,
    description: s.description,
    metadata: s.metadata,
    type: s.type,
    keywords: s.keywords,
    group: s.group,
  };
}

function serviceXml(s: Open311Service): XmlNode {
  return parent('service', [
    el('service_code', String(s.service_code)),
    el('service_name', s.service_name),
    el('description', s.description),
    el('metadata', bool(s.metadata)),
    el('type', s.type),
    el('keywords', s.keywords),
    el('group', s.group),
  ]);
}

/** GET services.{fmt}: `<services><service>…` / `[{…}]`. */
export function renderServices(services: readonly Open311Service[], format: Open311Format): Open311Response {
  return respond(format, services.map(serviceJson), parent('services', services.map(serviceXml)));
}

function attributeJson(a: Open311Attribute): Record<string, unknown> {
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatype_description,
    order: a.order,
    description: a.description,
    values: a.values.map((v) => ({ key: String(v.key), name: v.name })),
  };
}

function attributeXml(a: Open311Attribute): XmlNode {
  return parent('attribute', [
    el('variable', bool(a.variable)),
    el('code', a.code),
    el('datatype', a.datatype),
    el('required', bool(a.required)),
    el('datatype_description', a.datatype_description),
    el('order', String(a.order)),
    el('description', a.description),
    parent(
      'values',
      a.values.map((v) => parent('value', [el('key', String(v.key)), el('name', v.name)])),
    ),
  ]);
}

/** GET services/{code}.{fmt}: an object, not a list; attributes sorted by `order`. */
export function renderServiceDefinition(def: Open311ServiceDefinition, format: Open311Format): Open311Response {
  const attributes = [...def.attributes].sort((a, b) => a.order - b.order);
  return respond(
    format,
    { service_code: String(def.service_code), attributes: attributes.map(attributeJson) },
    parent('service_definition', [el('service_code', String(def.service_code)), parent('attributes', attributes.map(attributeXml))]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Service requests

function requestJson(r: Open311ServiceRequest, opts: FormatOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    service_request_id: String(r.service_request_id),
    status: r.status,
    status_notes: r.status_notes,
    service_name: r.service_name,
    service_code: String(r.service_code),
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: r.service_notice,
    requested_datetime: dt(r.requested_datetime, opts),
    updated_datetime: dt(r.updated_datetime, opts),
    expected_datetime: dt(r.expected_datetime, opts),
    address: r.address,
    address_id: r.address_id === null ? null : String(r.address_id),
    zipcode: r.zipcode === null ? null : String(r.zipcode),
    lat: r.lat !== null && Number.isFinite(r.lat) ? r.lat : null,
    long: r.long !== null && Number.isFinite(r.long) ? r.long : null,
    media_url: r.media_url,
  };
  if (r.extensions) {
    const x = r.extensions;
    out.title = x.title;
    out.notes = x.notes.map((n) => ({ datetime: dt(n.datetime, opts), description: n.description, type: n.type }));
    out.extended_attributes = {
      channel: x.extended_attributes.channel,
      piazza_status: x.extended_attributes.piazza_status,
      fms_status: x.extended_attributes.fms_status,
      photos: x.extended_attributes.photos.map((p) => ({
        media_url: p.media_url,
        title: p.title,
        width: p.width,
        height: p.height,
        created_at: dt(p.created_at, opts),
      })),
    };
    out.attributes = x.attributes.map((a) => ({ label: a.label, name: a.name, value: a.value, code: a.code }));
  }
  return out;
}

function requestXml(r: Open311ServiceRequest, opts: FormatOptions): XmlNode {
  const children: XmlNode[] = [
    el('service_request_id', String(r.service_request_id)),
    el('status', r.status),
    el('status_notes', r.status_notes),
    el('service_name', r.service_name),
    el('service_code', String(r.service_code)),
    el('description', r.description),
    el('agency_responsible', r.agency_responsible),
    el('service_notice', r.service_notice),
    el('requested_datetime', dt(r.requested_datetime, opts)),
    el('updated_datetime', dt(r.updated_datetime, opts)),
    el('expected_datetime', dt(r.expected_datetime, opts)),
    el('address', r.address),
    el('address_id', r.address_id),
    el('zipcode', r.zipcode),
    el('lat', formatNumber(r.lat)),
    el('long', formatNumber(r.long)),
    el('media_url', r.media_url),
  ];
  if (r.extensions) {
    const x = r.extensions;
    children.push(
      el('title', x.title),
      parent(
        'notes',
        x.notes.map((n) => parent('note', [el('datetime', dt(n.datetime, opts)), el('description', n.description), el('type', n.type)])),
      ),
      parent('extended_attributes', [
        el('channel', x.extended_attributes.channel),
        el('piazza_status', x.extended_attributes.piazza_status),
        el('fms_status', x.extended_attributes.fms_status),
        parent(
          'photos',
          x.extended_attributes.photos.map((p) =>
            parent('photo', [
              el('media_url', p.media_url),
              el('title', p.title),
              el('width', formatNumber(p.width)),
              el('height', formatNumber(p.height)),
              el('created_at', dt(p.created_at, opts)),
            ]),
          ),
        ),
      ]),
      parent(
        'attributes',
        x.attributes.map((a) => parent('attribute', [el('label', a.label), el('name', a.name), el('value', a.value), el('code', a.code)])),
      ),
    );
  }
  return parent('request', children);
}

/** GET requests.{fmt}: `<service_requests><request>…` / `[{…}]`. */
export function renderRequests(requests: readonly Open311ServiceRequest[], format: Open311Format, opts: FormatOptions = {}): Open311Response {
  return respond(
    format,
    requests.map((r) => requestJson(r, opts)),
    parent(
      'service_requests',
      requests.map((r) => requestXml(r, opts)),
    ),
  );
}

/** GET requests/{id}.{fmt}: the spec answers with a list of one request, not an object. */
export function renderRequest(request: Open311ServiceRequest, format: Open311Format, opts: FormatOptions = {}): Open311Response {
  return renderRequests([request], format, opts);
}

/** POST requests.{fmt}: a list of one `{service_request_id | token, service_notice, account_id}`. */
export function renderPostResponse(reply: Open311PostResponse, format: Open311Format): Open311Response {
  const idField: [string, string] =
    reply.service_request_id !== undefined ? ['service_request_id', String(reply.service_request_id)] : ['token', String(reply.token)];
  const j = { [idField[0]]: idField[1], service_notice: reply.service_notice, account_id: reply.account_id };
  const x = parent('service_requests', [
    parent('request', [el(idField[0], idField[1]), el('service_notice', reply.service_notice), el('account_id', reply.account_id)]),
  ]);
  return respond(format, [j], x);
}

/** GET tokens/{token}.{fmt}: a list of `{service_request_id, token}` (id null while still pending). */
export function renderTokens(replies: readonly Open311TokenResponse[], format: Open311Format): Open311Response {
  return respond(
    format,
    replies.map((t) => ({ service_request_id: t.service_request_id, token: String(t.token) })),
    parent(
      'service_requests',
      replies.map((t) => parent('request', [el('service_request_id', t.service_request_id), el('token', String(t.token))])),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** `<errors><error><code/><description/></error>…</errors>` / `[{"code":…, "description":…}]`, with its HTTP status. */
export function renderErrors(status: Open311HttpStatus, errors: readonly Open311Error[], format: Open311Format): Open311Response {
  const list = errors.length > 0 ? errors : [{ code: status, description: defaultDescription(status) }];
  return respond(
    format,
    list.map((e) => ({ code: e.code, description: e.description })),
    parent(
      'errors',
      list.map((e) => parent('error', [el('code', String(e.code)), el('description', e.description)])),
    ),
    status,
  );
}

export function renderFailure(failure: Open311Failure, format: Open311Format): Open311Response {
  return renderErrors(failure.status, failure.errors, format);
}

function defaultDescription(status: Open311HttpStatus): string {
  if (status === 403) return 'api_key is missing or not valid';
  if (status === 404) return 'not found';
  return 'bad request';
}
