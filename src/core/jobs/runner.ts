import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { DomainEvent } from '../events/index.ts';
import { EventRelay } from '../events/relay.ts';
import { BOSS_SCHEMA, databaseAdapter, listenForErrors, prepareDatabase, registerRunnerBoss, stopJobProducer } from './boss.ts';
import { subscriberQueue, type JobInfo, type RetryPolicy } from './registry.ts';

/** Every cron schedule is evaluated in Italian time. */
export const SCHEDULE_TZ = 'Europe/Rome';

export interface JobRunner {
  stop(): Promise<void>;
  /** The pg-boss instance of this runner (for tools and tests). */
  readonly boss: PgBoss;
  /** Wake the outbox relay now instead of at its next poll. */
  nudgeRelay(): void;
}

export interface JobRunnerOptions {
  /** How often an idle worker polls its queue, in seconds (≥ 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss checks the cron schedules, in seconds (1–45). Default 30; cron itself has minute granularity. */
  cronMonitorIntervalSeconds?: number;
  /** How often scheduled runs due are turned into jobs, in seconds (1–45). Default 5. */
  cronWorkerIntervalSeconds?: number;
  /** How often the outbox relay looks for undispatched events when nothing nudged it, in ms. Default 1000. */
  relayIntervalMs?: number;
  /** Events per relay transaction. Default 100. */
  relayBatchSize?: number;
  /** Run the cron schedules in this process. Default true. */
  schedule?: boolean;
  /** Retry settings by job or subscriber name that win over the definitions (tests use fast retries). */
  retryOverrides?: Record<string, RetryPolicy>;
}

interface SubscriberJobData {
  id: string;
  tenantId: string;
  name: string;
  payload: Record<string, unknown>;
  occurredAt: string;
  requestId: string | null;
}

/**
 * Start pg-boss workers for every job and event subscriber in ctx.jobs, the cron schedules
 * (Europe/Rome) and the outbox relay. Runs in the web process (RUN_WORKERS=true) or in `npm run worker`;
 * any number of processes may run it against one database: pg-boss hands each job to one worker and
 * each cron tick to one instance.
 */
export async function startJobRunner(ctx: AppContext, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const boss = new PgBoss({
    db: databaseAdapter(ctx.database),
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: true,
    schedule: options.schedule ?? true,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds ?? 5,
  });
  listenForErrors(ctx, boss, 'runner');
  await boss.start();
  await prepareDatabase(ctx, boss, options.retryOverrides);

  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true as const };
  const info = (queue: string, job: PgBoss.JobWithMetadata<unknown>): JobInfo => ({
    id: job.id,
    queue,
    retryCount: job.retryCount,
    retryLimit: job.retryLimit,
    isLastAttempt: job.retryCount >= job.retryLimit,
  });
  const failed = (queue: string, job: PgBoss.JobWithMetadata<unknown>, err: unknown) =>
    ctx.log.warn({ err, queue, jobId: job.id, attempt: job.retryCount + 1, of: job.retryLimit + 1 }, 'job failed');

  const wanted = new Map<string, string>();
  for (const def of ctx.jobs.jobs.values()) {
    if (def.enabled && !def.enabled(ctx)) continue;
    await boss.work<Record<string, unknown>>(def.name, work, async ([job]) => {
      if (!job) return;
      try {
        await def.handler(job.data ?? {}, ctx, info(def.name, job));
      } catch (err) {
        failed(def.name, job, err);
        throw err;
      }
    });
    if (def.cron) wanted.set(def.name, def.cron);
  }
  for (const sub of ctx.jobs.subscribers.values()) {
    const queue = subscriberQueue(sub);
    await boss.work<SubscriberJobData>(queue, work, async ([job]) => {
      if (!job) return;
      const d = job.data;
      const event: DomainEvent = { id: d.id, tenantId: d.tenantId, name: d.name, payload: d.payload, occurredAt: new Date(d.occurredAt) };
      try {
        await sub.handler(event, ctx, info(queue, job));
      } catch (err) {
        failed(queue, job, err);
        throw err;
      }
    });
  }

  // Schedules live in the database (one row per job, shared by every instance): make them match the code.
  for (const s of await boss.getSchedules()) {
    if (wanted.get(s.name) !== s.cron || s.timezone !== SCHEDULE_TZ || s.key !== '') await boss.unschedule(s.name, s.key);
  }
  for (const [name, cron] of wanted) await boss.schedule(name, cron, {}, { tz: SCHEDULE_TZ });

  const relay = new EventRelay(ctx, boss, { intervalMs: options.relayIntervalMs ?? 1000, batchSize: options.relayBatchSize ?? 100 });
  await relay.start();
  registerRunnerBoss(ctx, boss);
  ctx.log.info({ jobs: ctx.jobs.jobs.size, subscribers: ctx.jobs.subscribers.size, schedules: wanted.size }, 'job runner started');

  let stopped = false;
  return {
    boss,
    nudgeRelay: () => relay.nudge(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await relay.stop();
      registerRunnerBoss(ctx, undefined);
      // Waits (up to 10 s) for running handlers; unfinished ones are failed and retried elsewhere.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
      await stopJobProducer(ctx);
    },
  };
}
