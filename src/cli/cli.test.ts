import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../core/db/client.ts';
import { committedMigrations } from '../core/db/migrate.ts';
import { auditLog } from '../core/db/schema.ts';
import { createTestDatabase } from '../core/testing/database.ts';
import { migrateCommand } from './db-commands.ts';
import { addTenant, formatTenantError, parseTenantAddArgs } from './tenant-commands.ts';
import { acquirePgliteLock, PgliteLockedError } from '../core/db/pglite-lock.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('db:migrate', () => {
  it('applies every committed migration to a new database and lists them, then finds nothing pending', async () => {
    const database = await openDatabase({});
    try {
      const first = await migrateCommand(database);
      expect(first.applied).toEqual(committedMigrations().map((m) => m.tag));
      expect(first.total).toBe(committedMigrations().length);
      const second = await migrateCommand(database);
      expect(second).toEqual({ applied: [], total: committedMigrations().length });
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe('tenant:add arguments', () => {
  it('reads every option, with repeated hosts and locales', () => {
    const r = parseTenantAddArgs(['--slug', 'biella', '--name', 'Comune di Biella', '--istat', '096004', '--ipa', 'C_A859', '--host', 'Biella.example.it', '--host', 'www.biella.example.it', '--locale', 'it', '--locale', 'en']);
    expect(r).toEqual({
      ok: true,
      help: false,
      value: { slug: 'biella', name: 'Comune di Biella', istatCode: '096004', ipaCode: 'c_a859', hosts: ['biella.example.it', 'www.biella.example.it'], locales: ['it', 'en'] },
    });
  });

  it('reports missing and unknown options instead of throwing', () => {
    expect(parseTenantAddArgs(['--name', 'Comune di Biella'])).toEqual({ ok: false, errors: ['--slug is required'] });
    const unknown = parseTenantAddArgs(['--slug', 'x', '--name', 'Comune', '--colour', 'red']);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/--colour/);
    expect(parseTenantAddArgs(['--help'])).toEqual({ ok: true, help: true });
  });
});

describe('tenant:add', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the comune and records it in its audit trail', async () => {
    const r = await addTenant(database.db, { slug: 'biella', name: 'Comune di Biella', istatCode: '096004', ipaCode: 'c_a859', hosts: ['biella.example.it'] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value).toMatchObject({ slug: 'biella', hosts: ['biella.example.it'], locales: ['it', 'en'] });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.tenantId, r.value.id));
    expect(audit).toMatchObject([{ action: 'core.tenant.created', actorType: 'system', entityId: r.value.id }]);
  });

  it('refuses bad fields and duplicates with messages naming the option, and writes nothing', async () => {
    const bad = await addTenant(database.db, { slug: 'Bad Slug', name: 'X', istatCode: '96004' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map(formatTenantError)).toEqual([expect.stringMatching(/^--slug: /), expect.stringMatching(/^--name: /), expect.stringMatching(/^--istat: six digits/)]);
    const dup = await addTenant(database.db, { slug: 'biella', name: 'Comune di Biella' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors.map(formatTenantError)).toEqual(['--slug: a tenant "biella" already exists']);
    const host = await addTenant(database.db, { slug: 'cossato', name: 'Comune di Cossato', hosts: ['biella.example.it'] });
    expect(host.ok).toBe(false);
    if (!host.ok) expect(formatTenantError(host.errors[0]!)).toMatch(/^--host: host biella\.example\.it already belongs to tenant "biella"/);
    const { rows } = await database.executeSql('select count(*)::int as n from tenants');
    expect(rows[0]!.n).toBe(1);
  });
});

describe('embedded data directory lock', () => {
  it('lets one process at a time open a data directory and replaces a stale lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'piazza-lock-'));
    try {
      const lock = acquirePgliteLock(join(dir, 'pglite'), 'test');
      expect(() => acquirePgliteLock(join(dir, 'pglite'), 'second')).toThrow(PgliteLockedError);
      lock.release();
      acquirePgliteLock(join(dir, 'pglite'), 'third').release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the real commands (npx tsx) on an embedded database in a temporary DATA_DIR', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'piazza-cli-'));
    // The embedded engine, whichever engine the suite runs on: an empty DATABASE_URL counts as unset, and
    // dotenv never overrides a variable that is present. Vitest sets BASE_URL=/ for its own use.
    env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PIAZZA_ENV: 'development', BASE_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-cli-test-secret-0123456' };
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tsx = (script: string, args: string[]) => run('npx', ['tsx', join('src', 'cli', script), ...args], { cwd: ROOT, env, timeout: 120_000 });

  it('tenant:add creates a comune and exits 0; a duplicate prints the field error and exits 1', async () => {
    const ok = await tsx('tenant-add.ts', ['--slug', 'biella', '--name', 'Comune di Biella', '--istat', '096004', '--ipa', 'c_a859', '--host', 'biella.example.it']);
    expect(ok.stdout).toContain('Created comune "Comune di Biella" (slug biella');
    expect(ok.stdout).toContain('hosts: biella.example.it');

    const dup = await tsx('tenant-add.ts', ['--slug', 'biella', '--name', 'Comune di Biella']).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('--slug: a tenant "biella" already exists');
  }, 180_000);
});
