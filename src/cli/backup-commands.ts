import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../core/db/client.ts';
import { acquirePgliteLock } from '../core/db/pglite-lock.ts';

/**
 * Backups of both engines, restorable on the same engine:
 * - embedded PGlite: PGlite's own dump of the data directory (a gzip'd tar), taken while no other
 *   process uses the directory (or from inside the process that has it open: backupPglite()).
 * - PostgreSQL server: pg_dump's custom format (pg_dump/pg_restore from the PostgreSQL client tools).
 * Both hold the whole database: piazza's tables, the drizzle migrations table and the pg-boss schema.
 */

export type BackupKind = 'pglite' | 'postgres';
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BackupInfo {
  kind: BackupKind;
  file: string;
  bytes: number;
}

/** What a backup file is, from its first bytes: a PGlite data-directory dump (gzip) or a pg_dump archive. */
export function detectBackupKind(file: string): BackupKind | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    return null;
  } finally {
    closeSync(fd);
  }
}

function partialName(out: string): string {
  return `${out}.partial-${process.pid}`;
}

/** Backups hold personal data: readable by the owner only. */
function finishFile(partial: string, out: string): number {
  chmodSync(partial, 0o600);
  renameSync(partial, out);
  return statSync(out).size;
}

// ---------------------------------------------------------------------------------------------- PGlite

/**
 * Dump an open PGlite database to `out`. Consistent: PGlite runs one query at a time and the dump
 * takes that same queue, so this is the way for a running process to back itself up (e.g. from a job).
 */
export async function backupPglite(pglite: PGlite, out: string): Promise<BackupInfo> {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  const blob = await pglite.dumpDataDir('gzip');
  const partial = partialName(file);
  try {
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()), { mode: 0o600, flush: true });
    return { kind: 'pglite', file, bytes: finishFile(partial, file) };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Back up the embedded database in `dir`. Refuses while another process (the server) has the directory open. */
export async function backupPgliteDir(dir: string, out: string): Promise<Outcome<BackupInfo>> {
  if (!existsSync(join(dir, 'PG_VERSION'))) return { ok: false, error: `There is no embedded database in ${dir} (check DATA_DIR).` };
  let lock;
  try {
    lock = acquirePgliteLock(dir, 'npm run db:backup');
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  try {
    const database = await openDatabase({ dataDir: dir });
    try {
      return { ok: true, value: await backupPglite(database.pglite!, out) };
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restore a PGlite backup into the data directory `dir`. A directory that already holds files is kept
 * unless `force`, and then moved aside (never deleted) to `<dir>.before-restore-<time>`.
 */
export async function restorePgliteDir(file: string, dir: string, opts: { force?: boolean } = {}): Promise<Outcome<{ movedAside: string | null; migrations: number }>> {
  const kind = detectBackupKind(file);
  if (kind === 'postgres') {
    return { ok: false, error: 'This is a PostgreSQL backup (pg_dump archive): restore it into a PostgreSQL server by setting DATABASE_URL.' };
  }
  if (kind !== 'pglite') return { ok: false, error: `${file} is not a piazza backup (neither a PGlite dump nor a pg_dump archive).` };
  let lock;
  try {
    lock = acquirePgliteLock(dir, 'npm run db:restore');
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  try {
    let movedAside: string | null = null;
    if (!isEmptyDir(dir)) {
      if (!opts.force) {
        return { ok: false, error: `${dir} already holds a database. Restore into an empty DATA_DIR, or add --force to move the current one aside first.` };
      }
      movedAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, movedAside);
    }
    mkdirSync(dir, { recursive: true });
    try {
      const loaded = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
      await loaded.close();
      // Reopen as the server will, and check it is a piazza database.
      const database = await openDatabase({ dataDir: dir });
      try {
        const { rows } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
        return { ok: true, value: { movedAside, migrations: Number(rows[0]?.n ?? 0) } };
      } finally {
        await database.close();
      }
    } catch (err) {
      // Leave things as they were: the half-restored directory goes, the moved one comes back.
      rmSync(dir, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, dir);
      return { ok: false, error: `The backup could not be restored: ${(err as Error).message}` };
    }
  } finally {
    lock.release();
  }
}

// ------------------------------------------------------------------------------------------ PostgreSQL

interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** libpq gets the URL without its password (which would show in `ps`); the password goes in PGPASSWORD. */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password !== undefined) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ToolRun | null> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? res(null) : rej(err)));
    child.on('close', (code) => res({ code: code ?? 1, stdout, stderr }));
  });
}

const missingTool = (tool: string) =>
  `${tool} was not found on PATH. Install the PostgreSQL client tools of the same major version as the server ` +
  `(Debian/Ubuntu: apt-get install postgresql-client-15, or postgresql-client for the distribution's version).`;

/** pg_dump of the whole database in custom format: every schema (public, drizzle, pgboss), data, grants and policies. */
export async function backupPostgres(url: string, out: string): Promise<Outcome<BackupInfo>> {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  const partial = partialName(file);
  const { dbname, env } = libpqTarget(url);
  const r = await run('pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`], env);
  if (!r) return { ok: false, error: missingTool('pg_dump') };
  if (r.code !== 0) {
    rmSync(partial, { force: true });
    return { ok: false, error: `pg_dump failed: ${r.stderr.trim()}` };
  }
  return { ok: true, value: { kind: 'postgres', file, bytes: finishFile(partial, file) } };
}

const SYSTEM_SCHEMA = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

/** Tables, views and sequences outside the system schemas: a database with none is empty. */
async function userRelations(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${SYSTEM_SCHEMA} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  return rows[0]?.n ?? 0;
}

/** The application role of migration 0001 (NOLOGIN, cluster-wide): must exist before grants to it are restored. */
const ENSURE_APP_ROLE = `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'piazza_app') THEN
    CREATE ROLE piazza_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT pg_has_role(current_user, 'piazza_app', 'MEMBER') THEN
    EXECUTE format('GRANT piazza_app TO %I', current_user);
  END IF;
END $$`;

/** Default privileges belong to the role that creates tables: re-stated for the login that restored. */
const DEFAULT_PRIVILEGES = [
  'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO piazza_app',
  'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO piazza_app',
];

/**
 * Restore a pg_dump archive into the database of `url`, in one transaction. The objects belong to the
 * login of `url` (use the application's DATABASE_URL). A database that is not empty is refused unless
 * `force`, which first drops every non-system schema of it.
 */
export async function restorePostgres(file: string, url: string, opts: { force?: boolean } = {}): Promise<Outcome<{ migrations: number; replaced: boolean }>> {
  const kind = detectBackupKind(file);
  if (kind === 'pglite') {
    return {
      ok: false,
      error:
        'This is a backup of the embedded database (PGlite): it restores only into PGlite (unset DATABASE_URL). ' +
        'To move an embedded installation to PostgreSQL see docs/operations.md, "From PGlite to PostgreSQL".',
    };
  }
  if (kind !== 'postgres') return { ok: false, error: `${file} is not a piazza backup (neither a PGlite dump nor a pg_dump archive).` };

  const { dbname, env } = libpqTarget(url);
  const listing = await run('pg_restore', ['--list', file], env);
  if (!listing) return { ok: false, error: missingTool('pg_restore') };
  if (listing.code !== 0) return { ok: false, error: `pg_restore cannot read ${file}: ${listing.stderr.trim()}` };

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let replaced = false;
  try {
    const existing = await userRelations(client);
    if (existing > 0) {
      if (!opts.force) {
        return { ok: false, error: `The target database is not empty (${existing} tables, views or sequences). Restore into a new, empty database, or add --force to replace its contents.` };
      }
      const { rows: su } = await client.query<{ su: boolean }>('select rolsuper as su from pg_roles where rolname = current_user');
      await client.query('begin');
      if (su[0]?.su) {
        // A superuser may recreate everything, extensions included: drop every non-system schema.
        const { rows } = await client.query<{ nspname: string }>(`select n.nspname from pg_namespace n where ${SYSTEM_SCHEMA} order by 1`);
        for (const { nspname } of rows) await client.query(`drop schema ${pg.escapeIdentifier(nspname)} cascade`);
        await client.query('create schema if not exists public');
      } else {
        // The application login drops what it owns; extensions a superuser installed stay (it could not recreate them).
        await client.query('drop owned by current_user');
      }
      await client.query('commit');
      const left = await userRelations(client);
      if (left > 0) return { ok: false, error: `The target database could not be emptied: ${left} tables, views or sequences belong to other roles.` };
      replaced = true;
    }
    try {
      await client.query(ENSURE_APP_ROLE);
    } catch (err) {
      return {
        ok: false,
        error: `The role piazza_app is missing and this login may not create it (${(err as Error).message}). As a superuser run: CREATE ROLE piazza_app NOLOGIN; GRANT piazza_app TO <the login of DATABASE_URL>;`,
      };
    }

    // Default privileges are per creating role: skip the backup's (they name the original login) and state them
    // anew below. Comments on extensions need the extension's owner (often a superuser who created it): skip them.
    const listFile = join(tmpdir(), `piazza-restore-${process.pid}-${Date.now()}.list`);
    writeFileSync(listFile, listing.stdout.split('\n').filter((l) => !/ DEFAULT ACL | COMMENT - EXTENSION /.test(l)).join('\n'), { mode: 0o600 });
    let r: ToolRun | null;
    try {
      r = await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password', `--use-list=${listFile}`, `--dbname=${dbname}`, file], env);
    } finally {
      rmSync(listFile, { force: true });
    }
    if (!r) return { ok: false, error: missingTool('pg_restore') };
    if (r.code !== 0) return { ok: false, error: `pg_restore failed (nothing was restored): ${r.stderr.trim()}` };

    for (const stmt of DEFAULT_PRIVILEGES) await client.query(stmt);
    await client.query('analyze');
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    return { ok: true, value: { migrations: rows[0]?.n ?? 0, replaced } };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
