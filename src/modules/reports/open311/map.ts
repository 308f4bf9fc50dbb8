/**
 * From piazza's reports and categories to Open311 objects. The input types list only public fields, and the
 * mappers copy fields one by one, so nothing about the reporter (name, email, phone, account, device) can reach
 * a GET response even when the caller passes a richer object (STANDARDS.md §1.6 trap 5).
 */
import {
  STATUS_MAPPING,
  type Open311Note,
  type Open311NoteType,
  type Open311Service,
  type Open311ServiceRequest,
  type PiazzaReportStatus,
} from './types.ts';

/** The spec limits a request's description to 4,000 characters. */
export const MAX_DESCRIPTION_LENGTH = 4000;

/** One report category of a tenant, as the reports module will store it. */
export interface CategoryView {
  code: string;
  name: string;
  description?: string | null;
  keywords?: readonly string[];
  group?: string | null;
  /** true when the category has extra questions (a service definition). */
  hasAttributes?: boolean;
}

/** One Open311 service per report category, named as the category (issue 4 §6). piazza answers in real time. */
export function categoryToService(c: CategoryView): Open311Service {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description ?? null,
    metadata: c.hasAttributes ?? false,
    type: 'realtime',
    keywords: c.keywords && c.keywords.length > 0 ? c.keywords.join(', ') : null,
    group: c.group ?? null,
  };
}

export interface ReportHistoryEntry {
  at: Date;
  status: PiazzaReportStatus;
  /** The public reply given with this change, if any (internal notes never come here). */
  publicNote: string | null;
}

export interface ReportPhotoView {
  url: string;
  title?: string | null;
  width?: number | null;
  height?: number | null;
  createdAt?: Date | null;
}

/** The public face of a report: what any reader may see. */
export interface ReportView {
  /** The public report number. */
  id: string;
  status: PiazzaReportStatus;
  /** The latest public reply. */
  statusNotes: string | null;
  category: { code: string; name: string };
  title?: string | null;
  description: string | null;
  /** The office handling it. */
  office: string | null;
  serviceNotice?: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  closedAt: Date | null;
  /** Target resolution time (SLA). */
  expectedAt: Date | null;
  address: string | null;
  addressId?: string | null;
  zipcode?: string | null;
  lat: number | null;
  lon: number | null;
  photos?: readonly ReportPhotoView[];
  channel?: string | null;
  history?: readonly ReportHistoryEntry[];
  attributes?: readonly { code: string; label: string; value: string; valueName?: string | null }[];
}

/** Plain text within the spec's 4,000 characters (counted in code points), CRLF normalised. */
export function publicText(text: string | null | undefined, max = MAX_DESCRIPTION_LENGTH): string | null {
  if (text === null || text === undefined) return null;
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return null;
  const chars = [...normalised];
  return chars.length <= max ? normalised : chars.slice(0, max).join('');
}

function noteType(status: PiazzaReportStatus): Open311NoteType {
  switch (status) {
    case 'submitted':
      return 'submitted';
    case 'accepted':
      return 'opened';
    case 'duplicate':
      return 'duplicate';
    case 'forwarded':
      return 'forwarded';
    case 'resolved':
    case 'closed':
    case 'rejected':
      return 'closed';
    default:
      return 'activity';
  }
}

export interface ToRequestOptions {
  /** Add the `extensions=true` fields (notes, extended_attributes, attributes, title). */
  extensions?: boolean;
}

export function reportToRequest(r: ReportView, opts: ToRequestOptions = {}): Open311ServiceRequest {
  const mapping = STATUS_MAPPING[r.status];
  const closed = mapping.open311 === 'closed';
  const photos = r.photos ?? [];
  const out: Open311ServiceRequest = {
    service_request_id: String(r.id),
    status: mapping.open311,
    status_notes: publicText(r.statusNotes),
    service_name: r.category.name,
    service_code: r.category.code,
    description: publicText(r.description),
    agency_responsible: r.office,
    service_notice: publicText(r.serviceNotice ?? null),
    requested_datetime: r.createdAt,
    // For closed requests, updated_datetime is the closing time.
    updated_datetime: closed ? (r.closedAt ?? r.updatedAt ?? r.createdAt) : (r.updatedAt ?? r.createdAt),
    expected_datetime: r.expectedAt,
    address: r.address,
    address_id: r.addressId ?? null,
    zipcode: r.zipcode ?? null,
    lat: r.lat,
    long: r.lon,
    media_url: photos[0]?.url ?? null,
  };
  if (opts.extensions) {
    const history = [...(r.history ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    const notes: Open311Note[] = history.map((h) => ({ datetime: h.at, description: publicText(h.publicNote), type: noteType(h.status) }));
    out.extensions = {
      title: r.title ?? null,
      notes,
      extended_attributes: {
        channel: r.channel ?? null,
        piazza_status: r.status,
        fms_status: mapping.fms,
        photos: photos.map((p) => ({
          media_url: p.url,
          title: p.title ?? null,
          width: p.width ?? null,
          height: p.height ?? null,
          created_at: p.createdAt ?? null,
        })),
      },
      attributes: (r.attributes ?? []).map((a) => ({ label: a.label, name: a.valueName ?? a.value, value: a.value, code: a.code })),
    };
  }
  return out;
}
