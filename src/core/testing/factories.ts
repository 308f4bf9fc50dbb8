import CsrfTokens from '@fastify/csrf';
import type { FastifyInstance } from 'fastify';
import { withTenantTx } from '../db/client.ts';
import { citizens, staffUsers } from '../db/schema.ts';
import { createSession, sessionCookieName } from '../auth/sessions.ts';
import type { StaffRole } from '../auth/types.ts';
import type { Tenant } from '../tenancy/types.ts';

/** Test data makers and a logged-in session cookie, without going through a login form. */

export async function makeCitizen(app: FastifyInstance, tenant: Tenant, over: Partial<typeof citizens.$inferInsert> = {}) {
  const [row] = await withTenantTx(app.ctx.db, tenant.id, (tx) =>
    tx
      .insert(citizens)
      .values({ tenantId: tenant.id, taxCode: 'RSSMRA80A01L750W', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.org', ...over })
      .returning(),
  );
  return row!;
}

export async function makeStaff(app: FastifyInstance, tenant: Tenant, roles: StaffRole[] = ['admin'], over: Partial<typeof staffUsers.$inferInsert> = {}) {
  const [row] = await withTenantTx(app.ctx.db, tenant.id, (tx) =>
    tx
      .insert(staffUsers)
      .values({ tenantId: tenant.id, email: `${roles.join('-')}-${Math.random().toString(36).slice(2, 8)}@comune.example`, displayName: `Staff ${roles.join(', ')}`, roles, ...over })
      .returning(),
  );
  return row!;
}

/** Cookie header for a session of this citizen or staff member, plus a matching CSRF token for form posts. */
export async function loginCookie(app: FastifyInstance, tenant: Tenant, kind: 'citizen' | 'staff', subjectId: string) {
  const { token } = await createSession(app.ctx.db, tenant.id, kind, subjectId);
  const csrf = csrfPair(app);
  return { cookie: `${sessionCookieName(app.ctx.config)}=${token}; ${csrf.cookie}`, csrfToken: csrf.token };
}

/** A CSRF secret cookie and a token for it, as a browser would get them from a form page. */
export function csrfPair(app: FastifyInstance): { cookie: string; token: string } {
  const tokens = new CsrfTokens.Tokens({ userInfo: false });
  const secret = tokens.secretSync();
  const name = app.ctx.config.secureCookies ? '__Host-piazza_csrf' : 'piazza_csrf';
  return { cookie: `${name}=${encodeURIComponent(app.signCookie(secret))}`, token: tokens.create(secret) };
}
