import type { AppContext } from '../context.ts';
import type { DomainEvent } from '../events/index.ts';

/** A background job. With `cron`, it is also scheduled (Europe/Rome time) and runs once per tick across all instances. */
export interface JobDefinition<D = Record<string, unknown>> {
  name: string;
  handler: (data: D, ctx: AppContext) => Promise<void>;
  cron?: string;
  /** Retries with exponential backoff before the job is marked failed. Default 5. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Only where this is true (e.g. VACUUM on PGlite). */
  enabled?: (ctx: AppContext) => boolean;
}

/** A subscriber to a domain event; each runs as its own job, so one failing does not block the others. */
export interface EventSubscriber {
  /** Unique name, e.g. `notify.report-submitted`. */
  name: string;
  event: string;
  handler: (event: DomainEvent, ctx: AppContext) => Promise<void>;
}

export class JobRegistry {
  readonly jobs = new Map<string, JobDefinition>();
  readonly subscribers = new Map<string, EventSubscriber>();

  define<D>(job: JobDefinition<D>): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} defined twice`);
    this.jobs.set(job.name, job as unknown as JobDefinition);
  }

  subscribe(sub: EventSubscriber): void {
    if (this.subscribers.has(sub.name)) throw new Error(`subscriber ${sub.name} defined twice`);
    this.subscribers.set(sub.name, sub);
  }

  subscribersOf(eventName: string): EventSubscriber[] {
    return [...this.subscribers.values()].filter((s) => s.event === eventName);
  }
}
