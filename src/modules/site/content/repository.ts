import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.ts';
import { withAudit, type AuditContext } from '../../../core/audit/index.ts';
import { actorLabel } from '../../../core/auth/types.ts';
import { siteContents } from '../schema.ts';
import { derive, slugify, type Locale } from './derive.ts';
import type { Content, ContentDataMap, ContentType, EditableContent } from './types.ts';

/**
 * Reading and changing site contents. Every query runs inside withTenantTx (row-level security scopes it to the
 * comune). Changes by staff go through withAudit: the change and its audit entry commit together.
 */

type Row = typeof siteContents.$inferSelect;

export type ContentError = { code: 'slug-taken' | 'invalid-slug' | 'not-found' | 'not-published' };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContentError };

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isValidSlug = (s: string) => SLUG_RE.test(s) && s.length <= 80;

function toEditable<T extends ContentType>(r: Row): EditableContent<T> {
  return {
    id: r.id,
    type: r.type as T,
    slug: r.slug,
    draft: r.draft as ContentDataMap[T],
    published: (r.published ?? null) as ContentDataMap[T] | null,
    changed: r.published === null || JSON.stringify(r.published) !== JSON.stringify(r.draft),
    firstPublishedAt: r.firstPublishedAt,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

function toPublished<T extends ContentType>(r: Pick<Row, 'id' | 'type' | 'slug' | 'published' | 'publishedAt' | 'updatedAt'>): Content<T> {
  return { id: r.id, type: r.type as T, slug: r.slug, data: r.published as ContentDataMap[T], publishedAt: r.publishedAt, updatedAt: r.updatedAt };
}

const publishedCols = {
  id: siteContents.id,
  type: siteContents.type,
  slug: siteContents.slug,
  published: siteContents.published,
  publishedAt: siteContents.publishedAt,
  updatedAt: siteContents.updatedAt,
};

// ——— Changes (staff, audited) ———

export interface CreateInput<T extends ContentType> {
  type: T;
  /** Defaults to a slug made from the title. */
  slug?: string;
  data: ContentDataMap[T];
  publish?: boolean;
}

/** Create a content as a draft (or published straight away). The slug must be free within its type. */
export async function createContent<T extends ContentType>(tx: Tx, audit: AuditContext, input: CreateInput<T>): Promise<Result<EditableContent<T>>> {
  const d = derive(input.type, input.data);
  const slug = input.slug ?? slugify(d.titleIt);
  if (!isValidSlug(slug)) return { ok: false, error: { code: 'invalid-slug' } };
  const taken = await tx
    .select({ id: siteContents.id })
    .from(siteContents)
    .where(and(eq(siteContents.tenantId, audit.tenantId), eq(siteContents.type, input.type), eq(siteContents.slug, slug)));
  if (taken.length) return { ok: false, error: { code: 'slug-taken' } };
  const by = actorLabel(audit.actor);
  const now = new Date();
  const row = await withAudit(tx, audit, async () => {
    const [r] = await tx
      .insert(siteContents)
      .values({
        tenantId: audit.tenantId,
        type: input.type,
        slug,
        draft: input.data,
        createdBy: by,
        updatedBy: by,
        ...(input.publish ? { published: input.data, publishedAt: now, firstPublishedAt: now, ...d } : {}),
      })
      .returning();
    if (!r) throw new Error('insert returned nothing');
    return { value: r, audit: { action: input.publish ? 'site.content.created-published' : 'site.content.created', entityType: `site.${input.type}`, entityId: r.id, details: { slug } } };
  });
  return { ok: true, value: toEditable<T>(row) };
}

/** Save the working copy. Citizens keep seeing the published version until the content is published again. */
export async function saveDraft<T extends ContentType>(tx: Tx, audit: AuditContext, id: string, data: ContentDataMap[T]): Promise<Result<EditableContent<T>>> {
  return change<T>(tx, audit, id, 'site.content.draft-saved', () => ({ draft: data }));
}

/** Make the working copy the live version. */
export async function publishContent<T extends ContentType>(tx: Tx, audit: AuditContext, id: string): Promise<Result<EditableContent<T>>> {
  return change<T>(tx, audit, id, 'site.content.published', (r) => {
    const now = new Date();
    return { published: r.draft, publishedAt: now, firstPublishedAt: r.firstPublishedAt ?? now, ...derive(r.type as ContentType, r.draft) };
  });
}

/** Take the content off the site; the working copy stays. */
export async function unpublishContent<T extends ContentType>(tx: Tx, audit: AuditContext, id: string): Promise<Result<EditableContent<T>>> {
  return change<T>(tx, audit, id, 'site.content.unpublished', (r) => {
    if (r.published === null) return null;
    return { published: null, publishedAt: null, searchIt: null, searchEn: null, titleIt: null, titleEn: null, kind: null, sortDate: null, endDate: null, topics: [], refs: [] };
  });
}

/** Delete a content that is not published (unpublish it first). */
export async function deleteContent(tx: Tx, audit: AuditContext, id: string): Promise<Result<{ id: string }>> {
  const [r] = await tx.select().from(siteContents).where(and(eq(siteContents.tenantId, audit.tenantId), eq(siteContents.id, id))).for('update');
  if (!r) return { ok: false, error: { code: 'not-found' } };
  if (r.published !== null) return { ok: false, error: { code: 'not-published' } };
  await withAudit(tx, audit, async () => {
    await tx.delete(siteContents).where(and(eq(siteContents.tenantId, audit.tenantId), eq(siteContents.id, id)));
    return { value: null, audit: { action: 'site.content.deleted', entityType: `site.${r.type}`, entityId: id, details: { slug: r.slug } } };
  });
  return { ok: true, value: { id } };
}

async function change<T extends ContentType>(
  tx: Tx,
  audit: AuditContext,
  id: string,
  action: string,
  patch: (r: Row) => Partial<typeof siteContents.$inferInsert> | null,
): Promise<Result<EditableContent<T>>> {
  const [r] = await tx.select().from(siteContents).where(and(eq(siteContents.tenantId, audit.tenantId), eq(siteContents.id, id))).for('update');
  if (!r) return { ok: false, error: { code: 'not-found' } };
  const p = patch(r);
  if (p === null) return { ok: false, error: { code: 'not-published' } };
  const row = await withAudit(tx, audit, async () => {
    const [u] = await tx
      .update(siteContents)
      .set({ ...p, updatedAt: new Date(), updatedBy: actorLabel(audit.actor) })
      .where(and(eq(siteContents.tenantId, audit.tenantId), eq(siteContents.id, id)))
      .returning();
    if (!u) throw new Error('update returned nothing');
    return { value: u, audit: { action, entityType: `site.${r.type}`, entityId: id, details: { slug: r.slug } } };
  });
  return { ok: true, value: toEditable<T>(row) };
}

// ——— Back office reads ———

export async function getEditable<T extends ContentType>(tx: Tx, id: string): Promise<EditableContent<T> | null> {
  const [r] = await tx.select().from(siteContents).where(eq(siteContents.id, id));
  return r ? toEditable<T>(r) : null;
}

/** Every content of a type, drafts included, newest change first, for the back office list. */
export async function listEditable<T extends ContentType>(tx: Tx, type: T, opts: { q?: string; limit?: number; offset?: number } = {}): Promise<{ rows: EditableContent<T>[]; total: number }> {
  const conds: SQL[] = [eq(siteContents.type, type)];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(sql`${siteContents.slug} ilike ${like}`, sql`${siteContents.draft}::text ilike ${like}`) as SQL);
  }
  const where = and(...conds);
  const rows = await tx.select().from(siteContents).where(where).orderBy(desc(siteContents.updatedAt)).limit(opts.limit ?? 50).offset(opts.offset ?? 0);
  const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(siteContents).where(where);
  return { rows: rows.map((r) => toEditable<T>(r)), total: c?.n ?? 0 };
}

// ——— Public reads (published versions only) ———

export async function findPublished<T extends ContentType>(tx: Tx, type: T, slug: string): Promise<Content<T> | null> {
  const [r] = await tx
    .select(publishedCols)
    .from(siteContents)
    .where(and(eq(siteContents.type, type), eq(siteContents.slug, slug), isNotNull(siteContents.published)));
  return r ? toPublished<T>(r) : null;
}

export async function findPublishedBySlugs<T extends ContentType>(tx: Tx, type: T, slugs: string[]): Promise<Content<T>[]> {
  if (!slugs.length) return [];
  const rows = await tx
    .select(publishedCols)
    .from(siteContents)
    .where(and(eq(siteContents.type, type), inArray(siteContents.slug, slugs), isNotNull(siteContents.published)));
  const bySlug = new Map(rows.map((r) => [r.slug, toPublished<T>(r)]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

export interface ListOptions {
  /** Service category, news kind, place kind, person body, organisation or document kind. */
  kind?: string | string[];
  topic?: string;
  /** Contents that point at this slug (an office's services, a place's events, a service's FAQs). */
  ref?: string;
  /** Events: those that end on or after `from` and start on or before `to`. News and documents: by their date. */
  from?: Date;
  to?: Date;
  /** Full-text query in the reader's language. */
  q?: string;
  locale?: Locale;
  order?: 'title' | 'date-desc' | 'date-asc' | 'relevance';
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

/**
 * A full-text query: every word must match, as a word or a word prefix (so "buca" finds "buche" and a
 * half-typed word still finds something). Returns null when nothing searchable is left.
 */
export function tsQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

function listConditions(type: ContentType | ContentType[] | null, o: ListOptions): SQL[] {
  const conds: SQL[] = [isNotNull(siteContents.published)];
  if (type) conds.push(Array.isArray(type) ? inArray(siteContents.type, type) : eq(siteContents.type, type));
  if (o.kind !== undefined) conds.push(Array.isArray(o.kind) ? inArray(siteContents.kind, o.kind) : eq(siteContents.kind, o.kind));
  if (o.topic) conds.push(sql`${siteContents.topics} @> array[${o.topic}]::text[]`);
  if (o.ref) conds.push(sql`${siteContents.refs} @> array[${o.ref}]::text[]`);
  const events = type === 'event';
  if (o.from) conds.push(events ? gte(siteContents.endDate, o.from) : gte(siteContents.sortDate, o.from));
  if (o.to) conds.push(lte(siteContents.sortDate, o.to));
  if (o.q) {
    const tq = tsQuery(o.q);
    const vector = o.locale === 'en' ? siteContents.searchVectorEn : siteContents.searchVectorIt;
    const cfg = o.locale === 'en' ? 'english' : 'italian';
    const like = `%${o.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const title = o.locale === 'en' ? siteContents.titleEn : siteContents.titleIt;
    conds.push(
      tq
        ? (or(sql`${vector} @@ to_tsquery(${cfg}::regconfig, ${tq})`, sql`${title} ilike ${like}`) as SQL)
        : sql`${title} ilike ${like}`,
    );
  }
  return conds;
}

function orderBy(o: ListOptions) {
  const title = o.locale === 'en' ? siteContents.titleEn : siteContents.titleIt;
  switch (o.order) {
    case 'date-desc':
      return [desc(siteContents.sortDate), asc(title)];
    case 'date-asc':
      return [asc(siteContents.sortDate), asc(title)];
    case 'relevance': {
      const tq = o.q ? tsQuery(o.q) : null;
      if (!tq) return [asc(title)];
      const vector = o.locale === 'en' ? siteContents.searchVectorEn : siteContents.searchVectorIt;
      const cfg = o.locale === 'en' ? 'english' : 'italian';
      return [desc(sql`ts_rank(${vector}, to_tsquery(${cfg}::regconfig, ${tq}))`), asc(title)];
    }
    default:
      return [sql`lower(${title}) asc`];
  }
}

/** Published contents of one type (or several, for site search), filtered, ordered and paginated. */
export async function listPublished<T extends ContentType>(tx: Tx, type: T | T[] | null, o: ListOptions = {}): Promise<Page<Content<T>>> {
  const where = and(...listConditions(type, o));
  const rows = await tx
    .select(publishedCols)
    .from(siteContents)
    .where(where)
    .orderBy(...orderBy(o))
    .limit(Math.min(o.limit ?? 12, 200))
    .offset(o.offset ?? 0);
  const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(siteContents).where(where);
  return { rows: rows.map((r) => toPublished<T>(r)), total: c?.n ?? 0 };
}

/** How many published contents each kind (e.g. each service category) has. */
export async function countByKind(tx: Tx, type: ContentType): Promise<Map<string, number>> {
  const rows = await tx
    .select({ kind: siteContents.kind, n: sql<number>`count(*)::int` })
    .from(siteContents)
    .where(and(eq(siteContents.type, type), isNotNull(siteContents.published)))
    .groupBy(siteContents.kind);
  return new Map(rows.map((r) => [r.kind ?? '', r.n]));
}

/** How many published contents carry each topic. */
export async function countByTopic(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.execute<{ topic: string; n: number }>(
    sql`select t as topic, count(*)::int as n from ${siteContents}, unnest(${siteContents.topics}) as t where ${siteContents.published} is not null group by t`,
  );
  return new Map((rows as unknown as { rows: { topic: string; n: number }[] }).rows.map((r) => [r.topic, Number(r.n)]));
}

/** How many published contents of each type match the same filters as listPublished (one query, for search facets). */
export async function countByType(tx: Tx, types: ContentType[] | null, o: ListOptions = {}): Promise<Map<ContentType, number>> {
  const rows = await tx
    .select({ type: siteContents.type, n: sql<number>`count(*)::int` })
    .from(siteContents)
    .where(and(...listConditions(types, o)))
    .groupBy(siteContents.type);
  return new Map(rows.map((r) => [r.type as ContentType, r.n]));
}
