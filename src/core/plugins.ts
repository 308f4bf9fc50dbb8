import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { sessionPlugin } from './auth/plugin.ts';

/**
 * Core request plugins, in order: sessions and CSRF, then identity (logins), then the core's own pages
 * (personal-area inbox, admin audit and outbox). Each lives in its folder under src/core.
 */
export async function corePlugins(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await sessionPlugin(app, ctx);
}
