import { createHash } from 'node:crypto';
import { and, asc, isNull, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import type { AppContext } from '../context.ts';
import { domainEvents } from '../db/schema.ts';
import { activeBoss, startJobProducer, transactionAdapter } from '../jobs/boss.ts';
import { subscriberQueue } from '../jobs/registry.ts';
import { EVENTS_CHANNEL } from './index.ts';

/**
 * The transactional outbox relay. Business transactions write events to `domain_events` (emitEvent);
 * the relay takes undispatched ones (oldest first, FOR UPDATE SKIP LOCKED, so relays in several processes
 * share the work), inserts one pg-boss job per subscriber and marks the events dispatched — all in one
 * transaction as the owning login (cross-tenant system work). A rolled-back event never existed; a
 * committed one gives each subscriber exactly one job: the job id is derived from (event id, subscriber)
 * and pg-boss ignores a second insert with the same id.
 */

/** A deterministic uuid (version 5 layout) for the job of `subscriber` for event `eventId`. */
export function subscriberJobId(eventId: string, subscriber: string): string {
  const b = createHash('sha256').update(`${eventId}/${subscriber}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function dispatchBatch(ctx: AppContext, boss: PgBoss, batchSize: number): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(domainEvents)
      .where(isNull(domainEvents.dispatchedAt))
      .orderBy(asc(domainEvents.occurredAt), asc(domainEvents.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    const byQueue = new Map<string, PgBoss.JobInsert[]>();
    for (const e of rows) {
      for (const sub of ctx.jobs.subscribersOf(e.name)) {
        const queue = subscriberQueue(sub);
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({
          name: queue,
          id: subscriberJobId(e.id, sub.name),
          singletonKey: `${e.id}:${sub.name}`,
          data: { id: e.id, tenantId: e.tenantId, name: e.name, payload: e.payload, occurredAt: e.occurredAt.toISOString(), requestId: e.requestId },
        });
        byQueue.set(queue, jobs);
      }
    }
    const db = transactionAdapter(tx);
    for (const [queue, jobs] of byQueue) await boss.insert(queue, jobs, { db });
    const keys = sql.join(
      rows.map((e) => sql`(${e.tenantId}::uuid, ${e.id}::uuid)`),
      sql`, `,
    );
    await tx
      .update(domainEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(and(isNull(domainEvents.dispatchedAt), sql`(${domainEvents.tenantId}, ${domainEvents.id}) in (${keys})`));
    return rows.length;
  });
}

/** Dispatch every undispatched event now (in batches); returns how many were dispatched. */
export async function dispatchPendingEvents(ctx: AppContext, opts: { batchSize?: number; boss?: PgBoss } = {}): Promise<number> {
  const boss = opts.boss ?? activeBoss(ctx) ?? (await startJobProducer(ctx));
  const batchSize = opts.batchSize ?? 100;
  let total = 0;
  for (;;) {
    const n = await dispatchBatch(ctx, boss, batchSize);
    total += n;
    if (n < batchSize) return total;
  }
}

/**
 * The relay loop of a job runner: polls every `intervalMs`, and wakes at once when nudged — in this
 * process by nudge(), across processes by the NOTIFY that emitEvent sends on commit.
 */
export class EventRelay {
  private stopped = false;
  private nudged = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly boss: PgBoss,
    private readonly opts: { intervalMs: number; batchSize: number },
  ) {}

  async start(): Promise<void> {
    await this.listen().catch((err: unknown) => this.ctx.log.warn({ err }, 'event relay: LISTEN failed, polling only'));
    this.loop = this.run();
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.unlisten?.().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.nudged = false;
      try {
        await dispatchPendingEvents(this.ctx, { boss: this.boss, batchSize: this.opts.batchSize });
      } catch (err) {
        if (!this.stopped) this.ctx.log.error({ err }, 'event relay failed; retrying at the next poll');
      }
      if (this.stopped || this.nudged) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, this.opts.intervalMs);
        this.wake = done;
      });
    }
  }

  private async listen(): Promise<void> {
    const { database } = this.ctx;
    if (database.pglite) {
      const off = await database.pglite.listen(EVENTS_CHANNEL, () => this.nudge());
      this.unlisten = off;
      return;
    }
    if (!database.pool) return;
    const client: PoolClient = await database.pool.connect();
    let released = false;
    const release = (err?: Error) => {
      if (released) return;
      released = true;
      client.release(err ?? true);
    };
    client.on('notification', () => this.nudge());
    // A lost LISTEN connection only costs latency: the poll still finds every event.
    client.on('error', (err) => {
      this.ctx.log.warn({ err }, 'event relay: LISTEN connection lost, polling only');
      release(err);
    });
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.unlisten = async () => {
      if (released) return;
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => undefined);
      release();
    };
  }
}
