import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, sessions, staffUsers } from '../db/schema.ts';
import { InjectBrowser } from './test-browser.ts';
import { currentTotp, hashPassword, LOCK_MS } from './staff.ts';
import { authenticator } from 'otplib';

let t: TestApp;
const PASSWORD = 'correct horse battery staple';
let ip = 0;
/** Each test comes from its own address, so the per-IP limit of 10 login posts a minute only bites where tested. */
const browser = () => new InjectBrowser(t.app, { remoteAddress: `10.1.0.${++ip}` });

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function staffWithPassword(over: Partial<typeof staffUsers.$inferInsert> = {}) {
  return makeStaff(t.app, t.tenant, ['editor'], { passwordHash: await hashPassword(PASSWORD), ...over });
}

async function reload(id: string) {
  const [row] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, t.tenant.id), eq(staffUsers.id, id))));
  return row!;
}

async function auditActions(entityId: string) {
  const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.entityId, entityId))));
  return rows.map((r) => r.action);
}

async function login(b: InjectBrowser, email: string, password: string, next?: string) {
  const csrf = await b.csrfFrom('/auth/staff/login');
  return b.post('/auth/staff/login', { email, password, _csrf: csrf, ...(next ? { next } : {}) });
}

const INVALID = 'Accesso non riuscito: e-mail o password non corrette, oppure account temporaneamente bloccato';

describe('staff login', () => {
  it('logs in with e-mail and password, stores an argon2id hash, and audits the login', async () => {
    const s = await staffWithPassword();
    expect(s.passwordHash).toMatch(/^\$argon2id\$/);
    const b = browser();
    const res = await login(b, s.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const home = await b.get('/admin');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(s.displayName);
    expect((await reload(s.id)).lastLoginAt).toBeInstanceOf(Date);
    expect(await auditActions(s.id)).toContain('core.staff.logged-in');
  });

  it('answers a wrong password and an unknown e-mail with the same message', async () => {
    const s = await staffWithPassword();
    const wrong = await login(browser(), s.email, 'not the password at all');
    const unknown = await login(browser(), 'nobody@comune.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain(INVALID);
    expect(unknown.body).toContain(INVALID);
    expect(wrong.headers['set-cookie'] ?? '').not.toContain('piazza_sid=');
    // The e-mail is kept in the form, the password never echoed.
    expect(wrong.body).toContain(`value="${s.email}"`);
    expect(wrong.body).not.toContain('not the password at all');
  });

  it('locks the account for 15 minutes after 5 failures, with the same message, even for the right password', async () => {
    const s = await staffWithPassword();
    const b = browser();
    for (let i = 0; i < 5; i++) expect((await login(b, s.email, `wrong-${i}-password`)).statusCode).toBe(401);
    const locked = await reload(s.id);
    expect(locked.lockedUntil).toBeInstanceOf(Date);
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(LOCK_MS / 60_000);
    expect(await auditActions(s.id)).toContain('core.staff.locked');

    const right = await login(browser(), s.email, PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.body).toContain(INVALID);

    // When the lock has expired, the right password works again.
    await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      tx.update(staffUsers).set({ lockedUntil: new Date(Date.now() - 1000) }).where(and(eq(staffUsers.tenantId, t.tenant.id), eq(staffUsers.id, s.id))),
    );
    const later = await login(browser(), s.email, PASSWORD);
    expect(later.statusCode).toBe(303);
    expect((await reload(s.id)).failedLogins).toBe(0);
  });

  it('limits login posts to 10 a minute per client address', async () => {
    const b = browser();
    const csrf = await b.csrfFrom('/auth/staff/login');
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await b.post('/auth/staff/login', { email: `x${i}@comune.example`, password: 'whatever-password', _csrf: csrf })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('refuses a login post without a CSRF token', async () => {
    const s = await staffWithPassword();
    const b = browser();
    const res = await b.post('/auth/staff/login', { email: s.email, password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie'] ?? '').not.toContain('piazza_sid=');
  });

  it('refuses deactivated accounts', async () => {
    const s = await staffWithPassword({ active: false });
    const res = await login(browser(), s.email, PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain(INVALID);
  });

  it('follows a local next and ignores an external one', async () => {
    const s = await staffWithPassword();
    expect((await login(browser(), s.email, PASSWORD, '/admin/account')).headers.location).toBe('/admin/account');
    expect((await login(browser(), s.email, PASSWORD, 'https://evil.example')).headers.location).toBe('/admin');
  });
});

describe('TOTP', () => {
  it('asks for the code as a second step when enabled, and logs in only with a valid one', async () => {
    const secret = authenticator.generateSecret(20);
    const s = await staffWithPassword({ totpSecret: secret, totpEnabled: true });
    const b = browser();
    const first = await login(b, s.email, PASSWORD);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/auth/staff/totp');
    // Not logged in yet.
    const early = await b.get('/admin');
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toContain('/auth/login');

    const csrf = await b.csrfFrom('/auth/staff/totp');
    const noCsrf = await b.post('/auth/staff/totp', { code: currentTotp(secret) });
    expect(noCsrf.statusCode).toBe(403);
    const wrong = await b.post('/auth/staff/totp', { code: '000000' === currentTotp(secret) ? '111111' : '000000', _csrf: csrf });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Codice non valido');
    const ok = await b.post('/auth/staff/totp', { code: currentTotp(secret), _csrf: csrf });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    expect((await b.get('/admin')).statusCode).toBe(200);
    expect(await auditActions(s.id)).toContain('core.staff.logged-in');
  });

  it('counts wrong codes towards the lock', async () => {
    const secret = authenticator.generateSecret(20);
    const s = await staffWithPassword({ totpSecret: secret, totpEnabled: true });
    const b = browser();
    await login(b, s.email, PASSWORD);
    const csrf = await b.csrfFrom('/auth/staff/totp');
    const bad = currentTotp(secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++) expect((await b.post('/auth/staff/totp', { code: bad, _csrf: csrf })).statusCode).toBe(401);
    const fifth = await b.post('/auth/staff/totp', { code: bad, _csrf: csrf });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.body).toContain(INVALID);
    expect((await reload(s.id)).lockedUntil).toBeInstanceOf(Date);
  });

  it('can be enrolled at /admin/account/totp (secret and otpauth URI as text) and is then required', async () => {
    const s = await staffWithPassword();
    const b = browser();
    await login(b, s.email, PASSWORD);
    const page = await b.get('/admin/account/totp');
    expect(page.statusCode).toBe(200);
    const uri = /otpauth:\/\/totp\/[^"<]+/.exec(page.body)?.[0];
    expect(uri).toBeTruthy();
    const secret = new URL(uri!.replace(/&amp;/g, '&')).searchParams.get('secret')!;
    expect(page.body).toContain(secret.replace(/(.{4})/g, '$1 ').trim());
    // A reload shows the same pending secret.
    expect((await b.get('/admin/account/totp')).body).toContain(secret.slice(0, 4));

    const csrf = await b.csrfFrom('/admin/account/totp');
    const wrong = await b.post('/admin/account/totp', { code: currentTotp(secret) === '000000' ? '111111' : '000000', _csrf: csrf });
    expect(wrong.statusCode).toBe(400);
    const ok = await b.post('/admin/account/totp', { code: currentTotp(secret), _csrf: csrf });
    expect(ok.statusCode).toBe(303);
    expect((await reload(s.id)).totpEnabled).toBe(true);
    expect(await auditActions(s.id)).toContain('core.staff.totp-enabled');

    const again = await login(browser(), s.email, PASSWORD);
    expect(again.headers.location).toBe('/auth/staff/totp');
  });
});

describe('logout', () => {
  it('destroys the session: the old cookie no longer works', async () => {
    const s = await staffWithPassword();
    const b = browser();
    await login(b, s.email, PASSWORD);
    const sid = b.cookies.get('piazza_sid')!;
    expect((await b.get('/admin')).statusCode).toBe(200);
    const csrf = await b.csrfFrom('/admin');
    const out = await b.post('/auth/logout', { _csrf: csrf });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(b.cookies.has('piazza_sid')).toBe(false);
    const reused = await t.app.inject({ url: '/admin', headers: { cookie: `piazza_sid=${sid}` } });
    expect(reused.statusCode).toBe(303);
    expect(reused.headers.location).toBe('/auth/login?next=%2Fadmin');
    const left = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(sessions).where(and(eq(sessions.tenantId, t.tenant.id), eq(sessions.subjectId, s.id))));
    expect(left).toHaveLength(0);
  });

  it('needs the CSRF token', async () => {
    const s = await staffWithPassword();
    const b = browser();
    await login(b, s.email, PASSWORD);
    const out = await b.post('/auth/logout', {});
    expect(out.statusCode).toBe(403);
    expect((await b.get('/admin')).statusCode).toBe(200);
  });
});
