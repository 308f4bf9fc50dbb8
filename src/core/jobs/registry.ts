import type { AppContext } from '../context.ts';
import type { DomainEvent } from '../events/index.ts';

/** What a handler knows about the run it is in: retries are counted from 0 (the first attempt). */
export interface JobInfo {
  id: string;
  /** The pg-boss queue: the job name, or `event.<subscriber name>` for subscribers. */
  queue: string;
  retryCount: number;
  retryLimit: number;
  /** true on the attempt after which a failure is final (no retry left). */
  isLastAttempt: boolean;
}

/** Retry and timeout settings shared by jobs and subscribers. */
export interface RetryPolicy {
  /** Retries with exponential backoff before the job is marked failed. Default 5. */
  retryLimit?: number;
  /** Base delay before a retry; the backoff adds 1, 2, 4, 8… seconds (with jitter) on top. Default 30. */
  retryDelaySeconds?: number;
  /** A run that takes longer than this is failed (and retried). Default 15 minutes. */
  expireInSeconds?: number;
}

/** A background job. With `cron`, it is also scheduled (Europe/Rome time) and runs once per tick across all instances. */
export interface JobDefinition<D = Record<string, unknown>> extends RetryPolicy {
  /** Unique name, `module.thing.verb` (e.g. `core.sessions.purge`); also the pg-boss queue name. */
  name: string;
  handler: (data: D, ctx: AppContext, job: JobInfo) => Promise<void>;
  /** Five-field cron expression, minute granularity, evaluated in Europe/Rome. */
  cron?: string;
  /** Only where this is true (e.g. VACUUM on PGlite): otherwise neither scheduled nor worked. */
  enabled?: (ctx: AppContext) => boolean;
}

/** A subscriber to a domain event; each runs as its own job, so one failing does not block the others. */
export interface EventSubscriber extends RetryPolicy {
  /** Unique name, e.g. `notify.report-submitted`; its queue is `event.<name>`. */
  name: string;
  event: string;
  handler: (event: DomainEvent, ctx: AppContext, job: JobInfo) => Promise<void>;
}

/** Names become pg-boss queue names (and SQL literals there): letters, digits, dots, dashes, underscores. */
const NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export class JobRegistry {
  readonly jobs = new Map<string, JobDefinition>();
  readonly subscribers = new Map<string, EventSubscriber>();

  define<D>(job: JobDefinition<D>): void {
    if (!NAME.test(job.name)) throw new Error(`job name ${job.name} may only contain letters, digits, dots, dashes and underscores`);
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} defined twice`);
    this.jobs.set(job.name, job as unknown as JobDefinition);
  }

  subscribe(sub: EventSubscriber): void {
    if (!NAME.test(sub.name)) throw new Error(`subscriber name ${sub.name} may only contain letters, digits, dots, dashes and underscores`);
    if (this.subscribers.has(sub.name)) throw new Error(`subscriber ${sub.name} defined twice`);
    this.subscribers.set(sub.name, sub);
  }

  subscribersOf(eventName: string): EventSubscriber[] {
    return [...this.subscribers.values()].filter((s) => s.event === eventName);
  }
}

/** The pg-boss queue of a subscriber. */
export function subscriberQueue(sub: Pick<EventSubscriber, 'name'>): string {
  return `event.${sub.name}`;
}
