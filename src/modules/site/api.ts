import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx } from '../../core/db/client.ts';
import { httpProblem } from '../../core/http/problem.ts';
import { findPublished, listPublished } from './content/repository.ts';
import { titleOf } from './content/derive.ts';
import { contentPath } from './content/urls.ts';
import { CONTENT_TYPES, type Content, type ContentType } from './content/types.ts';

/**
 * The site's published content as JSON, for integrators (app developers, the comune's other systems, the
 * assistant and open-data modules of other comuni's networks). Read-only, public, the same data as the pages.
 */

const Localized = Type.Object({ it: Type.String(), en: Type.String() });

const Summary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.Union(CONTENT_TYPES.map((t) => Type.Literal(t))),
  slug: Type.String(),
  title: Localized,
  url: Type.String({ description: 'Absolute URL of the public page' }),
  topics: Type.Array(Type.String()),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

const ListQuery = Type.Object(
  {
    type: Type.Optional(Type.Union(CONTENT_TYPES.map((t) => Type.Literal(t)), { description: 'Only contents of this type' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full-text search (word prefixes match)' })),
    lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')], { description: 'Language of the search (default it)' })),
    topic: Type.Optional(Type.String({ maxLength: 100, description: 'A topic of the Modello Comuni vocabulary' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
  },
  { additionalProperties: false },
);

function summary(baseUrl: string, c: Content): Static<typeof Summary> {
  const title = titleOf(c.type, c.data);
  return {
    id: c.id,
    type: c.type,
    slug: c.slug,
    title: { it: title.it, en: title.en || title.it },
    url: new URL(contentPath(c.type, c.slug, c.data), baseUrl).toString(),
    topics: 'topics' in c.data && Array.isArray(c.data.topics) ? c.data.topics : [],
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function siteApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // The comune's own host (each comune has its own site); https in production.
  const base = (host: string) => `${ctx.config.env === 'production' ? 'https' : 'http'}://${host}`;

  api.get(
    '/api/v1/site/contents',
    {
      schema: {
        tags: ['site'],
        summary: 'Published contents of the site (services, offices, news, events, places…), searchable',
        querystring: ListQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(Summary) }),
          400: Type.Ref('Problem'),
        },
      },
    },
    async (req) => {
      if (!req.tenant) throw httpProblem('not-found');
      const q = req.query;
      const page = await withTenantTx(ctx.db, req.tenant.id, (tx) =>
        listPublished(tx, q.type ?? null, {
          ...(q.q ? { q: q.q, order: 'relevance' as const } : {}),
          ...(q.topic ? { topic: q.topic } : {}),
          locale: q.lang ?? 'it',
          limit: q.limit ?? 20,
          offset: q.offset ?? 0,
        }),
      );
      const b = base(req.host);
      return { total: page.total, items: page.rows.map((r) => summary(b, r)) };
    },
  );

  api.get(
    '/api/v1/site/contents/:type/:slug',
    {
      schema: {
        tags: ['site'],
        summary: 'One published content with all its fields (the shapes of src/modules/site/content/types.ts)',
        params: Type.Object({ type: Type.Union(CONTENT_TYPES.map((t) => Type.Literal(t))), slug: Type.String({ maxLength: 100 }) }),
        response: {
          200: Type.Object({ content: Summary, data: Type.Record(Type.String(), Type.Unknown()) }),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (req) => {
      if (!req.tenant) throw httpProblem('not-found');
      const { type, slug } = req.params as { type: ContentType; slug: string };
      const c = await withTenantTx(ctx.db, req.tenant.id, (tx) => findPublished(tx, type, slug));
      if (!c) throw httpProblem('not-found', { detail: `No published ${type} "${slug}"` });
      return { content: summary(base(req.host), c), data: c.data as unknown as Record<string, unknown> };
    },
  );
}
