import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { makeStaff } from '../../core/testing/factories.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { auditLog } from '../../core/db/schema.ts';
import type { AuditContext } from '../../core/audit/index.ts';
import { siteModule } from '../site/module.ts';
import { reportsModule } from './module.ts';
import { siteContents } from '../site/schema.ts';
import { ensureDefaultCategories, listCategories, getCategory, updateCategory, categoryName, siteOfficeFor } from './categories.ts';
import { createReport } from './repository.ts';

let t: TestApp;
let audit: AuditContext;
const tx = <T>(fn: Parameters<typeof withTenantTx<T>>[2]) => withTenantTx(t.ctx.db, t.tenant.id, fn);

beforeAll(async () => {
  t = await buildTestApp({ modules: [siteModule, reportsModule] });
  await tx((q) => ensureDefaultCategories(q, t.tenant.id));
  const staff = await makeStaff(t.app, t.tenant, ['admin']);
  audit = { tenantId: t.tenant.id, actor: { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['admin'], officeIds: [] } };
});
afterAll(async () => t?.close());

describe('categories', () => {
  it('gives a new comune the default categories on first use', async () => {
    const fresh = await t.addTenant('nuovo');
    const cats = await withTenantTx(t.ctx.db, fresh.id, (q) => listCategories(q, { activeOnly: true }));
    expect(cats).toHaveLength(15);
    expect(cats.every((c) => c.tenantId === fresh.id)).toBe(true);
    const fresh2 = await t.addTenant('nuovo-due');
    expect(await withTenantTx(t.ctx.db, fresh2.id, (q) => getCategory(q, 'verde'))).toMatchObject({ code: 'verde', tenantId: fresh2.id });
    expect(await withTenantTx(t.ctx.db, fresh2.id, (q) => getCategory(q, 'nessuna'))).toBeNull();
  });

  it('maps offices with officeFor when given', async () => {
    const other = await t.addTenant('uffici');
    await withTenantTx(t.ctx.db, other.id, (q) => ensureDefaultCategories(q, other.id, (code) => (code === 'buche' ? { slug: 'ufficio-strade', name: 'Ufficio strade' } : null)));
    const cats = await withTenantTx(t.ctx.db, other.id, (q) => listCategories(q));
    expect(cats.find((c) => c.code === 'buche')).toMatchObject({ officeSlug: 'ufficio-strade', officeName: 'Ufficio strade' });
    expect(cats.find((c) => c.code === 'verde')).toMatchObject({ officeSlug: null, officeName: null });
    expect(cats.every((c) => c.tenantId === other.id)).toBe(true);
  });

  it("points categories at the comune's own published offices", async () => {
    const c = await t.addTenant('conuffici');
    const office = (slug: string, title: string) => ({ tenantId: c.id, type: 'office', slug, draft: {}, published: {}, titleIt: title }) as typeof siteContents.$inferInsert;
    await withTenantTx(t.ctx.db, c.id, async (q) => {
      await q.insert(siteContents).values([office('lavori-pubblici-ambiente', 'Area Lavori pubblici e ambiente'), office('urp', 'Ufficio Relazioni con il Pubblico')]);
      await ensureDefaultCategories(q, c.id, await siteOfficeFor(q));
    });
    const cats = await withTenantTx(t.ctx.db, c.id, (q) => listCategories(q));
    expect(cats.find((x) => x.code === 'buche')).toMatchObject({ officeSlug: 'lavori-pubblici-ambiente', officeName: 'Area Lavori pubblici e ambiente' });
    expect(cats.find((x) => x.code === 'cimiteri')).toMatchObject({ officeSlug: 'urp', officeName: 'Ufficio Relazioni con il Pubblico' });
  });

  it('seeds the 15 default categories once, in order, with office and target days', async () => {
    await tx((q) => ensureDefaultCategories(q, t.tenant.id));
    const cats = await tx((q) => listCategories(q));
    expect(cats).toHaveLength(15);
    expect(cats[0]).toMatchObject({ code: 'buche', nameIt: 'Buche e manto stradale', targetDays: 15, officeSlug: 'lavori-pubblici' });
    expect(cats.at(-1)!.code).toBe('altro');
    expect(categoryName(cats[0]!, 'en')).toBe('Potholes and road surface');
  });

  it('edits a category with field errors for bad input, audited', async () => {
    const bad = await updateCategory(t.ctx, t.tenant.id, 'graffiti', { targetDays: 0 }, audit);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', field: 'targetDays' } });
    const r = await updateCategory(t.ctx, t.tenant.id, 'graffiti', { nameIt: 'Scritte sui muri', active: false }, audit);
    expect(r.ok).toBe(true);
    const active = await tx((q) => listCategories(q, { activeOnly: true }));
    expect(active.map((c) => c.code)).not.toContain('graffiti');
    expect((await tx((q) => getCategory(q, 'graffiti')))!.nameIt).toBe('Scritte sui muri');
    const audits = await tx((q) => q.select().from(auditLog).where(eq(auditLog.action, 'reports.category.updated')));
    expect(audits).toHaveLength(1);
    const refused = await createReport(t.ctx, t.tenant.id, { categoryCode: 'graffiti', title: 'Scritta', description: 'Scritta sul muro della scuola', source: 'web', skipTriage: true }, audit);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', field: 'categoryCode' } });
    const missing = await updateCategory(t.ctx, t.tenant.id, 'nope', { active: true }, audit);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

