import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './testing/index.ts';
import { checkTableIsolation, tablesWithTenantId } from './testing/tenant-isolation.ts';
import { coreTenantTables } from './db/schema.ts';
import { modules } from '../modules.ts';

/**
 * The shared contract: every table that holds a comune's data — the core's and every enabled module's —
 * is isolated by row-level security. The demo comune is seeded so module tables hold realistic rows.
 */
let t: TestApp;
let other: string;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: true });
  other = (await t.addTenant('isolamento')).id;
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const declared = [...coreTenantTables, ...modules.flatMap((m) => m.tenantTables ?? [])];

describe('tenant isolation contract', () => {
  it('declares every table that has a tenant_id column', async () => {
    const actual = await tablesWithTenantId(t.ctx.database);
    expect(actual.filter((x) => !declared.includes(x as never))).toEqual([]);
    expect(declared.filter((x) => !actual.includes(x))).toEqual([]);
  });

  it.each(declared)('isolates %s between comuni', async (table) => {
    const failures = await checkTableIsolation(t.ctx.database, table, t.tenant.id, other);
    expect(failures).toEqual([]);
  });
});

describe('the contract itself', () => {
  it('catches a table that forgot row-level security', async () => {
    await t.ctx.database.exec(
      'create table leaky_things (tenant_id uuid not null, id uuid not null default gen_random_uuid(), label text not null, primary key (tenant_id, id)); grant select, insert, update, delete on leaky_things to piazza_app;',
    );
    const failures = await checkTableIsolation(t.ctx.database, 'leaky_things', t.tenant.id, other);
    const problems = failures.map((f) => f.problem);
    expect(problems).toContain('row-level security is not enabled');
    expect(problems.some((p) => p.startsWith('comune B reads'))).toBe(true);
    expect(problems).toContain('comune B can insert a row for comune A');
    await t.ctx.database.exec('drop table leaky_things');
  });
});

