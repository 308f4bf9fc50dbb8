import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { recordAudit, withAudit } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

const actor = { type: 'staff' as const, id: '00000000-0000-4000-8000-000000000001', email: 'op@comune.example', name: 'Op', roles: ['operator' as const], officeIds: [] };

describe('audit trail', () => {
  it('records who did what to which entity, with the request id', async () => {
    await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      recordAudit(tx, { tenantId: t.tenant.id, actor, requestId: 'req-123' }, { action: 'core.test.changed', entityType: 'thing', entityId: '42', details: { before: 'a', after: 'b' } }),
    );
    const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: 'staff', actorLabel: 'op@comune.example', action: 'core.test.changed', entityType: 'thing', entityId: '42', requestId: 'req-123' });
  });

  it('rolls back the audit entry with a failed change', async () => {
    await expect(
      withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
        withAudit(tx, { tenantId: t.tenant.id, actor }, async () => {
          throw new Error('change failed');
        }),
      ),
    ).rejects.toThrow('change failed');
    const n = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(n).toHaveLength(1);
  });

  it('is append-only for the application: no update, no delete', async () => {
    await expect(withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.execute(sql`update audit_log set action = 'forged'`))).rejects.toThrow();
    await expect(withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
    const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(rows.map((r) => r.action)).toEqual(['core.test.changed']);
  });
});
