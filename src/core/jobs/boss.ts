import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Database, Queryable } from '../db/client.ts';
import { subscriberQueue, type RetryPolicy } from './registry.ts';

/**
 * pg-boss on piazza's own database connection (PGlite or the node-postgres pool), so the embedded
 * mode needs no second connection and tests on a per-file database just work.
 */

export const BOSS_SCHEMA = 'pgboss';

export const DEFAULT_RETRY_LIMIT = 5;
export const DEFAULT_RETRY_DELAY_SECONDS = 30;
export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/**
 * pg-boss's `executeSql` over a piazza Database. Statements with parameters go through the extended
 * protocol (one statement); parameterless text may hold several statements (pg-boss's schema plans
 * wrap them in BEGIN … COMMIT): it runs as a simple query and answers with the last statement's rows.
 */
export function databaseAdapter(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return database.executeSql(text, values);
      const results = await database.execMany(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * pg-boss's `executeSql` inside an open drizzle transaction, so a job is inserted (or not) together
 * with the business change. Only for single statements with $n parameters (pg-boss's send/insert).
 */
export function transactionAdapter(tx: Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((p, i) => (i % 2 === 0 ? sql.raw(p) : sql`${sql.param(values[Number(p) - 1])}`));
      const res = await tx.execute(sql.join(chunks));
      return { rows: (res as unknown as { rows: Record<string, unknown>[] }).rows };
    },
  };
}

/** Per app context: the producer (send only) and, when workers run in this process, the runner's instance. */
interface JobsState {
  producer?: Promise<PgBoss>;
  producerReady?: PgBoss;
  runner?: PgBoss;
}
const states = new WeakMap<AppContext, JobsState>();

function stateOf(ctx: AppContext): JobsState {
  let s = states.get(ctx);
  if (!s) {
    s = {};
    states.set(ctx, s);
  }
  return s;
}

/** The started pg-boss instance of this process, if any (the runner's first, else the producer's). */
export function activeBoss(ctx: AppContext): PgBoss | undefined {
  const s = states.get(ctx);
  return s?.runner ?? s?.producerReady;
}

export function registerRunnerBoss(ctx: AppContext, boss: PgBoss | undefined): void {
  stateOf(ctx).runner = boss;
}

export function listenForErrors(ctx: AppContext, boss: PgBoss, role: string): void {
  boss.on('error', (err) => ctx.log.error({ err, role }, 'job system error'));
  boss.on('warning', (w) => ctx.log.warn({ role, data: w.data }, w.message));
}

/**
 * Start the send-only pg-boss of this process (no workers, no schedules): creates or migrates pg-boss's
 * schema and the queues of every registered job and subscriber. Idempotent; the app starts it when ready.
 */
export function startJobProducer(ctx: AppContext): Promise<PgBoss> {
  const s = stateOf(ctx);
  s.producer ??= (async () => {
    const boss = new PgBoss({ db: databaseAdapter(ctx.database), schema: BOSS_SCHEMA, schedule: false, supervise: false, migrate: true });
    listenForErrors(ctx, boss, 'producer');
    await boss.start();
    await prepareDatabase(ctx, boss);
    s.producerReady = boss;
    return boss;
  })();
  s.producer.catch(() => {
    // A failed start can be retried by the next caller.
    if (s.producerReady === undefined) s.producer = undefined;
  });
  return s.producer;
}

export async function stopJobProducer(ctx: AppContext): Promise<void> {
  const s = states.get(ctx);
  if (!s?.producer) return;
  const pending = s.producer;
  s.producer = undefined;
  s.producerReady = undefined;
  const boss = await pending.catch(() => undefined);
  await boss?.stop({ graceful: false, close: false });
}

/**
 * What every pg-boss instance needs before use: the queues of all jobs and subscribers (with their
 * retry policy), warm in pg-boss's queue cache (so a send inside a PGlite transaction never has to query
 * outside it), and the grants that let the app role enqueue inside a tenant transaction.
 */
export async function prepareDatabase(ctx: AppContext, boss: PgBoss, overrides: Record<string, RetryPolicy> = {}): Promise<void> {
  await grantEnqueue(ctx);
  await ensureQueues(ctx, boss, overrides);
}

/** The app role (piazza_app, used by withTenantTx) may insert jobs, nothing else in pg-boss's schema. */
async function grantEnqueue(ctx: AppContext): Promise<void> {
  await ctx.database.execMany(`
    BEGIN;
    SELECT pg_advisory_xact_lock(hashtext('piazza.pgboss.grants'));
    GRANT USAGE ON SCHEMA ${BOSS_SCHEMA} TO piazza_app;
    GRANT SELECT ON ${BOSS_SCHEMA}.queue TO piazza_app;
    GRANT INSERT ON ${BOSS_SCHEMA}.job, ${BOSS_SCHEMA}.job_common TO piazza_app;
    GRANT SELECT (id) ON ${BOSS_SCHEMA}.job_common TO piazza_app;
    COMMIT;
  `);
}

export interface QueueSpec {
  name: string;
  retryLimit: number;
  retryDelay: number;
  expireInSeconds: number;
}

/** Queue settings of every job and subscriber, with overrides (by job or subscriber name) applied. */
export function queueSpecs(ctx: AppContext, overrides: Record<string, RetryPolicy> = {}): QueueSpec[] {
  const spec = (queue: string, key: string, p: RetryPolicy): QueueSpec => {
    const o = overrides[key] ?? {};
    return {
      name: queue,
      retryLimit: o.retryLimit ?? p.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: o.retryDelaySeconds ?? p.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      expireInSeconds: o.expireInSeconds ?? p.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
    };
  };
  return [
    ...[...ctx.jobs.jobs.values()].map((j) => spec(j.name, j.name, j)),
    ...[...ctx.jobs.subscribers.values()].map((s) => spec(subscriberQueue(s), s.name, s)),
  ];
}

async function ensureQueues(ctx: AppContext, boss: PgBoss, overrides: Record<string, RetryPolicy>): Promise<void> {
  const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const q of queueSpecs(ctx, overrides)) {
    const options = { retryLimit: q.retryLimit, retryDelay: q.retryDelay, retryBackoff: true, expireInSeconds: q.expireInSeconds };
    const found = existing.get(q.name);
    if (!found) {
      await boss.createQueue(q.name, { policy: 'standard', ...options });
      // Puts the queue in pg-boss's cache (filled at start, before the queue existed).
      await boss.getQueueStats(q.name);
    } else if (
      found.retryLimit !== options.retryLimit ||
      found.retryDelay !== options.retryDelay ||
      found.retryBackoff !== true ||
      found.expireInSeconds !== options.expireInSeconds
    ) {
      await boss.updateQueue(q.name, options);
    }
  }
}

export interface SendJobOptions {
  /** Enqueue inside this open transaction: the job exists only if the transaction commits. */
  tx?: Queryable;
  /** A job id (uuid): sending again with the same id is a no-op while the job is kept. */
  id?: string;
  /** Run not before this time (or after this many seconds). */
  startAfter?: Date | number;
  singletonKey?: string;
  priority?: number;
}

/**
 * Enqueue job `name` (a JobDefinition in ctx.jobs). Returns the job id, or null when a job with the
 * same id already exists. With `tx` the job is inserted in the caller's transaction (also a tenant
 * transaction: the app role may insert jobs); this needs the job system already started in this process
 * (the app starts it when ready, the worker at boot), because on PGlite nothing can run outside an open transaction.
 */
export async function sendJob<D extends object>(ctx: AppContext, name: string, data: D, opts: SendJobOptions = {}): Promise<string | null> {
  if (!ctx.jobs.jobs.has(name)) throw new Error(`sendJob: no job named ${name} is defined`);
  const jobOptions: PgBoss.SendOptions = {};
  if (opts.id) jobOptions.id = opts.id;
  if (opts.startAfter !== undefined) jobOptions.startAfter = opts.startAfter;
  if (opts.singletonKey) jobOptions.singletonKey = opts.singletonKey;
  if (opts.priority !== undefined) jobOptions.priority = opts.priority;
  if (opts.tx) {
    const boss = activeBoss(ctx);
    if (!boss) {
      throw new Error('sendJob({ tx }) needs the job system started in this process: call startJobProducer(ctx) before opening the transaction');
    }
    return boss.send(name, data, { ...jobOptions, db: transactionAdapter(opts.tx) });
  }
  const boss = activeBoss(ctx) ?? (await startJobProducer(ctx));
  return boss.send(name, data, jobOptions);
}
