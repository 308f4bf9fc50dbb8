import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { withTenantTx } from '../db/client.ts';
import { notifications } from '../db/schema.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';

/** The in-app inbox of one citizen or staff member (read side). */

export interface InboxOwner {
  tenantId: string;
  type: 'citizen' | 'staff';
  id: string;
}

export type InboxMessage = typeof notifications.$inferSelect;

const mine = (o: InboxOwner) => and(eq(notifications.tenantId, o.tenantId), eq(notifications.recipientType, o.type), eq(notifications.recipientId, o.id));

/** Newest first; `limit + 1` rows are read so callers know whether a next page exists. */
export async function listInbox(db: Db, owner: InboxOwner, page: { limit: number; offset: number }): Promise<{ messages: InboxMessage[]; hasNext: boolean; unread: number }> {
  return withTenantTx(db, owner.tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(mine(owner))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(page.limit + 1)
      .offset(page.offset);
    const [u] = await tx.select({ n: count() }).from(notifications).where(and(mine(owner), isNull(notifications.readAt)));
    return { messages: rows.slice(0, page.limit), hasNext: rows.length > page.limit, unread: u?.n ?? 0 };
  });
}

export async function unreadCount(db: Db, owner: InboxOwner): Promise<number> {
  return withTenantTx(db, owner.tenantId, async (tx) => {
    const [u] = await tx.select({ n: count() }).from(notifications).where(and(mine(owner), isNull(notifications.readAt)));
    return u?.n ?? 0;
  });
}

/**
 * Mark one message read; false when the owner has no such message. Pass `audit` for a staff member: every
 * staff mutation is recorded in the audit log, in the same transaction.
 */
export async function markRead(db: Db, owner: InboxOwner, id: string, audit?: AuditContext): Promise<boolean> {
  return withTenantTx(db, owner.tenantId, async (tx) => {
    const [row] = await tx.select({ readAt: notifications.readAt }).from(notifications).where(and(mine(owner), eq(notifications.id, id)));
    if (!row) return false;
    if (!row.readAt) {
      await tx.update(notifications).set({ readAt: new Date() }).where(and(mine(owner), eq(notifications.id, id)));
      if (audit) await recordAudit(tx, audit, { action: 'core.notification.read', entityType: 'notification', entityId: id });
    }
    return true;
  });
}

export async function markAllRead(db: Db, owner: InboxOwner, audit?: AuditContext): Promise<void> {
  await withTenantTx(db, owner.tenantId, async (tx) => {
    const done = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(mine(owner), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (audit && done.length > 0) {
      await recordAudit(tx, audit, { action: 'core.notification.all-read', entityType: 'notification', details: { count: done.length } });
    }
  });
}
