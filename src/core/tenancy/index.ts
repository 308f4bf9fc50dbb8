import { asc, eq, sql } from 'drizzle-orm';
import { tenants, type TenantSettings } from '../db/schema.ts';
import type { Db } from '../db/client.ts';
import type { Tenant } from './types.ts';

export type { Tenant } from './types.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function normaliseHost(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  let h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1);
  else h = h.split(':')[0]!;
  return h.replace(/\.$/, '');
}

export function isLocalHost(host: string): boolean {
  return LOCAL_HOSTS.has(host);
}

function toTenant(row: typeof tenants.$inferSelect): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    istatCode: row.istatCode,
    ipaCode: row.ipaCode,
    hosts: row.hosts,
    locales: row.locales,
    settings: row.settings,
    isDemo: row.isDemo,
  };
}

/**
 * Resolves the comune of a request from its Host header, with a short-lived cache.
 * localhost and 127.0.0.1 fall back to the default tenant (DEFAULT_TENANT, else the oldest).
 */
export class TenantResolver {
  private cache = new Map<string, { tenant: Tenant | null; at: number }>();
  constructor(
    private readonly db: Db,
    private readonly defaultSlug: string | undefined,
    private readonly ttlMs = 30_000,
  ) {}

  async resolve(hostHeader: string | undefined): Promise<Tenant | null> {
    const host = normaliseHost(hostHeader);
    const hit = this.cache.get(host);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.tenant;
    const tenant = await this.lookup(host);
    this.cache.set(host, { tenant, at: Date.now() });
    return tenant;
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async lookup(host: string): Promise<Tenant | null> {
    if (host) {
      const rows = await this.db.select().from(tenants).where(sql`${host} = any(${tenants.hosts})`).limit(1);
      if (rows[0]) return toTenant(rows[0]);
    }
    if (!isLocalHost(host)) return null;
    return this.defaultTenant();
  }

  async defaultTenant(): Promise<Tenant | null> {
    if (this.defaultSlug) {
      const rows = await this.db.select().from(tenants).where(eq(tenants.slug, this.defaultSlug)).limit(1);
      return rows[0] ? toTenant(rows[0]) : null;
    }
    const rows = await this.db.select().from(tenants).orderBy(asc(tenants.createdAt), asc(tenants.slug)).limit(1);
    return rows[0] ? toTenant(rows[0]) : null;
  }
}

export interface NewTenant {
  slug: string;
  name: string;
  istatCode?: string | null;
  ipaCode?: string | null;
  hosts?: string[];
  locales?: string[];
  settings?: TenantSettings;
  isDemo?: boolean;
}

export type TenantInputError = { field: keyof NewTenant; message: string };

/** Validate a new tenant's fields; returns field errors (empty = valid). */
export function validateNewTenant(t: NewTenant): TenantInputError[] {
  const errors: TenantInputError[] = [];
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(t.slug)) errors.push({ field: 'slug', message: 'lowercase letters, digits and hyphens, 1–63 characters' });
  if (!t.name || t.name.trim().length < 2) errors.push({ field: 'name', message: 'at least 2 characters' });
  if (t.istatCode != null && !/^\d{6}$/.test(t.istatCode)) errors.push({ field: 'istatCode', message: 'six digits (ISTAT comune code, e.g. 096004)' });
  if (t.ipaCode != null && !/^[a-z0-9_]{2,20}$/i.test(t.ipaCode)) errors.push({ field: 'ipaCode', message: 'an IPA code such as c_a859' });
  for (const h of t.hosts ?? []) {
    if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(h)) errors.push({ field: 'hosts', message: `"${h}" is not a host name` });
  }
  for (const l of t.locales ?? []) {
    if (!['it', 'en'].includes(l)) errors.push({ field: 'locales', message: `"${l}" is not a supported locale (it, en)` });
  }
  return errors;
}

/** Create a tenant (system context). Returns field errors instead of throwing for bad input or duplicates. */
export async function createTenant(db: Db, input: NewTenant): Promise<{ ok: true; value: Tenant } | { ok: false; errors: TenantInputError[] }> {
  const errors = validateNewTenant(input);
  if (errors.length) return { ok: false, errors };
  const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug)).limit(1);
  if (existing.length) return { ok: false, errors: [{ field: 'slug', message: `a tenant "${input.slug}" already exists` }] };
  for (const h of input.hosts ?? []) {
    const clash = await db.select({ slug: tenants.slug }).from(tenants).where(sql`${h} = any(${tenants.hosts})`).limit(1);
    if (clash[0]) return { ok: false, errors: [{ field: 'hosts', message: `host ${h} already belongs to tenant "${clash[0].slug}"` }] };
  }
  const [row] = await db
    .insert(tenants)
    .values({
      slug: input.slug,
      name: input.name.trim(),
      istatCode: input.istatCode ?? null,
      ipaCode: input.ipaCode ?? null,
      hosts: (input.hosts ?? []).map((h) => h.toLowerCase()),
      locales: input.locales ?? ['it', 'en'],
      settings: input.settings ?? {},
      isDemo: input.isDemo ?? false,
    })
    .returning();
  return { ok: true, value: toTenant(row!) };
}

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  const rows = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows[0] ? toTenant(rows[0]) : null;
}

export async function listTenants(db: Db): Promise<Tenant[]> {
  const rows = await db.select().from(tenants).orderBy(asc(tenants.createdAt));
  return rows.map(toTenant);
}
