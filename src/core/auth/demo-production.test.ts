import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { csrfPair, makeStaff } from '../testing/factories.ts';
import { DEMO_STAFF } from './demo-identities.ts';
import { hashPassword } from './staff.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: {
      PIAZZA_ENV: 'production',
      SESSION_SECRET: 'production-secret-production-secret-0123456789',
      BASE_URL: 'https://comune.example.it',
      DELIVERY_MODE: 'sink',
      SEED_DEMO: 'false',
    },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('demo login in production', () => {
  it('does not exist: GET and POST /auth/demo answer 404', async () => {
    expect(t.config.isProduction).toBe(true);
    const page = await t.app.inject({ url: '/auth/demo' });
    expect(page.statusCode).toBe(404);
    const { cookie, token } = csrfPair(t.app);
    const post = await t.app.inject({
      method: 'POST',
      url: '/auth/demo',
      payload: `identity=citizen-maria-bianchi&_csrf=${encodeURIComponent(token)}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(404);
    expect(String(post.headers['set-cookie'] ?? '')).not.toContain('piazza_sid=');
  });

  it('does not link it from the login page', async () => {
    const res = await t.app.inject({ url: '/auth/login' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('/auth/demo');
  });

  it('refuses password logins to demo staff accounts even if such a row exists', async () => {
    const demo = DEMO_STAFF[0]!;
    await makeStaff(t.app, t.tenant, ['admin'], { email: demo.email, passwordHash: await hashPassword(demo.password) });
    const { cookie, token } = csrfPair(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/staff/login',
      payload: new URLSearchParams({ email: demo.email, password: demo.password, _csrf: token }).toString(),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(401);
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('piazza_sid=');
  });
});
