import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../e2e/harness.ts';
import { withDatabase } from './testing/database.ts';

/**
 * Reliability: a `kill -9` of the server during a stream of writes loses no write that was acknowledged.
 * The writes are logins (each one commits a session row before the 303 answer that carries its cookie);
 * after the crash and a restart on the same database, every acknowledged session must still be valid.
 * Runs on the embedded PGlite data dir, or on the PostgreSQL server when DATABASE_URL is set.
 */

const serverUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function databaseEnv(): Promise<Record<string, string>> {
  if (!serverUrl) return { DATABASE_URL: '' };
  const name = `piazza_kill_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  return { DATABASE_URL: withDatabase(serverUrl, name) };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** One demo login: form page (CSRF) → post → 303 with the session cookie. Returns the cookie or null. */
async function login(base: string): Promise<string | null> {
  const form = await fetch(`${base}/auth/demo`);
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) return null;
  const jar = cookiesOf(form).join('; ');
  const res = await fetch(`${base}/auth/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ _csrf: token, identity: 'citizen-maria-bianchi' }).toString(),
  });
  if (res.status !== 303) return null;
  const sid = cookiesOf(res).find((c) => /piazza_sid=/.test(c));
  return sid ?? null;
}

describe('kill -9 during a stream of writes', () => {
  it('loses no acknowledged write', async () => {
    const env = { SEED_DEMO: 'true', ...(await databaseEnv()) };
    const dataDir = mkdtempSync(join(tmpdir(), 'piazza-kill-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));

    const t0 = Date.now();
    const phase = (name: string) => console.warn(`[reliability] ${name} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    let server: RunningServer = await startServer(env, { dataDir });
    phase('server ready');
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          const sid = await login(server.url);
          if (sid) acknowledged.push(sid);
        } catch {
          // the server died under us: that request was never acknowledged
          return;
        }
      }
    });
    // let the stream run, then kill the process without any chance to flush or close
    const deadline = Date.now() + 120_000;
    while (acknowledged.length < 25) {
      if (server.proc.exitCode !== null || server.proc.signalCode !== null) throw new Error(`server exited early:\n${server.output()}`);
      if (Date.now() > deadline) throw new Error(`only ${acknowledged.length} writes acknowledged in 120 s:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    phase(`${acknowledged.length} writes acknowledged`);
    server.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await server.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    server = await startServer(env, { dataDir });
    phase('restarted after kill -9');
    try {
      const lost: string[] = [];
      for (const sid of acknowledged) {
        const res = await fetch(`${server.url}/area-personale`, { headers: { cookie: sid }, redirect: 'manual' });
        if (res.status !== 200) lost.push(`${sid.slice(0, 20)}… → ${res.status}`);
      }
      phase(`checked ${acknowledged.length} sessions`);
      expect(lost).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 240_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM exits 0, closes the database cleanly and releases the embedded lock', async () => {
    const env = { SEED_DEMO: 'false', ...(await databaseEnv()) };
    const dataDir = mkdtempSync(join(tmpdir(), 'piazza-term-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer(env, { dataDir });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(server.output()).not.toMatch(/error/i);
    if (!serverUrl) expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    // and the database opens again at once
    const again = await startServer(env, { dataDir });
    expect(await again.stop('SIGTERM')).toBe(0);
  }, 180_000);
});

