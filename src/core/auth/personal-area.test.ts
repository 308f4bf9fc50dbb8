import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, citizens } from '../db/schema.ts';
import { InjectBrowser } from './test-browser.ts';
import { addPersonalAreaLink, personalAreaLinks } from './personal-area.tsx';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function citizenBrowser(taxCode: string) {
  const c = await makeCitizen(t.app, t.tenant, { taxCode, givenName: 'Chiara', familyName: 'Fontana', email: 'chiara@example.org' });
  const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', c.id);
  return { c, b: new InjectBrowser(t.app).withCookies(cookie) };
}

describe('personal area', () => {
  it('shows the citizen their identity data', async () => {
    const { b } = await citizenBrowser('FNTCHR90A41A859K');
    const res = await b.get('/area-personale');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Chiara');
    expect(res.body).toContain('Fontana');
    expect(res.body).toContain('FNTCHR90A41A859K');
    expect(res.body).toContain('value="chiara@example.org"');
  });

  it('sends anonymous visitors to the login page and forbids staff', async () => {
    const anon = await t.app.inject({ url: '/area-personale' });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/auth/login?next=%2Farea-personale');
    const s = await makeStaff(t.app, t.tenant, ['admin']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', s.id);
    expect((await t.app.inject({ url: '/area-personale', headers: { cookie } })).statusCode).toBe(403);
  });

  it('lets the citizen change the e-mail, audited as a citizen action', async () => {
    const { b, c } = await citizenBrowser('FNTCHR91A41A859L');
    const csrf = await b.csrfFrom('/area-personale');
    const res = await b.post('/area-personale/email', { email: 'chiara.fontana@example.org', _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/area-personale?saved=email');
    const page = await b.get(res.headers.location!);
    expect(page.body).toContain('value="chiara.fontana@example.org"');
    expect(page.body).toContain('Indirizzo e-mail aggiornato');
    const [entry] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.entityId, c.id))),
    );
    expect(entry).toMatchObject({ action: 'core.citizen.email-changed', entityType: 'citizen', actorType: 'citizen', actorId: c.id });
    expect(JSON.stringify(entry!.details)).not.toContain('@');
  });

  it('keeps an invalid e-mail in the form with the error next to it, and needs CSRF', async () => {
    const { b, c } = await citizenBrowser('FNTCHR92A41A859M');
    const csrf = await b.csrfFrom('/area-personale');
    const bad = await b.post('/area-personale/email', { email: 'chiara@', _csrf: csrf });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="chiara@"');
    expect(bad.body).toContain('aria-describedby="email-hint email-error"');
    expect((await b.post('/area-personale/email', { email: 'x@example.org' })).statusCode).toBe(403);
    const [row] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(citizens).where(and(eq(citizens.tenantId, t.tenant.id), eq(citizens.id, c.id))));
    expect(row!.email).toBe('chiara@example.org');
  });

  it('lists the links other parts of piazza add', async () => {
    addPersonalAreaLink({ href: '/area-personale/prova', label: 'auth.area.title' });
    addPersonalAreaLink({ href: '/area-personale/prova', label: 'auth.area.title' });
    try {
      expect(personalAreaLinks.filter((l) => l.href === '/area-personale/prova')).toHaveLength(1);
      const { b } = await citizenBrowser('FNTCHR93A41A859N');
      expect((await b.get('/area-personale')).body).toContain('href="/area-personale/prova"');
    } finally {
      personalAreaLinks.splice(personalAreaLinks.findIndex((l) => l.href === '/area-personale/prova'), 1);
    }
  });
});
