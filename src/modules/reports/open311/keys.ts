/**
 * API keys of Open311 client apps (issue 4 §6): administrators create one per app, the key is shown once and only
 * its SHA-256 hash and first characters are stored; POST requests must carry a valid, unrevoked key.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { withAudit, type AuditContext } from '../../../core/audit/index.ts';
import { actorLabel } from '../../../core/auth/types.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { open311ApiKeys } from '../schema.ts';

export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;
/** A key as lists and pages show it: never the hash. */
export type ApiKeyView = Omit<ApiKeyRow, 'keyHash' | 'tenantId'>;

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; field?: string; message?: string } };

/** The key every development demo comune has, so apps can try the API (issue 4 §6). Never in production. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
/** How many characters of a key are kept in clear, to recognise it in the list. */
export const KEY_PREFIX_LENGTH = 8;
const KEY_MAX_LENGTH = 200;
export const KEY_NAME_MAX = 100;
export const KEY_EMAIL_MAX = 254;
/** lastUsedAt is written at most once per this interval per key (no write on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key: `p311_` and 32 base64url characters (192 bits). */
export function generateApiKey(): string {
  return `p311_${randomBytes(24).toString('base64url')}`;
}

function view(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    contactEmail: row.contactEmail,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

export interface NewApiKey {
  name: string;
  contactEmail?: string | null;
}

/** Checks the admin form; errors carry i18n keys of open311/i18n/admin.*.json. */
export function validateNewApiKey(input: NewApiKey): { name: string; contactEmail: string | null } | { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', code: 'reports.open311.admin.error.nameRequired' });
  else if ([...name].length > KEY_NAME_MAX) errors.push({ field: 'name', code: 'reports.open311.admin.error.nameTooLong' });
  const email = (input.contactEmail ?? '').trim();
  if (email !== '' && (email.length > KEY_EMAIL_MAX || !EMAIL.test(email))) errors.push({ field: 'contactEmail', code: 'reports.open311.admin.error.email' });
  return errors.length > 0 ? errors : { name, contactEmail: email === '' ? null : email };
}

/** Creates a key for an app and returns it in clear — the only time it is available. Audited. */
export async function createApiKey(
  ctx: AppContext,
  tenantId: string,
  input: NewApiKey,
  audit: AuditContext,
): Promise<Result<{ key: string; apiKey: ApiKeyView }>> {
  const checked = validateNewApiKey(input);
  if (Array.isArray(checked)) {
    const first = checked[0]!;
    return { ok: false, error: { code: first.code, field: first.field } };
  }
  const key = generateApiKey();
  const row = await withTenantTx(ctx.db, tenantId, (tx) =>
    withAudit(tx, audit, async (t) => {
      const [created] = await t
        .insert(open311ApiKeys)
        .values({
          tenantId,
          name: checked.name,
          contactEmail: checked.contactEmail,
          keyHash: hashApiKey(key),
          keyPrefix: key.slice(0, KEY_PREFIX_LENGTH),
          createdBy: actorLabel(audit.actor),
        })
        .returning();
      return {
        value: created!,
        audit: { action: 'reports.open311-key.created', entityType: 'open311_api_key', entityId: created!.id, details: { prefix: created!.keyPrefix } },
      };
    }),
  );
  return { ok: true, value: { key, apiKey: view(row) } };
}

/** Every key of the tenant, newest first (revoked ones included, marked). */
export async function listApiKeys(tx: Tx): Promise<ApiKeyView[]> {
  const rows = await tx.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.createdAt), desc(open311ApiKeys.id));
  return rows.map(view);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes a key (for good: apps using it get 403). Revoking a revoked key is a no-op that still succeeds. */
export async function revokeApiKey(ctx: AppContext, tenantId: string, id: string, audit: AuditContext): Promise<Result<ApiKeyView>> {
  if (!UUID.test(id)) return { ok: false, error: { code: 'not-found' } };
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const [row] = await tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id));
    if (!row) return { ok: false as const, error: { code: 'not-found' } };
    if (row.revokedAt) return { ok: true as const, value: view(row) };
    const updated = await withAudit(tx, audit, async (t) => {
      const [u] = await t.update(open311ApiKeys).set({ revokedAt: new Date() }).where(eq(open311ApiKeys.id, id)).returning();
      return { value: u!, audit: { action: 'reports.open311-key.revoked', entityType: 'open311_api_key', entityId: id, details: { prefix: u!.keyPrefix } } };
    });
    return { ok: true as const, value: view(updated) };
  });
}

/**
 * The tenant's unrevoked key matching `key`, or null. The lookup is by hash (the clear key is never compared), and
 * the hashes are compared in constant time. Updates lastUsedAt (at most once a minute per key).
 */
export async function verifyApiKey(ctx: AppContext, tenantId: string, key: string, now: Date = new Date()): Promise<ApiKeyView | null> {
  if (typeof key !== 'string' || key.length === 0 || key.length > KEY_MAX_LENGTH) return null;
  const hash = hashApiKey(key);
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const [row] = await tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.keyHash, hash));
    if (!row) return null;
    const a = Buffer.from(row.keyHash, 'hex');
    const b = Buffer.from(hash, 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    if (row.revokedAt) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await tx
        .update(open311ApiKeys)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(open311ApiKeys.id, row.id),
            or(isNull(open311ApiKeys.lastUsedAt), lt(open311ApiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
          ),
        );
      row.lastUsedAt = now;
    }
    return view(row);
  });
}

/**
 * In development (never in production) the demo comune has the key `demo-open311-key` (issue 4 §6). Idempotent:
 * an existing demo key (even a revoked one: an admin revoked it on purpose) is left alone.
 */
export async function seedOpen311DemoKey(ctx: AppContext, tenant: Tenant): Promise<void> {
  if (ctx.config.isProduction) return;
  await withTenantTx(ctx.db, tenant.id, async (tx) => {
    await tx
      .insert(open311ApiKeys)
      .values({
        tenantId: tenant.id,
        name: 'Demo Open311',
        keyHash: hashApiKey(DEMO_OPEN311_KEY),
        keyPrefix: DEMO_OPEN311_KEY.slice(0, KEY_PREFIX_LENGTH),
        contactEmail: null,
        createdBy: 'seed',
      })
      .onConflictDoNothing({ target: open311ApiKeys.keyHash });
  });
}
