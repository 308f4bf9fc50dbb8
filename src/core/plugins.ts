import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';

/**
 * Core request plugins, in order: sessions and identity (auth), CSRF, then the core's own pages
 * (personal-area inbox, admin audit and outbox). Each lives in its folder under src/core.
 */
export async function corePlugins(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void ctx;
  app.addHook('preHandler', async (req) => {
    if (!req.actor) req.actor = { type: 'anonymous' };
  });
}
