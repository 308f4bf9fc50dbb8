import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { makeCitizen, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { messageDeliveries, notifications } from '../db/schema.ts';
import { startJobRunner, type JobRunner } from '../jobs/runner.ts';
import { FAST_RUNNER, sleep, waitFor } from '../jobs/test-helpers.ts';
import { defineTemplate, notify } from './index.ts';
import { decodeWords, startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.ts';

const requestReceived = defineTemplate<{ number: string; service: string }>({
  id: 'probe.request-received',
  subject: { it: 'Pratica {number} ricevuta', en: 'Request {number} received' },
  text: {
    it: 'Gentile cittadino,\nabbiamo ricevuto la tua richiesta di {service}.\n\nIl numero della pratica è {number}.',
    en: 'Dear citizen,\nwe received your request for {service}.\n\nYour request number is {number}.',
  },
});

const appointment = defineTemplate<{ when: string }>({
  id: 'probe.appointment-booked',
  subject: { it: 'Appuntamento confermato', en: 'Appointment confirmed' },
  text: { it: 'Ti aspettiamo il {when}.', en: 'See you on {when}.' },
});

let smtp: TestSmtpServer;
let t: TestApp;
let runner: JobRunner;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await buildTestApp({ env: { DELIVERY_MODE: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: 'Sportello <noreply@comune.example>' } });
  // Fast retries: three attempts, about 1–2 s and 2–4 s apart.
  runner = await startJobRunner(t.ctx, { ...FAST_RUNNER, retryOverrides: { 'core.notify.deliver': { retryLimit: 2, retryDelaySeconds: 0 } } });
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
  await smtp?.close();
});

async function deliveryOf(id: string) {
  const [d] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
    tx.select().from(messageDeliveries).where(and(eq(messageDeliveries.tenantId, t.tenant.id), eq(messageDeliveries.id, id))),
  );
  return d!;
}

const settled = (id: string) => waitFor(`delivery ${id} to settle`, async () => {
  const d = await deliveryOf(id);
  return d.status !== 'pending' ? d : null;
}, 30_000);

describe('notify() over SMTP', () => {
  it('writes the citizen’s inbox and e-mails them in Italian through a real SMTP server', async () => {
    const c = await makeCitizen(t.app, t.tenant, { email: 'mario.rossi@example.org', locale: 'it' });
    const r = await notify(t.ctx, {
      tenantId: t.tenant.id,
      recipient: { type: 'citizen', id: c.id },
      template: requestReceived,
      data: { number: 'PR-2024-17', service: "carta d'identità" },
      link: '/area-personale/pratiche/PR-2024-17',
    });
    if (!r.ok) throw new Error(r.error);
    const d = await settled(r.value.deliveryId!);
    expect(d).toMatchObject({ status: 'sent', attempts: 1, lastError: null, toAddress: 'mario.rossi@example.org' });
    expect(d.providerMessageId).toBeTruthy();

    const mail = smtp.received.find((m) => m.envelopeTo.includes('mario.rossi@example.org'))!;
    expect(mail.subject).toBe('Pratica PR-2024-17 ricevuta');
    expect(mail.text).toContain("abbiamo ricevuto la tua richiesta di carta d'identità.");
    expect(mail.text).toContain('Il numero della pratica è PR-2024-17.');
    expect(mail.text).toContain('http://test.localhost:3000/area-personale/pratiche/PR-2024-17');
    expect(mail.html).toContain('<html lang="it">');
    expect(decodeWords(mail.headers.from!)).toContain('Comune di Prova');
    expect(mail.headers.from).toContain('<noreply@comune.example>');
    expect(mail.envelopeFrom).toBe('noreply@comune.example');

    const inbox = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(notifications).where(eq(notifications.recipientId, c.id)));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ recipientType: 'citizen', subject: 'Pratica PR-2024-17 ricevuta', locale: 'it', readAt: null, link: '/area-personale/pratiche/PR-2024-17' });
  });

  it('writes in English to a citizen whose language is English', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'BNCNNA85M41L219X', givenName: 'Anna', email: 'anna@example.org', locale: 'en' });
    const r = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'citizen', id: c.id }, template: requestReceived, data: { number: 'PR-9', service: 'a parking permit' } });
    if (!r.ok) throw new Error(r.error);
    expect((await settled(r.value.deliveryId!)).status).toBe('sent');
    const mail = smtp.received.find((m) => m.envelopeTo.includes('anna@example.org'))!;
    expect(mail.subject).toBe('Request PR-9 received');
    expect(mail.text).toContain('we received your request for a parking permit.');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('e-mails a staff member and a bare address, with an attachment', async () => {
    const s = await makeStaff(t.app, t.tenant, ['operator'], { email: 'operatore@comune.example' });
    const rs = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'staff', id: s.id }, template: appointment, data: { when: '3 marzo alle 10:00' } });
    if (!rs.ok) throw new Error(rs.error);
    expect(rs.value.notificationId).toBeTruthy();

    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const ra = await notify(t.ctx, {
      tenantId: t.tenant.id,
      recipient: { type: 'address', email: 'ospite@example.org', name: 'Ospite' },
      template: appointment,
      locale: 'en',
      data: { when: 'March 3 at 10:00' },
      attachments: [{ filename: 'appuntamento.ics', contentType: 'text/calendar', contentBase64: Buffer.from(ics).toString('base64') }],
    });
    if (!ra.ok) throw new Error(ra.error);
    expect(ra.value.notificationId).toBeNull();
    await settled(rs.value.deliveryId!);
    await settled(ra.value.deliveryId!);
    expect(smtp.received.find((m) => m.envelopeTo.includes('operatore@comune.example'))!.subject).toBe('Appuntamento confermato');
    const guest = smtp.received.find((m) => m.envelopeTo.includes('ospite@example.org'))!;
    expect(guest.subject).toBe('Appointment confirmed');
    expect(guest.headers.to).toContain('Ospite');
    expect(guest.attachments).toHaveLength(1);
    expect(guest.attachments[0]).toMatchObject({ filename: 'appuntamento.ics', contentType: 'text/calendar' });
    expect(guest.attachments[0]!.content.toString('utf8')).toBe(ics);
  });

  it('inside the caller’s transaction: nothing is written or sent when it rolls back', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'VRDLGU70A01H501Z', email: 'luigi@example.org' });
    await expect(
      withTenantTx(t.ctx.db, t.tenant.id, async (tx) => {
        const r = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'citizen', id: c.id }, template: appointment, data: { when: 'lunedì' } }, { tx });
        expect(r.ok).toBe(true);
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');
    const r = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'citizen', id: c.id }, template: appointment, data: { when: 'martedì' } }, { tx }),
    );
    if (!r.ok) throw new Error(r.error);
    await settled(r.value.deliveryId!);
    await sleep(1000);
    const toLuigi = smtp.received.filter((m) => m.envelopeTo.includes('luigi@example.org'));
    expect(toLuigi.map((m) => m.text)).toEqual(['Ti aspettiamo il martedì.']);
    const inbox = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(notifications).where(eq(notifications.recipientId, c.id)));
    expect(inbox).toHaveLength(1);
  });

  it('retries when the SMTP server refuses, then marks the delivery failed with the last error', async () => {
    const r = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'address', email: 'rifiuta@example.org' }, template: appointment, data: { when: 'oggi' } });
    if (!r.ok) throw new Error(r.error);
    const d = await settled(r.value.deliveryId!);
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(3);
    expect(d.lastError).toContain('451');
    expect(d.lastError).toContain('Mailbox temporarily unavailable');
    expect(smtp.refused.filter((a) => a === 'rifiuta@example.org')).toHaveLength(3);
  });

  it('answers an unknown recipient or a malformed address as a value', async () => {
    const missing = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'citizen', id: '00000000-0000-4000-8000-000000000000' }, template: appointment, data: { when: 'x' } });
    expect(missing).toEqual({ ok: false, error: 'recipient-not-found' });
    const bad = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'address', email: 'not an address' }, template: appointment, data: { when: 'x' } });
    expect(bad).toEqual({ ok: false, error: 'invalid-address' });
  });

  it('keeps a citizen without e-mail to the inbox only', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'NRIBNC90A41F205K', email: null });
    const r = await notify(t.ctx, { tenantId: t.tenant.id, recipient: { type: 'citizen', id: c.id }, template: appointment, data: { when: 'domani' } });
    expect(r).toMatchObject({ ok: true, value: { deliveryId: null } });
    if (r.ok) expect(r.value.notificationId).toBeTruthy();
  });
});
