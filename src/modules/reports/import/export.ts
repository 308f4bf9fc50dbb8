/**
 * Open-data export of reports as CSV and GeoJSON, without personal data (issue 4 §7).
 *
 * Only listed fields are copied (id, category, status, dates, position, public description), so whatever else
 * the caller's objects carry (reporter name, email, phone, account, internal notes) never reaches the output.
 * Positions are rounded to 4 decimals (≈ 11 m of latitude, ≈ 8 m of longitude in Italy) and e-mail addresses or
 * phone numbers a citizen typed into the public description are masked.
 */
import { DEFAULT_TIME_ZONE, formatW3cDateTime } from '../open311/datetime.ts';
import { toOpen311Status, type PiazzaReportStatus } from '../open311/types.ts';
import { toCsv, type CsvValue } from './csv.ts';

export interface ExportableReport {
  id: string;
  categoryCode: string;
  categoryName?: string | null;
  status: PiazzaReportStatus;
  createdAt: Date;
  closedAt: Date | null;
  lat: number | null;
  lon: number | null;
  /** The description as published on the public pages. */
  publicDescription: string | null;
}

export interface ExportOptions {
  /** Default Europe/Rome. */
  timeZone?: string;
  /** CSV separator, default `,`. */
  separator?: string;
}

/** 4 decimal places ≈ 10 m. */
export const COORDINATE_DECIMALS = 4;

export function roundCoordinate(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** COORDINATE_DECIMALS;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

const EMAIL_IN_TEXT = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}/g;
// Sequences of at least 8 digits, possibly separated by spaces, dots, dashes or slashes, optionally with +.
const PHONE_IN_TEXT = /(?<![\w.])\+?\d(?:[ ./-]?\d){7,}(?![\w])/g;

/** The public description with e-mail addresses and phone numbers masked. */
export function redactText(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(EMAIL_IN_TEXT, '[email rimossa]').replace(PHONE_IN_TEXT, '[telefono rimosso]');
}

export interface ExportRow {
  id: string;
  category: string;
  category_name: string | null;
  status: PiazzaReportStatus;
  open311_status: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  lat: number | null;
  lon: number | null;
  description: string | null;
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'id',
  'category',
  'category_name',
  'status',
  'open311_status',
  'created_at',
  'closed_at',
  'lat',
  'lon',
  'description',
];

/** One report as an export row: a whitelist of public fields. */
export function toExportRow(r: ExportableReport, options: ExportOptions = {}): ExportRow {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const hasPoint = r.lat !== null && r.lon !== null && Number.isFinite(r.lat) && Number.isFinite(r.lon);
  return {
    id: String(r.id),
    category: r.categoryCode,
    category_name: r.categoryName ?? null,
    status: r.status,
    open311_status: toOpen311Status(r.status),
    created_at: formatW3cDateTime(r.createdAt, tz),
    closed_at: r.closedAt ? formatW3cDateTime(r.closedAt, tz) : null,
    lat: hasPoint ? roundCoordinate(r.lat) : null,
    lon: hasPoint ? roundCoordinate(r.lon) : null,
    description: redactText(r.publicDescription),
  };
}

/** A spreadsheet would run text starting with = + - @ as a formula: prefix such text with an apostrophe. */
function spreadsheetSafe(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV with a header row (RFC 4180, CRLF). */
export function exportReportsCsv(reports: Iterable<ExportableReport>, options: ExportOptions = {}): string {
  const rows: CsvValue[][] = [[...EXPORT_COLUMNS]];
  for (const r of reports) {
    const row = toExportRow(r, options);
    rows.push(
      EXPORT_COLUMNS.map((c) => (c === 'description' || c === 'category_name' ? spreadsheetSafe(row[c]) : row[c])),
    );
  }
  return toCsv(rows, { separator: options.separator ?? ',' });
}

export interface GeoJsonPoint {
  type: 'Point';
  /** [longitude, latitude] (RFC 7946 §3.1.1). */
  coordinates: [number, number];
}

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJsonPoint | null;
  properties: Omit<ExportRow, 'lat' | 'lon'>;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

/** RFC 7946 FeatureCollection; a report without a position has `geometry: null` (allowed by §3.2). */
export function exportReportsGeoJson(reports: Iterable<ExportableReport>, options: ExportOptions = {}): GeoJsonFeatureCollection {
  const features: GeoJsonFeature[] = [];
  for (const r of reports) {
    const { lat, lon, ...properties } = toExportRow(r, options);
    features.push({
      type: 'Feature',
      id: properties.id,
      geometry: lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null,
      properties,
    });
  }
  return { type: 'FeatureCollection', features };
}
