/**
 * The read side of the Open311 API. Every query selects only public columns: the reporter's name, e-mail, phone
 * and citizen id are never read here, so they cannot reach a response (STANDARDS.md §1.6 trap 5).
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.ts';
import { reportCategories, reportEvents, reportPhotos, reports } from '../schema.ts';

export const PUBLIC_REPORT_COLUMNS = {
  id: reports.id,
  number: reports.number,
  categoryCode: reports.categoryCode,
  title: reports.title,
  description: reports.description,
  status: reports.status,
  lat: reports.lat,
  lon: reports.lon,
  address: reports.address,
  officeName: reports.officeName,
  source: reports.source,
  publicReply: reports.publicReply,
  dueAt: reports.dueAt,
  resolvedAt: reports.resolvedAt,
  closedAt: reports.closedAt,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
};

export interface PublicReport {
  id: string;
  number: number;
  categoryCode: string;
  title: string;
  description: string;
  status: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  officeName: string | null;
  source: string;
  publicReply: string | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RequestSearch {
  numbers?: number[];
  categories?: string[] | null;
  statuses?: string[] | null;
  from?: Date;
  to?: Date;
  offices?: string[] | null;
  hasPhoto?: boolean | null;
  limit: number;
  offset: number;
}

const visiblePhoto = (reportId: SQL | typeof reports.id) =>
  sql`exists (select 1 from ${reportPhotos} where ${reportPhotos.reportId} = ${reportId} and ${reportPhotos.tenantId} = ${reports.tenantId} and not ${reportPhotos.hidden})`;

/** Reports for GET requests: newest first. With `numbers`, only those (the other filters still apply if given). */
export async function searchPublicReports(tx: Tx, s: RequestSearch): Promise<PublicReport[]> {
  const where: SQL[] = [];
  if (s.numbers) {
    if (s.numbers.length === 0) return [];
    where.push(inArray(reports.number, s.numbers));
  }
  if (s.categories) where.push(inArray(reports.categoryCode, s.categories));
  if (s.statuses) where.push(inArray(reports.status, s.statuses));
  if (s.from) where.push(gte(reports.createdAt, s.from));
  if (s.to) where.push(lte(reports.createdAt, s.to));
  if (s.offices) where.push(inArray(reports.officeName, s.offices));
  if (s.hasPhoto === true) where.push(visiblePhoto(reports.id));
  if (s.hasPhoto === false) where.push(sql`not ${visiblePhoto(reports.id)}`);
  return tx
    .select(PUBLIC_REPORT_COLUMNS)
    .from(reports)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(reports.createdAt), desc(reports.number))
    .limit(s.limit)
    .offset(s.offset);
}

export async function publicReportByNumber(tx: Tx, n: number): Promise<PublicReport | null> {
  const [row] = await tx.select(PUBLIC_REPORT_COLUMNS).from(reports).where(eq(reports.number, n));
  return row ?? null;
}

/** Visible photos of the given reports, in their order: reportId → photo ids. */
export async function publicPhotos(tx: Tx, reportIds: string[], opts: { firstOnly?: boolean } = {}): Promise<Map<string, { id: string; createdAt: Date }[]>> {
  const out = new Map<string, { id: string; createdAt: Date }[]>();
  if (reportIds.length === 0) return out;
  const rows = opts.firstOnly
    ? await tx
        .selectDistinctOn([reportPhotos.reportId], { id: reportPhotos.id, reportId: reportPhotos.reportId, createdAt: reportPhotos.createdAt })
        .from(reportPhotos)
        .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.hidden, false)))
        .orderBy(reportPhotos.reportId, asc(reportPhotos.position), asc(reportPhotos.createdAt))
    : await tx
        .select({ id: reportPhotos.id, reportId: reportPhotos.reportId, createdAt: reportPhotos.createdAt })
        .from(reportPhotos)
        .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.hidden, false)))
        .orderBy(asc(reportPhotos.position), asc(reportPhotos.createdAt));
  for (const r of rows) {
    const list = out.get(r.reportId) ?? [];
    list.push({ id: r.id, createdAt: r.createdAt });
    out.set(r.reportId, list);
  }
  return out;
}

/** Public history (status changes and public replies, never internal notes) of the given reports, oldest first. */
export async function publicHistory(
  tx: Tx,
  reportIds: string[],
): Promise<Map<string, { at: Date; kind: string; toStatus: string | null; publicReply: string | null }[]>> {
  const out = new Map<string, { at: Date; kind: string; toStatus: string | null; publicReply: string | null }[]>();
  if (reportIds.length === 0) return out;
  const rows = await tx
    .select({ reportId: reportEvents.reportId, at: reportEvents.at, kind: reportEvents.kind, toStatus: reportEvents.toStatus, publicReply: reportEvents.publicReply })
    .from(reportEvents)
    .where(and(inArray(reportEvents.reportId, reportIds), sql`(${reportEvents.toStatus} is not null or ${reportEvents.publicReply} is not null)`))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
  for (const r of rows) {
    const list = out.get(r.reportId) ?? [];
    list.push({ at: r.at, kind: r.kind, toStatus: r.toStatus, publicReply: r.publicReply });
    out.set(r.reportId, list);
  }
  return out;
}

/** The newest change of the tenant's categories: the discovery changeset (a change tells clients to refresh). */
export async function categoriesChangeset(tx: Tx): Promise<Date | null> {
  const [row] = await tx.select({ at: sql<Date | string | null>`max(${reportCategories.updatedAt})` }).from(reportCategories);
  const at = row?.at;
  if (!at) return null;
  return at instanceof Date ? at : new Date(at);
}
