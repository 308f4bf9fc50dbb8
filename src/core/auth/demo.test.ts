import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { InjectBrowser } from './test-browser.ts';
import { DEMO_CITIZENS, DEMO_STAFF } from './demo-identities.ts';
import { isValidTaxCode } from './tax-code.ts';
import { seedDemoIdentities } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('demo login (development)', () => {
  it('offers demo citizens with valid tax codes and one demo staff member per role', async () => {
    expect(DEMO_CITIZENS.length).toBeGreaterThanOrEqual(3);
    for (const c of DEMO_CITIZENS) expect(isValidTaxCode(c.taxCode), c.taxCode).toBe(true);
    expect(DEMO_STAFF.map((s) => s.roles[0]).sort()).toEqual(['admin', 'editor', 'office', 'operator']);
    const res = await t.app.inject({ url: '/auth/demo' });
    expect(res.statusCode).toBe(200);
    for (const c of DEMO_CITIZENS) {
      expect(res.body).toContain(`${c.givenName} ${c.familyName}`);
      expect(res.body).toContain(c.taxCode);
    }
    for (const s of DEMO_STAFF) {
      expect(res.body).toContain(s.email);
      expect(res.body).toContain(s.password);
    }
  });

  it('logs a demo citizen in with a 303, a session cookie, and shows the personal area', async () => {
    const b = new InjectBrowser(t.app);
    const csrf = await b.csrfFrom('/auth/demo');
    const res = await b.post('/auth/demo', { identity: 'citizen-maria-bianchi', _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/area-personale');
    expect(String(res.headers['set-cookie'])).toContain('piazza_sid=');
    const area = await b.get('/area-personale');
    expect(area.statusCode).toBe(200);
    const maria = DEMO_CITIZENS.find((c) => c.id === 'citizen-maria-bianchi')!;
    expect(area.body).toContain('Maria');
    expect(area.body).toContain('Bianchi');
    expect(area.body).toContain(maria.taxCode);
  });

  it('logs demo staff in and sends them to /admin', async () => {
    const b = new InjectBrowser(t.app);
    const csrf = await b.csrfFrom('/auth/demo');
    const res = await b.post('/auth/demo', { identity: 'staff-editor', _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const home = await b.get('/admin');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Marco Ricci');
    // An editor does not see staff management.
    expect(home.body).not.toContain('href="/admin/staff"');
  });

  it('keeps a local next, and refuses an external one', async () => {
    const b = new InjectBrowser(t.app);
    const csrf = await b.csrfFrom('/auth/demo');
    const local = await b.post('/auth/demo', { identity: 'citizen-luca-ferrari', next: '/area-personale?x=1', _csrf: csrf });
    expect(local.headers.location).toBe('/area-personale?x=1');
    for (const evil of ['https://evil.example', '//evil.example/x', '/\\evil.example']) {
      const res = await b.post('/auth/demo', { identity: 'citizen-luca-ferrari', next: evil, _csrf: csrf });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/area-personale');
    }
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/demo',
      payload: 'identity=citizen-maria-bianchi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie'] ?? '').not.toContain('piazza_sid=');
  });

  it('answers an unknown identity with the list again', async () => {
    const b = new InjectBrowser(t.app);
    const csrf = await b.csrfFrom('/auth/demo');
    const res = await b.post('/auth/demo', { identity: 'nobody', _csrf: csrf });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Identità di prova sconosciuta');
  });

  it('links the demo login from the login page in development', async () => {
    const res = await t.app.inject({ url: '/auth/login' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/auth/demo"');
    expect(res.body).toContain('href="/auth/staff/login"');
  });

  it('seeds the demo staff idempotently, with passwords that work on the staff login form', async () => {
    await seedDemoIdentities(t.ctx, t.tenant);
    await seedDemoIdentities(t.ctx, t.tenant);
    const admin = DEMO_STAFF.find((s) => s.id === 'staff-admin')!;
    const b = new InjectBrowser(t.app, { remoteAddress: '10.9.0.1' });
    const csrf = await b.csrfFrom('/auth/staff/login');
    const res = await b.post('/auth/staff/login', { email: admin.email, password: admin.password, _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const staffPage = await b.get('/admin/staff');
    expect(staffPage.statusCode).toBe(200);
    for (const s of DEMO_STAFF) expect(staffPage.body.split(s.email).length - 1).toBe(1);
  });
});
