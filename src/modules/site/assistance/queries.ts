import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/types.ts';
import { t, type Locale } from '../../../core/i18n/index.ts';
import { siteAssistanceRequests, siteContents } from '../schema.ts';
import { slugify } from '../content/derive.ts';
import type { Localized, OfficeData } from '../content/types.ts';
import { REFERENCE_RE } from './model.ts';

/** Reads of the richiesta di assistenza. Every call runs inside withTenantTx (RLS scopes it to the comune). */

export type AssistanceRow = typeof siteAssistanceRequests.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);

/** A service category in the reader's language (the services pages' translation), Italian as fallback. */
export function categoryLabel(locale: Locale, category: string): string {
  const key = `site.services.category.${slugify(category)}`;
  const s = t(locale, key);
  return s === key ? category : s;
}

// ——— Offices ———

export interface OfficeRef {
  id: string;
  slug: string;
  name: Localized;
  published: boolean;
}

const officeCols = { id: siteContents.id, slug: siteContents.slug, draft: siteContents.draft, published: siteContents.published };
function toOffice(r: { id: string; slug: string; draft: unknown; published: unknown }): OfficeRef {
  const data = (r.published ?? r.draft) as OfficeData;
  return { id: r.id, slug: r.slug, name: data.name ?? { it: r.slug, en: r.slug }, published: r.published !== null };
}

/** Offices (published or not: a request may still be routed to an office being edited) by slug, in that order. */
export async function officesBySlugs(tx: Tx, slugs: string[]): Promise<OfficeRef[]> {
  if (!slugs.length) return [];
  const rows = await tx
    .select(officeCols)
    .from(siteContents)
    .where(and(eq(siteContents.type, 'office'), inArray(siteContents.slug, slugs)));
  const bySlug = new Map(rows.map((r) => [r.slug, toOffice(r)]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

export async function allOffices(tx: Tx, locale: Locale): Promise<OfficeRef[]> {
  const rows = await tx.select(officeCols).from(siteContents).where(eq(siteContents.type, 'office'));
  return rows.map(toOffice).sort((a, b) => (a.name[locale] || a.name.it).localeCompare(b.name[locale] || b.name.it, locale));
}

// ——— Who sees what ———

/** Operators and admins see every request; office members only those routed to their offices. */
export type Scope = { all: true } | { all: false; officeSlugs: string[] };

export async function staffScope(tx: Tx, actor: Extract<Actor, { type: 'staff' }>): Promise<Scope> {
  if (actor.roles.includes('admin') || actor.roles.includes('operator')) return { all: true };
  const ids = actor.officeIds.filter(isUuid);
  if (!ids.length) return { all: false, officeSlugs: [] };
  const rows = await tx
    .select({ slug: siteContents.slug })
    .from(siteContents)
    .where(and(eq(siteContents.type, 'office'), inArray(siteContents.id, ids)));
  return { all: false, officeSlugs: rows.map((r) => r.slug) };
}

export function inScope(scope: Scope, officeSlug: string | null): boolean {
  return scope.all || (officeSlug !== null && scope.officeSlugs.includes(officeSlug));
}

// ——— Requests ———

export async function findDraft(tx: Tx, citizenId: string): Promise<AssistanceRow | null> {
  const [r] = await tx
    .select()
    .from(siteAssistanceRequests)
    .where(and(eq(siteAssistanceRequests.citizenId, citizenId), eq(siteAssistanceRequests.status, 'draft')))
    .orderBy(desc(siteAssistanceRequests.updatedAt))
    .limit(1);
  return r ?? null;
}

/** A sent request by its public reference (drafts are not sent). */
export async function findSentByReference(tx: Tx, reference: string): Promise<AssistanceRow | null> {
  if (!REFERENCE_RE.test(reference)) return null;
  const [r] = await tx
    .select()
    .from(siteAssistanceRequests)
    .where(and(eq(siteAssistanceRequests.reference, reference), ne(siteAssistanceRequests.status, 'draft')));
  return r ?? null;
}

/** A sent request the staff member may see, or null. */
export async function getForStaff(tx: Tx, scope: Scope, id: string): Promise<AssistanceRow | null> {
  if (!isUuid(id)) return null;
  const [r] = await tx
    .select()
    .from(siteAssistanceRequests)
    .where(and(eq(siteAssistanceRequests.id, id), ne(siteAssistanceRequests.status, 'draft')));
  return r && inScope(scope, r.officeSlug) ? r : null;
}

export interface ListFilter {
  status?: string;
  office?: string;
  limit: number;
  offset: number;
}

/** Sent requests the staff member may see, newest first. */
export async function listForStaff(tx: Tx, scope: Scope, f: ListFilter): Promise<{ rows: AssistanceRow[]; total: number }> {
  const conds: SQL[] = [ne(siteAssistanceRequests.status, 'draft')];
  if (!scope.all) {
    if (!scope.officeSlugs.length) return { rows: [], total: 0 };
    conds.push(inArray(siteAssistanceRequests.officeSlug, scope.officeSlugs));
  }
  if (f.status) conds.push(eq(siteAssistanceRequests.status, f.status));
  if (f.office) conds.push(eq(siteAssistanceRequests.officeSlug, f.office));
  const where = and(...conds);
  const rows = await tx
    .select()
    .from(siteAssistanceRequests)
    .where(where)
    .orderBy(desc(sql`coalesce(${siteAssistanceRequests.submittedAt}, ${siteAssistanceRequests.createdAt})`), desc(siteAssistanceRequests.id))
    .limit(f.limit)
    .offset(f.offset);
  const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(siteAssistanceRequests).where(where);
  return { rows, total: Number(c?.n ?? 0) };
}
