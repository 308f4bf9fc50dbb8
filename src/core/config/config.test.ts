import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, KNOWN, loadConfig } from './index.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'piazza-config-'));
const base = { DATA_DIR: dataDir };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe('configuration', () => {
  it('has development defaults that start the platform with demo data', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ env: 'development', port: 3000, host: '0.0.0.0', baseUrl: 'http://localhost:3000', deliveryMode: 'sink', seedDemo: true, databaseUrl: undefined, rateLimitPerMinute: 300 });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
    // the generated development secret is kept, so sessions survive a restart
    expect(loadConfig(base).sessionSecret).toBe(c.sessionSecret);
  });

  it('names each bad variable and what it expects', () => {
    const problems = problemsOf({ ...base, PORT: 'abc', PIAZZA_ENV: 'staging', RATE_LIMIT_PER_MINUTE: '-5', DATABASE_URL: 'mysql://x' });
    expect(problems.find((p) => p.startsWith('PORT='))).toContain('TCP port');
    expect(problems.find((p) => p.startsWith('PIAZZA_ENV='))).toContain('"development" or "production"');
    expect(problems.find((p) => p.startsWith('RATE_LIMIT_PER_MINUTE='))).toContain('positive integer');
    expect(problems.find((p) => p.startsWith('DATABASE_URL='))).toContain('PostgreSQL URL');
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const documented = [...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...KNOWN].sort());
  });

  it('rejects a port out of range', () => {
    expect(problemsOf({ ...base, PORT: '70000' })[0]).toContain('PORT');
  });

  it('demands real secrets in production and refuses demo data there', () => {
    const problems = problemsOf({ ...base, PIAZZA_ENV: 'production', SEED_DEMO: 'true' });
    expect(problems.some((p) => p.startsWith('SESSION_SECRET is required'))).toBe(true);
    expect(problems.some((p) => p.startsWith('BASE_URL is required'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SMTP_URL is required'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SEED_DEMO=true is not allowed'))).toBe(true);
    const ok = loadConfig({ ...base, PIAZZA_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), BASE_URL: 'https://comune.example.it', SMTP_URL: 'smtp://mail:587' });
    expect(ok).toMatchObject({ isProduction: true, seedDemo: false, deliveryMode: 'smtp', secureCookies: true });
  });

  it('makes `PORT=abc npm start` exit non-zero naming PORT', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'abc', DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).not.toBe(0);
    expect(res.status).not.toBeNull();
    expect(res.stderr).toContain('PORT="abc" is invalid');
  });
});

describe('logs', () => {
  it('mask e-mail addresses and tax codes in logged errors', async () => {
    const { Writable } = await import('node:stream');
    const { createLogger, maskPersonalData } = await import('../logger.ts');
    expect(maskPersonalData('550 mailbox mario.rossi@example.org unknown, CF RSSMRA80A01L750W')).toBe('550 mailbox [e-mail] unknown, CF [tax code]');
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const log = createLogger('info', false, sink);
    log.error({ err: new Error('recipient anna.verdi@example.org rejected') }, 'job failed');
    await new Promise((r) => setImmediate(r));
    expect(out).toContain('recipient [e-mail] rejected');
    expect(out).not.toContain('anna.verdi@example.org');
  });
});
