import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { staffUsers } from '../../../core/db/schema.ts';
import { withAudit, type AuditContext } from '../../../core/audit/index.ts';
import type { Locale } from '../../../core/i18n/index.ts';
import { listPublished, titleOf } from '../../site/module.ts';
import { reportEvents, reportPhotos, reports } from '../schema.ts';
import { OPEN_STATUSES, type Priority } from '../domain.ts';
import { isUuid, reportConditions, type ReportFilters, type ReportOrder, type ReportRow, type Result } from '../repository.ts';
import type { CategoryRow } from '../categories.ts';

/** Read side of the back office: the queue with the priority filter, offices, operators, SLA figures; photo visibility. */

export interface QueueFilters extends ReportFilters {
  priority?: Priority;
}

const PRIORITY_RANK = sql`case ${reports.priority} when 'urgente' then 0 when 'alta' then 1 when 'media' then 2 else 3 end`;

function conditions(f: QueueFilters): SQL | undefined {
  const c = reportConditions(f);
  if (f.priority) c.push(eq(reports.priority, f.priority));
  return and(...c);
}

/** The operators' queue: the repository's filters plus priority, in the chosen order. */
export async function listQueue(tx: Tx, f: QueueFilters, page: { limit: number; offset: number; order: ReportOrder }): Promise<{ items: ReportRow[]; total: number }> {
  const where = conditions(f);
  const order: SQL[] =
    page.order === 'oldest'
      ? [asc(reports.createdAt), asc(reports.number)]
      : page.order === 'due'
        ? [sql`${reports.dueAt} asc nulls last`, asc(reports.number)]
        : page.order === 'priority'
          ? [PRIORITY_RANK, asc(reports.createdAt), asc(reports.number)]
          : [desc(reports.createdAt), desc(reports.number)];
  const [items, [tot]] = await Promise.all([
    tx.select().from(reports).where(where).orderBy(...order).limit(page.limit).offset(page.offset),
    tx.select({ n: count() }).from(reports).where(where),
  ]);
  return { items, total: Number(tot?.n ?? 0) };
}

/** Reports with a position for the map view (at most `limit`), newest first. */
export async function mapReports(tx: Tx, f: QueueFilters, limit: number): Promise<{ items: ReportRow[]; total: number }> {
  const where = and(conditions(f), sql`${reports.lat} is not null and ${reports.lon} is not null`);
  const [items, [tot]] = await Promise.all([
    tx.select().from(reports).where(where).orderBy(desc(reports.createdAt), desc(reports.number)).limit(limit),
    tx.select({ n: count() }).from(reports).where(where),
  ]);
  return { items, total: Number(tot?.n ?? 0) };
}

/** id → { number, status, title } of the given reports (to show the AI's duplicate candidates by number). */
export async function reportRefs(tx: Tx, ids: string[]): Promise<Map<string, { id: string; number: number; status: string; title: string }>> {
  const clean = [...new Set(ids.filter(isUuid))];
  if (!clean.length) return new Map();
  const rows = await tx.select({ id: reports.id, number: reports.number, status: reports.status, title: reports.title }).from(reports).where(inArray(reports.id, clean));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface OfficeOption {
  slug: string;
  name: string;
}

/** The offices a report can go to: the site's published office pages, plus any office a category names. */
export async function officeOptions(tx: Tx, locale: Locale, categories: CategoryRow[]): Promise<OfficeOption[]> {
  const page = await listPublished(tx, 'office', { order: 'title', limit: 200 });
  const out = new Map<string, OfficeOption>();
  for (const o of page.rows) {
    const title = titleOf('office', o.data) as { it?: string; en?: string } | undefined;
    out.set(o.slug, { slug: o.slug, name: (locale === 'en' ? title?.en : title?.it) || title?.it || o.slug });
  }
  for (const c of categories) if (c.officeSlug && !out.has(c.officeSlug)) out.set(c.officeSlug, { slug: c.officeSlug, name: c.officeName ?? c.officeSlug });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export interface StaffOption {
  id: string;
  name: string;
}

/** Active staff who can handle reports (operators, office staff, admins). */
export async function staffOptions(tx: Tx): Promise<StaffOption[]> {
  const rows = await tx
    .select({ id: staffUsers.id, name: staffUsers.displayName, roles: staffUsers.roles })
    .from(staffUsers)
    .where(eq(staffUsers.active, true))
    .orderBy(asc(staffUsers.displayName));
  return rows.filter((r) => r.roles.some((x) => x === 'operator' || x === 'office' || x === 'admin')).map((r) => ({ id: r.id, name: r.name }));
}

/** Display names of staff ids (for the history). */
export async function staffNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const clean = [...new Set(ids.filter(isUuid))];
  if (!clean.length) return new Map();
  const rows = await tx.select({ id: staffUsers.id, name: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, clean));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SlaRow {
  categoryCode: string;
  officeSlug: string | null;
  officeName: string | null;
  open: number;
  overdue: number;
  /** Average age of the open reports, in days. */
  avgAgeDays: number;
}

const OPEN_LIST = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Open reports per category and office: how many, how many overdue, their average age. */
export async function slaByCategoryOffice(tx: Tx, at: Date = new Date()): Promise<SlaRow[]> {
  const now = sql`${at.toISOString()}::timestamptz`;
  const rows = await tx
    .select({
      categoryCode: reports.categoryCode,
      officeSlug: reports.officeSlug,
      officeName: sql<string | null>`max(${reports.officeName})`,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${reports.dueAt} < ${now}))::int`,
      avgAgeDays: sql<number>`coalesce(avg(extract(epoch from (${now} - ${reports.createdAt}))) / 86400, 0)::float8`,
    })
    .from(reports)
    .where(sql`${reports.status} in (${OPEN_LIST})`)
    .groupBy(reports.categoryCode, reports.officeSlug)
    .orderBy(sql`3 desc nulls last`, reports.categoryCode);
  return rows.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue), avgAgeDays: Number(r.avgAgeDays) }));
}

/** Hide or show a photo of a report (a face, a number plate): audited and written in the history. */
export async function setPhotoHidden(ctx: AppContext, tenantId: string, reportId: string, photoId: string, hidden: boolean, audit: AuditContext): Promise<Result<{ hidden: boolean }>> {
  if (!isUuid(reportId) || !isUuid(photoId)) return { ok: false, error: { code: 'not-found' } };
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const where = and(eq(reportPhotos.tenantId, tenantId), eq(reportPhotos.reportId, reportId), eq(reportPhotos.id, photoId));
    const [p] = await tx.select().from(reportPhotos).where(where).for('update');
    if (!p) return { ok: false, error: { code: 'not-found' } } as const;
    if (p.hidden === hidden) return { ok: true, value: { hidden } } as const;
    await withAudit(tx, audit, async () => {
      await tx.update(reportPhotos).set({ hidden }).where(where);
      return { value: null, audit: { action: hidden ? 'reports.photo.hidden' : 'reports.photo.shown', entityType: 'reports.report', entityId: reportId, details: { photoId } } };
    });
    const now = new Date();
    await tx.insert(reportEvents).values({
      tenantId,
      reportId,
      at: now,
      kind: 'photo',
      details: { photoId, hidden },
      actor: audit.actor.type === 'staff' ? `staff:${audit.actor.id}` : 'system',
    });
    await tx.update(reports).set({ updatedAt: now }).where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)));
    return { ok: true, value: { hidden } } as const;
  });
}
