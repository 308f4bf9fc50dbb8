import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx, type Tx } from '../../core/db/client.ts';
import { withAudit, type AuditContext } from '../../core/audit/index.ts';
import { siteContents } from '../site/schema.ts';
import { reportCategories } from './schema.ts';
import { DEFAULT_CATEGORIES } from './triage/categories.ts';

/**
 * The tenant's report categories: seeded from the 15 defaults of triage/categories.ts, editable by admins
 * (names, descriptions, office, target days, active, order). Codes never change.
 */

export type CategoryRow = typeof reportCategories.$inferSelect;

export type ResultError = { code: string; field?: string; message?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export type CategoryPatch = Partial<{
  nameIt: string;
  nameEn: string;
  descriptionIt: string | null;
  descriptionEn: string | null;
  officeSlug: string | null;
  officeName: string | null;
  targetDays: number;
  active: boolean;
  sortOrder: number;
}>;

/**
 * A comune that has never had categories gets the defaults on first use (mapped to its own site offices), so a
 * new tenant can take reports at once. A comune that deactivated every category still has rows: nothing happens.
 */
async function seedIfEmpty(tx: Tx): Promise<boolean> {
  const [any] = await tx.select({ code: reportCategories.code }).from(reportCategories).limit(1);
  if (any) return false;
  const rows = (await tx.execute(sql`select piazza_current_tenant() as id`)) as unknown as { rows: { id: string | null }[] };
  const tenantId = rows.rows[0]?.id;
  if (!tenantId) return false;
  await ensureDefaultCategories(tx, tenantId, await siteOfficeFor(tx));
  return true;
}

/** The tenant's categories (RLS scopes them), by sortOrder then code. */
export async function listCategories(tx: Tx, opts: { activeOnly?: boolean } = {}): Promise<CategoryRow[]> {
  const read = () => {
    const q = tx.select().from(reportCategories);
    return (opts.activeOnly ? q.where(eq(reportCategories.active, true)) : q).orderBy(asc(reportCategories.sortOrder), asc(reportCategories.code));
  };
  const rows = await read();
  if (rows.length === 0 && (await seedIfEmpty(tx))) return read();
  return rows;
}

export async function getCategory(tx: Tx, code: string): Promise<CategoryRow | null> {
  const read = async () => (await tx.select().from(reportCategories).where(eq(reportCategories.code, code)).limit(1))[0] ?? null;
  const r = await read();
  if (!r && (await seedIfEmpty(tx))) return read();
  return r;
}

/**
 * Insert the default categories the tenant does not have yet (existing ones are left as edited).
 * `officeFor` maps a code to one of the tenant's site offices; default: the office role hint of the category.
 */
export async function ensureDefaultCategories(
  tx: Tx,
  tenantId: string,
  officeFor?: (code: string) => { slug: string; name: string } | null,
): Promise<void> {
  const values = DEFAULT_CATEGORIES.map((c, i) => {
    const office = officeFor ? officeFor(c.code) : { slug: c.office.role, name: c.office.name };
    return {
      tenantId,
      code: c.code,
      nameIt: c.name.it,
      nameEn: c.name.en,
      officeSlug: office?.slug ?? null,
      officeName: office?.name ?? null,
      targetDays: c.targetDays,
      active: true,
      sortOrder: (i + 1) * 10,
    };
  });
  await tx.insert(reportCategories).values(values).onConflictDoNothing();
}

/**
 * Which of the comune's published site offices (site_contents type `office`) usually handles each office role
 * of DEFAULT_CATEGORIES, best candidate first. Slugs follow the Modello Comuni demo and common Italian names.
 */
const OFFICE_CANDIDATES: Record<string, readonly string[]> = {
  'lavori-pubblici': ['ufficio-lavori-pubblici', 'lavori-pubblici', 'ufficio-manutenzioni', 'lavori-pubblici-ambiente', 'ufficio-tecnico'],
  'verde-pubblico': ['ufficio-verde-pubblico', 'verde-pubblico', 'ufficio-verde', 'ufficio-ambiente', 'lavori-pubblici-ambiente'],
  'polizia-locale': ['polizia-locale-comando', 'polizia-locale', 'ufficio-mobilita'],
  ambiente: ['ufficio-ambiente', 'ambiente', 'lavori-pubblici-ambiente'],
  illuminazione: ['ufficio-illuminazione-pubblica', 'ufficio-lavori-pubblici', 'lavori-pubblici', 'lavori-pubblici-ambiente', 'ufficio-tecnico'],
  'servizi-cimiteriali': ['ufficio-cimiteri', 'servizi-cimiteriali'],
  'tutela-animali': ['ufficio-tutela-animali', 'ufficio-ambiente', 'lavori-pubblici-ambiente'],
  'servizio-idrico': ['ufficio-servizio-idrico', 'ufficio-lavori-pubblici', 'lavori-pubblici-ambiente', 'ufficio-ambiente'],
  'decoro-urbano': ['ufficio-decoro-urbano', 'ufficio-lavori-pubblici', 'lavori-pubblici-ambiente', 'polizia-locale-comando'],
  urp: ['urp', 'ufficio-relazioni-con-il-pubblico'],
};

/**
 * An `officeFor` for ensureDefaultCategories that points each category at one of the comune's own published
 * offices (so the report's office links to a real page), falling back to the URP, else to the default hint.
 */
export async function siteOfficeFor(tx: Tx): Promise<(code: string) => { slug: string; name: string } | null> {
  const wanted = [...new Set(Object.values(OFFICE_CANDIDATES).flat())];
  const rows = await tx
    .select({ slug: siteContents.slug, title: siteContents.titleIt })
    .from(siteContents)
    .where(and(eq(siteContents.type, 'office'), isNotNull(siteContents.published), inArray(siteContents.slug, wanted)));
  const offices = new Map(rows.filter((r) => r.title).map((r) => [r.slug, r.title!]));
  const pick = (role: string) => (OFFICE_CANDIDATES[role] ?? []).find((slug) => offices.has(slug));
  return (code) => {
    const def = DEFAULT_CATEGORIES.find((c) => c.code === code);
    if (!def) return null;
    const slug = pick(def.office.role) ?? pick('urp');
    return slug ? { slug, name: offices.get(slug)! } : { slug: def.office.role, name: def.office.name };
  };
}

export function categoryName(c: Pick<CategoryRow, 'nameIt' | 'nameEn'>, locale: 'it' | 'en'): string {
  return locale === 'en' ? c.nameEn || c.nameIt : c.nameIt;
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkPatch(patch: CategoryPatch): ResultError | null {
  for (const f of ['nameIt', 'nameEn'] as const) {
    const v = patch[f];
    if (v !== undefined && (typeof v !== 'string' || !v.trim() || v.length > 100)) return { code: 'invalid', field: f, message: 'required, at most 100 characters' };
  }
  for (const f of ['descriptionIt', 'descriptionEn'] as const) {
    const v = patch[f];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > 1000)) return { code: 'invalid', field: f, message: 'at most 1000 characters' };
  }
  if (patch.officeSlug !== undefined && patch.officeSlug !== null && !SLUG_RE.test(patch.officeSlug)) return { code: 'invalid', field: 'officeSlug', message: 'not a slug' };
  if (patch.officeName !== undefined && patch.officeName !== null && patch.officeName.length > 200) return { code: 'invalid', field: 'officeName', message: 'at most 200 characters' };
  if (patch.targetDays !== undefined && (!Number.isInteger(patch.targetDays) || patch.targetDays < 1 || patch.targetDays > 365))
    return { code: 'invalid', field: 'targetDays', message: 'a whole number of days between 1 and 365' };
  if (patch.sortOrder !== undefined && (!Number.isInteger(patch.sortOrder) || Math.abs(patch.sortOrder) > 1_000_000)) return { code: 'invalid', field: 'sortOrder', message: 'a whole number' };
  if (patch.active !== undefined && typeof patch.active !== 'boolean') return { code: 'invalid', field: 'active', message: 'true or false' };
  return null;
}

/** Change a category (admins). Audited. */
export async function updateCategory(ctx: AppContext, tenantId: string, code: string, patch: CategoryPatch, audit: AuditContext): Promise<Result<CategoryRow>> {
  const bad = checkPatch(patch);
  if (bad) return { ok: false, error: bad };
  const clean: CategoryPatch = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (clean as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const where = and(eq(reportCategories.tenantId, tenantId), eq(reportCategories.code, code));
    const [before] = await tx.select().from(reportCategories).where(where).for('update');
    if (!before) return { ok: false, error: { code: 'not-found', field: 'code' } } as const;
    const row = await withAudit(tx, audit, async () => {
      const [u] = await tx
        .update(reportCategories)
        .set({ ...clean, updatedAt: new Date() })
        .where(where)
        .returning();
      return { value: u!, audit: { action: 'reports.category.updated', entityType: 'reports.category', entityId: null, details: { code, fields: Object.keys(clean) } } };
    });
    return { ok: true, value: row } as const;
  });
}
