/** The job system: what modules and tools import. Definitions go in a module's manifest (`jobs`, `subscribers`). */
export { sendJob, startJobProducer, stopJobProducer, type SendJobOptions } from './boss.ts';
export { startJobRunner, SCHEDULE_TZ, type JobRunner, type JobRunnerOptions } from './runner.ts';
export type { JobDefinition, EventSubscriber, JobInfo, RetryPolicy } from './registry.ts';
export { dispatchPendingEvents } from '../events/relay.ts';
