import { describe, expect, it } from 'vitest';
import { CLUSTER_BELOW_ZOOM, clusterCellDegrees, mapToGeoJson, parseBbox, parsePublicFilters, toPublicReport } from './public.ts';
import type { reports } from '../schema.ts';

// The HTTP behaviour of these routes (filters, 400s, GeoJSON, clusters, tenant isolation) is tested with the pages
// in ../pages/public.test.ts on one app; here the pure parts.

describe('parsePublicFilters', () => {
  it('reads lists, state groups and Rome days with `to` included', () => {
    const { filters, errors } = parsePublicFilters({ category: 'buche, verde', status: 'open', from: '2026-03-29', to: '2026-03-29', q: ' buca ' });
    expect(errors).toEqual([]);
    expect(filters.category).toEqual(['buche', 'verde']);
    expect(filters.status).toEqual(['submitted', 'accepted', 'assigned', 'in_progress']);
    // 29 March 2026 is the day clocks go forward in Rome: midnight is 23:00Z of the day before, the day ends at 21:59:59.999Z.
    expect(filters.from?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(filters.to?.toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(filters.q).toBe('buca');
    expect(parsePublicFilters({ status: 'concluse' }).filters.status).toEqual(['resolved', 'closed', 'rejected', 'duplicate', 'forwarded']);
    expect(parsePublicFilters({ status: 'closed' }).filters.status).toEqual(['closed']);
  });

  it('reports each bad field', () => {
    const { errors } = parsePublicFilters({ from: '2026-02-30', to: '31/12/2026', status: 'lost', category: 'DROP TABLE', q: 'x'.repeat(201) });
    expect(errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['category:category', 'from:date', 'q:tooLong', 'status:status', 'to:date']);
    expect(parsePublicFilters({ from: '2026-03-02', to: '2026-03-01' }).errors).toEqual([{ field: 'to', code: 'range' }]);
  });
});

describe('map helpers', () => {
  it('parses a bbox west,south,east,north and rejects inverted or out-of-range ones', () => {
    expect(parseBbox('8.0,45.5,8.1,45.6')).toEqual([8, 45.5, 8.1, 45.6]);
    for (const bad of ['', '8,45,9', '9,45,8,46', '8,46,9,45', '8,45,181,46', '8,-91,9,46', '8,45,9,x']) expect(parseBbox(bad), bad).toBeNull();
  });

  it('sizes cells by zoom (about 64 px) and never more than 48 across the box', () => {
    const town: [number, number, number, number] = [7.9, 45.5, 8.2, 45.65];
    expect(clusterCellDegrees(town, 10)).toBe(0.088);
    expect(clusterCellDegrees(town, CLUSTER_BELOW_ZOOM - 1)).toBeLessThan(0.03);
    // Zoomed far in but asked for a big box: the box decides.
    expect(clusterCellDegrees([0, 0, 48, 10], 18)).toBe(1);
  });

  it('writes GeoJSON with [lon, lat] and the cluster flag', () => {
    const pts = mapToGeoJson({ kind: 'points', points: [{ number: 3, lat: 45.5, lon: 8.1, status: 'submitted', category: 'buche', title: 'Buca' }] });
    expect(pts).toMatchObject({ type: 'FeatureCollection', clustered: false, total: 1, features: [{ geometry: { type: 'Point', coordinates: [8.1, 45.5] }, properties: { number: 3, url: '/segnalazioni/3', cluster: false } }] });
    const cl = mapToGeoJson({ kind: 'clusters', clusters: [{ lat: 45, lon: 8, count: 12 }], total: 12, cellDegrees: 0.1 });
    expect(cl).toMatchObject({ clustered: true, total: 12, features: [{ properties: { cluster: true, count: 12 } }] });
  });
});

describe('toPublicReport', () => {
  it('keeps public fields only and masks contacts written in the text', () => {
    const row = {
      tenantId: 't',
      id: 'i',
      number: 9,
      categoryCode: 'buche',
      title: 'Buca',
      description: 'Scrivetemi a mario@example.org o al 333 1234567',
      status: 'resolved',
      priority: 'media',
      lat: 45.123456,
      lon: 8.987654,
      address: 'Via Roma 1',
      area: 'Centro',
      officeSlug: 'lavori-pubblici',
      officeName: 'Lavori pubblici',
      assignedTo: 'staff-id',
      source: 'web',
      apiKeyId: null,
      externalId: null,
      locale: 'it',
      citizenId: 'citizen-id',
      reporterName: 'Mario Rossi',
      reporterEmail: 'mario@example.org',
      reporterPhone: '3331234567',
      aiSuggestion: { secret: true },
      categoryConfirmedAt: null,
      categoryConfirmedBy: 'staff-id',
      duplicateOf: null,
      forwardedTo: null,
      publicReply: 'Fatto',
      dueAt: null,
      acceptedAt: null,
      resolvedAt: new Date('2026-01-02T00:00:00Z'),
      closedAt: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-02T00:00:00Z'),
    } satisfies typeof reports.$inferSelect;
    const p = toPublicReport(row, { categoryName: 'Buche e manto stradale' });
    const json = JSON.stringify(p);
    for (const secret of ['Mario Rossi', 'mario@example.org', '3331234567', '333 1234567', 'citizen-id', 'staff-id', 'secret']) expect(json).not.toContain(secret);
    expect(p).toMatchObject({ number: 9, lat: 45.1235, lon: 8.9877, address: 'Via Roma 1', office: { name: 'Lavori pubblici' }, overdue: false });
  });
});
