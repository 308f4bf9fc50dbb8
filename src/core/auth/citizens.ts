import { and, eq } from 'drizzle-orm';
import { withTenantTx, type Db, type Tx } from '../db/client.ts';
import { citizens } from '../db/schema.ts';
import { emitEvent } from '../events/index.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import { isEmail } from './staff.ts';

export type CitizenRow = typeof citizens.$inferSelect;

/** What an identity provider (SPID/CIE via OIDC, or the demo login) tells us about a citizen. */
export interface VerifiedIdentity {
  taxCode: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  /** e.g. `oidc:<issuer host>` or `demo`. */
  provider: string;
}

/**
 * Create or update the citizen of this tax code at login. Names follow the identity provider (it is
 * authoritative); the e-mail is only filled when the citizen has none, so an address they chose in the personal
 * area is not overwritten at every login. A first login emits `core.citizen.registered`.
 */
export async function upsertCitizen(db: Db, tenantId: string, identity: VerifiedIdentity, requestId?: string): Promise<CitizenRow> {
  return withTenantTx(db, tenantId, async (tx) => {
    const now = new Date();
    const email = identity.email && isEmail(identity.email.trim()) ? identity.email.trim() : null;
    const [created] = await tx
      .insert(citizens)
      .values({
        tenantId,
        taxCode: identity.taxCode,
        givenName: identity.givenName,
        familyName: identity.familyName,
        email,
        identityProvider: identity.provider,
        lastLoginAt: now,
      })
      .onConflictDoNothing({ target: [citizens.tenantId, citizens.taxCode] })
      .returning();
    if (created) {
      await emitEvent(tx, tenantId, 'core.citizen.registered', { citizenId: created.id }, requestId);
      return created;
    }
    const [existing] = await tx
      .select()
      .from(citizens)
      .where(and(eq(citizens.tenantId, tenantId), eq(citizens.taxCode, identity.taxCode)))
      .limit(1);
    const [updated] = await tx
      .update(citizens)
      .set({
        givenName: identity.givenName ?? existing!.givenName,
        familyName: identity.familyName ?? existing!.familyName,
        email: existing!.email ?? email,
        identityProvider: identity.provider,
        lastLoginAt: now,
      })
      .where(and(eq(citizens.tenantId, tenantId), eq(citizens.id, existing!.id)))
      .returning();
    return updated!;
  });
}

export async function findCitizen(tx: Tx, tenantId: string, id: string): Promise<CitizenRow | null> {
  const [row] = await tx.select().from(citizens).where(and(eq(citizens.tenantId, tenantId), eq(citizens.id, id))).limit(1);
  return row ?? null;
}

/** The citizen changes their contact e-mail (empty = remove it); audited as a citizen action. */
export async function updateCitizenEmail(
  tx: Tx,
  audit: AuditContext,
  citizenId: string,
  rawEmail: string,
): Promise<{ ok: true; value: CitizenRow } | { ok: false; error: { field: string; message: string }[] }> {
  const email = rawEmail.trim();
  if (email !== '' && !isEmail(email)) return { ok: false, error: [{ field: 'email', message: 'auth.error.emailInvalid' }] };
  const before = await findCitizen(tx, audit.tenantId, citizenId);
  if (!before) return { ok: false, error: [{ field: 'email', message: 'auth.error.citizenNotFound' }] };
  const [row] = await tx
    .update(citizens)
    .set({ email: email === '' ? null : email })
    .where(and(eq(citizens.tenantId, audit.tenantId), eq(citizens.id, citizenId)))
    .returning();
  if ((before.email ?? '') !== email) {
    await recordAudit(tx, audit, {
      action: 'core.citizen.email-changed',
      entityType: 'citizen',
      entityId: citizenId,
      details: { hadEmail: before.email !== null, hasEmail: email !== '' },
    });
  }
  return { ok: true, value: row! };
}
