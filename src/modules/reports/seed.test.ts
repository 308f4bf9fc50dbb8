import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { reports } from './schema.ts';
import { seedReports } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('demo reports', () => {
  it('fill every category and state with places and the AI’s proposals, once', async () => {
    await seedReports(t.ctx, t.tenant);
    await seedReports(t.ctx, t.tenant);
    const rows = await withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
      tx.select({ category: reports.categoryCode, status: reports.status, lat: reports.lat, ai: sql<boolean>`${reports.aiSuggestion} is not null` }).from(reports),
    );
    expect(rows).toHaveLength(90);
    expect(new Set(rows.map((r) => r.category)).size).toBe(15);
    for (const s of ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed']) expect(rows.some((r) => r.status === s), s).toBe(true);
    expect(rows.every((r) => r.lat !== null)).toBe(true);
    expect(rows.filter((r) => r.status === 'submitted').every((r) => r.ai)).toBe(true);
    const page = await t.app.inject({ url: '/segnalazioni' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/segnalazioni/90');
  });
});
