import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, messageDeliveries } from '../db/schema.ts';
import type { Tenant } from '../tenancy/types.ts';
import { startJobRunner, type JobRunner } from '../jobs/runner.ts';
import { FAST_RUNNER, waitFor } from '../jobs/test-helpers.ts';
import { defineTemplate, notify, type Recipient } from './index.ts';

const news = defineTemplate<{ topic: string }>({
  id: 'probe.news',
  subject: { it: 'Novità: {topic}', en: 'News: {topic}' },
  text: { it: 'C’è una novità su {topic}.\nRiga due del messaggio.', en: 'There is news about {topic}.\nSecond line.' },
});

let t: TestApp;
let runner: JobRunner;
let other: Tenant;
beforeAll(async () => {
  t = await buildTestApp(); // development: DELIVERY_MODE defaults to sink
  other = await t.addTenant('altro-comune');
  runner = await startJobRunner(t.ctx, FAST_RUNNER);
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

async function send(tenant: Tenant, recipient: Recipient, topic: string, link?: string) {
  const r = await notify(t.ctx, { tenantId: tenant.id, recipient, template: news, data: { topic }, ...(link ? { link } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const form = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe('/admin/outbox (sink mode)', () => {
  it('shows a sunk message in full to an admin, and refuses an editor', async () => {
    const { deliveryId } = await send(t.tenant, { type: 'address', email: 'ufficio@example.org' }, 'la raccolta differenziata');
    await waitFor('the sink', async () => {
      const [d] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
        tx.select().from(messageDeliveries).where(and(eq(messageDeliveries.tenantId, t.tenant.id), eq(messageDeliveries.id, deliveryId!))),
      );
      return d?.status === 'sunk';
    });

    const admin = await makeStaff(t.app, t.tenant, ['admin']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', admin.id);
    const page = await t.app.inject({ url: '/admin/outbox', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ufficio@example.org');
    expect(page.body).toContain('Novità: la raccolta differenziata');
    expect(page.body).toContain('C’è una novità su la raccolta differenziata.<br/>Riga due del messaggio.');
    expect(page.body).toContain('Trattenuto (prova)');
    expect(page.body).toContain('data-status="sunk"');

    const onlyFailed = await t.app.inject({ url: '/admin/outbox?status=failed', headers: { cookie } });
    expect(onlyFailed.body).not.toContain('ufficio@example.org');

    const editor = await makeStaff(t.app, t.tenant, ['editor']);
    const asEditor = await t.app.inject({ url: '/admin/outbox', headers: { cookie: (await loginCookie(t.app, t.tenant, 'staff', editor.id)).cookie } });
    expect(asEditor.statusCode).toBe(403);
    expect(asEditor.body).not.toContain('ufficio@example.org');

    const anonymous = await t.app.inject({ url: '/admin/outbox' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/auth/login?next=%2Fadmin%2Foutbox');
  });

  it('does not show one comune’s mail to another comune’s admin', async () => {
    await send(t.tenant, { type: 'address', email: 'riservato@example.org' }, 'una pratica');
    const admin = await makeStaff(t.app, other, ['admin']);
    const { cookie } = await loginCookie(t.app, other, 'staff', admin.id);
    const page = await t.app.inject({ url: '/admin/outbox', headers: { cookie, host: 'altro-comune.localhost' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('riservato@example.org');
  });
});

describe('/area-personale/messaggi', () => {
  it('lists only the logged-in citizen’s messages, newest first, unread marked', async () => {
    const anna = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCNNA85M41L219X', givenName: 'Anna', email: 'anna@example.org' });
    const bruno = await makeCitizen(t.app, t.tenant, { taxCode: 'VRDBRN70A01H501Z', givenName: 'Bruno', email: 'bruno@example.org' });
    const elsewhere = await makeCitizen(t.app, other, { taxCode: 'BNCNNA85M41L219X', givenName: 'Anna', email: 'anna@example.org' });
    await send(t.tenant, { type: 'citizen', id: anna.id }, 'la TARI', '/area-personale/tari');
    await send(t.tenant, { type: 'citizen', id: anna.id }, 'il tuo appuntamento');
    await send(t.tenant, { type: 'citizen', id: bruno.id }, 'la pratica di Bruno');
    await send(other, { type: 'citizen', id: elsewhere.id }, 'un altro comune');

    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', anna.id);
    const page = await t.app.inject({ url: '/area-personale/messaggi', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Novità: la TARI');
    expect(page.body).toContain('Novità: il tuo appuntamento');
    expect(page.body.indexOf('il tuo appuntamento')).toBeLessThan(page.body.indexOf('la TARI'));
    expect(page.body).toContain('href="/area-personale/tari"');
    expect(page.body).not.toContain('Bruno');
    expect(page.body).not.toContain('un altro comune');
    expect(page.body).toContain('Messaggi non letti: 2.');
    expect(page.body.match(/data-unread="true"/g)).toHaveLength(2);

    const english = await t.app.inject({ url: '/area-personale/messaggi?lang=en', headers: { cookie } });
    expect(english.body).toContain('Unread messages: 2.');
  });

  it('marks a message read with a form post, and only the owner’s', async () => {
    const carla = await makeCitizen(t.app, t.tenant, { taxCode: 'CRLRSS80A41H501U', givenName: 'Carla', email: 'carla@example.org' });
    const dario = await makeCitizen(t.app, t.tenant, { taxCode: 'DRARSS80A01H501K', givenName: 'Dario', email: null });
    const first = await send(t.tenant, { type: 'citizen', id: carla.id }, 'primo');
    await send(t.tenant, { type: 'citizen', id: carla.id }, 'secondo');
    const darios = await send(t.tenant, { type: 'citizen', id: dario.id }, 'di Dario');

    const { cookie, csrfToken } = await loginCookie(t.app, t.tenant, 'citizen', carla.id);
    const noToken = await t.app.inject({ method: 'POST', url: `/area-personale/messaggi/${first.notificationId}/letto`, headers: form(cookie), payload: '' });
    expect(noToken.statusCode).toBe(403);

    const read = await t.app.inject({ method: 'POST', url: `/area-personale/messaggi/${first.notificationId}/letto`, headers: form(cookie), payload: `_csrf=${encodeURIComponent(csrfToken)}` });
    expect(read.statusCode).toBe(303);
    expect(read.headers.location).toBe('/area-personale/messaggi');
    const after = await t.app.inject({ url: '/area-personale/messaggi', headers: { cookie } });
    expect(after.body).toContain('Messaggi non letti: 1.');

    const notMine = await t.app.inject({ method: 'POST', url: `/area-personale/messaggi/${darios.notificationId}/letto`, headers: form(cookie), payload: `_csrf=${encodeURIComponent(csrfToken)}` });
    expect(notMine.statusCode).toBe(404);
    const dariosPage = await t.app.inject({ url: '/area-personale/messaggi', headers: { cookie: (await loginCookie(t.app, t.tenant, 'citizen', dario.id)).cookie } });
    expect(dariosPage.body).toContain('Messaggi non letti: 1.');

    const all = await t.app.inject({ method: 'POST', url: '/area-personale/messaggi/letti', headers: form(cookie), payload: `_csrf=${encodeURIComponent(csrfToken)}` });
    expect(all.statusCode).toBe(303);
    const done = await t.app.inject({ url: '/area-personale/messaggi', headers: { cookie } });
    expect(done.body).toContain('Hai letto tutti i messaggi.');
    expect(done.body).not.toContain('data-unread="true"');
  });

  it('sends anonymous visitors to the login and keeps staff out', async () => {
    const anonymous = await t.app.inject({ url: '/area-personale/messaggi' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/auth/login');
    const s = await makeStaff(t.app, t.tenant, ['operator']);
    const asStaff = await t.app.inject({ url: '/area-personale/messaggi', headers: { cookie: (await loginCookie(t.app, t.tenant, 'staff', s.id)).cookie } });
    expect(asStaff.statusCode).toBe(403);
  });
});

describe('/admin/messaggi', () => {
  it('is the staff member’s own inbox; marking a message read is audited', async () => {
    const s = await makeStaff(t.app, t.tenant, ['office']);
    const colleague = await makeStaff(t.app, t.tenant, ['office']);
    const mine = await send(t.tenant, { type: 'staff', id: s.id }, 'una nuova segnalazione');
    await send(t.tenant, { type: 'staff', id: colleague.id }, 'la coda del collega');
    const { cookie, csrfToken } = await loginCookie(t.app, t.tenant, 'staff', s.id);
    const page = await t.app.inject({ url: '/admin/messaggi', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Novità: una nuova segnalazione');
    expect(page.body).not.toContain('la coda del collega');
    const read = await t.app.inject({ method: 'POST', url: `/admin/messaggi/${mine.notificationId}/letto`, headers: form(cookie), payload: `_csrf=${encodeURIComponent(csrfToken)}` });
    expect(read.statusCode).toBe(303);
    expect(read.headers.location).toBe('/admin/messaggi');
    const audit = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, mine.notificationId!)));
    expect(audit).toMatchObject([{ action: 'core.notification.read', actorId: s.id, entityType: 'notification' }]);
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'FRNGLI80A01H501X' });
    const asCitizen = await t.app.inject({ url: '/admin/messaggi', headers: { cookie: (await loginCookie(t.app, t.tenant, 'citizen', c.id)).cookie } });
    expect(asCitizen.statusCode).toBe(403);
  });
});
