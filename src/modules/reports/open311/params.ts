/**
 * Parameters of the Open311 GeoReport v2 endpoints, parsed and validated into typed values or a list of Open311
 * errors with the HTTP status the spec allows (404 not found, 403 API key, 400 everything else).
 *
 * Input is what Fastify hands over: `req.query` / `req.body` objects whose values are strings, or arrays of strings
 * when a key repeats. Fastify's form parser keeps `attribute[CODE][]` as a raw key (STANDARDS.md §1.3).
 * An optional parameter sent empty behaves as absent (spec, "Optional Arguments").
 */
import { parseW3cDateTime, startOfDay, DEFAULT_TIME_ZONE } from './datetime.ts';
import { MAX_DESCRIPTION_LENGTH } from './map.ts';
import type {
  Open311Attribute,
  Open311Error,
  Open311Failure,
  Open311HttpStatus,
  Open311ServiceDefinition,
  Open311Status,
} from './types.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; failure: Open311Failure };

type Params = Readonly<Record<string, unknown>>;

const DAY_MS = 86_400_000;
/** The widest `start_date`…`end_date` span, and the default window (spec: "most recent 90 days"). */
export const MAX_SPAN_DAYS = 90;
/** Pagination extension (STANDARDS.md §1.7): 1-based pages, default 100, at most 1000 (the spec's cap). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** At most this many ids in one `service_request_id` list. */
export const MAX_IDS = 1000;

const fail = (status: Open311HttpStatus, errors: Open311Error[]): { ok: false; failure: Open311Failure } => ({
  ok: false,
  failure: { status, errors },
});
const err = (description: string, code = 400): Open311Error => ({ code, description });

/** Reads one optional scalar: absent and empty are the same; a repeated key is an error. */
function scalar(params: Params, name: string, errors: Open311Error[]): string | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) {
    const values = raw.filter((v) => typeof v === 'string' && v.trim() !== '');
    if (values.length === 0) return undefined;
    if (values.length > 1 && new Set(values).size > 1) {
      errors.push(err(`${name} was given more than once`));
      return undefined;
    }
    return String(values[0]).trim();
  }
  if (typeof raw !== 'string') {
    errors.push(err(`${name} must be a plain value`));
    return undefined;
  }
  const v = raw.trim();
  return v === '' ? undefined : v;
}

/** A comma-delimited list (also accepts the key repeated); empty items dropped, duplicates removed. */
function list(params: Params, name: string): string[] | undefined {
  const raw = params[name];
  const parts = (Array.isArray(raw) ? raw : [raw])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return parts.length === 0 ? undefined : [...new Set(parts)];
}

function booleanParam(params: Params, name: string, errors: Open311Error[]): boolean | undefined {
  const v = scalar(params, name, errors);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  errors.push(err(`${name} must be true or false`));
  return undefined;
}

function positiveInt(params: Params, name: string, errors: Open311Error[], max: number): number | undefined {
  const v = scalar(params, name, errors);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    errors.push(err(`${name} must be a whole number from 1 to ${max}`));
    return undefined;
  }
  return Number(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Jurisdiction

/**
 * `jurisdiction_id` is optional (one tenant per host). When given it must name this tenant: its domain, compared
 * case-insensitively and without a leading `www.`; another value is 404.
 */
export function checkJurisdiction(params: Params, accepted: readonly string[]): Open311Failure | null {
  const errors: Open311Error[] = [];
  const given = scalar(params, 'jurisdiction_id', errors);
  if (errors.length > 0) return { status: 400, errors };
  if (given === undefined) return null;
  const norm = (s: string): string => s.trim().toLowerCase().replace(/^www\./, '');
  if (accepted.some((a) => norm(a) === norm(given))) return null;
  return { status: 404, errors: [err(`jurisdiction_id ${given} not found`, 404)] };
}

// ---------------------------------------------------------------------------------------------------------------
// GET requests

export interface GetRequestsContext {
  now: Date;
  /** Values of jurisdiction_id that mean this tenant (its domains). */
  jurisdictionIds: readonly string[];
  /** Zone for date-only `start_date`/`end_date` values. Default Europe/Rome. */
  timeZone?: string;
}

export type GetRequestsQuery =
  | {
      kind: 'ids';
      /** `service_request_id` overrides every other filter (spec). */
      ids: string[];
      extensions: boolean;
    }
  | {
      kind: 'search';
      serviceCodes: string[] | null;
      /** Inclusive bounds on requested_datetime. */
      start: Date;
      end: Date;
      statuses: Open311Status[] | null;
      page: number;
      pageSize: number;
      extensions: boolean;
      /** FixMyStreet filter extensions. */
      agencyResponsible: string[] | null;
      hasPhoto: boolean | null;
    };

function parseBoundary(
  params: Params,
  name: 'start_date' | 'end_date',
  errors: Open311Error[],
  timeZone: string,
): Date | undefined {
  const v = scalar(params, name, errors);
  if (v === undefined) return undefined;
  const parsed = parseW3cDateTime(v);
  switch (parsed.kind) {
    case 'instant':
      return parsed.date;
    case 'date': {
      const { year, month, day } = parsed.date;
      const ymd = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const start = startOfDay(ymd, timeZone);
      if (!start) break;
      if (name === 'start_date') return start;
      // A date-only end_date includes the whole day.
      const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
      const nextStart = startOfDay(next, timeZone);
      return nextStart ? new Date(nextStart.getTime() - 1) : undefined;
    }
    case 'no-timezone':
      errors.push(err(`${name} must include a timezone (Z or ±hh:mm), e.g. 2010-01-01T00:00:00Z`));
      return undefined;
    case 'invalid':
      break;
  }
  errors.push(err(`${name} must be a W3C datetime, e.g. 2010-01-01T00:00:00Z`));
  return undefined;
}

export function parseGetRequests(params: Params, ctx: GetRequestsContext): ParseResult<GetRequestsQuery> {
  const jurisdiction = checkJurisdiction(params, ctx.jurisdictionIds);
  if (jurisdiction) return { ok: false, failure: jurisdiction };
  const errors: Open311Error[] = [];
  const extensions = booleanParam(params, 'extensions', errors) ?? false;

  const ids = list(params, 'service_request_id');
  if (ids) {
    // The id list overrides all other arguments: the other filters are not even read.
    if (ids.length > MAX_IDS) errors.push(err(`service_request_id lists at most ${MAX_IDS} ids`));
    const bad = ids.find((id) => id.length > 64 || /[\s<>]/.test(id));
    if (bad !== undefined) errors.push(err(`service_request_id ${bad.slice(0, 64)} is not valid`));
    if (errors.length > 0) return fail(400, errors);
    return { ok: true, value: { kind: 'ids', ids, extensions } };
  }

  const timeZone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const serviceCodes = list(params, 'service_code') ?? null;
  const rawStatuses = list(params, 'status');
  let statuses: Open311Status[] | null = null;
  if (rawStatuses) {
    const lower = rawStatuses.map((s) => s.toLowerCase());
    const bad = lower.filter((s) => s !== 'open' && s !== 'closed');
    if (bad.length > 0) errors.push(err(`status must be open or closed (got ${bad.join(', ')})`));
    else statuses = [...new Set(lower as Open311Status[])];
  }

  const startGiven = parseBoundary(params, 'start_date', errors, timeZone);
  const endGiven = parseBoundary(params, 'end_date', errors, timeZone);
  const span = MAX_SPAN_DAYS * DAY_MS;
  const now = ctx.now.getTime();
  let start: number;
  let end: number;
  if (startGiven && endGiven) {
    start = startGiven.getTime();
    end = endGiven.getTime();
    if (end < start) errors.push(err('end_date is before start_date'));
    else if (end - start > span) {
      errors.push(err(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`));
    }
  } else if (startGiven) {
    start = startGiven.getTime();
    end = Math.min(start + span, Math.max(now, start));
  } else if (endGiven) {
    end = endGiven.getTime();
    start = end - span;
  } else {
    end = now;
    start = now - span;
  }

  const page = positiveInt(params, 'page', errors, 1_000_000) ?? 1;
  const pageSizeParam = positiveInt(params, 'page_size', errors, MAX_PAGE_SIZE);
  // FixMyStreet's max_requests caps the answer; it stands in for page_size when that is absent.
  const maxRequests = positiveInt(params, 'max_requests', errors, Number.MAX_SAFE_INTEGER);
  const pageSize = pageSizeParam ?? (maxRequests !== undefined ? Math.min(maxRequests, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
  const agencyResponsible = list(params, 'agency_responsible') ?? null;
  const hasPhoto = booleanParam(params, 'has_photo', errors) ?? null;

  if (errors.length > 0) return fail(400, errors);
  return {
    ok: true,
    value: {
      kind: 'search',
      serviceCodes,
      start: new Date(start),
      end: new Date(end),
      statuses,
      page,
      pageSize,
      extensions,
      agencyResponsible,
      hasPhoto,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// POST requests

export interface PostRequestContext {
  jurisdictionIds: readonly string[];
  /** Whether an API key is one an administrator issued for this tenant (and not revoked). */
  isValidApiKey: (key: string) => boolean;
  /** code → its definition (attributes), or null for a service without metadata. */
  services: ReadonlyMap<string, Open311ServiceDefinition | null>;
  /** When set, lat/long outside this box are refused (the comune's area). */
  bounds?: { south: number; west: number; north: number; east: number };
}

export interface PostRequestInput {
  /** The request's Content-Type header. */
  contentType: string | undefined;
  /** The parsed body. */
  body: unknown;
}

export type RequestLocation =
  | { kind: 'point'; lat: number; long: number; addressString: string | null; addressId: string | null }
  | { kind: 'address'; addressString: string; addressId: string | null }
  | { kind: 'address_id'; addressId: string };

/** Personal data of the submitter: stored for follow-up, never published (trap 5). */
export interface Submitter {
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

export interface NewServiceRequest {
  apiKey: string;
  serviceCode: string;
  location: RequestLocation;
  /** attribute code → value (multivaluelist: array). */
  attributes: Record<string, string | string[]>;
  submitter: Submitter;
  description: string | null;
  mediaUrl: string | null;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/;
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** Reads `attribute[CODE]=v` and `attribute[CODE][]=a&attribute[CODE][]=b` (and a nested `attribute` object). */
export function parseAttributeParams(body: Params): Map<string, { values: string[]; multi: boolean }> {
  const out = new Map<string, { values: string[]; multi: boolean }>();
  const add = (code: string, raw: unknown, multi: boolean): void => {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
    const prev = out.get(code);
    if (prev) {
      prev.values.push(...values);
      prev.multi = prev.multi || multi || values.length > 1;
    } else out.set(code, { values, multi: multi || values.length > 1 });
  };
  for (const [key, raw] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m && m[1] !== undefined) add(m[1], raw, m[2] !== undefined);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, raw] of Object.entries(nested as Record<string, unknown>)) add(code, raw, Array.isArray(raw));
  }
  for (const [code, entry] of out) {
    entry.values = entry.values.filter((v) => v !== '');
    if (entry.values.length === 0) out.delete(code);
  }
  return out;
}

function validateAttributes(
  definition: Open311ServiceDefinition | null,
  given: Map<string, { values: string[]; multi: boolean }>,
  errors: Open311Error[],
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const byCode = new Map<string, Open311Attribute>((definition?.attributes ?? []).map((a) => [a.code, a]));
  for (const code of given.keys()) {
    const a = byCode.get(code);
    if (!a || !a.variable) errors.push(err(`attribute[${code}] is not an attribute of this service`));
  }
  for (const a of byCode.values()) {
    if (!a.variable) continue;
    const entry = given.get(a.code);
    if (!entry) {
      if (a.required) errors.push(err(`attribute[${a.code}] is required (${a.description})`));
      continue;
    }
    const { values, multi } = entry;
    const keys = new Set(a.values.map((v) => String(v.key)));
    if (a.datatype === 'multivaluelist') {
      const unknown = values.filter((v) => !keys.has(v));
      if (unknown.length > 0) errors.push(err(`attribute[${a.code}] has values not in its list: ${unknown.join(', ')}`));
      else result[a.code] = [...new Set(values)];
      continue;
    }
    if (multi || values.length > 1) {
      errors.push(err(`attribute[${a.code}] takes a single value`));
      continue;
    }
    const v = values[0] ?? '';
    if ([...v].length > MAX_DESCRIPTION_LENGTH) {
      errors.push(err(`attribute[${a.code}] is longer than ${MAX_DESCRIPTION_LENGTH} characters`));
      continue;
    }
    switch (a.datatype) {
      case 'singlevaluelist':
        if (!keys.has(v)) errors.push(err(`attribute[${a.code}] must be one of: ${[...keys].join(', ')}`));
        else result[a.code] = v;
        break;
      case 'number':
        if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) errors.push(err(`attribute[${a.code}] must be a number`));
        else result[a.code] = v;
        break;
      case 'datetime': {
        const kind = parseW3cDateTime(v).kind;
        if (kind !== 'instant' && kind !== 'date') errors.push(err(`attribute[${a.code}] must be an ISO 8601 date or datetime with timezone`));
        else result[a.code] = v;
        break;
      }
      case 'string':
        if (/[\r\n]/.test(v)) errors.push(err(`attribute[${a.code}] must be a single line`));
        else result[a.code] = v;
        break;
      case 'text':
        result[a.code] = v.replace(/\r\n?/g, '\n');
        break;
    }
  }
  return result;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const PHONE = /^\+?[0-9 ()./-]+$/;
const HTML_TAG = /<\/?[A-Za-z][^>]*>|<!--|&lt;\s*script/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function textParam(body: Params, name: string, max: number, errors: Open311Error[]): string | null {
  const v = scalar(body, name, errors);
  if (v === undefined) return null;
  if ([...v].length > max) {
    errors.push(err(`${name} is longer than ${max} characters`));
    return null;
  }
  if (/[\r\n]/.test(v)) {
    errors.push(err(`${name} must be a single line`));
    return null;
  }
  return v.replace(CONTROL, '');
}

export function parsePostRequest(input: PostRequestInput, ctx: PostRequestContext): ParseResult<NewServiceRequest> {
  // The body is form-encoded, never JSON (STANDARDS.md §1.1, §1.6 trap 4).
  const mediaType = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(mediaType)) {
    return fail(400, [
      err(
        mediaType === 'application/json' || mediaType.endsWith('+json')
          ? 'The request body must be application/x-www-form-urlencoded, not JSON'
          : 'The request body must be application/x-www-form-urlencoded',
      ),
    ]);
  }
  if (!input.body || typeof input.body !== 'object' || Array.isArray(input.body)) {
    return fail(400, [err('The request body is empty')]);
  }
  const body = input.body as Params;
  const errors: Open311Error[] = [];

  const apiKey = scalar(body, 'api_key', errors);
  if (apiKey === undefined || !ctx.isValidApiKey(apiKey)) {
    return fail(403, [err(apiKey === undefined ? 'api_key is required' : 'api_key is not valid', 403)]);
  }
  const jurisdiction = checkJurisdiction(body, ctx.jurisdictionIds);
  if (jurisdiction) return { ok: false, failure: jurisdiction };

  const serviceCode = scalar(body, 'service_code', errors);
  if (serviceCode === undefined) return fail(400, [...errors, err('service_code is required')]);
  if (!ctx.services.has(serviceCode)) return fail(404, [err(`service_code ${serviceCode} not found`, 404)]);
  const definition = ctx.services.get(serviceCode) ?? null;

  // Location: lat+long, or address_string, or address_id.
  const latRaw = scalar(body, 'lat', errors);
  const longRaw = scalar(body, 'long', errors);
  const addressString = textParam(body, 'address_string', 500, errors);
  const addressId = textParam(body, 'address_id', 100, errors);
  let location: RequestLocation | null = null;
  if (latRaw !== undefined || longRaw !== undefined) {
    if (latRaw === undefined || longRaw === undefined) {
      errors.push(err('lat and long must be sent together'));
    } else if (!DECIMAL.test(latRaw) || !DECIMAL.test(longRaw)) {
      errors.push(err('lat and long must be decimal WGS84 coordinates'));
    } else {
      const lat = Number(latRaw);
      const long = Number(longRaw);
      if (lat < -90 || lat > 90 || long < -180 || long > 180) errors.push(err('lat must be within ±90 and long within ±180'));
      else if (ctx.bounds && (lat < ctx.bounds.south || lat > ctx.bounds.north || long < ctx.bounds.west || long > ctx.bounds.east)) {
        errors.push(err('The location is outside the area of this jurisdiction'));
      } else location = { kind: 'point', lat, long, addressString, addressId };
    }
  } else if (addressString !== null) {
    location = { kind: 'address', addressString, addressId };
  } else if (addressId !== null) {
    location = { kind: 'address_id', addressId };
  } else {
    errors.push(err('A location is required: lat and long, or address_string, or address_id'));
  }

  const attributes = validateAttributes(definition, parseAttributeParams(body), errors);

  const email = textParam(body, 'email', 254, errors);
  if (email !== null && !EMAIL.test(email)) errors.push(err('email is not a valid address'));
  const phone = textParam(body, 'phone', 30, errors);
  if (phone !== null && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 6)) errors.push(err('phone is not a valid number'));
  const submitter: Submitter = {
    email,
    deviceId: textParam(body, 'device_id', 200, errors),
    accountId: textParam(body, 'account_id', 200, errors),
    firstName: textParam(body, 'first_name', 100, errors),
    lastName: textParam(body, 'last_name', 100, errors),
    phone,
  };

  let description: string | null = null;
  const rawDescription = scalar(body, 'description', errors);
  if (rawDescription !== undefined) {
    const normalised = rawDescription.replace(/\r\n?/g, '\n').replace(CONTROL, '');
    if ([...normalised].length > MAX_DESCRIPTION_LENGTH) {
      errors.push(err(`description is longer than ${MAX_DESCRIPTION_LENGTH} characters`));
    } else if (HTML_TAG.test(normalised)) {
      errors.push(err('description must be plain text: HTML or code is not accepted'));
    } else description = normalised;
  }

  let mediaUrl: string | null = null;
  const rawMedia = scalar(body, 'media_url', errors);
  if (rawMedia !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(rawMedia);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || rawMedia.length > 2048) {
      errors.push(err('media_url must be an http or https URL'));
    } else mediaUrl = url.href;
  }

  if (errors.length > 0 || !location) return fail(400, errors);
  return { ok: true, value: { apiKey, serviceCode, location, attributes, submitter, description, mediaUrl } };
}

/** `GET services/{code}`, `GET requests/{id}`, `GET tokens/{token}` take only jurisdiction_id. */
export function parseSimpleGet(params: Params, jurisdictionIds: readonly string[]): ParseResult<null> {
  const failure = checkJurisdiction(params, jurisdictionIds);
  return failure ? { ok: false, failure } : { ok: true, value: null };
}
