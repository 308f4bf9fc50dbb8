import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog } from '../../../core/db/schema.ts';
import type { AuditContext } from '../../../core/audit/index.ts';
import { siteModule } from '../../site/module.ts';
import { reportsModule } from '../module.ts';
import { open311ApiKeys } from '../schema.ts';
import { DEMO_OPEN311_KEY, createApiKey, hashApiKey, listApiKeys, revokeApiKey, seedOpen311DemoKey, verifyApiKey } from './keys.ts';

let t: TestApp;
let audit: AuditContext;

beforeAll(async () => {
  t = await buildTestApp({ modules: [siteModule, { ...reportsModule, routes: undefined }] });
  const staff = await makeStaff(t.app, t.tenant, ['admin']);
  audit = {
    tenantId: t.tenant.id,
    actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] },
    requestId: 'test-request',
  };
});
afterAll(async () => {
  await t?.close();
});

describe('Open311 API keys', () => {
  it('creates a key shown once: only its hash and prefix are stored; the creation is audited', async () => {
    const r = await createApiKey(t.ctx, t.tenant.id, { name: 'App Segnala', contactEmail: 'dev@app.example' }, audit);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { key, apiKey } = r.value;
    expect(key).toMatch(/^p311_[A-Za-z0-9_-]{32}$/);
    expect(apiKey.keyPrefix).toBe(key.slice(0, 8));
    expect(apiKey).not.toHaveProperty('keyHash');
    const [row] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, apiKey.id)));
    expect(row!.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const entries = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, apiKey.id)));
    expect(entries.map((e) => e.action)).toEqual(['reports.open311-key.created']);
    expect(JSON.stringify(entries)).not.toContain(key);
  });

  it('refuses a key without a name or with a bad e-mail', async () => {
    expect(await createApiKey(t.ctx, t.tenant.id, { name: '  ' }, audit)).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await createApiKey(t.ctx, t.tenant.id, { name: 'X', contactEmail: 'not-an-email' }, audit)).toMatchObject({ ok: false, error: { field: 'contactEmail' } });
  });

  it('verifies a valid key (recording its last use), refuses a wrong or revoked one', async () => {
    const r = await createApiKey(t.ctx, t.tenant.id, { name: 'Da revocare' }, audit);
    if (!r.ok) throw new Error('create failed');
    const { key, apiKey } = r.value;
    expect(apiKey.lastUsedAt).toBeNull();
    const ok = await verifyApiKey(t.ctx, t.tenant.id, key);
    expect(ok?.id).toBe(apiKey.id);
    const listed = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => listApiKeys(tx));
    expect(listed.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeInstanceOf(Date);

    expect(await verifyApiKey(t.ctx, t.tenant.id, `${key}x`)).toBeNull();
    expect(await verifyApiKey(t.ctx, t.tenant.id, '')).toBeNull();
    expect(await verifyApiKey(t.ctx, t.tenant.id, 'x'.repeat(5000))).toBeNull();

    const revoked = await revokeApiKey(t.ctx, t.tenant.id, apiKey.id, audit);
    expect(revoked.ok && revoked.value.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(t.ctx, t.tenant.id, key)).toBeNull();
    // Revoking again is harmless; an unknown id is not found.
    expect((await revokeApiKey(t.ctx, t.tenant.id, apiKey.id, audit)).ok).toBe(true);
    expect(await revokeApiKey(t.ctx, t.tenant.id, '00000000-0000-4000-8000-000000000000', audit)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await revokeApiKey(t.ctx, t.tenant.id, 'nope', audit)).toMatchObject({ ok: false });
  });

  it("a comune's key does not open another comune", async () => {
    const other = await t.addTenant('altro-comune');
    const r = await createApiKey(t.ctx, t.tenant.id, { name: 'Solo qui' }, audit);
    if (!r.ok) throw new Error('create failed');
    expect(await verifyApiKey(t.ctx, other.id, r.value.key)).toBeNull();
    expect(await withTenantTx(t.ctx.db, other.id, (tx) => listApiKeys(tx))).toEqual([]);
  });

  it('seeds the demo key in development, idempotently, and never in production', async () => {
    const prod = await t.addTenant('produzione');
    await seedOpen311DemoKey({ ...t.ctx, config: { ...t.ctx.config, isProduction: true } }, prod);
    expect(await verifyApiKey(t.ctx, prod.id, DEMO_OPEN311_KEY)).toBeNull();

    await seedOpen311DemoKey(t.ctx, t.tenant);
    await seedOpen311DemoKey(t.ctx, t.tenant);
    const keys = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => listApiKeys(tx));
    expect(keys.filter((k) => k.keyPrefix === DEMO_OPEN311_KEY.slice(0, 8))).toHaveLength(1);
    expect((await verifyApiKey(t.ctx, t.tenant.id, DEMO_OPEN311_KEY))?.name).toBe('Demo Open311');
  });
});
