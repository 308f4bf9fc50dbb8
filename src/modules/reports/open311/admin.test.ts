import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { auditLog } from '../../../core/db/schema.ts';
import type { StaffRole } from '../../../core/auth/types.ts';
import { siteModule } from '../../site/module.ts';
import { reportsModule } from '../module.ts';
import { open311KeyPages, OPEN311_KEYS_PATH } from './admin.tsx';
import { listApiKeys, verifyApiKey } from './keys.ts';

let t: TestApp;
let admin: { cookie: string; csrf: string };

async function login(roles: StaffRole[]) {
  const s = await makeStaff(t.app, t.tenant, roles);
  const { cookie, csrfToken } = await loginCookie(t.app, t.tenant, 'staff', s.id);
  return { cookie, csrf: csrfToken };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function post(url: string, who: { cookie: string; csrf: string }, fields: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: who.csrf, ...fields }),
  });
}

beforeAll(async () => {
  t = await buildTestApp({
    modules: [
      siteModule,
      {
        ...reportsModule,
        routes: async (app, ctx) => {
          await open311KeyPages(app, ctx);
        },
      },
    ],
  });
  admin = await login(['admin']);
});
afterAll(async () => {
  await t?.close();
});

describe('Open311 key pages', () => {
  it('are for admins only: anonymous people go to the login, operators are refused', async () => {
    const anon = await t.app.inject({ method: 'GET', url: OPEN311_KEYS_PATH });
    expect([302, 303]).toContain(anon.statusCode);
    expect(anon.headers.location).toContain('/auth/login');
    const operator = await login(['operator']);
    const res = await t.app.inject({ method: 'GET', url: OPEN311_KEYS_PATH, headers: { cookie: operator.cookie } });
    expect(res.statusCode).toBe(403);
    const p = await post(OPEN311_KEYS_PATH, operator, { name: 'Furbo' });
    expect(p.statusCode).toBe(403);
  });

  it('show an empty list and the form, in Italian and English', async () => {
    const it_ = await t.app.inject({ method: 'GET', url: OPEN311_KEYS_PATH, headers: { cookie: admin.cookie } });
    expect(it_.statusCode).toBe(200);
    expect(it_.body).toContain('Chiavi API Open311');
    expect(it_.body).toContain('Nessuna chiave rilasciata');
    expect(it_.body).toContain('/open311/v2/discovery.xml');
    expect(it_.body).toMatch(/<label[^>]*for="name"/);
    const en = await t.app.inject({ method: 'GET', url: `${OPEN311_KEYS_PATH}?lang=en`, headers: { cookie: admin.cookie } });
    expect(en.body).toContain('Open311 API keys');
    expect(en.body).toContain('Create the key');
  });

  it('refuse a form post without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: OPEN311_KEYS_PATH,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ name: 'Senza token' }),
    });
    expect(res.statusCode).toBe(403);
    expect(await withTenantTx(t.ctx.db, t.tenant.id, (tx) => listApiKeys(tx))).toEqual([]);
  });

  it('show field errors and keep what was typed', async () => {
    const res = await post(OPEN311_KEYS_PATH, admin, { name: '', contactEmail: 'sbagliata' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Inserisci il nome dell'app.");
    expect(res.body).toContain('Inserisci un indirizzo e-mail valido');
    expect(res.body).toContain('value="sbagliata"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('create a key, show it once, list it by prefix, then revoke it — all audited', async () => {
    const res = await post(OPEN311_KEYS_PATH, admin, { name: 'App Biella Segnala', contactEmail: 'dev@app.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const key = /id="new-key"[^>]*value="([^"]+)"/.exec(res.body)?.[1] ?? /value="([^"]+)"[^>]*id="new-key"/.exec(res.body)?.[1];
    expect(key).toMatch(/^p311_/);
    const found = await verifyApiKey(t.ctx, t.tenant.id, key!);
    expect(found?.name).toBe('App Biella Segnala');

    const list = await t.app.inject({ method: 'GET', url: OPEN311_KEYS_PATH, headers: { cookie: admin.cookie } });
    expect(list.body).toContain('App Biella Segnala');
    expect(list.body).toContain(`${key!.slice(0, 8)}…`);
    expect(list.body).not.toContain(key!);
    expect(list.body).toContain('dev@app.example');

    const revoke = await post(`${OPEN311_KEYS_PATH}/${found!.id}/revoca`, admin, {});
    expect(revoke.statusCode).toBe(303);
    expect(revoke.headers.location).toBe(`${OPEN311_KEYS_PATH}?revocata=1`);
    expect(await verifyApiKey(t.ctx, t.tenant.id, key!)).toBeNull();
    const after = await t.app.inject({ method: 'GET', url: revoke.headers.location as string, headers: { cookie: admin.cookie } });
    expect(after.body).toContain('La chiave è stata revocata');
    expect(after.body).toContain('Revocata il');

    const entries = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, found!.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['reports.open311-key.created', 'reports.open311-key.revoked']);
  });

  it('answer 404 when revoking an unknown key', async () => {
    const res = await post(`${OPEN311_KEYS_PATH}/00000000-0000-4000-8000-000000000000/revoca`, admin, {});
    expect(res.statusCode).toBe(404);
  });
});
