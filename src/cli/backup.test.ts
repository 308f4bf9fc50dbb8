import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withTenantTx, type Database } from '../core/db/client.ts';
import { migrate } from '../core/db/migrate.ts';
import { citizens } from '../core/db/schema.ts';
import { createTenant } from '../core/tenancy/index.ts';
import { createTestDatabase, withDatabase } from '../core/testing/database.ts';
import { backupPgliteDir, backupPostgres, detectBackupKind, restorePgliteDir, restorePostgres } from './backup-commands.ts';
import { openConfiguredDatabase, pgliteDir } from './database.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'piazza-backup-test-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A comune with a citizen, and pg-boss's schema with a version row, as a running installation has. */
async function fillDatabase(database: Database): Promise<string> {
  const t = await createTenant(database.db, { slug: 'biella', name: 'Comune di Biella', hosts: ['biella.example.it'] });
  if (!t.ok) throw new Error(JSON.stringify(t.errors));
  await withTenantTx(database.db, t.value.id, (tx) => tx.insert(citizens).values({ tenantId: t.value.id, taxCode: 'RSSMRA80A01L750W', givenName: 'Mario' }));
  await database.exec(PgBoss.getConstructionPlans('pgboss'));
  return t.value.id;
}

/** What a restored database must hold: the comune, its citizen (seen through RLS as the app role), the migrations and pg-boss. */
async function expectFilled(database: Database, tenantId: string): Promise<void> {
  const tenants = await database.executeSql('select slug from tenants');
  expect(tenants.rows).toEqual([{ slug: 'biella' }]);
  const seen = await withTenantTx(database.db, tenantId, (tx) => tx.select().from(citizens));
  expect(seen.map((c) => c.givenName)).toEqual(['Mario']);
  const migrations = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  expect(Number(migrations.rows[0]!.n)).toBeGreaterThanOrEqual(2);
  const boss = await database.executeSql('select count(*)::int as n from pgboss.version');
  expect(Number(boss.rows[0]!.n)).toBe(1);
}

describe('backup and restore of the embedded database (PGlite)', () => {
  it('round-trips: data, migrations table and pg-boss schema come back in a fresh directory', async () => {
    const source = join(work, 'source');
    const db = await openConfiguredDatabase({ dataDir: source, databaseUrl: undefined }, 'test');
    await migrate(db);
    const tenantId = await fillDatabase(db);

    // While a process has the directory open, a backup from another command is refused.
    const busy = await backupPgliteDir(pgliteDir({ dataDir: source }), join(work, 'busy.tar.gz'));
    expect(busy).toMatchObject({ ok: false });
    if (!busy.ok) expect(busy.error).toMatch(/in use by process/);
    await db.close();

    const out = join(work, 'backups', 'piazza.tar.gz');
    const b = await backupPgliteDir(pgliteDir({ dataDir: source }), out);
    expect(b).toMatchObject({ ok: true, value: { kind: 'pglite' } });
    expect(detectBackupKind(out)).toBe('pglite');
    expect(readdirSync(join(work, 'backups'))).toEqual(['piazza.tar.gz']); // no partial file left

    const target = pgliteDir({ dataDir: join(work, 'target') });
    const r = await restorePgliteDir(out, target);
    expect(r).toMatchObject({ ok: true, value: { movedAside: null } });
    const restored = await openDatabase({ dataDir: target });
    try {
      await expectFilled(restored, tenantId);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to overwrite a database unless forced, and then moves the old one aside', async () => {
    const out = join(work, 'backups', 'piazza.tar.gz');
    const target = pgliteDir({ dataDir: join(work, 'target') });
    const refused = await restorePgliteDir(out, target);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error).toMatch(/already holds a database.*--force/);

    const forced = await restorePgliteDir(out, target, { force: true });
    if (!forced.ok) throw new Error(forced.error);
    expect(forced.value.movedAside).toMatch(/pglite\.before-restore-/);
    expect(existsSync(join(forced.value.movedAside!, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
  }, 120_000);

  it('says what is wrong with a file that is not a backup of this engine', async () => {
    const junk = join(work, 'junk.bin');
    writeFileSync(junk, 'hello');
    expect(await restorePgliteDir(junk, join(work, 'junk-target'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a piazza backup/) });
    const fakePgDump = join(work, 'fake.dump');
    writeFileSync(fakePgDump, 'PGDMP\x01\x0f');
    expect(await restorePgliteDir(fakePgDump, join(work, 'junk-target'))).toMatchObject({ ok: false, error: expect.stringMatching(/PostgreSQL backup/) });
    // A PGlite dump never goes to a PostgreSQL server (checked before connecting).
    const r = await restorePostgres(join(work, 'backups', 'piazza.tar.gz'), 'postgres://nobody@127.0.0.1:1/none');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/embedded database \(PGlite\)/) });
  });
});

// Needs a PostgreSQL server (pg_dump/pg_restore against a real database): runs when DATABASE_URL is set.
describe.runIf(!!process.env.DATABASE_URL)('backup and restore on a PostgreSQL server (pg_dump custom format)', () => {
  const serverUrl = process.env.DATABASE_URL ?? '';
  const targetName = `piazza_restore_${Date.now().toString(36)}_${process.pid}`;
  const targetUrl = () => withDatabase(serverUrl, targetName);

  async function admin(sql: string): Promise<void> {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  afterAll(async () => {
    await admin(`drop database if exists ${targetName} with (force)`);
  });

  it('round-trips into another, empty database; refuses a non-empty one unless forced', async () => {
    const source = await createTestDatabase();
    let tenantId: string;
    const out = join(work, 'pg', 'piazza.dump');
    try {
      tenantId = await fillDatabase(source);
      const b = await backupPostgres(source.url!, out);
      if (!b.ok) throw new Error(b.error);
      expect(detectBackupKind(out)).toBe('postgres');
    } finally {
      await source.close();
    }

    await admin(`create database ${targetName}`);
    const r = await restorePostgres(out, targetUrl());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ replaced: false });
    expect(r.value.migrations).toBeGreaterThanOrEqual(2);
    const restored = await openDatabase({ databaseUrl: targetUrl(), poolSize: 2 });
    try {
      await expectFilled(restored, tenantId);
    } finally {
      await restored.close();
    }

    const refused = await restorePostgres(out, targetUrl());
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/not empty.*--force/) });
    const forced = await restorePostgres(out, targetUrl(), { force: true });
    expect(forced).toMatchObject({ ok: true, value: { replaced: true } });
    const again = await openDatabase({ databaseUrl: targetUrl(), poolSize: 2 });
    try {
      await expectFilled(again, tenantId);
    } finally {
      await again.close();
    }
  }, 120_000);
});
