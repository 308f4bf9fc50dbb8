import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { csrfPair, loginCookie, makeCitizen, makeStaff } from '../testing/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      {
        id: 'probe',
        routes: async (app) => {
          app.get('/__whoami', async (req) => ({ actor: req.actor }));
          app.post('/__form', async () => ({ ok: true }));
        },
      },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('sessions and CSRF', () => {
  it('treats a request without a cookie as anonymous', async () => {
    const res = await t.app.inject({ url: '/__whoami' });
    expect(res.json().actor).toEqual({ type: 'anonymous' });
  });

  it('resolves a citizen from the session cookie', async () => {
    const c = await makeCitizen(t.app, t.tenant);
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
    const res = await t.app.inject({ url: '/__whoami', headers: { cookie } });
    expect(res.json().actor).toMatchObject({ type: 'citizen', taxCode: 'RSSMRA80A01L750W', name: 'Mario Rossi' });
  });

  it('does not accept a session of one comune on another', async () => {
    const other = await t.addTenant('sessioni-altro');
    const s = await makeStaff(t.app, t.tenant, ['admin']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', s.id);
    const res = await t.app.inject({ url: '/__whoami', headers: { cookie, host: `${other.slug}.localhost` } });
    expect(res.json().actor).toEqual({ type: 'anonymous' });
  });

  it('rejects a form post without a CSRF token and accepts one with it', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/__form', payload: { a: '1' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.statusCode).toBe(403);
    expect(bad.body).toContain('Il modulo è scaduto');
    const { cookie, token } = csrfPair(t.app);
    const good = await t.app.inject({
      method: 'POST',
      url: '/__form',
      payload: `a=1&_csrf=${encodeURIComponent(token)}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(good.statusCode).toBe(200);
  });
});
