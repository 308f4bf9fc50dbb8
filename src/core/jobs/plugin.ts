import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { startJobProducer, stopJobProducer } from './boss.ts';

/**
 * Every app process can enqueue jobs, also inside a business transaction (sendJob with { tx }), even when
 * its workers run elsewhere (RUN_WORKERS=false): the send-only pg-boss starts with the app and stops with it.
 */
export async function jobsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onReady', async () => {
    await startJobProducer(ctx);
  });
  app.addHook('onClose', async () => {
    await stopJobProducer(ctx);
  });
}
