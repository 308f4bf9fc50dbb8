import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.ts';
import { uploads } from '../../../core/db/schema.ts';
import { siteContents } from '../schema.ts';
import { titleOf } from '../content/derive.ts';
import type { ContentData, ContentType, Localized } from '../content/types.ts';

/** Reads of the back office that the content repository does not offer (counts, reference choices, uploads). */

export interface TypeCounts {
  total: number;
  published: number;
  /** Never published. */
  drafts: number;
  /** Published, with a working copy that differs from the live version. */
  changed: number;
}

export async function countsByType(tx: Tx): Promise<Map<string, TypeCounts>> {
  const rows = await tx
    .select({
      type: siteContents.type,
      total: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${siteContents.published} is not null))::int`,
      drafts: sql<number>`(count(*) filter (where ${siteContents.published} is null))::int`,
      changed: sql<number>`(count(*) filter (where ${siteContents.published} is not null and ${siteContents.published} <> ${siteContents.draft}))::int`,
    })
    .from(siteContents)
    .groupBy(siteContents.type);
  return new Map(rows.map((r) => [r.type, { total: Number(r.total), published: Number(r.published), drafts: Number(r.drafts), changed: Number(r.changed) }]));
}

export interface RefOption {
  slug: string;
  title: Localized;
  published: boolean;
}

/** Every content of a type (drafts too), by Italian title: the choices of a reference field. */
export async function refOptions(tx: Tx, type: ContentType): Promise<RefOption[]> {
  const rows = await tx
    .select({ slug: siteContents.slug, draft: siteContents.draft, isPublished: sql<boolean>`${siteContents.published} is not null` })
    .from(siteContents)
    .where(eq(siteContents.type, type));
  return rows
    .map((r) => ({ slug: r.slug, title: titleOf(type, r.draft as ContentData as never), published: Boolean(r.isPublished) }))
    .sort((a, b) => a.title.it.localeCompare(b.title.it, 'it'));
}

/** Whether a slug is taken by a content of this type. */
export async function slugTaken(tx: Tx, type: ContentType, slug: string): Promise<boolean> {
  const r = await tx.select({ id: siteContents.id }).from(siteContents).where(and(eq(siteContents.type, type), eq(siteContents.slug, slug)));
  return r.length > 0;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);

export interface UploadInfo {
  contentType: string;
  name: string;
  sizeBytes: number;
}

/** This comune's uploads among `ids` (unknown or malformed ids are left out). */
export async function uploadInfo(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, UploadInfo>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return new Map();
  const rows = await tx
    .select({ id: uploads.id, contentType: uploads.contentType, name: uploads.originalName, sizeBytes: uploads.sizeBytes })
    .from(uploads)
    .where(and(eq(uploads.tenantId, tenantId), inArray(uploads.id, valid)));
  return new Map(rows.map((r) => [r.id, { contentType: r.contentType, name: r.name, sizeBytes: r.sizeBytes }]));
}
