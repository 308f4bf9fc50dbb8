import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/types.ts';
import { httpProblem } from '../http/problem.ts';

export type StaffActor = Extract<Actor, { type: 'staff' }>;

/** The staff member making the request: 401 (pages redirect to the login) for nobody, 403 for a citizen. */
export function staffOf(req: FastifyRequest): StaffActor {
  const a = req.actor;
  if (!a || a.type === 'anonymous') throw httpProblem('unauthorized');
  if (a.type !== 'staff') throw httpProblem('forbidden');
  return a;
}

/** preHandler: any logged-in staff member. */
export async function requireStaff(req: FastifyRequest): Promise<void> {
  staffOf(req);
}
