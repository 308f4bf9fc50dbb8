import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';
import { withTenantTx, type Db, type Tx } from '../db/client.ts';
import { citizens, sessions, staffUsers } from '../db/schema.ts';
import type { Actor, StaffRole } from './types.ts';

/** Idle timeout (sliding) and absolute lifetime of a session. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export type SessionKind = 'anonymous' | 'citizen' | 'staff';

export interface Session {
  id: string;
  kind: SessionKind;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-piazza_sid' : 'piazza_sid';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Create a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  tenantId: string,
  kind: SessionKind,
  subjectId: string | null,
  data: Record<string, unknown> = {},
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, now + SESSION_ABSOLUTE_MS));
  const [row] = await withTenantTx(db, tenantId, (tx) =>
    tx.insert(sessions).values({ tenantId, id: hashToken(token), kind, subjectId, data, expiresAt }).returning(),
  );
  return { token, session: toSession(row!) };
}

function toSession(row: typeof sessions.$inferSelect): Session {
  return { id: row.id, kind: row.kind, subjectId: row.subjectId, data: row.data, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

/** Find a live session by its cookie token, extending its idle timeout (never past the absolute lifetime). */
export async function resolveSession(db: Db, tenantId: string, token: string): Promise<{ session: Session; actor: Actor } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = hashToken(token);
  return withTenantTx(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
      .limit(1);
    if (!row) return null;
    const actor = await actorOf(tx, tenantId, row.kind, row.subjectId);
    if (!actor) {
      await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
      return null;
    }
    const now = Date.now();
    const absoluteEnd = row.createdAt.getTime() + SESSION_ABSOLUTE_MS;
    const next = new Date(Math.min(now + SESSION_IDLE_MS, absoluteEnd));
    // Touch at most once a minute to keep reads cheap.
    if (now - row.lastSeenAt.getTime() > 60_000) {
      await tx.update(sessions).set({ lastSeenAt: new Date(now), expiresAt: next }).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
    }
    return { session: toSession(row), actor };
  });
}

async function actorOf(tx: Tx, tenantId: string, kind: SessionKind, subjectId: string | null): Promise<Actor | null> {
  if (kind === 'anonymous' || !subjectId) return { type: 'anonymous' };
  if (kind === 'citizen') {
    const [c] = await tx.select().from(citizens).where(and(eq(citizens.tenantId, tenantId), eq(citizens.id, subjectId))).limit(1);
    if (!c) return null;
    const name = [c.givenName, c.familyName].filter(Boolean).join(' ') || c.taxCode;
    return { type: 'citizen', id: c.id, taxCode: c.taxCode, name, email: c.email };
  }
  const [s] = await tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, subjectId))).limit(1);
  if (!s || !s.active) return null;
  return { type: 'staff', id: s.id, email: s.email, name: s.displayName, roles: s.roles as StaffRole[], officeIds: s.officeIds };
}

/** Store small per-session state (e.g. an OIDC login in flight). */
export async function updateSessionData(db: Db, tenantId: string, sessionId: string, data: Record<string, unknown>): Promise<void> {
  await withTenantTx(db, tenantId, (tx) =>
    tx.update(sessions).set({ data }).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId))),
  );
}

export async function destroySession(db: Db, tenantId: string, sessionId: string): Promise<void> {
  await withTenantTx(db, tenantId, (tx) => tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId))));
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

/**
 * Log a person in: the old session (if any) is destroyed and a new token issued, so a session id
 * known before login is useless after it (session fixation).
 */
export async function startSession(
  req: FastifyRequest,
  reply: FastifyReply,
  kind: SessionKind,
  subjectId: string | null,
  data: Record<string, unknown> = {},
): Promise<Session> {
  const { db, config } = req.server.ctx;
  const tenant = req.tenant!;
  if (req.session) await destroySession(db, tenant.id, req.session.id);
  const { token, session } = await createSession(db, tenant.id, kind, subjectId, data);
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
  req.session = session;
  return session;
}

export async function endSession(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { db, config } = req.server.ctx;
  if (req.session && req.tenant) await destroySession(db, req.tenant.id, req.session.id);
  req.session = null;
  req.actor = { type: 'anonymous' };
  reply.clearCookie(sessionCookieName(config), { path: '/', secure: config.secureCookies, httpOnly: true, sameSite: 'lax' });
}
