import { sql } from 'drizzle-orm';
import { domainEvents } from '../db/schema.ts';
import type { Tx } from '../db/client.ts';

/**
 * A domain event, named `module.aggregate.past-verb` (e.g. `reports.report.submitted`).
 * Written to the outbox in the business transaction; the relay turns it into one job per subscriber.
 */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  tenantId: string;
  name: string;
  payload: P;
  occurredAt: Date;
}

/** NOTIFY channel that wakes the outbox relays when a transaction with events commits. */
export const EVENTS_CHANNEL = 'piazza_events';

/**
 * Write a domain event in the caller's (business) transaction. It is dispatched to its subscribers
 * only if that transaction commits (see relay.ts); the NOTIFY sent here is delivered on commit too.
 */
export async function emitEvent(
  tx: Tx,
  tenantId: string,
  name: string,
  payload: Record<string, unknown>,
  requestId?: string,
): Promise<string> {
  if (!/^[a-z0-9-]+\.[a-z0-9-]+\.[a-z0-9-]+$/.test(name)) throw new Error(`event name ${name} is not module.aggregate.past-verb`);
  const [row] = await tx
    .insert(domainEvents)
    .values({ tenantId, name, payload, requestId: requestId ?? null })
    .returning({ id: domainEvents.id });
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
  return row!.id;
}
