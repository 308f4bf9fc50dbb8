import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import { BOOTSTRAP_BUNDLE_PATH, bootstrapBundle } from './core/views/bootstrap-bundle.ts';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { h } from 'preact';
import type { AppContext } from './core/context.ts';
import type { Actor } from './core/auth/types.ts';
import type { Tenant } from './core/tenancy/types.ts';
import { negotiateLocale, registerMessages, t, type Locale } from './core/i18n/index.ts';
import { HttpProblem, Problem, PROBLEM_TYPES, problem, sendProblem, type ProblemType } from './core/http/problem.ts';
import { registerCorePermissions } from './core/permissions/index.ts';
import { healthRoutes } from './core/http/health.ts';
import { Layout, renderPage, type PageContext } from './core/views/layout.tsx';
import { ErrorPage } from './core/views/error-page.tsx';
import { corePlugins } from './core/plugins.ts';
import { PROJECT_ROOT } from './core/paths.ts';
import { homePlugin } from './core/home/home.tsx';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    tenant: Tenant | null;
    actor: Actor;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Routes that work without a tenant (health, metrics, assets, OpenAPI). */
    tenantless?: boolean;
    /** Form posts that skip the CSRF check (e.g. machine-to-machine endpoints that use their own auth). */
    csrf?: boolean;
  }
}

export type App = FastifyInstance;

const require = createRequire(import.meta.url);
const ROOT = PROJECT_ROOT;
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Paths that are served without resolving a tenant. */
const TENANTLESS_PREFIXES = ['/assets/', '/health', '/ready', '/metrics', '/api/openapi.json', '/api/docs', '/problems/', '/favicon.ico'];

export function isApiRequest(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  return path.startsWith('/api/') || path.startsWith('/open311/') || (req.headers.accept ?? '').includes('application/json') && !(req.headers.accept ?? '').includes('text/html');
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const { config } = ctx;
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;

  app.decorate('ctx', ctx);
  app.decorateRequest('tenant', null);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'it' as Locale);

  registerCorePermissions(ctx.permissions);
  for (const m of ctx.modules) {
    m.permissions?.(ctx.permissions);
    if (m.i18n) registerMessages(m.i18n);
  }

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // 1. OpenAPI first, so it sees every route registered after it.
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'piazza API',
        version: '0.1.0',
        description:
          'The API of piazza, the digital town square of Italian comuni. The comune is chosen by the Host of the request. ' +
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `type` under /problems/.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: config.secureCookies ? '__Host-piazza_sid' : 'piazza_sid' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  app.addSchema(Problem);
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
    logLevel: 'warn',
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { tenantless: true } }, async () => app.swagger());

  // 2. Security headers. Bootstrap Italia sets inline style attributes from its JS: allow inline styles only.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  // 3. Bodies and cookies.
  await app.register(fastifyCookie, { secret: config.sessionSecret, hook: 'onRequest' });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 5, fields: 50, fieldSize: 100 * 1024 },
    throwFileSizeLimit: true,
  });

  // 4. Rate limits per client IP (RATE_LIMIT_PER_MINUTE); routes may set stricter ones in config.rateLimit.
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => req.ip,
    allowList: (req) => (req.url.startsWith('/assets/') || req.url === '/health' || req.url === '/ready'),
    errorResponseBuilder: (_req, context) => {
      const err = new HttpProblem(problem('rate-limited', { detail: `Limit of ${context.max} requests per ${context.after} reached.` }));
      (err as unknown as { statusCode: number }).statusCode = 429;
      return err;
    },
  });

  // 5. Compression (brotli or gzip, as the browser accepts) of pages and assets: Bootstrap Italia's CSS and JS
  //    shrink from 1.6 MB to about 0.3 MB, which is most of a first visit's weight.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  // Static assets: Bootstrap Italia and Leaflet straight from node_modules (no CDN), and piazza's own client files.
  await app.register(fastifyStatic, {
    root: join(pkgDir('bootstrap-italia'), 'dist'),
    prefix: '/assets/bootstrap-italia/',
    decorateReply: false,
    maxAge: config.isProduction ? '7d' : 0,
  });
  await app.register(fastifyStatic, {
    root: join(pkgDir('leaflet'), 'dist'),
    prefix: '/assets/leaflet/',
    decorateReply: false,
    maxAge: config.isProduction ? '7d' : 0,
  });
  await app.register(fastifyStatic, {
    root: join(pkgDir('leaflet.markercluster'), 'dist'),
    prefix: '/assets/leaflet.markercluster/',
    decorateReply: false,
    maxAge: config.isProduction ? '7d' : 0,
  });
  app.get(BOOTSTRAP_BUNDLE_PATH, { schema: { hide: true }, config: { tenantless: true } }, async (req, reply) => {
    const b = await bootstrapBundle();
    reply.header('etag', b.etag).header('cache-control', config.isProduction ? 'public, max-age=604800' : 'no-cache');
    if (req.headers['if-none-match'] === b.etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(b.code);
  });
  await app.register(fastifyStatic, {
    root: join(ROOT, 'src', 'client'),
    prefix: '/assets/piazza/',
    decorateReply: true,
    maxAge: config.isProduction ? '1d' : 0,
  });

  // 6. Tenant and locale of every request.
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    const q = (req.query ?? {}) as Record<string, unknown>;
    req.locale = negotiateLocale(q.lang, req.cookies?.lang);
    if (typeof q.lang === 'string' && (q.lang === 'it' || q.lang === 'en')) {
      reply.setCookie('lang', q.lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 31536000 });
    }
    if (req.routeOptions.config?.tenantless || TENANTLESS_PREFIXES.some((p) => path === p || path.startsWith(p))) return;
    const tenant = await ctx.tenants.resolve(req.headers.host);
    if (!tenant) {
      if (isApiRequest(req)) return sendProblem(req, reply, problem('unknown-tenant'));
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(renderPage(h(ErrorPage, { ctx: pageContext(req), title: t(req.locale, 'error.unknownTenant'), text: t(req.locale, 'error.unknownTenantText') })));
    }
    req.tenant = tenant;
    if (!req.actor) req.actor = { type: 'anonymous' };
  });

  // 7. Sessions, identity, CSRF, notifications, uploads… (core plugins, each in its own folder).
  await corePlugins(app, ctx);

  // 8. Errors: problem+json for the API, an HTML page for people. 5xx details are logged, never shown.
  app.setErrorHandler(async (error: FastifyError | HttpProblem, req, reply) => {
    let p: Problem;
    if (error instanceof HttpProblem) {
      p = error.problem;
    } else if (error.validation) {
      p = problem('validation', {
        detail: 'Some fields are missing or invalid.',
        errors: error.validation.map((v) => ({
          field: (v.instancePath || (typeof v.params?.missingProperty === 'string' ? `/${v.params.missingProperty}` : '') || `/${error.validationContext ?? 'body'}`).replace(/^\//, '') || (error.validationContext ?? 'body'),
          message: v.message ?? 'invalid',
        })),
      });
    } else {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) {
        req.log.error({ err: error }, 'request failed');
        p = problem(status === 503 ? 'unavailable' : 'internal', { status });
      } else {
        const kind = kindForStatus(status, error.code);
        p = problem(kind, { status, detail: error.message });
      }
    }
    if (p.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    if (isApiRequest(req)) return sendProblem(req, reply, p);
    if (p.status === 401 && req.method === 'GET') {
      return reply.redirect(`/auth/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    const title =
      p.status === 404 ? t(req.locale, 'error.notFound') : p.status === 403 ? t(req.locale, 'error.forbidden') : p.status >= 500 ? t(req.locale, 'error.server') : t(req.locale, 'error.badRequest');
    const text =
      p.type === '/problems/csrf'
        ? t(req.locale, 'error.csrf')
        : p.status === 429
          ? t(req.locale, 'error.tooMany')
          : p.status >= 500
            ? t(req.locale, 'error.serverText', { requestId: req.id })
            : p.status === 404
              ? t(req.locale, 'error.notFoundText')
              : p.status === 403
                ? t(req.locale, 'error.forbiddenText')
                : (p.detail ?? p.title);
    return reply.code(p.status).type('text/html; charset=utf-8').send(renderPage(h(ErrorPage, { ctx: pageContext(req), title, text })));
  });

  // Unknown paths are rate-limited too: that is where scanners spend their requests.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (req, reply) => {
    if (isApiRequest(req)) return sendProblem(req, reply, problem('not-found', { detail: `No route ${req.method} ${req.url.split('?')[0]}` }));
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(renderPage(h(ErrorPage, { ctx: pageContext(req), title: t(req.locale, 'error.notFound'), text: t(req.locale, 'error.notFoundText') })));
  });

  // 9. Operations endpoints and the problem-type documentation.
  await app.register(healthRoutes, { ctx });
  app.get('/problems/:kind', { schema: { hide: true }, config: { tenantless: true } }, async (req, reply) => {
    const kind = (req.params as { kind: string }).kind;
    if (!Object.hasOwn(PROBLEM_TYPES, kind)) return reply.callNotFound();
    const def = PROBLEM_TYPES[kind as ProblemType];
    return reply.type('text/plain; charset=utf-8').send(`/problems/${kind}\nHTTP ${def.status} — ${def.title}\n\n${def.doc}\n`);
  });

  // 10. Feature modules, in the order of src/modules.ts.
  for (const m of ctx.modules) {
    if (m.routes) await m.routes(app, ctx);
  }
  // The platform's own entry page, unless a module (the public site) serves the home page.
  if (!app.hasRoute({ method: 'GET', url: '/' })) await homePlugin(app);

  return app;
}

function kindForStatus(status: number, code: string | undefined): ProblemType {
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') return 'csrf';
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'rate-limited';
    default:
      return 'bad-request';
  }
}

/** What every page template needs to know about the request. */
export function pageContext(req: FastifyRequest, reply?: FastifyReply): PageContext {
  const r = reply as (FastifyReply & { generateCsrf?: () => string }) | undefined;
  let csrfToken = '';
  try {
    csrfToken = r?.generateCsrf ? r.generateCsrf() : '';
  } catch {
    csrfToken = '';
  }
  return {
    locale: req.locale ?? 'it',
    tenant: req.tenant ?? null,
    actor: req.actor ?? { type: 'anonymous' },
    csrfToken,
    path: req.url.replace(/([?&])lang=(it|en)&?/, '$1').replace(/[?&]$/, ''),
  };
}

export { Layout, renderPage };
