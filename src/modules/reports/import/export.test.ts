import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { exportReportsCsv, exportReportsGeoJson, redactText, roundCoordinate, type ExportableReport } from './export.ts';

type WithPersonalData = ExportableReport & Record<string, unknown>;

const reports: WithPersonalData[] = [
  {
    id: '2024-000001',
    categoryCode: 'buche',
    categoryName: 'Buche e manto stradale',
    status: 'resolved',
    createdAt: new Date('2024-07-01T08:30:00Z'),
    closedAt: new Date('2024-07-05T15:00:00Z'),
    lat: 44.913345678,
    lon: 8.615349999,
    publicDescription: 'Buca in via Dante, "profonda"; scrivetemi a mario.rossi@example.it o al 333 123 4567',
    // Fields the export must never copy:
    email: 'mario.rossi@example.it',
    firstName: 'Mario',
    lastName: 'Rossi',
    name: 'Mario Rossi',
    phone: '+39 333 1234567',
    accountId: 'acc-1',
    internalNotes: 'chiamato il cittadino',
  },
  {
    id: '2024-000002',
    categoryCode: 'verde',
    status: 'accepted',
    createdAt: new Date('2024-01-15T12:00:00Z'),
    closedAt: null,
    lat: null,
    lon: null,
    publicDescription: '=HYPERLINK("http://x")',
    reporter: { email: 'anna@example.it', phone: '0131 555555' },
  },
];

const PERSONAL_KEYS = /^(email|e-mail|name|first_?name|last_?name|phone|telefono|account_?id|device_?id|reporter|internal_?notes)$/i;

function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

describe('open-data export', () => {
  it('CSV: header of public columns only, values rounded, dates with offset, no personal data', () => {
    const csv = exportReportsCsv(reports);
    const rows = parseCsv(csv);
    expect(rows[0]!.fields).toEqual(['id', 'category', 'category_name', 'status', 'open311_status', 'created_at', 'closed_at', 'lat', 'lon', 'description']);
    for (const header of rows[0]!.fields) expect(header).not.toMatch(PERSONAL_KEYS);
    expect(rows[1]!.fields).toEqual([
      '2024-000001',
      'buche',
      'Buche e manto stradale',
      'resolved',
      'closed',
      '2024-07-01T10:30:00+02:00',
      '2024-07-05T17:00:00+02:00',
      '44.9133',
      '8.6153',
      'Buca in via Dante, "profonda"; scrivetemi a [email rimossa] o al [telefono rimosso]',
    ]);
    // Formula-like text is neutralised for spreadsheets; missing position = empty cells.
    expect(rows[2]!.fields).toEqual(['2024-000002', 'verde', '', 'accepted', 'open', '2024-01-15T13:00:00+01:00', '', '', '', `'=HYPERLINK("http://x")`]);
    for (const secret of ['Mario', 'Rossi', 'mario.rossi', '1234567', 'acc-1', 'chiamato', 'anna@', '555555']) expect(csv).not.toContain(secret);
  });

  it('GeoJSON: a valid FeatureCollection with [lon, lat] points and no personal keys', () => {
    const fc = exportReportsGeoJson(reports);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(2);
    const [a, b] = fc.features;
    expect(a!.type).toBe('Feature');
    expect(a!.geometry).toEqual({ type: 'Point', coordinates: [8.6153, 44.9133] });
    const [lon, lat] = a!.geometry!.coordinates;
    expect(lon).toBeGreaterThanOrEqual(-180);
    expect(lon).toBeLessThanOrEqual(180);
    expect(lat).toBeGreaterThanOrEqual(-90);
    expect(lat).toBeLessThanOrEqual(90);
    expect(b!.geometry).toBeNull();
    expect(a!.properties).toEqual({
      id: '2024-000001',
      category: 'buche',
      category_name: 'Buche e manto stradale',
      status: 'resolved',
      open311_status: 'closed',
      created_at: '2024-07-01T10:30:00+02:00',
      closed_at: '2024-07-05T17:00:00+02:00',
      description: 'Buca in via Dante, "profonda"; scrivetemi a [email rimossa] o al [telefono rimosso]',
    });
    for (const key of allKeys(fc)) expect(key).not.toMatch(PERSONAL_KEYS);
    const text = JSON.stringify(fc);
    for (const secret of ['Mario', 'mario.rossi', 'anna@', '555555', 'acc-1']) expect(text).not.toContain(secret);
    // Round trip through JSON keeps it the same object (plain data only).
    expect(JSON.parse(text)).toEqual(fc);
  });

  it('rounds coordinates to about 10 m', () => {
    expect(roundCoordinate(44.91334999)).toBe(44.9133);
    expect(roundCoordinate(-0.00001)).toBe(0);
    expect(roundCoordinate(Number.NaN)).toBeNull();
    // 4 decimals of latitude are ≈ 11 m.
    expect(Math.abs(44.91334999 - roundCoordinate(44.91334999)!) * 111_320).toBeLessThan(10);
  });

  it('masks e-mail addresses and phone numbers but keeps house numbers and postcodes', () => {
    expect(redactText('Via Roma 12, 15121 Alessandria')).toBe('Via Roma 12, 15121 Alessandria');
    expect(redactText('tel. +39 0131-515111 oppure x@y.it')).toBe('tel. [telefono rimosso] oppure [email rimossa]');
    expect(redactText(null)).toBeNull();
  });
});
