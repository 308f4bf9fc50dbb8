import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx, type Tx } from '../../core/db/client.ts';
import { uploads, staffUsers } from '../../core/db/schema.ts';
import { withAudit, type AuditContext } from '../../core/audit/index.ts';
import { emitEvent } from '../../core/events/index.ts';
import { siteContents } from '../site/schema.ts';
import { reportCategories, reportEvents, reportFollowers, reportPhotos as photosTable, reportCounters, reports } from './schema.ts';
import { canTransition, FINAL_STATUSES, isOpen, isPriority, isReportStatus, LIMITS, OPEN_STATUSES, type Priority, type ReportStatus } from './domain.ts';
import { getCategory, type Result, type ResultError } from './categories.ts';
import { triageFor } from './triage-service.ts';

/**
 * Reading and changing citizens' reports. Every function that takes a Tx expects a withTenantTx (row-level
 * security scopes it to the comune); those that take the AppContext open their own tenant transaction.
 * Every change writes a history row (report_events) and an audit entry in the same transaction, and public
 * changes emit a domain event (`reports.report.changed`) whose subscriber notifies followers after commit.
 */

export type { Result, ResultError } from './categories.ts';
export type ReportRow = typeof reports.$inferSelect;
export type EventRow = typeof reportEvents.$inferSelect;
export type FollowerRow = typeof reportFollowers.$inferSelect;

/** Domain events of the module. Payloads carry ids only. */
export const REPORT_SUBMITTED = 'reports.report.submitted';
/** A public change (status, public reply, merge): `{ reportId, eventId }` — the history row to announce. */
export const REPORT_CHANGED = 'reports.report.changed';
/** An operator chose another category than the AI's: `{ reportId, from, to }`. */
export const TRIAGE_CORRECTED = 'reports.triage.corrected';

export type ReportSource = 'web' | 'open311' | 'import' | 'backoffice';

export interface NewReport {
  categoryCode: string;
  title: string;
  description: string;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  area?: string | null;
  priority?: Priority;
  source: ReportSource;
  apiKeyId?: string | null;
  externalId?: string | null;
  locale?: 'it' | 'en';
  citizenId?: string | null;
  reporterName?: string | null;
  reporterEmail?: string | null;
  reporterPhone?: string | null;
  photoUploadIds?: string[];
  /** Default true: the reporter (citizen or e-mail) follows the report. */
  follow?: boolean;
  createdAt?: Date;
  status?: ReportStatus;
  /** Import only. */
  closedAt?: Date | null;
  /** Import: no AI triage. */
  skipTriage?: boolean;
}

export interface ReportFilters {
  status?: string[];
  category?: string[];
  from?: Date;
  to?: Date;
  area?: string;
  /** west, south, east, north (WGS84 degrees). */
  bbox?: [number, number, number, number];
  q?: string;
  overdue?: boolean;
  assignedTo?: string;
  officeSlug?: string;
  citizenId?: string;
  numbers?: number[];
  updatedAfter?: Date;
  updatedBefore?: Date;
}

export type ReportOrder = 'newest' | 'oldest' | 'due' | 'priority';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCES: readonly ReportSource[] = ['web', 'open311', 'import', 'backoffice'];
const DAY_MS = 86_400_000;

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

const fail = (code: string, field?: string, message?: string): { ok: false; error: ResultError } => ({
  ok: false,
  error: { code, ...(field ? { field } : {}), ...(message ? { message } : {}) },
});

/** The actor column of report_events: 'staff:<id>', 'citizen:<id>', 'open311:<key id>', 'anonymous' (a web form without login) or 'system'. */
function eventActor(audit: AuditContext, via?: { apiKeyId?: string | null | undefined; source?: ReportSource }): string {
  const a = audit.actor;
  if (a.type === 'staff') return `staff:${a.id}`;
  if (a.type === 'citizen') return `citizen:${a.id}`;
  if (via?.apiKeyId) return `open311:${via.apiKeyId}`;
  if (via?.source === 'web' || via?.source === 'open311') return 'anonymous';
  return 'system';
}

const staffId = (audit: AuditContext): string | null => (audit.actor.type === 'staff' ? audit.actor.id : null);

const newToken = (): string => randomBytes(24).toString('base64url');

function text(v: unknown, field: string, max: number, opts: { required?: boolean; min?: number } = {}): ResultError | string | null {
  if (v === undefined || v === null) return opts.required ? { code: 'invalid', field, message: 'required' } : null;
  if (typeof v !== 'string') return { code: 'invalid', field, message: 'must be text' };
  const s = v.trim();
  if (!s) return opts.required ? { code: 'invalid', field, message: 'required' } : null;
  if (opts.min && s.length < opts.min) return { code: 'invalid', field, message: `at least ${opts.min} characters` };
  if (s.length > max) return { code: 'invalid', field, message: `at most ${max} characters` };
  return s;
}

const isErr = (v: unknown): v is ResultError => typeof v === 'object' && v !== null && 'code' in v;

// ——— Creating ———

/** Check the input of createReport without touching the database. */
export function validateNewReport(input: NewReport): Result<{
  title: string;
  description: string;
  address: string | null;
  area: string | null;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  photos: string[];
}> {
  if (typeof input.categoryCode !== 'string' || !input.categoryCode) return fail('invalid', 'categoryCode', 'required');
  const title = text(input.title, 'title', LIMITS.title, { required: true, min: 3 });
  if (isErr(title)) return { ok: false, error: title };
  const description = text(input.description, 'description', LIMITS.description, { required: true, min: 3 });
  if (isErr(description)) return { ok: false, error: description };
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLon = input.lon !== undefined && input.lon !== null;
  if (hasLat !== hasLon) return fail('invalid', hasLat ? 'lon' : 'lat', 'latitude and longitude go together');
  if (hasLat && (typeof input.lat !== 'number' || !Number.isFinite(input.lat) || input.lat < -90 || input.lat > 90)) return fail('invalid', 'lat', 'between -90 and 90');
  if (hasLon && (typeof input.lon !== 'number' || !Number.isFinite(input.lon) || input.lon < -180 || input.lon > 180)) return fail('invalid', 'lon', 'between -180 and 180');
  const address = text(input.address, 'address', LIMITS.address);
  if (isErr(address)) return { ok: false, error: address };
  const area = text(input.area, 'area', 100);
  if (isErr(area)) return { ok: false, error: area };
  if (input.priority !== undefined && !isPriority(input.priority)) return fail('invalid', 'priority', 'unknown priority');
  if (!SOURCES.includes(input.source)) return fail('invalid', 'source', 'unknown source');
  if (input.status !== undefined && !isReportStatus(input.status)) return fail('invalid', 'status', 'unknown status');
  if (input.locale !== undefined && input.locale !== 'it' && input.locale !== 'en') return fail('invalid', 'locale', 'it or en');
  if (input.apiKeyId != null && !isUuid(input.apiKeyId)) return fail('invalid', 'apiKeyId');
  if (input.citizenId != null && !isUuid(input.citizenId)) return fail('invalid', 'citizenId');
  if (input.externalId != null && (typeof input.externalId !== 'string' || input.externalId.length > 100)) return fail('invalid', 'externalId', 'at most 100 characters');
  if (input.createdAt !== undefined && (!(input.createdAt instanceof Date) || Number.isNaN(input.createdAt.getTime()))) return fail('invalid', 'createdAt');
  if (input.closedAt != null && (!(input.closedAt instanceof Date) || Number.isNaN(input.closedAt.getTime()))) return fail('invalid', 'closedAt');
  const reporterName = text(input.reporterName, 'reporterName', LIMITS.name);
  if (isErr(reporterName)) return { ok: false, error: reporterName };
  const reporterEmail = text(input.reporterEmail, 'reporterEmail', LIMITS.email);
  if (isErr(reporterEmail)) return { ok: false, error: reporterEmail };
  if (reporterEmail && !EMAIL.test(reporterEmail)) return fail('invalid', 'reporterEmail', 'not an e-mail address');
  const reporterPhone = text(input.reporterPhone, 'reporterPhone', LIMITS.phone);
  if (isErr(reporterPhone)) return { ok: false, error: reporterPhone };
  if (reporterPhone && !/^[+0-9 ()./-]{5,}$/.test(reporterPhone)) return fail('invalid', 'reporterPhone', 'not a phone number');
  const photos = [...new Set(input.photoUploadIds ?? [])];
  if (photos.length > LIMITS.photos) return fail('invalid', 'photos', `at most ${LIMITS.photos} photos`);
  if (photos.some((p) => !isUuid(p))) return fail('invalid', 'photos', 'unknown photo');
  return {
    ok: true,
    value: {
      title: title!,
      description: description!,
      address: address ?? null,
      area: area ?? null,
      reporterName: reporterName ?? null,
      reporterEmail: reporterEmail ? reporterEmail.toLowerCase() : null,
      reporterPhone: reporterPhone ?? null,
      photos,
    },
  };
}

/**
 * Create a report: validation (field errors, nothing written), AI triage stored in aiSuggestion, the next
 * number of the tenant, office and due date from the category, photos, first history event, the reporter as
 * follower, audit and the `reports.report.submitted` event — all in one transaction.
 */
export async function createReport(ctx: AppContext, tenantId: string, input: NewReport, audit: AuditContext): Promise<Result<ReportRow>> {
  const v = validateNewReport(input);
  if (!v.ok) return v;
  const clean = v.value;
  const status: ReportStatus = input.status ?? 'submitted';
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const category = await getCategory(tx, input.categoryCode);
    if (!category || (!category.active && input.source !== 'import')) return fail('invalid', 'categoryCode', 'unknown category');

    if (clean.photos.length) {
      const found = await tx
        .select({ id: uploads.id, contentType: uploads.contentType })
        .from(uploads)
        .where(and(eq(uploads.tenantId, tenantId), inArray(uploads.id, clean.photos)));
      const images = new Set(found.filter((u) => u.contentType.startsWith('image/')).map((u) => u.id));
      if (clean.photos.some((p) => !images.has(p))) return fail('invalid', 'photos', 'not an image of this comune');
    }

    let ai: Record<string, unknown> | null = null;
    let aiPriority: Priority | null = null;
    if (!input.skipTriage) {
      try {
        // A savepoint: a failing triage query must not abort the submission.
        const r = await tx.transaction(async (sp) =>
          triageFor(sp as unknown as Tx, tenantId, {
            description: clean.description,
            title: clean.title,
            ...(input.lat != null && input.lon != null ? { lat: input.lat, lon: input.lon } : {}),
          }),
        );
        ai = r as unknown as Record<string, unknown>;
        aiPriority = isPriority(r.priority) ? r.priority : null;
      } catch (err) {
        ctx.log.warn({ err, tenantId }, 'reports: triage failed, report stored without a suggestion');
      }
    }

    const [counter] = await tx
      .insert(reportCounters)
      .values({ tenantId, lastNumber: 1 })
      .onConflictDoUpdate({ target: reportCounters.tenantId, set: { lastNumber: sql`${reportCounters.lastNumber} + 1` } })
      .returning({ lastNumber: reportCounters.lastNumber });
    const number = counter!.lastNumber;

    const createdAt = input.createdAt ?? new Date();
    const closedAt = input.closedAt ?? null;
    const actor = eventActor(audit, { apiKeyId: input.apiKeyId, source: input.source });
    const row = await withAudit(tx, audit, async () => {
      const [r] = await tx
        .insert(reports)
        .values({
          tenantId,
          number,
          categoryCode: category.code,
          title: clean.title,
          description: clean.description,
          status,
          priority: input.priority ?? aiPriority ?? 'media',
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          address: clean.address,
          area: clean.area,
          officeSlug: category.officeSlug,
          officeName: category.officeName,
          source: input.source,
          apiKeyId: input.apiKeyId ?? null,
          externalId: input.externalId ?? null,
          locale: input.locale ?? 'it',
          citizenId: input.citizenId ?? null,
          reporterName: clean.reporterName,
          reporterEmail: clean.reporterEmail,
          reporterPhone: clean.reporterPhone,
          aiSuggestion: ai,
          dueAt: new Date(createdAt.getTime() + category.targetDays * DAY_MS),
          acceptedAt: status === 'submitted' ? null : createdAt,
          resolvedAt: status === 'resolved' || status === 'closed' ? closedAt : null,
          closedAt: (FINAL_STATUSES as readonly string[]).includes(status) ? closedAt : null,
          createdAt,
          updatedAt: closedAt && closedAt > createdAt ? closedAt : createdAt,
        })
        .returning();
      return { value: r!, audit: { action: 'reports.report.created', entityType: 'reports.report', entityId: r!.id, details: { number, source: input.source } } };
    });

    if (clean.photos.length) {
      await tx.insert(photosTable).values(clean.photos.map((uploadId, position) => ({ tenantId, reportId: row.id, uploadId, position })));
    }
    await tx.insert(reportEvents).values({ tenantId, reportId: row.id, at: createdAt, kind: 'status', fromStatus: null, toStatus: status, actor, details: { source: input.source } });
    if (input.follow !== false && (row.citizenId || row.reporterEmail)) {
      await tx
        .insert(reportFollowers)
        .values({ tenantId, reportId: row.id, citizenId: row.citizenId, email: row.citizenId ? null : row.reporterEmail, token: newToken(), locale: row.locale })
        .onConflictDoNothing();
    }
    if (input.source !== 'import') await emitEvent(tx, tenantId, REPORT_SUBMITTED, { reportId: row.id, number }, audit.requestId);
    return { ok: true, value: row };
  });
}

// ——— Reading ———

export async function getReport(tx: Tx, id: string): Promise<ReportRow | null> {
  if (!isUuid(id)) return null;
  const [r] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
  return r ?? null;
}

export async function getReportByNumber(tx: Tx, n: number): Promise<ReportRow | null> {
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) return null;
  const [r] = await tx.select().from(reports).where(eq(reports.number, n)).limit(1);
  return r ?? null;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const OPEN_LIST = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** The WHERE conditions of a filter (shared by lists, stats and the other modules' queries). */
export function reportConditions(f: ReportFilters = {}): SQL[] {
  const c: SQL[] = [];
  if (f.status?.length) c.push(inArray(reports.status, f.status));
  if (f.category?.length) c.push(inArray(reports.categoryCode, f.category));
  if (f.from) c.push(gte(reports.createdAt, f.from));
  if (f.to) c.push(lte(reports.createdAt, f.to));
  if (f.area) c.push(eq(reports.area, f.area));
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if ([w, s, e, n].every((x) => Number.isFinite(x))) {
      // Plain ranges, answered by reports_tenant_lon_lat_idx (a GiST index on point(lon, lat) is not used under
      // row-level security: the geometric operators are not LEAKPROOF).
      c.push(gte(reports.lon, Math.min(w, e)), lte(reports.lon, Math.max(w, e)), gte(reports.lat, Math.min(s, n)), lte(reports.lat, Math.max(s, n)));
    }
  }
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q.slice(0, 200))}%`;
    const parts: SQL[] = [ilike(reports.title, like), ilike(reports.description, like)];
    const num = /^(?:n\.?\s*)?(\d{1,9})$/i.exec(q);
    if (num) parts.push(eq(reports.number, Number(num[1])));
    c.push(or(...parts)!);
  }
  if (f.overdue) c.push(sql`${reports.status} in (${OPEN_LIST}) and ${reports.dueAt} < now()`);
  if (f.assignedTo && isUuid(f.assignedTo)) c.push(eq(reports.assignedTo, f.assignedTo));
  else if (f.assignedTo) c.push(sql`false`);
  if (f.officeSlug) c.push(eq(reports.officeSlug, f.officeSlug));
  if (f.citizenId && isUuid(f.citizenId)) c.push(eq(reports.citizenId, f.citizenId));
  else if (f.citizenId) c.push(sql`false`);
  if (f.numbers) c.push(f.numbers.length ? inArray(reports.number, f.numbers.filter((n) => Number.isSafeInteger(n) && Math.abs(n) < 2 ** 31)) : sql`false`);
  if (f.updatedAfter) c.push(gte(reports.updatedAt, f.updatedAfter));
  if (f.updatedBefore) c.push(lte(reports.updatedAt, f.updatedBefore));
  return c;
}

const PRIORITY_RANK = sql`case ${reports.priority} when 'urgente' then 0 when 'alta' then 1 when 'media' then 2 else 3 end`;

export async function listReports(
  tx: Tx,
  f: ReportFilters,
  page: { limit: number; offset: number; order?: ReportOrder },
): Promise<{ items: ReportRow[]; total: number }> {
  const where = and(...reportConditions(f));
  const order: SQL[] =
    page.order === 'oldest'
      ? [asc(reports.createdAt), asc(reports.number)]
      : page.order === 'due'
        ? [sql`${reports.dueAt} asc nulls last`, asc(reports.number)]
        : page.order === 'priority'
          ? [PRIORITY_RANK, desc(reports.createdAt), desc(reports.number)]
          : [desc(reports.createdAt), desc(reports.number)];
  const limit = Math.max(0, Math.min(Math.floor(page.limit), 10_000));
  const offset = Math.max(0, Math.floor(page.offset));
  const [items, [tot]] = await Promise.all([
    tx.select().from(reports).where(where).orderBy(...order).limit(limit).offset(offset),
    tx.select({ n: count() }).from(reports).where(where),
  ]);
  return { items, total: Number(tot?.n ?? 0) };
}

/** The history of a report, oldest first. `publicOnly`: status changes, public replies and merges, without staff details. */
export async function reportHistory(tx: Tx, id: string, opts: { publicOnly?: boolean } = {}): Promise<EventRow[]> {
  if (!isUuid(id)) return [];
  const rows = await tx.select().from(reportEvents).where(eq(reportEvents.reportId, id)).orderBy(asc(reportEvents.at), asc(reportEvents.id));
  if (!opts.publicOnly) return rows;
  return rows
    .filter((e) => e.publicReply !== null || e.toStatus !== null || e.kind === 'merge')
    .map((e) => ({
      ...e,
      internalNote: null,
      actor: e.actor.startsWith('staff:') ? 'staff' : e.actor.startsWith('citizen:') ? 'citizen' : e.actor.startsWith('open311:') ? 'open311' : e.actor,
      details: e.kind === 'merge' && e.details ? { mergedInto: e.details.mergedInto, mergedIntoNumber: e.details.mergedIntoNumber } : null,
    }));
}

export async function reportPhotos(tx: Tx, id: string, opts: { publicOnly?: boolean } = {}): Promise<{ id: string; uploadId: string; hidden: boolean }[]> {
  if (!isUuid(id)) return [];
  return tx
    .select({ id: photosTable.id, uploadId: photosTable.uploadId, hidden: photosTable.hidden })
    .from(photosTable)
    .where(and(eq(photosTable.reportId, id), ...(opts.publicOnly ? [eq(photosTable.hidden, false)] : [])))
    .orderBy(asc(photosTable.position), asc(photosTable.createdAt));
}

export function isOverdue(r: Pick<ReportRow, 'status' | 'dueAt'>, now: Date = new Date()): boolean {
  return isOpen(r.status) && r.dueAt !== null && r.dueAt.getTime() < now.getTime();
}

export interface ReportStats {
  total: number;
  open: number;
  overdue: number;
  byCategory: { code: string; count: number; open: number; resolved: number; medianDays: number | null }[];
  byStatus: Record<string, number>;
}

/** Counts and the median days to resolution (resolved_at, else closed_at, minus created_at) per category. */
export async function reportStats(tx: Tx, f: ReportFilters = {}): Promise<ReportStats> {
  const where = and(...reportConditions(f));
  const done = sql`${reports.status} in ('resolved', 'closed')`;
  const isOpenSql = sql`${reports.status} in (${OPEN_LIST})`;
  const [byCat, byStatus] = await Promise.all([
    tx
      .select({
        code: reports.categoryCode,
        count: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${isOpenSql}))::int`,
        overdue: sql<number>`(count(*) filter (where ${isOpenSql} and ${reports.dueAt} < now()))::int`,
        resolved: sql<number>`(count(*) filter (where ${done}))::int`,
        medianDays: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (coalesce(${reports.resolvedAt}, ${reports.closedAt}) - ${reports.createdAt})) / 86400.0) filter (where ${done} and coalesce(${reports.resolvedAt}, ${reports.closedAt}) is not null)`,
      })
      .from(reports)
      .where(where)
      .groupBy(reports.categoryCode)
      .orderBy(reports.categoryCode),
    tx.select({ status: reports.status, n: sql<number>`count(*)::int` }).from(reports).where(where).groupBy(reports.status),
  ]);
  const stats: ReportStats = { total: 0, open: 0, overdue: 0, byCategory: [], byStatus: {} };
  for (const c of byCat) {
    stats.total += Number(c.count);
    stats.open += Number(c.open);
    stats.overdue += Number(c.overdue);
    const m = c.medianDays === null ? null : Number(c.medianDays);
    stats.byCategory.push({ code: c.code, count: Number(c.count), open: Number(c.open), resolved: Number(c.resolved), medianDays: m === null ? null : Math.round(m * 10) / 10 });
  }
  for (const s of byStatus) stats.byStatus[s.status] = Number(s.n);
  return stats;
}

// ——— Changing (staff, audited) ———

async function lockReport(tx: Tx, tenantId: string, id: string): Promise<ReportRow | null> {
  if (!isUuid(id)) return null;
  const [r] = await tx.select().from(reports).where(and(eq(reports.tenantId, tenantId), eq(reports.id, id))).for('update');
  return r ?? null;
}

function checkTexts(input: { publicReply?: string | undefined; internalNote?: string | undefined }): Result<{ publicReply: string | null; internalNote: string | null }> {
  const publicReply = text(input.publicReply, 'publicReply', LIMITS.publicReply);
  if (isErr(publicReply)) return { ok: false, error: publicReply };
  const internalNote = text(input.internalNote, 'internalNote', LIMITS.internalNote);
  if (isErr(internalNote)) return { ok: false, error: internalNote };
  return { ok: true, value: { publicReply, internalNote } };
}

/** The timestamps a status change sets or clears. */
function statusStamps(r: ReportRow, to: ReportStatus, now: Date): Partial<typeof reports.$inferInsert> {
  const p: Partial<typeof reports.$inferInsert> = { status: to, updatedAt: now };
  if (to !== 'submitted' && !r.acceptedAt) p.acceptedAt = now;
  if (to === 'resolved') p.resolvedAt = now;
  if (to === 'closed') p.closedAt = now;
  if (to === 'rejected' || to === 'duplicate' || to === 'forwarded') {
    p.closedAt = now;
    p.resolvedAt = null;
  }
  if (isOpen(to)) {
    p.resolvedAt = null;
    p.closedAt = null;
    p.duplicateOf = null;
    p.forwardedTo = null;
  }
  return p;
}

async function applyUpdate(tx: Tx, tenantId: string, id: string, p: Partial<typeof reports.$inferInsert>): Promise<ReportRow> {
  const [u] = await tx.update(reports).set(p).where(and(eq(reports.tenantId, tenantId), eq(reports.id, id))).returning();
  return u!;
}

async function writeEvent(tx: Tx, values: typeof reportEvents.$inferInsert): Promise<EventRow> {
  const [e] = await tx.insert(reportEvents).values(values).returning();
  return e!;
}

/** Move the followers of `fromId` to `toId` (existing followers of the target stay once). Returns the target's follower ids concerned. */
async function moveFollowers(tx: Tx, tenantId: string, fromId: string, toId: string): Promise<string[]> {
  const src = await tx.select().from(reportFollowers).where(and(eq(reportFollowers.tenantId, tenantId), eq(reportFollowers.reportId, fromId)));
  const ids: string[] = [];
  for (const f of src) {
    const match = f.citizenId ? eq(reportFollowers.citizenId, f.citizenId) : eq(reportFollowers.email, f.email ?? '');
    const [existing] = await tx.select({ id: reportFollowers.id }).from(reportFollowers).where(and(eq(reportFollowers.tenantId, tenantId), eq(reportFollowers.reportId, toId), match));
    if (existing) ids.push(existing.id);
    else {
      const [n] = await tx
        .insert(reportFollowers)
        .values({ tenantId, reportId: toId, citizenId: f.citizenId, email: f.citizenId ? null : f.email, token: newToken(), locale: f.locale })
        .returning({ id: reportFollowers.id });
      ids.push(n!.id);
    }
  }
  await tx.delete(reportFollowers).where(and(eq(reportFollowers.tenantId, tenantId), eq(reportFollowers.reportId, fromId)));
  return ids;
}

async function doMerge(
  tx: Tx,
  tenantId: string,
  r: ReportRow,
  targetId: string,
  texts: { publicReply: string | null; internalNote: string | null },
  audit: AuditContext,
): Promise<Result<ReportRow>> {
  if (targetId === r.id) return fail('invalid', 'duplicateOf', 'a report cannot duplicate itself');
  if (!canTransition(r.status, 'duplicate')) return fail('transition', 'to', `${r.status} → duplicate is not allowed`);
  const target = isUuid(targetId) ? await lockReport(tx, tenantId, targetId) : null;
  if (!target) return fail('invalid', 'duplicateOf', 'unknown report');
  if (!isOpen(target.status)) return fail('invalid', 'duplicateOf', 'the target report is not open');
  const now = new Date();
  const moved = await moveFollowers(tx, tenantId, r.id, target.id);
  const row = await withAudit(tx, audit, async () => {
    const u = await applyUpdate(tx, tenantId, r.id, { ...statusStamps(r, 'duplicate', now), duplicateOf: target.id, ...(texts.publicReply ? { publicReply: texts.publicReply } : {}) });
    return { value: u, audit: { action: 'reports.report.merged', entityType: 'reports.report', entityId: r.id, details: { number: r.number, into: target.id, intoNumber: target.number } } };
  });
  const ev = await writeEvent(tx, {
    tenantId,
    reportId: r.id,
    at: now,
    kind: 'merge',
    fromStatus: r.status,
    toStatus: 'duplicate',
    publicReply: texts.publicReply,
    internalNote: texts.internalNote,
    details: { mergedInto: target.id, mergedIntoNumber: target.number, recipients: moved },
    actor: eventActor(audit),
  });
  await writeEvent(tx, {
    tenantId,
    reportId: target.id,
    at: now,
    kind: 'merge',
    details: { merged: r.id, mergedNumber: r.number, followersAdded: moved.length },
    actor: eventActor(audit),
  });
  await tx.update(reports).set({ updatedAt: now }).where(and(eq(reports.tenantId, tenantId), eq(reports.id, target.id)));
  await emitEvent(tx, tenantId, REPORT_CHANGED, { reportId: r.id, eventId: ev.id }, audit.requestId);
  return { ok: true, value: row };
}

export interface StatusChange {
  to: ReportStatus;
  publicReply?: string;
  internalNote?: string;
  duplicateOf?: string;
  forwardedTo?: string;
}

/** Move a report to another state (checked against TRANSITIONS); followers are told after commit. */
export async function changeStatus(ctx: AppContext, tenantId: string, id: string, input: StatusChange, audit: AuditContext): Promise<Result<ReportRow>> {
  if (!isReportStatus(input.to)) return fail('invalid', 'to', 'unknown status');
  const texts = checkTexts(input);
  if (!texts.ok) return texts;
  const forwardedTo = text(input.forwardedTo, 'forwardedTo', 200);
  if (isErr(forwardedTo)) return { ok: false, error: forwardedTo };
  if (input.to === 'rejected' && !texts.value.publicReply) return fail('invalid', 'publicReply', 'tell the citizen why the report is rejected');
  if (input.to === 'forwarded' && !forwardedTo) return fail('invalid', 'forwardedTo', 'required');
  if (input.to === 'duplicate' && !input.duplicateOf) return fail('invalid', 'duplicateOf', 'required');
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const r = await lockReport(tx, tenantId, id);
    if (!r) return fail('not-found');
    if (input.to === 'duplicate') return doMerge(tx, tenantId, r, input.duplicateOf!, texts.value, audit);
    if (!canTransition(r.status, input.to)) return fail('transition', 'to', `${r.status} → ${input.to} is not allowed`);
    const now = new Date();
    const row = await withAudit(tx, audit, async () => {
      const u = await applyUpdate(tx, tenantId, r.id, {
        ...statusStamps(r, input.to, now),
        ...(input.to === 'forwarded' ? { forwardedTo } : {}),
        ...(texts.value.publicReply ? { publicReply: texts.value.publicReply } : {}),
      });
      return { value: u, audit: { action: 'reports.report.status-changed', entityType: 'reports.report', entityId: r.id, details: { number: r.number, from: r.status, to: input.to } } };
    });
    const ev = await writeEvent(tx, {
      tenantId,
      reportId: r.id,
      at: now,
      kind: 'status',
      fromStatus: r.status,
      toStatus: input.to,
      publicReply: texts.value.publicReply,
      internalNote: texts.value.internalNote,
      details: input.to === 'forwarded' ? { forwardedTo } : null,
      actor: eventActor(audit),
    });
    await emitEvent(tx, tenantId, REPORT_CHANGED, { reportId: r.id, eventId: ev.id }, audit.requestId);
    return { ok: true, value: row };
  });
}

/** A public reply (told to followers) and/or an internal note (staff only). */
export async function addComment(ctx: AppContext, tenantId: string, id: string, input: { publicReply?: string; internalNote?: string }, audit: AuditContext): Promise<Result<ReportRow>> {
  const texts = checkTexts(input);
  if (!texts.ok) return texts;
  const { publicReply, internalNote } = texts.value;
  if (!publicReply && !internalNote) return fail('invalid', 'publicReply', 'write a reply or a note');
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const r = await lockReport(tx, tenantId, id);
    if (!r) return fail('not-found');
    const now = new Date();
    const row = await withAudit(tx, audit, async () => {
      const u = await applyUpdate(tx, tenantId, r.id, { updatedAt: now, ...(publicReply ? { publicReply } : {}) });
      return { value: u, audit: { action: publicReply ? 'reports.report.replied' : 'reports.report.noted', entityType: 'reports.report', entityId: r.id, details: { number: r.number } } };
    });
    const ev = await writeEvent(tx, { tenantId, reportId: r.id, at: now, kind: publicReply ? 'reply' : 'note', publicReply, internalNote, actor: eventActor(audit) });
    if (publicReply) await emitEvent(tx, tenantId, REPORT_CHANGED, { reportId: r.id, eventId: ev.id }, audit.requestId);
    return { ok: true, value: row };
  });
}

/** The name of an office: the site's office page title, else the name a category gives it, else the slug. */
async function officeNameFor(tx: Tx, slug: string): Promise<string> {
  const [page] = await tx
    .select({ title: siteContents.titleIt })
    .from(siteContents)
    .where(and(eq(siteContents.type, 'office'), eq(siteContents.slug, slug), isNotNull(siteContents.titleIt)))
    .limit(1);
  if (page?.title) return page.title;
  const [cat] = await tx
    .select({ name: reportCategories.officeName })
    .from(reportCategories)
    .where(and(eq(reportCategories.officeSlug, slug), isNotNull(reportCategories.officeName)))
    .limit(1);
  return cat?.name ?? slug;
}

/** The AI's proposed category code, if the report has a suggestion. */
export function aiCategoryOf(r: Pick<ReportRow, 'aiSuggestion'>): string | null {
  const c = (r.aiSuggestion as { category?: { code?: unknown } } | null)?.category?.code;
  return typeof c === 'string' ? c : null;
}

/**
 * Accept or correct the AI's proposal in one action: category, priority, office; the category is marked
 * confirmed; a submitted report becomes accepted. A category other than the AI's emits `reports.triage.corrected`.
 */
export async function confirmTriage(
  ctx: AppContext,
  tenantId: string,
  id: string,
  input: { categoryCode: string; priority?: Priority; officeSlug?: string | null },
  audit: AuditContext,
): Promise<Result<ReportRow>> {
  if (input.priority !== undefined && !isPriority(input.priority)) return fail('invalid', 'priority', 'unknown priority');
  if (input.officeSlug != null && (typeof input.officeSlug !== 'string' || !SLUG.test(input.officeSlug) || input.officeSlug.length > 100)) return fail('invalid', 'officeSlug', 'unknown office');
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const r = await lockReport(tx, tenantId, id);
    if (!r) return fail('not-found');
    const category = await getCategory(tx, input.categoryCode);
    if (!category || (!category.active && category.code !== r.categoryCode)) return fail('invalid', 'categoryCode', 'unknown category');
    let officeSlug: string | null;
    let officeName: string | null;
    if (input.officeSlug === undefined) {
      officeSlug = category.officeSlug;
      officeName = category.officeName;
    } else if (input.officeSlug === null) {
      officeSlug = null;
      officeName = null;
    } else {
      officeSlug = input.officeSlug;
      officeName = officeSlug === category.officeSlug && category.officeName ? category.officeName : await officeNameFor(tx, officeSlug);
    }
    const now = new Date();
    const toStatus: ReportStatus | null = r.status === 'submitted' ? 'accepted' : null;
    const aiCode = aiCategoryOf(r);
    const corrected = (aiCode ?? r.categoryCode) !== category.code;
    const priority = input.priority ?? (r.priority as Priority);
    const row = await withAudit(tx, audit, async () => {
      const u = await applyUpdate(tx, tenantId, r.id, {
        ...(toStatus ? statusStamps(r, toStatus, now) : { updatedAt: now }),
        categoryCode: category.code,
        priority,
        officeSlug,
        officeName,
        categoryConfirmedAt: now,
        categoryConfirmedBy: staffId(audit),
        ...(category.code !== r.categoryCode ? { dueAt: new Date(r.createdAt.getTime() + category.targetDays * DAY_MS) } : {}),
      });
      return {
        value: u,
        audit: {
          action: corrected ? 'reports.triage.corrected' : 'reports.triage.accepted',
          entityType: 'reports.report',
          entityId: r.id,
          details: { number: r.number, ai: aiCode, from: r.categoryCode, to: category.code, priority, officeSlug },
        },
      };
    });
    const ev = await writeEvent(tx, {
      tenantId,
      reportId: r.id,
      at: now,
      kind: 'category',
      fromStatus: toStatus ? r.status : null,
      toStatus,
      details: { ai: aiCode, from: r.categoryCode, to: category.code, priority, officeSlug, corrected },
      actor: eventActor(audit),
    });
    if (corrected) await emitEvent(tx, tenantId, TRIAGE_CORRECTED, { reportId: r.id, from: aiCode ?? r.categoryCode, to: category.code }, audit.requestId);
    if (toStatus) await emitEvent(tx, tenantId, REPORT_CHANGED, { reportId: r.id, eventId: ev.id }, audit.requestId);
    return { ok: true, value: row };
  });
}

/** Give a report to an office and/or an operator; it becomes `assigned` ("in carico"). */
export async function assignReport(
  ctx: AppContext,
  tenantId: string,
  id: string,
  input: { officeSlug?: string | null; assignedTo?: string | null },
  audit: AuditContext,
): Promise<Result<ReportRow>> {
  if (input.officeSlug != null && (typeof input.officeSlug !== 'string' || !SLUG.test(input.officeSlug) || input.officeSlug.length > 100)) return fail('invalid', 'officeSlug', 'unknown office');
  if (input.assignedTo != null && !isUuid(input.assignedTo)) return fail('invalid', 'assignedTo', 'unknown operator');
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const r = await lockReport(tx, tenantId, id);
    if (!r) return fail('not-found');
    if (r.status !== 'assigned' && !canTransition(r.status, 'assigned')) return fail('transition', 'to', `${r.status} → assigned is not allowed`);
    if (input.assignedTo) {
      const [s] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, input.assignedTo)));
      if (!s) return fail('invalid', 'assignedTo', 'unknown operator');
    }
    const now = new Date();
    const p: Partial<typeof reports.$inferInsert> = r.status === 'assigned' ? { updatedAt: now } : statusStamps(r, 'assigned', now);
    if (input.officeSlug !== undefined) {
      p.officeSlug = input.officeSlug;
      p.officeName = input.officeSlug === null ? null : input.officeSlug === r.officeSlug ? r.officeName : await officeNameFor(tx, input.officeSlug);
    }
    if (input.assignedTo !== undefined) p.assignedTo = input.assignedTo;
    const row = await withAudit(tx, audit, async () => {
      const u = await applyUpdate(tx, tenantId, r.id, p);
      return {
        value: u,
        audit: { action: 'reports.report.assigned', entityType: 'reports.report', entityId: r.id, details: { number: r.number, officeSlug: u.officeSlug, assignedTo: u.assignedTo } },
      };
    });
    const statusChanged = r.status !== 'assigned';
    const ev = await writeEvent(tx, {
      tenantId,
      reportId: r.id,
      at: now,
      kind: 'assignment',
      fromStatus: statusChanged ? r.status : null,
      toStatus: statusChanged ? 'assigned' : null,
      details: { officeSlug: row.officeSlug, officeName: row.officeName, assignedTo: row.assignedTo },
      actor: eventActor(audit),
    });
    if (statusChanged) await emitEvent(tx, tenantId, REPORT_CHANGED, { reportId: r.id, eventId: ev.id }, audit.requestId);
    return { ok: true, value: row };
  });
}

/** Mark a report as a duplicate of an open one; its followers now follow the target. */
export async function mergeReport(ctx: AppContext, tenantId: string, id: string, targetId: string, audit: AuditContext): Promise<Result<ReportRow>> {
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<ReportRow>> => {
    const r = await lockReport(tx, tenantId, id);
    if (!r) return fail('not-found');
    return doMerge(tx, tenantId, r, targetId, { publicReply: null, internalNote: null }, audit);
  });
}

// ——— Following ———

/** Follow a report (a logged-in citizen, or an e-mail address). Following twice returns the same token. */
export async function followReport(
  ctx: AppContext,
  tenantId: string,
  reportId: string,
  who: { citizenId?: string; email?: string; locale?: 'it' | 'en' },
): Promise<Result<{ token: string }>> {
  const locale = who.locale === 'en' ? 'en' : 'it';
  let email: string | null = null;
  if (who.citizenId) {
    if (!isUuid(who.citizenId)) return fail('invalid', 'citizenId');
  } else {
    const e = text(who.email, 'email', LIMITS.email, { required: true });
    if (isErr(e)) return { ok: false, error: e };
    if (!EMAIL.test(e!)) return fail('invalid', 'email', 'not an e-mail address');
    email = e!.toLowerCase();
  }
  if (!isUuid(reportId)) return fail('not-found');
  return withTenantTx(ctx.db, tenantId, async (tx): Promise<Result<{ token: string }>> => {
    const r = await getReport(tx, reportId);
    if (!r) return fail('not-found');
    const match = who.citizenId ? eq(reportFollowers.citizenId, who.citizenId) : eq(reportFollowers.email, email!);
    const [existing] = await tx.select({ token: reportFollowers.token }).from(reportFollowers).where(and(eq(reportFollowers.reportId, r.id), match));
    if (existing) return { ok: true, value: { token: existing.token } };
    const token = newToken();
    await tx
      .insert(reportFollowers)
      .values({ tenantId, reportId: r.id, citizenId: who.citizenId ?? null, email, token, locale })
      .onConflictDoNothing();
    const [row] = await tx.select({ token: reportFollowers.token }).from(reportFollowers).where(and(eq(reportFollowers.reportId, r.id), match));
    return { ok: true, value: { token: row?.token ?? token } };
  });
}

/** Stop following (the unsubscribe link of e-mail followers). false when the token is unknown. */
export async function unfollowByToken(ctx: AppContext, tenantId: string, token: string): Promise<boolean> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) return false;
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const gone = await tx.delete(reportFollowers).where(eq(reportFollowers.token, token)).returning({ id: reportFollowers.id });
    return gone.length > 0;
  });
}

/** Whether a citizen follows a report (for the "follow" button). */
export async function isFollowing(tx: Tx, reportId: string, citizenId: string): Promise<boolean> {
  if (!isUuid(reportId) || !isUuid(citizenId)) return false;
  const [f] = await tx.select({ id: reportFollowers.id }).from(reportFollowers).where(and(eq(reportFollowers.reportId, reportId), eq(reportFollowers.citizenId, citizenId)));
  return !!f;
}

/** Reports resolved before `before` and still resolved (for the auto-close job). */
export async function resolvedBefore(tx: Tx, before: Date, limit = 500): Promise<ReportRow[]> {
  return tx
    .select()
    .from(reports)
    .where(and(eq(reports.status, 'resolved'), lt(reports.resolvedAt, before)))
    .orderBy(asc(reports.resolvedAt))
    .limit(limit);
}
