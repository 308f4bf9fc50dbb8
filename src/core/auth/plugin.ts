import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import type { AppContext } from '../context.ts';
import { httpProblem } from '../http/problem.ts';
import { resolveSession, sessionCookieName } from './sessions.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths whose clients authenticate otherwise (API keys, bearer tokens) and never use the session cookie for writes. */
function isMachineEndpoint(path: string): boolean {
  return path.startsWith('/api/') || path.startsWith('/open311/');
}

/**
 * Sessions and CSRF: resolves req.session and req.actor from the session cookie, and checks the CSRF
 * token on every form post (hidden field `_csrf`, or header `x-csrf-token`).
 */
export async function sessionPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cookieName = sessionCookieName(ctx.config);
  app.decorateRequest('session', null);

  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: ctx.config.secureCookies ? '__Host-piazza_csrf' : 'piazza_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, signed: true },
    getToken: (req: FastifyRequest) => {
      const body = req.body as Record<string, unknown> | undefined;
      const q = req.query as Record<string, unknown> | undefined;
      const v = (body && typeof body === 'object' ? body._csrf : undefined) ?? q?._csrf ?? req.headers['x-csrf-token'];
      return typeof v === 'string' ? v : undefined;
    },
  });

  app.addHook('onRequest', async (req) => {
    req.actor ??= { type: 'anonymous' };
    if (!req.tenant) return;
    const token = req.cookies[cookieName];
    if (!token) return;
    const found = await resolveSession(ctx.db, req.tenant.id, token);
    if (found) {
      req.session = found.session;
      req.actor = found.actor;
    }
  });

  app.addHook('preHandler', (req, reply, done) => {
    const path = req.url.split('?')[0]!;
    if (!UNSAFE.has(req.method) || isMachineEndpoint(path) || req.routeOptions.config?.csrf === false || !req.tenant) return done();
    app.csrfProtection(req, reply, (err?: Error) => {
      if (err) return done(httpProblem('csrf'));
      done();
    });
  });
}
