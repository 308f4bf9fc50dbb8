import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { Layout, pageContext, renderPage } from '../../app.ts';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { pageRatings } from '../db/schema.ts';
import { httpProblem } from '../http/problem.ts';
import { requirePermission } from '../permissions/index.ts';
import { addAdminLink } from '../admin/links.ts';
import { type Locale, translator } from '../i18n/index.ts';
import { answersFor, COMMENT_MAX, NEGATIVE_ANSWERS, PATH_MAX, POSITIVE_ANSWERS, type FeedbackAnswer } from './feedback.tsx';

/**
 * The rating widget's routes: POST /feedback (the widget's no-JS form; redirects back to the page),
 * POST /api/v1/feedback (JSON), and the editors' report GET /admin/valutazioni.
 */

export const REPORT_PAGE_SIZE = 20;
const COMMENTS_PER_PATH = 5;
const TIME_ZONE = 'Europe/Rome';
const RATE_LIMIT = { max: 30, timeWindow: 60_000 };

export interface RatingInput {
  path: unknown;
  rating: unknown;
  answer?: unknown;
  comment?: unknown;
}
export interface ValidRating {
  path: string;
  rating: number;
  answer: FeedbackAnswer | null;
  comment: string | null;
}
type FieldErrors = { field: string; message: string }[];

/** A page path on this site: starts with a single "/", no backslash or control characters, ≤300 chars. */
function validPath(p: unknown): p is string {
  // eslint-disable-next-line no-control-regex
  return typeof p === 'string' && p.length <= PATH_MAX && /^\/(?![/\\])[^\\\s\u0000-\u001f]*$/.test(p);
}

export function validateRating(input: RatingInput): { ok: true; value: ValidRating } | { ok: false; error: FieldErrors } {
  const errors: FieldErrors = [];
  const path = typeof input.path === 'string' ? input.path.split(/[?#]/)[0]! : input.path;
  if (!validPath(path)) errors.push({ field: 'path', message: `must be a page path starting with "/", at most ${PATH_MAX} characters` });
  const rating = typeof input.rating === 'number' ? input.rating : typeof input.rating === 'string' && /^[1-5]$/.test(input.rating) ? Number(input.rating) : NaN;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.push({ field: 'rating', message: 'must be an integer from 1 to 5' });
  let answer: FeedbackAnswer | null = null;
  if (input.answer !== undefined && input.answer !== null && input.answer !== '') {
    const allowed: readonly string[] = Number.isInteger(rating) && rating >= 1 && rating <= 5 ? answersFor(rating) : [];
    if (typeof input.answer !== 'string' || !allowed.includes(input.answer)) {
      errors.push({ field: 'answer', message: `must be one of: ${allowed.join(', ') || 'the answers for the chosen rating'}` });
    } else answer = input.answer as FeedbackAnswer;
  }
  let comment: string | null = null;
  if (input.comment !== undefined && input.comment !== null) {
    if (typeof input.comment !== 'string' || [...input.comment].length > COMMENT_MAX) {
      errors.push({ field: 'comment', message: `must be a text of at most ${COMMENT_MAX} characters` });
    } else comment = input.comment.trim() || null;
  }
  if (errors.length) return { ok: false, error: errors };
  return { ok: true, value: { path: path as string, rating, answer, comment } };
}

async function storeRating(ctx: AppContext, tenantId: string, locale: Locale, r: ValidRating): Promise<string> {
  const [row] = await withTenantTx(ctx.db, tenantId, (tx) =>
    tx
      .insert(pageRatings)
      .values({ tenantId, path: r.path, rating: r.rating, answer: r.answer, comment: r.comment, locale })
      .returning({ id: pageRatings.id }),
  );
  return row!.id;
}

function backTo(path: unknown, flag: 'grazie' | 'errore'): string {
  const p = typeof path === 'string' ? path.split(/[?#]/)[0]! : '';
  return `${validPath(p) ? p : '/'}?feedback=${flag}#feedback`;
}

const ApiBody = Type.Object(
  {
    path: Type.String({ minLength: 1, maxLength: PATH_MAX, pattern: '^/', description: 'Path of the rated page, without query' }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    answer: Type.Optional(
      Type.Union([...NEGATIVE_ANSWERS, ...POSITIVE_ANSWERS].map((a) => Type.Literal(a)), {
        description: 'For ratings 1–3 one of the difficulties, for 4–5 one of the preferences',
      }),
    ),
    comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX })),
  },
  { additionalProperties: false },
);

export async function feedbackPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  addAdminLink({ href: '/admin/valutazioni', label: 'feedback.report.title', description: 'feedback.report.description', permission: 'core.feedback.read' });
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post('/feedback', { schema: { hide: true }, config: { rateLimit: RATE_LIMIT } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const v = validateRating({ path: body.path, rating: body.rating, answer: body.answer, comment: body.comment });
    if (!v.ok) return reply.redirect(backTo(body.path, 'errore'), 303);
    await storeRating(ctx, req.tenant.id, req.locale, v.value);
    return reply.redirect(backTo(v.value.path, 'grazie'), 303);
  });

  api.post(
    '/api/v1/feedback',
    {
      config: { rateLimit: RATE_LIMIT },
      schema: {
        tags: ['feedback'],
        summary: 'Rate how clear a page is (Modello Comuni rating widget)',
        body: ApiBody,
        response: {
          201: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          400: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
    },
    async (req, reply) => {
      if (!req.tenant) throw httpProblem('not-found');
      const b: Static<typeof ApiBody> = req.body;
      const v = validateRating(b);
      if (!v.ok) throw httpProblem('validation', { detail: 'Some fields are invalid.', errors: v.error });
      const id = await storeRating(ctx, req.tenant.id, req.locale, v.value);
      return reply.code(201).send({ id });
    },
  );

  app.get('/admin/valutazioni', { schema: { hide: true }, preHandler: requirePermission('core.feedback.read') }, async (req, reply) => {
    const tenantId = req.tenant!.id;
    const page = pageNumber(req);
    const tr = translator(req.locale);
    const { paths, answers, comments } = await withTenantTx(ctx.db, tenantId, async (tx) => {
      const n = (r: number) => sql<number>`(count(*) filter (where ${pageRatings.rating} = ${r}))::int`;
      const latest = sql<Date>`max(${pageRatings.createdAt})`;
      const paths = await tx
        .select({
          path: pageRatings.path,
          count: sql<number>`count(*)::int`,
          average: sql<number>`(round(avg(${pageRatings.rating})::numeric, 1))::float8`,
          r1: n(1),
          r2: n(2),
          r3: n(3),
          r4: n(4),
          r5: n(5),
          latest,
        })
        .from(pageRatings)
        .where(eq(pageRatings.tenantId, tenantId))
        .groupBy(pageRatings.path)
        .orderBy(desc(latest), pageRatings.path)
        .limit(REPORT_PAGE_SIZE + 1)
        .offset((page - 1) * REPORT_PAGE_SIZE);
      const list = paths.slice(0, REPORT_PAGE_SIZE).map((p) => p.path);
      if (!list.length) return { paths, answers: [], comments: [] };
      const answers = await tx
        .select({ path: pageRatings.path, answer: pageRatings.answer, count: sql<number>`count(*)::int` })
        .from(pageRatings)
        .where(and(eq(pageRatings.tenantId, tenantId), inArray(pageRatings.path, list), isNotNull(pageRatings.answer)))
        .groupBy(pageRatings.path, pageRatings.answer)
        .orderBy(desc(sql`count(*)`));
      const comments = await tx
        .select({ path: pageRatings.path, comment: pageRatings.comment, rating: pageRatings.rating, createdAt: pageRatings.createdAt })
        .from(pageRatings)
        .where(and(eq(pageRatings.tenantId, tenantId), inArray(pageRatings.path, list), isNotNull(pageRatings.comment)))
        .orderBy(desc(pageRatings.createdAt))
        .limit(REPORT_PAGE_SIZE * 50);
      return { paths, answers, comments };
    });
    const hasNext = paths.length > REPORT_PAGE_SIZE;
    const rows = paths.slice(0, REPORT_PAGE_SIZE);
    const num = new Intl.NumberFormat(req.locale === 'it' ? 'it-IT' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const when = new Intl.DateTimeFormat(req.locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    const topAnswers = (path: string, kinds: readonly string[]) =>
      answers.filter((a) => a.path === path && a.answer && kinds.includes(a.answer)).slice(0, 3);
    const answerList = (path: string, kinds: readonly string[]) => {
      const list = topAnswers(path, kinds);
      if (!list.length) return <p class="small text-muted mb-0">{tr('feedback.report.none')}</p>;
      return (
        <ul class="list-unstyled small mb-0">
          {list.map((a) => (
            <li>
              {tr(`feedback.answer.${a.answer}`)} ({a.count})
            </li>
          ))}
        </ul>
      );
    };
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          <Layout ctx={pageContext(req, reply)} title={tr('feedback.report.title')}>
            <h1>{tr('feedback.report.title')}</h1>
            <p class="lead">{tr('feedback.report.description')}</p>
            {rows.length === 0 ? (
              <p class="alert alert-info">{tr('feedback.report.empty')}</p>
            ) : (
              rows.map((r) => (
                <section class="card card-bg mb-4" data-path={r.path}>
                  <div class="card-body">
                    <h2 class="card-title h5 text-break">
                      {tr('feedback.report.path')}: <a href={r.path}>{r.path}</a>
                    </h2>
                    <dl class="row mb-3">
                      <dt class="col-sm-4">{tr('feedback.report.count')}</dt>
                      <dd class="col-sm-8" data-field="count">{r.count}</dd>
                      <dt class="col-sm-4">{tr('feedback.report.average')}</dt>
                      <dd class="col-sm-8" data-field="average">{num.format(Number(r.average))} / 5</dd>
                      <dt class="col-sm-4">{tr('feedback.report.latest')}</dt>
                      <dd class="col-sm-8">{when.format(new Date(r.latest))}</dd>
                    </dl>
                    <div class="table-responsive">
                      <table class="table table-sm">
                        <caption>{tr('feedback.report.distribution')}</caption>
                        <thead>
                          <tr>
                            {[1, 2, 3, 4, 5].map((s) => (
                              <th scope="col">{tr('feedback.report.stars', { n: s })}</th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          <tr>
                            {[r.r1, r.r2, r.r3, r.r4, r.r5].map((c) => (
                              <td>{c}</td>
                            ))}
                          </tr>
                        </tbody>
                      </table>
                    </div>
                    <div class="row">
                      <div class="col-md-6">
                        <h3 class="h6">{tr('feedback.report.difficulties')}</h3>
                        {answerList(r.path, NEGATIVE_ANSWERS)}
                      </div>
                      <div class="col-md-6">
                        <h3 class="h6">{tr('feedback.report.preferences')}</h3>
                        {answerList(r.path, POSITIVE_ANSWERS)}
                      </div>
                    </div>
                    <h3 class="h6 mt-3">{tr('feedback.report.comments')}</h3>
                    {(() => {
                      const list = comments.filter((c) => c.path === r.path).slice(0, COMMENTS_PER_PATH);
                      if (!list.length) return <p class="small text-muted mb-0">{tr('feedback.report.none')}</p>;
                      return (
                        <ul class="list-unstyled small mb-0">
                          {list.map((c) => (
                            <li class="mb-1">
                              <span class="badge bg-secondary me-2">{tr('feedback.report.stars', { n: c.rating })}</span>
                              {c.comment} <span class="text-muted">({when.format(new Date(c.createdAt))})</span>
                            </li>
                          ))}
                        </ul>
                      );
                    })()}
                  </div>
                </section>
              ))
            )}
            {page > 1 || hasNext ? (
              <nav class="pagination-wrapper" aria-label={tr('feedback.report.pager')}>
                <ul class="pagination">
                  {page > 1 ? (
                    <li class="page-item">
                      <a class="page-link" href={`/admin/valutazioni?page=${page - 1}`}>{tr('feedback.report.previous')}</a>
                    </li>
                  ) : null}
                  {hasNext ? (
                    <li class="page-item">
                      <a class="page-link" href={`/admin/valutazioni?page=${page + 1}`}>{tr('feedback.report.next')}</a>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </Layout>,
        ),
      );
  });
}

function pageNumber(req: FastifyRequest): number {
  const raw = (req.query as Record<string, unknown> | undefined)?.page;
  const n = typeof raw === 'string' ? Number.parseInt(raw, 10) : 1;
  return Number.isFinite(n) ? Math.min(Math.max(1, n), 10_000) : 1;
}
