import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, staffUsers } from '../db/schema.ts';
import { addStaffFromCli, parseStaffAddArgs } from './staff-cli.ts';
import { verifyPassword } from './staff.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('npm run staff:add', () => {
  it('parses its arguments and reports what is missing', () => {
    expect(parseStaffAddArgs(['--tenant', 'test', '--email', 'a@b.it', '--name', 'Anna Rossi', '--roles', 'admin, editor'])).toEqual({
      ok: true,
      help: false,
      value: { tenant: 'test', email: 'a@b.it', name: 'Anna Rossi', roles: ['admin', 'editor'] },
    });
    const missing = parseStaffAddArgs(['--tenant', 'test']);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.errors).toEqual(['--email is required', '--name is required', '--roles is required']);
    expect(parseStaffAddArgs(['--bogus']).ok).toBe(false);
  });

  it('creates the account with the password from STAFF_PASSWORD, audited', async () => {
    const r = await addStaffFromCli(t.ctx.db, { tenant: 'test', email: 'cli.admin@comune.example', name: 'Admin Da Console', roles: ['admin'] }, { STAFF_PASSWORD: 'password-dalla-console' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.generatedPassword).toBeNull();
    expect(await verifyPassword(r.value.staff.passwordHash!, 'password-dalla-console')).toBe(true);
    const audit = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.entityId, r.value.staff.id))),
    );
    expect(audit.map((a) => a.action)).toEqual(['core.staff.created']);
    expect(audit[0]!.actorType).toBe('system');
  });

  it('generates and returns a password when STAFF_PASSWORD is not set', async () => {
    const r = await addStaffFromCli(t.ctx.db, { tenant: 'test', email: 'cli.editor@comune.example', name: 'Redattore', roles: ['editor'] }, {});
    expect(r.ok && r.value.generatedPassword?.length).toBe(20);
    if (!r.ok) return;
    expect(await verifyPassword(r.value.staff.passwordHash!, r.value.generatedPassword!)).toBe(true);
  });

  it('explains bad input in the words of the command line', async () => {
    const r = await addStaffFromCli(t.ctx.db, { tenant: 'test', email: 'nope', name: 'X Y', roles: ['boss'] }, { STAFF_PASSWORD: 'short' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      '--email: Enter a valid e-mail address, for example name@example.org.',
      '--roles: One of the chosen roles does not exist.',
      'STAFF_PASSWORD: The password must be at least 12 characters long.',
    ]);
    const unknown = await addStaffFromCli(t.ctx.db, { tenant: 'nowhere', email: 'a@b.it', name: 'X Y', roles: ['admin'] }, {});
    expect(!unknown.ok && unknown.errors[0]).toContain('no comune with slug "nowhere"');
    const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(staffUsers).where(eq(staffUsers.email, 'nope')));
    expect(rows).toHaveLength(0);
  });
});
