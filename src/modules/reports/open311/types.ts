/**
 * Open311 GeoReport v2 objects (frozen spec, open311.github.io GeoReport_v2; facts in shared/STANDARDS.md §1),
 * and the mapping from piazza's report lifecycle to the two Open311 statuses.
 *
 * Pure types and constants: nothing here touches the database or HTTP. Identifiers that the spec's samples print
 * as bare numbers (`"service_code":001`, invalid JSON) are strings here (STANDARDS.md §1.6 trap 1); only
 * `lat`/`long` (and attribute `order`, attribute value keys excepted) are numbers.
 */

/** The two formats every resource is served in (`services.xml`, `requests/12.json`). XML is mandatory. */
export type Open311Format = 'xml' | 'json';

export const OPEN311_FORMATS: readonly Open311Format[] = ['xml', 'json'];

export const OPEN311_CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The specification URL a discovery endpoint points at. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

// ---------------------------------------------------------------------------------------------------------------
// Discovery (Service_Discovery.md)

export interface Open311DiscoveryEndpoint {
  specification: string;
  url: string;
  /** Sortable string; a change tells clients to refresh their cached services. */
  changeset: string;
  type: 'production' | 'test';
  /** MIME types, e.g. `text/xml`, `application/json`. */
  formats: string[];
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  /** How an app obtains an API key. */
  key_service: string;
  endpoints: Open311DiscoveryEndpoint[];
}

// ---------------------------------------------------------------------------------------------------------------
// Services

/** realtime: id at once · batch: a token, id later via GET tokens · blackbox: nothing. */
export type Open311ServiceType = 'realtime' | 'batch' | 'blackbox';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  /** true = a service definition (attributes) exists at `services/{code}.{fmt}`. */
  metadata: boolean;
  type: Open311ServiceType;
  /** Comma-separated list of tags. */
  keywords: string | null;
  group: string | null;
}

export type Open311AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export const OPEN311_ATTRIBUTE_DATATYPES: readonly Open311AttributeDatatype[] = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
];

export interface Open311AttributeValue {
  /** Emitted as a string even when it looks numeric (trap 1). */
  key: string;
  name: string;
}

export interface Open311Attribute {
  /** false = information text only, no input expected. */
  variable: boolean;
  code: string;
  datatype: Open311AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  /** Positive, unique within the service; 1 is shown first. */
  order: number;
  /** The question shown to the person. */
  description: string;
  /** Only for singlevaluelist / multivaluelist; empty otherwise. */
  values: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

// ---------------------------------------------------------------------------------------------------------------
// Service requests

export type Open311Status = 'open' | 'closed';

export const OPEN311_STATUSES: readonly Open311Status[] = ['open', 'closed'];

/**
 * A service request as GET requests / GET requests/{id} return it, fields in the spec's order. Missing values are
 * `null` (JSON `null`, XML empty element). `updated_datetime` is the closing time when `status` is closed.
 */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: Date;
  updated_datetime: Date | null;
  expected_datetime: Date | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** Only with `extensions=true` (STANDARDS.md §1.7); never contains personal data of the reporter. */
  extensions?: Open311RequestExtensions;
}

/** Extension fields added by `extensions=true` (Chicago/Bloomington style, STANDARDS.md §1.7). */
export interface Open311RequestExtensions {
  /** The report's title (FixMyStreet read extra `title`). */
  title: string | null;
  notes: Open311Note[];
  extended_attributes: Open311ExtendedAttributes;
  attributes: Open311RequestAttribute[];
}

export type Open311NoteType = 'submitted' | 'opened' | 'activity' | 'closed' | 'reopened' | 'duplicate' | 'forwarded';

export interface Open311Note {
  datetime: Date;
  description: string | null;
  type: Open311NoteType;
}

export interface Open311Photo {
  media_url: string;
  title: string | null;
  width: number | null;
  height: number | null;
  created_at: Date | null;
}

export interface Open311ExtendedAttributes {
  /** How the report arrived: web, app, open311, phone, email, import… */
  channel: string | null;
  /** piazza's own status code (finer than open/closed). */
  piazza_status: PiazzaReportStatus;
  /** The FixMyStreet extended status equivalent (what FMS clients speak). */
  fms_status: FmsStatus;
  photos: Open311Photo[];
}

export interface Open311RequestAttribute {
  label: string;
  name: string;
  value: string;
  code: string;
}

/** One element of a POST requests reply: `service_request_id` xor `token`. */
export type Open311PostResponse =
  | { service_request_id: string; token?: never; service_notice: string | null; account_id: string | null }
  | { token: string; service_request_id?: never; service_notice: string | null; account_id: string | null };

/** One element of a GET tokens/{token} reply. */
export interface Open311TokenResponse {
  service_request_id: string | null;
  token: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** HTTP statuses the spec allows: 404 not found, 403 API key, 400 everything else. */
export type Open311HttpStatus = 400 | 403 | 404;

export interface Open311Error {
  /** Usually the HTTP status; may be a finer application code. */
  code: number;
  description: string;
}

export interface Open311Failure {
  status: Open311HttpStatus;
  errors: Open311Error[];
}

// ---------------------------------------------------------------------------------------------------------------
// piazza's report lifecycle and its mapping

/** The life of a piazza report (issue 4 §2). */
export const PIAZZA_REPORT_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'forwarded',
] as const;

export type PiazzaReportStatus = (typeof PIAZZA_REPORT_STATUSES)[number];

/** FixMyStreet / open311-adapter extended statuses (STANDARDS.md §1.7). */
export const FMS_STATUSES = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'FOR_TRIAGE',
  'CANCELLED',
  'REOPEN',
] as const;

export type FmsStatus = (typeof FMS_STATUSES)[number];

export interface StatusMapping {
  open311: Open311Status;
  fms: FmsStatus;
  /** The Italian label used by Municipium-style apps and our public pages. */
  labelIt: string;
}

/**
 * piazza status → Open311 status, FMS extended status and Italian label (after STANDARDS.md §1.5, adapted to the
 * lifecycle of issue 4: "in carico" is `assigned`, "annullata" imports as `rejected`, "non di competenza" is
 * `forwarded`).
 */
export const STATUS_MAPPING: Readonly<Record<PiazzaReportStatus, StatusMapping>> = {
  submitted: { open311: 'open', fms: 'FOR_TRIAGE', labelIt: 'da smistare' },
  accepted: { open311: 'open', fms: 'OPEN', labelIt: 'aperta' },
  assigned: { open311: 'open', fms: 'IN_PROGRESS', labelIt: 'in carico' },
  in_progress: { open311: 'open', fms: 'IN_PROGRESS', labelIt: 'in lavorazione' },
  resolved: { open311: 'closed', fms: 'FIXED', labelIt: 'risolta' },
  closed: { open311: 'closed', fms: 'CLOSED', labelIt: 'chiusa' },
  rejected: { open311: 'closed', fms: 'CANCELLED', labelIt: 'annullata' },
  duplicate: { open311: 'closed', fms: 'DUPLICATE', labelIt: 'duplicata' },
  forwarded: { open311: 'closed', fms: 'NOT_COUNCILS_RESPONSIBILITY', labelIt: 'non di competenza' },
};

export function toOpen311Status(status: PiazzaReportStatus): Open311Status {
  return STATUS_MAPPING[status].open311;
}

export function toFmsStatus(status: PiazzaReportStatus): FmsStatus {
  return STATUS_MAPPING[status].fms;
}

/** The piazza statuses that an Open311 `status` filter value selects. */
export function piazzaStatusesFor(status: Open311Status): PiazzaReportStatus[] {
  return PIAZZA_REPORT_STATUSES.filter((s) => STATUS_MAPPING[s].open311 === status);
}

export function isPiazzaReportStatus(value: string): value is PiazzaReportStatus {
  return (PIAZZA_REPORT_STATUSES as readonly string[]).includes(value);
}
