import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { reports } from '../schema.ts';
import { LIMITS, PRIORITIES } from '../domain.ts';
import { triageFor } from '../triage-service.ts';

/**
 * POST /api/v1/reports/triage — the AI's proposal for a report being written: category with confidence and
 * alternatives, priority, office, likely duplicates near the point. No login; its own rate limit per client.
 * Nothing is stored. The citizen form calls it while the citizen types; other apps may too.
 */

/** Requests per minute per client address (and never more than the global limit). */
export const TRIAGE_PER_MINUTE = 60;

const Suggestion = Type.Object({
  code: Type.String({ description: 'Category code (also the Open311 service_code)' }),
  name: Type.String(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
});

const TriageBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: LIMITS.description, description: 'What the citizen wrote' }),
    title: Type.Optional(Type.String({ maxLength: LIMITS.title })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

const TriageReply = Type.Object({
  category: Suggestion,
  alternatives: Type.Array(Suggestion),
  priority: Type.Union(PRIORITIES.map((p) => Type.Literal(p))),
  office: Type.Object({ id: Type.String({ description: 'Slug of the office on the site' }), name: Type.String() }),
  duplicates: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      number: Type.Integer({ description: 'Public number of the report' }),
      url: Type.String({ description: 'Its public page' }),
      title: Type.String(),
      distanceMeters: Type.Number(),
      similarity: Type.Number({ minimum: 0, maximum: 1 }),
      status: Type.String(),
    }),
  ),
});

export async function triageApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/reports/triage',
    {
      config: { rateLimit: { max: Math.min(TRIAGE_PER_MINUTE, ctx.config.rateLimitPerMinute), timeWindow: 60_000 } },
      schema: {
        tags: ['reports'],
        summary: 'AI triage of a report being written: category, alternatives, priority, office and likely duplicates',
        description:
          'In-process and offline (a classifier trained on the seed corpus and the comune’s confirmed reports). Duplicates are open reports within 75 m created in the last 60 days. No login; rate-limited.',
        body: TriageBody,
        response: { 200: TriageReply, 400: Type.Ref('Problem'), 429: Type.Ref('Problem') },
      },
    },
    async (req) => {
      if (!req.tenant) throw httpProblem('not-found');
      const b = req.body;
      if ((b.lat === undefined) !== (b.lon === undefined)) {
        throw httpProblem('validation', { detail: 'lat and lon go together: send both or neither.', errors: [{ field: b.lat === undefined ? 'lat' : 'lon', message: 'required with the other coordinate' }] });
      }
      if (!b.description.trim()) {
        throw httpProblem('validation', { detail: 'description is empty.', errors: [{ field: 'description', message: 'must not be blank' }] });
      }
      const tenantId = req.tenant.id;
      return withTenantTx(ctx.db, tenantId, async (tx) => {
        const r = await triageFor(
          tx,
          tenantId,
          { description: b.description, ...(b.title ? { title: b.title } : {}), ...(b.lat !== undefined ? { lat: b.lat, lon: b.lon! } : {}) },
          { locale: req.locale === 'en' ? 'en' : 'it' },
        );
        const ids = r.duplicates.map((d) => d.id);
        const numbers = new Map(
          ids.length ? (await tx.select({ id: reports.id, number: reports.number }).from(reports).where(inArray(reports.id, ids))).map((x) => [x.id, x.number]) : [],
        );
        return {
          ...r,
          duplicates: r.duplicates
            .filter((d) => numbers.has(d.id))
            .map((d) => ({ ...d, number: numbers.get(d.id)!, url: `/segnalazioni/${numbers.get(d.id)!}` })),
        };
      });
    },
  );
}
