import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { withTenantTx } from '../db/client.ts';
import { domainEvents } from '../db/schema.ts';
import { emitEvent, type DomainEvent } from '../events/index.ts';
import { dispatchPendingEvents, subscriberJobId } from '../events/relay.ts';
import type { PiazzaModule } from '../module.ts';
import { sendJob } from './boss.ts';
import { startJobRunner, type JobRunner } from './runner.ts';
import { FAST_RUNNER, sleep, waitFor } from './test-helpers.ts';

const recorded: DomainEvent[] = [];
const flakyAttempts: number[] = [];
const ticks: number[] = [];
const manual: Record<string, unknown>[] = [];
let disabledRuns = 0;

const probe: PiazzaModule = {
  id: 'probe',
  subscribers: [
    {
      name: 'probe.record',
      event: 'probe.thing.happened',
      handler: async (e) => {
        recorded.push(e);
      },
    },
    {
      name: 'probe.flaky',
      event: 'probe.thing.flaked',
      retryLimit: 3,
      retryDelaySeconds: 0,
      handler: async (_e, _ctx, job) => {
        flakyAttempts.push(job.retryCount);
        if (job.retryCount === 0) throw new Error('the first attempt fails');
      },
    },
  ],
  jobs: [
    {
      name: 'probe.tick',
      cron: '* * * * *',
      handler: async () => {
        ticks.push(Date.now());
      },
    },
    {
      name: 'probe.disabled',
      cron: '* * * * *',
      enabled: () => false,
      handler: async () => {
        disabledRuns++;
      },
    },
    {
      name: 'probe.manual',
      handler: async (data) => {
        manual.push(data);
      },
    },
  ],
};

let t: TestApp;
let runner: JobRunner;
beforeAll(async () => {
  t = await buildTestApp({ modules: [probe] });
  // A slow poll, so that only explicit dispatches and the NOTIFY nudge move events.
  runner = await startJobRunner(t.ctx, { ...FAST_RUNNER, relayIntervalMs: 60_000 });
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

describe('outbox relay', () => {
  it('never delivers an event whose transaction rolled back, and delivers a committed one exactly once', async () => {
    const { ctx, tenant } = t;
    await expect(
      withTenantTx(ctx.db, tenant.id, async (tx) => {
        await emitEvent(tx, tenant.id, 'probe.thing.happened', { n: 'rolled-back' });
        throw new Error('a business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule');
    const eventId = await withTenantTx(ctx.db, tenant.id, (tx) => emitEvent(tx, tenant.id, 'probe.thing.happened', { n: 'committed' }));

    // The relay runs twice at once, then once more (and the runner's own relay may run as well).
    await Promise.all([dispatchPendingEvents(ctx), dispatchPendingEvents(ctx)]);
    await dispatchPendingEvents(ctx);

    await waitFor('the subscriber to receive the event', () => recorded.length > 0);
    await sleep(1500); // a duplicate job would be picked up by now (workers poll every 0.5 s)
    expect(recorded.map((e) => e.payload.n)).toEqual(['committed']);
    expect(recorded[0]).toMatchObject({ id: eventId, tenantId: tenant.id, name: 'probe.thing.happened' });
    expect(recorded[0]!.occurredAt).toBeInstanceOf(Date);

    const [row] = await ctx.db.select().from(domainEvents).where(and(eq(domainEvents.tenantId, tenant.id), eq(domainEvents.id, eventId)));
    expect(row!.dispatchedAt).toBeInstanceOf(Date);
    const job = await runner.boss.getJobById('event.probe.record', subscriberJobId(eventId, 'probe.record'));
    expect(job?.state).toBe('completed');
    expect(await ctx.db.$count(domainEvents)).toBe(1);
  });

  it('wakes the relay through NOTIFY when a transaction with events commits', async () => {
    const { ctx, tenant } = t;
    const before = recorded.length;
    await withTenantTx(ctx.db, tenant.id, (tx) => emitEvent(tx, tenant.id, 'probe.thing.happened', { n: 'nudged' }));
    // The relay's poll interval is a minute here: only the notification can deliver it this soon.
    await waitFor('the nudged event', () => recorded.length > before, 15_000);
    expect(recorded.at(-1)!.payload.n).toBe('nudged');
  });

  it('retries a failing subscriber with backoff until it succeeds', async () => {
    const { ctx, tenant } = t;
    const eventId = await withTenantTx(ctx.db, tenant.id, (tx) => emitEvent(tx, tenant.id, 'probe.thing.flaked', {}));
    await dispatchPendingEvents(ctx);
    const id = subscriberJobId(eventId, 'probe.flaky');
    await waitFor('the retried job to complete', async () => (await runner.boss.getJobById('event.probe.flaky', id))?.state === 'completed', 20_000);
    expect(flakyAttempts).toEqual([0, 1]);
  });
});

describe('jobs', () => {
  it('runs a cron schedule (Europe/Rome) through pg-boss, and does not schedule a disabled job', async () => {
    const schedules = await runner.boss.getSchedules();
    const names = schedules.map((s) => s.name);
    expect(names).toContain('probe.tick');
    expect(names).toContain('core.sessions.purge');
    expect(names).not.toContain('probe.disabled');
    // VACUUM is a PGlite-only job (enabled() is false on a PostgreSQL server, which has autovacuum).
    expect(names.includes('core.db.vacuum')).toBe(t.ctx.database.kind === 'pglite');
    expect(schedules.every((s) => s.timezone === 'Europe/Rome')).toBe(true);
    // Every minute: pg-boss sends the tick of the current minute at its next cron check.
    await waitFor('the every-minute job to run', () => ticks.length > 0, 75_000, 250);
    expect(disabledRuns).toBe(0);
  }, 90_000);

  it('enqueues a job inside the caller’s tenant transaction: only a committed one runs', async () => {
    const { ctx, tenant } = t;
    await expect(
      withTenantTx(ctx.db, tenant.id, async (tx) => {
        await sendJob(ctx, 'probe.manual', { n: 'rolled-back' }, { tx });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await withTenantTx(ctx.db, tenant.id, (tx) => sendJob(ctx, 'probe.manual', { n: 'in-tx' }, { tx }));
    await sendJob(ctx, 'probe.manual', { n: 'direct' });
    await waitFor('both jobs', () => manual.length >= 2);
    await sleep(1000);
    expect(manual.map((m) => m.n).sort()).toEqual(['direct', 'in-tx']);
  });

  it('refuses to send a job nobody defined', async () => {
    await expect(sendJob(t.ctx, 'probe.nobody', {})).rejects.toThrow('no job named probe.nobody');
  });
});
