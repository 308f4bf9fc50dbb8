import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { makeCitizen, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { domainEvents, messageDeliveries, notifications } from '../../../core/db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/types.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { siteAssistanceRequests } from '../schema.ts';
import { createContent } from '../content/repository.ts';
import { demoServices } from '../demo/services.ts';
import { demoOffices } from '../demo/areas-offices.ts';
import { readForm } from './model.ts';
import { submitAssistanceRequest, updateAssistanceRequest } from './commands.ts';

let t: TestApp;
let bare: Tenant;
beforeAll(async () => {
  t = await buildTestApp();
  // Just what these tests need (the page tests load the whole demo comune): the TARI card and two offices.
  const editor: Actor = { type: 'staff', id: '00000000-0000-4000-8000-0000000000ed', email: 'ed@comune.example', name: 'Ed', roles: ['editor'], officeIds: [] };
  await withTenantTx(t.ctx.db, t.tenant.id, async (tx) => {
    const audit = { tenantId: t.tenant.id, actor: editor };
    const { slug, ...tari } = demoServices.find((x) => x.slug === 'tari')!;
    await createContent(tx, audit, { type: 'service', slug, data: tari, publish: true });
    for (const o of demoOffices.filter((x) => x.slug === 'ufficio-tributi' || x.slug === 'ufficio-ambiente')) {
      const { slug: officeSlug, ...data } = o;
      await createContent(tx, audit, { type: 'office', slug: officeSlug, data, publish: true });
    }
  });
  bare = await t.addTenant('vuoto', 'Comune senza contenuti');
});
afterAll(async () => t?.close());

const form = (over: Record<string, string> = {}) =>
  readForm({ name: 'Paolo', surname: 'Gialli', email: 'paolo@example.org', category: 'Ambiente', service: '', details: 'Una domanda', privacy: '1', ...over });

const submit = (tenant: Tenant, over: Record<string, string> = {}, citizenId: string | null = null, ctx: AppContext = t.ctx) =>
  withTenantTx(t.ctx.db, tenant.id, (tx) => submitAssistanceRequest(ctx, tx, { tenantId: tenant.id, citizenId, form: form(over), locale: 'it' }));

const all = <T>(tenant: Tenant, fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, tenant.id, fn);

describe('submitAssistanceRequest', () => {
  it('writes nothing at all when a later step fails: no request, no e-mail, no event', async () => {
    const failing = { ...t.ctx, permissions: { can: () => { throw new Error('boom'); } } } as unknown as AppContext;
    await makeStaff(t.app, t.tenant, ['operator']);
    await expect(submit(t.tenant, { email: 'atomic@example.org' }, null, failing)).rejects.toThrow('boom');
    expect(await all(t.tenant, (tx) => tx.select().from(siteAssistanceRequests).where(eq(siteAssistanceRequests.email, 'atomic@example.org')))).toHaveLength(0);
    expect(await all(t.tenant, (tx) => tx.select().from(messageDeliveries).where(eq(messageDeliveries.toAddress, '"Paolo Gialli" <atomic@example.org>')))).toHaveLength(0);
  });

  it('leaves a request unassigned when the comune has none of the offices, and tells only the operators', async () => {
    const operator = await makeStaff(t.app, bare, ['operator']);
    await makeStaff(t.app, bare, ['office'], { officeIds: ['00000000-0000-4000-8000-000000000001'] });
    const r = await submit(bare, { email: 'bare@example.org' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.row.officeSlug).toBeNull();
    expect(r.value.row.tenantId).toBe(bare.id);
    const told = await all(bare, (tx) => tx.select().from(notifications).where(eq(notifications.template, 'site.assistance-new')));
    expect(told.map((n) => n.recipientId)).toEqual([operator.id]);
    expect(told[0]!.bodyText).toContain('assegnata a: da assegnare');
    const events = await all(bare, (tx) => tx.select().from(domainEvents).where(eq(domainEvents.name, 'site.assistance-request.submitted')));
    expect(events).toHaveLength(1);
  });

  it('rejects a service that is not published or not in the category', async () => {
    const r = await submit(t.tenant, { category: 'Ambiente', service: 'tari' });
    expect(r.ok ? [] : r.error.map((e) => e.message)).toEqual(['site.assistance.error.serviceCategory']);
    const none = await submit(bare, { category: 'Tributi, finanze e contravvenzioni', service: 'tari' });
    expect(none.ok ? [] : none.error.map((e) => e.message)).toEqual(['site.assistance.error.service']);
  });

  it('sends a logged-in citizen’s copy to their account and to a different address they typed', async () => {
    const c = await makeCitizen(t.app, t.tenant, { taxCode: 'GLLPLA70A01L219X', email: 'account@example.org' });
    const r = await submit(t.tenant, { email: 'altro@example.org' }, c.id);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const to = (await all(t.tenant, (tx) => tx.select().from(messageDeliveries))).map((d) => d.toAddress);
    expect(to).toContain('account@example.org');
    expect(to).toContain('"Paolo Gialli" <altro@example.org>');
  });
});

describe('updateAssistanceRequest', () => {
  it('closes without a message with the plain closing text, and reopening clears the closing date', async () => {
    const r = await submit(t.tenant, { email: 'chiusa@example.org' });
    if (!r.ok) throw new Error('not sent');
    const staff: Actor = { type: 'staff', id: '00000000-0000-4000-8000-0000000000aa', email: 'op@comune.example', name: 'Op', roles: ['operator'], officeIds: [] };
    const audit = { tenantId: t.tenant.id, actor: staff };
    const closed = await all(t.tenant, (tx) => updateAssistanceRequest(t.ctx, tx, audit, r.value.row, { status: 'closed', staffNote: '', closingMessage: '' }));
    expect(closed.ok && closed.value.closed).toBe(true);
    const [mail] = await all(t.tenant, (tx) =>
      tx.select().from(messageDeliveries).where(eq(messageDeliveries.subject, `La tua richiesta ${r.value.row.reference} è stata chiusa`)),
    );
    expect(mail!.bodyText).toContain('è stata chiusa. Se hai ancora bisogno di aiuto');
    const reopened = await all(t.tenant, (tx) => updateAssistanceRequest(t.ctx, tx, audit, r.value.row, { status: 'in-progress', staffNote: '', closingMessage: 'ignored' }));
    expect(reopened.ok && reopened.value.row.closedAt).toBeNull();
    expect(reopened.ok && reopened.value.closed).toBe(false);
  });
});
