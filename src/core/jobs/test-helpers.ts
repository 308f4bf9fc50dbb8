import type { JobRunnerOptions } from './runner.ts';

/** Test support for code that runs in jobs: fast polling and a way to wait for an outcome. */

/** Runner settings for tests: workers poll every 0.5 s, cron is checked every second. */
export const FAST_RUNNER: JobRunnerOptions = {
  pollingIntervalSeconds: 0.5,
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
  relayIntervalMs: 250,
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll `check` until it returns a truthy value (which is returned) or `timeoutMs` passes (then throw `what`). */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000, everyMs = 100): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
