import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { reports } from '../schema.ts';
import { REPORT_STATUSES, isOpen } from '../domain.ts';
import { startOfDay } from '../open311/datetime.ts';
import { redactText, roundCoordinate } from '../import/export.ts';
import { categoryName, listCategories } from '../categories.ts';
import { getReport, getReportByNumber, isOverdue, listReports, reportHistory, reportPhotos, type ReportFilters } from '../repository.ts';

/**
 * The public read side of the reports: the filters shared by the public pages and the JSON API, the map query
 * (points, or grid clusters computed in SQL), the public shape of a report (no personal data, ever) and the
 * routes GET /api/v1/reports, /api/v1/reports/map and /api/v1/reports/{number}.
 */

type ReportRow = typeof reports.$inferSelect;
type Locale = 'it' | 'en';

// ——— Filters (pages and API) ———

/** The filters as typed in the form or the query string (strings, kept to re-show the form). */
export interface PublicFilterInput {
  category: string;
  status: string;
  from: string;
  to: string;
  area: string;
  q: string;
}

export interface FilterError {
  field: keyof PublicFilterInput | 'bbox' | 'zoom';
  /** i18n key under reports.public.error.* (pages) — also a readable English text for the API. */
  code: 'date' | 'range' | 'status' | 'category' | 'tooLong' | 'bbox' | 'zoom';
}

/** Public filters as the repository and the map query take them. */
export interface PublicFilters {
  category?: string[];
  status?: string[];
  from?: Date;
  /** Inclusive: the last instant of the `to` day in Rome. */
  to?: Date;
  area?: string;
  q?: string;
}

export const FILTER_LIMITS = { q: 200, area: 100, list: 20 } as const;
const CODE_RE = /^[a-z0-9_-]{1,40}$/;

/** `"a,b"` (or repeated values joined by the caller) into a clean list. */
function splitList(v: string): string[] {
  return [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Status filter words: a state, or a group — `open` (or `aperte`): still to be solved; `concluded` (or `concluse`):
 * every other state. (`closed` is the state, not the group.)
 */
function expandStatus(list: string[]): string[] | null {
  const out = new Set<string>();
  for (const s of list) {
    if (s === 'open' || s === 'aperte') REPORT_STATUSES.filter((x) => isOpen(x)).forEach((x) => out.add(x));
    else if (s === 'concluded' || s === 'concluse') REPORT_STATUSES.filter((x) => !isOpen(x)).forEach((x) => out.add(x));
    else if ((REPORT_STATUSES as readonly string[]).includes(s)) out.add(s);
    else return null;
  }
  return [...out];
}

/**
 * Read the public filters. Dates are `YYYY-MM-DD` days in Rome, `to` included; an impossible date, `from` after
 * `to`, an unknown state or an over-long text is an error on that field (the page shows it, the API answers 400).
 */
export function parsePublicFilters(raw: Partial<Record<keyof PublicFilterInput, string | undefined>>): {
  input: PublicFilterInput;
  filters: PublicFilters;
  errors: FilterError[];
} {
  const input: PublicFilterInput = {
    category: (raw.category ?? '').trim(),
    status: (raw.status ?? '').trim(),
    from: (raw.from ?? '').trim(),
    to: (raw.to ?? '').trim(),
    area: (raw.area ?? '').trim(),
    q: (raw.q ?? '').trim(),
  };
  const errors: FilterError[] = [];
  const filters: PublicFilters = {};
  if (input.category) {
    const list = splitList(input.category);
    if (list.length > FILTER_LIMITS.list || !list.every((c) => CODE_RE.test(c))) errors.push({ field: 'category', code: 'category' });
    else filters.category = list;
  }
  if (input.status) {
    const list = expandStatus(splitList(input.status));
    if (!list) errors.push({ field: 'status', code: 'status' });
    else filters.status = list;
  }
  if (input.from) {
    const d = startOfDay(input.from);
    if (!d) errors.push({ field: 'from', code: 'date' });
    else filters.from = d;
  }
  if (input.to) {
    const d = startOfDay(input.to);
    if (!d) errors.push({ field: 'to', code: 'date' });
    else {
      // The next day's midnight in Rome (DST-safe: noon + 1 day, then that day's start), minus 1 ms.
      const next = new Date(d.getTime() + 36 * 3600 * 1000).toISOString().slice(0, 10);
      filters.to = new Date((startOfDay(next) ?? d).getTime() - 1);
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.push({ field: 'to', code: 'range' });
  if (input.area) {
    if (input.area.length > FILTER_LIMITS.area) errors.push({ field: 'area', code: 'tooLong' });
    else filters.area = input.area;
  }
  if (input.q) {
    if (input.q.length > FILTER_LIMITS.q) errors.push({ field: 'q', code: 'tooLong' });
    else filters.q = input.q;
  }
  return { input, filters, errors };
}

export function toReportFilters(f: PublicFilters): ReportFilters {
  const out: ReportFilters = {};
  if (f.category) out.category = f.category;
  if (f.status) out.status = f.status;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.area) out.area = f.area;
  if (f.q) out.q = f.q;
  return out;
}

const ERROR_TEXT: Record<FilterError['code'], string> = {
  date: 'not a valid date (YYYY-MM-DD)',
  range: 'must not be before "from"',
  status: 'unknown state',
  category: 'invalid category code',
  tooLong: 'too long',
  bbox: 'must be west,south,east,north in degrees, west < east and south < north',
  zoom: 'must be an integer from 0 to 22',
};

function validationProblem(errors: FilterError[]) {
  return httpProblem('validation', {
    detail: 'Some query parameters are invalid.',
    errors: errors.map((e) => ({ field: e.field, message: ERROR_TEXT[e.code] })),
  });
}

// ——— The map query ———

export interface MapParams {
  /** west, south, east, north (degrees). */
  bbox: [number, number, number, number];
  filters?: PublicFilters;
  /** The map's zoom level; below CLUSTER_BELOW_ZOOM the answer is always clusters. */
  zoom?: number;
  /** More points than this in the box → clusters (default MAX_MAP_POINTS). */
  maxPoints?: number;
}

export interface MapPoint {
  number: number;
  lat: number;
  lon: number;
  status: string;
  category: string;
  title: string;
}

export interface MapCluster {
  lat: number;
  lon: number;
  count: number;
}

export type MapResult = { kind: 'points'; points: MapPoint[] } | { kind: 'clusters'; clusters: MapCluster[]; total: number; cellDegrees: number };

export const MAX_MAP_POINTS = 2000;
/** At zoom 12 a whole town fits on a phone: below it the server clusters. */
export const CLUSTER_BELOW_ZOOM = 13;
/** At most this many grid cells across the box, whatever the zoom. */
const MAX_CELLS_ACROSS = 48;

export function parseBbox(v: string): [number, number, number, number] | null {
  const parts = v.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [w, s, e, n] = parts as [number, number, number, number];
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

/** Conditions of the public filters on `reports` (under RLS: the tenant is the transaction's). */
function filterConditions(f: PublicFilters): SQL[] {
  const c: SQL[] = [];
  if (f.category?.length) c.push(inArray(reports.categoryCode, f.category));
  if (f.status?.length) c.push(inArray(reports.status, f.status));
  if (f.from) c.push(gte(reports.createdAt, f.from));
  if (f.to) c.push(lte(reports.createdAt, f.to));
  if (f.area) c.push(eq(reports.area, f.area));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(sql`(${reports.title} ilike ${like} or ${reports.description} ilike ${like})`);
  }
  return c;
}

/**
 * The box as plain comparisons on lon/lat, with the tenant stated explicitly.
 *
 * Why not `point(lon, lat) <@ box(...)` and the GiST index reports_location_idx: under row-level security the
 * planner may only use an index condition whose operator is LEAKPROOF before the tenant policy, and `<@` (on_pb)
 * is not, so as the app role the GiST index is never used (measured on PostgreSQL 15, 1M rows / 100 tenants: the
 * query scans the tenant's 10,000 rows, 25 ms for a street-sized box). float8 and uuid comparisons are leakproof:
 * with a btree index on (tenant_id, lon, lat) the same box is one index range (0.2 ms). The explicit tenant
 * condition repeats the policy so that the index is also used without RLS (benchmarks as a superuser).
 */
function inBox([w, s, e, n]: [number, number, number, number]): SQL {
  return sql`${reports.tenantId} = nullif(current_setting('app.tenant_id', true), '')::uuid and ${reports.lon} >= ${w}::float8 and ${reports.lon} <= ${e}::float8 and ${reports.lat} >= ${s}::float8 and ${reports.lat} <= ${n}::float8`;
}

/** Width of a grid cell in degrees: ~64 px at `zoom` (256 px tiles), never more than MAX_CELLS_ACROSS cells across the box. */
export function clusterCellDegrees(bbox: [number, number, number, number], zoom?: number): number {
  const span = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
  const byZoom = zoom === undefined ? 0 : 360 / 2 ** zoom / 4;
  const bySpan = span / MAX_CELLS_ACROSS;
  // A round number of a few significant digits: the cell is inlined in the SQL text (same text in select and group by).
  const cell = Math.max(byZoom, bySpan, 1e-6);
  const p = 10 ** (Math.floor(Math.log10(cell)) - 1);
  return Number((Math.ceil(cell / p) * p).toPrecision(2));
}

/**
 * The reports of the map box with the public filters: points when few enough and zoomed in, else grid clusters
 * (count and centroid per cell, computed in SQL). Both read only the box (see inBox for the index).
 * Exported for the benchmark (bench/reports-map.ts): call it inside withTenantTx.
 */
export async function mapQuery(tx: Tx, params: MapParams): Promise<MapResult> {
  const where = and(inBox(params.bbox), ...filterConditions(params.filters ?? {}));
  const maxPoints = params.maxPoints ?? MAX_MAP_POINTS;
  if (params.zoom === undefined || params.zoom >= CLUSTER_BELOW_ZOOM) {
    const rows = await tx
      .select({ number: reports.number, lat: reports.lat, lon: reports.lon, status: reports.status, category: reports.categoryCode, title: reports.title })
      .from(reports)
      .where(where)
      .limit(maxPoints + 1);
    if (rows.length <= maxPoints) {
      return {
        kind: 'points',
        points: rows.map((r) => ({
          number: r.number,
          lat: roundCoordinate(r.lat) ?? 0,
          lon: roundCoordinate(r.lon) ?? 0,
          status: r.status,
          category: r.category,
          title: redactText(r.title) ?? '',
        })),
      };
    }
  }
  const cell = clusterCellDegrees(params.bbox, params.zoom);
  // A computed number, not user text: inlined so select and group by are the very same expressions.
  const c = sql.raw(String(cell));
  const gx = sql`floor(${reports.lon} / ${c})`;
  const gy = sql`floor(${reports.lat} / ${c})`;
  const rows = await tx
    .select({
      count: sql<number>`count(*)::int`,
      lat: sql<number>`avg(${reports.lat})::float8`,
      lon: sql<number>`avg(${reports.lon})::float8`,
    })
    .from(reports)
    .where(where)
    .groupBy(gx, gy);
  const clusters = rows.map((r) => ({ count: Number(r.count), lat: roundCoordinate(Number(r.lat)) ?? 0, lon: roundCoordinate(Number(r.lon)) ?? 0 }));
  return { kind: 'clusters', clusters, total: clusters.reduce((a, b) => a + b.count, 0), cellDegrees: cell };
}

// ——— The public shape of a report ———

export interface PublicReport {
  number: number;
  url: string;
  title: string;
  description: string;
  category: { code: string; name: string };
  status: string;
  createdAt: string;
  updatedAt: string;
  area: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  office: { slug: string | null; name: string } | null;
  overdue: boolean;
  publicReply: string | null;
  duplicateOf: number | null;
  forwardedTo: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

export const reportPath = (n: number) => `/segnalazioni/${n}`;
export const photoPath = (n: number, photoId: string) => `/segnalazioni/${n}/foto/${photoId}`;

/** A whitelist of public fields: the reporter's name, e-mail, phone and citizen id never leave this function. */
export function toPublicReport(r: ReportRow, o: { categoryName: string; duplicateOfNumber?: number | null; now?: Date }): PublicReport {
  return {
    number: r.number,
    url: reportPath(r.number),
    title: redactText(r.title) ?? '',
    description: redactText(r.description) ?? '',
    category: { code: r.categoryCode, name: o.categoryName },
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    area: r.area,
    address: r.address,
    lat: roundCoordinate(r.lat),
    lon: roundCoordinate(r.lon),
    office: r.officeName ? { slug: r.officeSlug, name: r.officeName } : null,
    overdue: isOverdue(r, o.now),
    publicReply: redactText(r.publicReply),
    duplicateOf: o.duplicateOfNumber ?? null,
    forwardedTo: r.forwardedTo,
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
  };
}

/** Category code → name in `locale`, for every category of the tenant (inactive ones included: old reports use them). */
export async function categoryNames(tx: Tx, locale: Locale): Promise<Map<string, string>> {
  const cats = await listCategories(tx);
  return new Map(cats.map((c) => [c.code, categoryName(c, locale)]));
}

/** A report by its public number with what its public page shows; null when there is none for this comune. */
export async function publicReportDetail(tx: Tx, n: number, locale: Locale) {
  const r = await getReportByNumber(tx, n);
  if (!r) return null;
  const names = await categoryNames(tx, locale);
  const target = r.duplicateOf ? await getReport(tx, r.duplicateOf) : null;
  const history = await reportHistory(tx, r.id, { publicOnly: true });
  const photos = (await reportPhotos(tx, r.id, { publicOnly: true })).filter((p) => !p.hidden);
  return {
    row: r,
    report: toPublicReport(r, { categoryName: names.get(r.categoryCode) ?? r.categoryCode, duplicateOfNumber: target?.number ?? null }),
    // Only what the public may see of each event: when, which change, the public reply. Never notes nor actors.
    timeline: history
      .filter((e) => e.toStatus || e.publicReply)
      .map((e) => ({ at: e.at, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, publicReply: redactText(e.publicReply) })),
    photos: photos.map((p) => ({ id: p.id, url: photoPath(r.number, p.id) })),
  };
}

// ——— JSON API ———

const DateParam = Type.String({ maxLength: 10, description: 'A day, YYYY-MM-DD (Europe/Rome)' });
const FilterQuery = {
  category: Type.Optional(Type.String({ maxLength: 400, description: 'Category codes, comma-separated' })),
  status: Type.Optional(Type.String({ maxLength: 200, description: 'States, comma-separated; or the groups `open` (to be solved) and `concluded` (every other state)' })),
  from: Type.Optional(DateParam),
  to: Type.Optional({ ...DateParam, description: 'Last day included, YYYY-MM-DD (Europe/Rome)' }),
  area: Type.Optional(Type.String({ maxLength: FILTER_LIMITS.area })),
  q: Type.Optional(Type.String({ maxLength: FILTER_LIMITS.q, description: 'Words in title or description' })),
};

const ListQuery = Type.Object(
  {
    ...FilterQuery,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

const MapQuerySchema = Type.Object(
  {
    bbox: Type.String({ maxLength: 120, description: 'west,south,east,north in degrees (WGS84)' }),
    zoom: Type.Optional(Type.Integer({ minimum: 0, maximum: 22, description: `Map zoom; below ${CLUSTER_BELOW_ZOOM} the answer is grid clusters` })),
    ...FilterQuery,
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const PublicReportSchema = Type.Object({
  number: Type.Integer(),
  url: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Type.Object({ code: Type.String(), name: Type.String() }),
  status: Type.Union(REPORT_STATUSES.map((s) => Type.Literal(s))),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  area: Nullable(Type.String()),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  office: Nullable(Type.Object({ slug: Nullable(Type.String()), name: Type.String() })),
  overdue: Type.Boolean(),
  publicReply: Nullable(Type.String()),
  duplicateOf: Nullable(Type.Integer({ description: 'Number of the report this one duplicates' })),
  forwardedTo: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});

const Feature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
  properties: Type.Object({
    cluster: Type.Boolean(),
    count: Type.Optional(Type.Integer({ description: 'Clusters: how many reports the cell holds' })),
    number: Type.Optional(Type.Integer()),
    status: Type.Optional(Type.String()),
    category: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
  }),
});

const MapResponse = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Feature),
  clustered: Type.Boolean({ description: 'true: features are grid clusters (count + centroid), not single reports' }),
  total: Type.Integer({ description: 'Reports in the box with these filters' }),
});

export function mapToGeoJson(r: MapResult): Static<typeof MapResponse> {
  if (r.kind === 'points') {
    return {
      type: 'FeatureCollection',
      clustered: false,
      total: r.points.length,
      features: r.points.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { cluster: false, number: p.number, status: p.status, category: p.category, title: p.title, url: reportPath(p.number) },
      })),
    };
  }
  return {
    type: 'FeatureCollection',
    clustered: true,
    total: r.total,
    features: r.clusters.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { cluster: true, count: c.count } })),
  };
}

export async function reportsPublicApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Public list of reports (segnalazioni), newest first, with filters; no personal data',
        querystring: ListQuery,
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PublicReportSchema) }), 400: Type.Ref('Problem') },
      },
    },
    async (req) => {
      if (!req.tenant) throw httpProblem('not-found');
      const q = req.query;
      const { filters, errors } = parsePublicFilters(q);
      if (errors.length) throw validationProblem(errors);
      const locale: Locale = req.locale === 'en' ? 'en' : 'it';
      const { items, total } = await withTenantTx(ctx.db, req.tenant.id, async (tx) => {
        const page = await listReports(tx, toReportFilters(filters), { limit: q.limit ?? 20, offset: q.offset ?? 0, order: 'newest' });
        const names = await categoryNames(tx, locale);
        const dupIds = [...new Set(page.items.map((r) => r.duplicateOf).filter((x): x is string => Boolean(x)))];
        const dups = new Map<string, number>();
        for (const id of dupIds) {
          const d = await getReport(tx, id);
          if (d) dups.set(id, d.number);
        }
        return {
          total: page.total,
          items: page.items.map((r) =>
            toPublicReport(r, { categoryName: names.get(r.categoryCode) ?? r.categoryCode, duplicateOfNumber: r.duplicateOf ? (dups.get(r.duplicateOf) ?? null) : null }),
          ),
        };
      });
      return { total, items: items as Static<typeof PublicReportSchema>[] };
    },
  );

  api.get(
    '/api/v1/reports/map',
    {
      schema: {
        tags: ['reports'],
        summary: 'Reports in a map box as GeoJSON: single reports, or grid clusters at low zoom or when there are too many',
        querystring: MapQuerySchema,
        response: { 200: MapResponse, 400: Type.Ref('Problem') },
      },
    },
    async (req, reply) => {
      if (!req.tenant) throw httpProblem('not-found');
      const q = req.query;
      const { filters, errors } = parsePublicFilters(q);
      const bbox = parseBbox(q.bbox);
      if (!bbox) errors.unshift({ field: 'bbox', code: 'bbox' });
      if (errors.length || !bbox) throw validationProblem(errors);
      const result = await withTenantTx(ctx.db, req.tenant.id, (tx) => mapQuery(tx, { bbox, filters, ...(q.zoom !== undefined ? { zoom: q.zoom } : {}) }));
      reply.header('cache-control', 'public, max-age=30');
      reply.type('application/geo+json; charset=utf-8');
      return mapToGeoJson(result);
    },
  );

  api.get(
    '/api/v1/reports/:number',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report as the public sees it: state, public replies and history, photos; no personal data',
        params: Type.Object({ number: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }) }),
        response: {
          200: Type.Object({
            report: PublicReportSchema,
            history: Type.Array(
              Type.Object({
                at: Type.String({ format: 'date-time' }),
                kind: Type.String(),
                fromStatus: Nullable(Type.String()),
                toStatus: Nullable(Type.String()),
                publicReply: Nullable(Type.String()),
              }),
            ),
            photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String() })),
          }),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (req) => {
      if (!req.tenant) throw httpProblem('not-found');
      const locale: Locale = req.locale === 'en' ? 'en' : 'it';
      const d = await withTenantTx(ctx.db, req.tenant.id, (tx) => publicReportDetail(tx, req.params.number, locale));
      if (!d) throw httpProblem('not-found', { detail: `No report number ${req.params.number} for this comune.` });
      return {
        report: d.report as Static<typeof PublicReportSchema>,
        history: d.timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
        photos: d.photos,
      };
    },
  );
}
