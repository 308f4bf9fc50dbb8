import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, staffUsers } from '../db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { InjectBrowser } from '../auth/test-browser.ts';
import { verifyPassword } from '../auth/staff.ts';
import { romeMidnight } from './audit.tsx';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function as(roles: ('admin' | 'editor' | 'operator' | 'office')[]) {
  const s = await makeStaff(t.app, t.tenant, roles);
  const { cookie } = await loginCookie(t.app, t.tenant, 'staff', s.id);
  return { staff: s, b: new InjectBrowser(t.app).withCookies(cookie) };
}

async function staffByEmail(email: string) {
  const [row] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, t.tenant.id), eq(staffUsers.email, email))));
  return row;
}

async function auditOf(entityId: string) {
  return withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
    tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.entityId, entityId))).orderBy(desc(auditLog.id)),
  );
}

describe('staff area access', () => {
  it('sends anonymous visitors to the login page, staff first', async () => {
    const res = await t.app.inject({ url: '/admin' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/auth/login?next=%2Fadmin');
    const login = await t.app.inject({ url: res.headers.location! });
    expect(login.body.indexOf('/auth/staff/login?next=%2Fadmin')).toBeLessThan(login.body.indexOf('/auth/demo'));
  });

  it('forbids citizens', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCMRA85C52A859E' });
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    expect((await t.app.inject({ url: '/admin', headers: { cookie } })).statusCode).toBe(403);
  });

  it('lists on /admin only the pages the actor may use', async () => {
    const admin = await as(['admin']);
    const home = await admin.b.get('/admin');
    expect(home.body).toContain('href="/admin/staff"');
    expect(home.body).toContain('href="/admin/audit"');
    expect(home.body).toContain('href="/admin/account"');
    const editor = await as(['editor']);
    const eh = await editor.b.get('/admin');
    expect(eh.statusCode).toBe(200);
    expect(eh.body).not.toContain('href="/admin/staff"');
    expect(eh.body).not.toContain('href="/admin/audit"');
    expect(eh.body).toContain('href="/admin/account"');
  });
});

describe('staff management', () => {
  it('lets an admin create a staff member, audited in the same transaction', async () => {
    const { b, staff: admin } = await as(['admin']);
    const csrf = await b.csrfFrom('/admin/staff/new');
    const res = await b.post('/admin/staff', {
      email: 'Giorgio.Neri@Comune.example',
      displayName: 'Giorgio Neri',
      roles: ['operator', 'office'],
      password: 'una-password-lunga',
      _csrf: csrf,
    });
    expect(res.statusCode).toBe(303);
    const created = await staffByEmail('giorgio.neri@comune.example');
    expect(created).toBeDefined();
    expect(res.headers.location).toBe(`/admin/staff/${created!.id}?done=created`);
    expect(created!.roles).toEqual(['operator', 'office']);
    expect(await verifyPassword(created!.passwordHash!, 'una-password-lunga')).toBe(true);
    const [entry] = await auditOf(created!.id);
    expect(entry).toMatchObject({ action: 'core.staff.created', entityType: 'staff_user', actorType: 'staff', actorId: admin.id, actorLabel: admin.email });
    expect(JSON.stringify(entry!.details)).not.toContain('una-password-lunga');
    const list = await b.get('/admin/staff');
    expect(list.body).toContain('Giorgio Neri');
  });

  it('forbids staff creation to an editor', async () => {
    const { b } = await as(['editor']);
    expect((await b.get('/admin/staff')).statusCode).toBe(403);
    expect((await b.get('/admin/staff/new')).statusCode).toBe(403);
    const csrf = await b.csrfFrom('/admin');
    const res = await b.post('/admin/staff', { email: 'intruso@comune.example', displayName: 'Intruso', roles: 'admin', password: 'una-password-lunga', _csrf: csrf });
    expect(res.statusCode).toBe(403);
    expect(await staffByEmail('intruso@comune.example')).toBeUndefined();
  });

  it('shows field errors next to the fields and keeps the input', async () => {
    const { b } = await as(['admin']);
    const csrf = await b.csrfFrom('/admin/staff/new');
    const res = await b.post('/admin/staff', { email: 'not-an-email', displayName: 'Paola Russo', password: 'short', _csrf: csrf });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('value="Paola Russo"');
    expect(res.body).toContain('id="email-error"');
    expect(res.body).toContain('aria-describedby="email-error"');
    expect(res.body).toContain('almeno 12 caratteri');
    expect(res.body).toContain('Scegli almeno un ruolo');
    expect(res.body).not.toContain('value="short"');
  });

  it('refuses a duplicate e-mail (case-insensitive)', async () => {
    const { b } = await as(['admin']);
    const existing = await makeStaff(t.app, t.tenant, ['editor'], { email: 'doppio@comune.example' });
    const csrf = await b.csrfFrom('/admin/staff/new');
    const res = await b.post('/admin/staff', { email: 'DOPPIO@comune.example', displayName: 'Doppio', roles: 'editor', password: 'una-password-lunga', _csrf: csrf });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Esiste già un account');
    expect(existing.id).toBeTruthy();
  });

  it('changes roles and deactivates, audited; the deactivated member is logged out at once', async () => {
    const { b } = await as(['admin']);
    const target = await makeStaff(t.app, t.tenant, ['editor']);
    const targetSession = await loginCookie(t.app, t.tenant, 'staff', target.id);
    expect((await t.app.inject({ url: '/admin', headers: { cookie: targetSession.cookie } })).statusCode).toBe(200);

    const csrf = await b.csrfFrom(`/admin/staff/${target.id}`);
    const roles = await b.post(`/admin/staff/${target.id}/roles`, { roles: ['editor', 'operator'], _csrf: csrf });
    expect(roles.statusCode).toBe(303);
    const off = await b.post(`/admin/staff/${target.id}/active`, { active: 'false', _csrf: csrf });
    expect(off.statusCode).toBe(303);
    const row = (await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, t.tenant.id), eq(staffUsers.id, target.id)))))[0]!;
    expect(row.roles).toEqual(['editor', 'operator']);
    expect(row.active).toBe(false);
    const actions = (await auditOf(target.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['core.staff.roles-changed', 'core.staff.deactivated']));
    const rolesEntry = (await auditOf(target.id)).find((r) => r.action === 'core.staff.roles-changed')!;
    expect(rolesEntry.details).toEqual({ before: ['editor'], after: ['editor', 'operator'] });
    expect((await t.app.inject({ url: '/admin', headers: { cookie: targetSession.cookie } })).statusCode).toBe(303);
  });

  it('does not let an admin deactivate themselves or drop their own admin role', async () => {
    const { b, staff } = await as(['admin']);
    const csrf = await b.csrfFrom(`/admin/staff/${staff.id}`);
    const off = await b.post(`/admin/staff/${staff.id}/active`, { active: 'false', _csrf: csrf });
    expect(off.statusCode).toBe(400);
    const drop = await b.post(`/admin/staff/${staff.id}/roles`, { roles: 'editor', _csrf: csrf });
    expect(drop.statusCode).toBe(400);
    expect(drop.body).toContain('Non puoi togliere a te stesso');
    expect((await b.get('/admin/staff')).statusCode).toBe(200);
  });

  it('answers 404 for a staff id of another comune', async () => {
    const other = await t.addTenant('admin-altro');
    const foreign = await makeStaff(t.app, other, ['editor']);
    const { b } = await as(['admin']);
    expect((await b.get(`/admin/staff/${foreign.id}`)).statusCode).toBe(404);
    expect((await b.get('/admin/staff/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('audit log page', () => {
  it('is for admins only', async () => {
    const { b } = await as(['editor']);
    expect((await b.get('/admin/audit')).statusCode).toBe(403);
  });

  it('lists entries newest first, filters by action, entity type, actor and date, and paginates', async () => {
    const { b, staff } = await as(['admin']);
    await withTenantTx(t.ctx.db, t.tenant.id, async (tx) => {
      for (let i = 0; i < 55; i++) {
        await recordAudit(tx, { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] } }, {
          action: 'probe.item.touched',
          entityType: 'probe_item',
          entityId: `item-${String(i).padStart(2, '0')}`,
        });
      }
      await tx.insert(auditLog).values({
        tenantId: t.tenant.id,
        at: new Date('2024-03-10T10:00:00Z'),
        actorType: 'system',
        actorLabel: 'anonymous',
        action: 'probe.old.kept',
        entityType: 'probe_old',
        entityId: 'old-1',
      });
    });

    const page1 = await b.get('/admin/audit?action=probe.item.touched');
    expect(page1.statusCode).toBe(200);
    expect(page1.body.indexOf('item-54')).toBeGreaterThan(-1);
    expect(page1.body.indexOf('item-54')).toBeLessThan(page1.body.indexOf('item-53'));
    expect(page1.body).not.toContain('item-04');
    expect(page1.body).toContain('page=2');
    const page2 = await b.get('/admin/audit?action=probe.item.touched&page=2');
    expect(page2.body).toContain('item-04');
    expect(page2.body).toContain('item-00');
    expect(page2.body).not.toContain('item-54');

    const prefix = await b.get('/admin/audit?action=probe.*&entityType=probe_old');
    expect(prefix.body).toContain('old-1');
    expect(prefix.body).not.toContain('item-00');

    const byActor = await b.get(`/admin/audit?actor=${encodeURIComponent(staff.email.slice(0, 8))}&action=probe.*`);
    expect(byActor.body).toContain('item-54');
    expect(byActor.body).not.toContain('old-1');

    const day = await b.get('/admin/audit?from=2024-03-10&to=2024-03-10');
    expect(day.body).toContain('old-1');
    expect(day.body).not.toContain('item-54');
    const before = await b.get('/admin/audit?to=2024-03-09');
    expect(before.body).not.toContain('old-1');

    const bad = await b.get('/admin/audit?from=10/03/2024');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Data non valida');
    expect(bad.body).toContain('value="10/03/2024"');
  });

  it('reads day boundaries in Europe/Rome time', () => {
    expect(romeMidnight('2024-01-15')!.toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(romeMidnight('2024-07-15')!.toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(romeMidnight('2024-02-30')).toBeNull();
    expect(romeMidnight('yesterday')).toBeNull();
  });
});
