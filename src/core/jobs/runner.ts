import type { AppContext } from '../context.ts';

export interface JobRunner {
  stop(): Promise<void>;
}

/** Placeholder until the pg-boss runner lands in this file: starts nothing. */
export async function startJobRunner(ctx: AppContext): Promise<JobRunner> {
  ctx.log.warn('job runner not started');
  return { stop: async () => undefined };
}
