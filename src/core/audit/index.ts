import { auditLog } from '../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { actorLabel, type Actor } from '../auth/types.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids and small facts (before/after ids, changed fields) — never personal data beyond ids. */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  tenantId: string;
  actor: Actor;
  requestId?: string | undefined;
}

/** Record one audit entry inside the caller's transaction. */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorType: actor.type === 'anonymous' ? 'system' : actor.type,
    actorId: actor.type === 'anonymous' ? null : actor.id,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    requestId: ctx.requestId ?? null,
  });
}

/**
 * Run a staff mutation and record it in the same transaction: if the change rolls back, so does its
 * audit entry, and no change commits without one. `fn` returns the value and the audit entry to write.
 */
export async function withAudit<T>(
  tx: Tx,
  ctx: AuditContext,
  fn: (tx: Tx) => Promise<{ value: T; audit: AuditEntry }>,
): Promise<T> {
  const { value, audit } = await fn(tx);
  await recordAudit(tx, ctx, audit);
  return value;
}
