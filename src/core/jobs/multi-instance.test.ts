import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEnv } from '../testing/index.ts';
import { loadConfig } from '../config/index.ts';
import { createLogger } from '../logger.ts';
import { createContext } from '../boot.ts';
import { openDatabase, type Database } from '../db/client.ts';
import type { PiazzaModule } from '../module.ts';
import { startJobRunner, type JobRunner } from './runner.ts';
import { FAST_RUNNER, sleep, waitFor } from './test-helpers.ts';

/**
 * Two app instances (two contexts, two connection pools) on one PostgreSQL database, as in production with
 * N stateless instances. Needs a PostgreSQL server: PGlite is one in-process database that a second
 * instance cannot share.
 */
describe.runIf(!!process.env.DATABASE_URL)('two job runners on one PostgreSQL database', () => {
  const runs: { instance: string; at: number }[] = [];
  const probe = (instance: string): PiazzaModule => ({
    id: 'probe',
    jobs: [
      {
        name: 'probe.every-minute',
        cron: '* * * * *',
        handler: async () => {
          runs.push({ instance, at: Date.now() });
        },
      },
    ],
  });
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('run a scheduled job once per cron tick', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'piazza-test-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const config = { ...loadConfig(testEnv(dataDir)), databaseUrl: undefined };
    const log = createLogger('silent');
    const first = await createTestDatabase();
    cleanup.push(() => first.close());
    const second: Database = await openDatabase({ databaseUrl: first.url, poolSize: 5 });
    cleanup.push(() => second.close());
    const ctxA = await createContext({ config, log, modules: [probe('A')], database: first, migrate: false });
    const ctxB = await createContext({ config, log, modules: [probe('B')], database: second, migrate: false });

    // Start early in a minute, so the whole observation below stays within one cron tick.
    const secondOfMinute = new Date().getUTCSeconds();
    if (secondOfMinute > 35) await sleep((61 - secondOfMinute) * 1000);

    const runners: JobRunner[] = [];
    for (const ctx of [ctxA, ctxB]) {
      const r = await startJobRunner(ctx, FAST_RUNNER);
      runners.push(r);
      cleanup.push(() => r.stop());
    }
    const firstRun = await waitFor('the scheduled job', () => runs[0], 75_000, 200);
    // Both instances keep checking the schedule every second until late in the same minute.
    const endOfObservation = Math.floor(firstRun.at / 60_000) * 60_000 + 55_000;
    await sleep(Math.max(0, endOfObservation - Date.now()));

    expect(runs).toHaveLength(1);
    const jobs = await first.executeSql(`select count(*)::int as n from pgboss.job where name = 'probe.every-minute'`);
    expect(jobs.rows[0]!.n).toBe(1);
  }, 150_000);
});
