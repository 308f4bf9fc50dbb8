import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import type { AppContext } from '../context.ts';
import { migrationsApplied } from '../db/migrate.ts';

const VERSION = '0.1.0';

/** /health (process alive, with the tenant this Host resolves to), /ready (database + migrations), /metrics. */
export async function healthRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'piazza_' });
  const httpDuration = new client.Histogram({
    name: 'piazza_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route.startsWith('/assets/')) return;
    httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get(
    '/health',
    {
      config: { tenantless: true },
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            version: Type.String(),
            tenant: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const tenant = await ctx.tenants.resolve(req.headers.host).catch(() => null);
      return { status: 'ok' as const, version: VERSION, tenant: tenant ? { slug: tenant.slug, name: tenant.name } : null };
    },
  );

  app.get(
    '/ready',
    {
      config: { tenantless: true },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable and every migration applied',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), migrations: Type.Object({ applied: Type.Integer(), committed: Type.Integer() }) }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await ctx.database.executeSql('select 1');
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, reason: 'database unreachable' });
      }
      const m = await migrationsApplied(ctx.database);
      if (!m.ok) return reply.code(503).send({ status: 'unavailable' as const, reason: `migrations pending (${m.applied}/${m.committed})` });
      return { status: 'ready' as const, database: ctx.database.kind, migrations: { applied: m.applied, committed: m.committed } };
    },
  );

  app.get('/metrics', { config: { tenantless: true }, schema: { hide: true } }, async (req, reply) => {
    if (ctx.config.metricsToken && req.headers.authorization !== `Bearer ${ctx.config.metricsToken}`) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
