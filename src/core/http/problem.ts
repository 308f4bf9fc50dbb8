import { Type, type Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * RFC 9457 problem details. `type` is a stable relative URI under /problems/ (documented at that URL),
 * so integrators can branch on it; `title` is a short human summary; `errors` lists field errors.
 */
export const FieldError = Type.Object({
  field: Type.String({ description: 'JSON pointer or form field name' }),
  message: Type.String(),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' },
);
export type Problem = Static<typeof Problem>;

export const PROBLEM_TYPES = {
  validation: { status: 400, title: 'Validation failed', doc: 'The request is malformed or some fields are invalid; see `errors`.' },
  'bad-request': { status: 400, title: 'Bad request', doc: 'The request could not be understood (for example malformed JSON).' },
  unauthorized: { status: 401, title: 'Authentication required', doc: 'Log in or send valid credentials.' },
  forbidden: { status: 403, title: 'Forbidden', doc: 'You are authenticated but not allowed to do this.' },
  'csrf': { status: 403, title: 'Invalid form token', doc: 'The CSRF token is missing or invalid; reload the form.' },
  'not-found': { status: 404, title: 'Not found', doc: 'The resource does not exist, or not for this comune.' },
  'unknown-tenant': { status: 404, title: 'Unknown comune', doc: 'The Host of the request does not belong to any comune of this installation.' },
  conflict: { status: 409, title: 'Conflict', doc: 'The request conflicts with the current state (for example a duplicate).' },
  'payload-too-large': { status: 413, title: 'Payload too large', doc: 'The body or an uploaded file is larger than allowed.' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', doc: 'The content type of the body or file is not accepted.' },
  'rate-limited': { status: 429, title: 'Too many requests', doc: 'Slow down; retry after the number of seconds in Retry-After.' },
  internal: { status: 500, title: 'Internal error', doc: 'Something failed on our side. Details are logged under the request id.' },
  unavailable: { status: 503, title: 'Service unavailable', doc: 'The service is starting, stopping or its database is unreachable.' },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export function problem(kind: ProblemType, extra: Partial<Omit<Problem, 'type'>> = {}): Problem {
  const def = PROBLEM_TYPES[kind];
  return { type: `/problems/${kind}`, title: def.title, status: extra.status ?? def.status, ...extra };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Problem): FastifyReply {
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...p, instance: p.instance ?? req.url.split('?')[0], requestId: req.id });
}

/** Thrown (or returned through reply) from handlers to answer with a problem. */
export class HttpProblem extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'HttpProblem';
  }
}

export function httpProblem(kind: ProblemType, extra: Partial<Omit<Problem, 'type'>> = {}): HttpProblem {
  return new HttpProblem(problem(kind, extra));
}
