import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { sessionPlugin } from './auth/plugin.ts';
import { identityPlugin } from './auth/identity.ts';
import { storagePlugin } from './storage/plugin.ts';
import { jobsPlugin } from './jobs/plugin.ts';
import { notifyPlugin } from './notify/plugin.ts';
import { feedbackPlugin } from './views/feedback-plugin.tsx';

/**
 * Core request plugins, in order: sessions and CSRF, then identity (logins), then the core's own pages
 * (personal-area inbox, admin audit and outbox). Each lives in its folder under src/core.
 */
export async function corePlugins(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await sessionPlugin(app, ctx);
  await identityPlugin(app, ctx);
  await storagePlugin(app, ctx);
  await jobsPlugin(app, ctx);
  await notifyPlugin(app, ctx);
  await feedbackPlugin(app, ctx);
}
