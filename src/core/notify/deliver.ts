import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.ts';
import { withTenantTx } from '../db/client.ts';
import { messageDeliveries, tenants } from '../db/schema.ts';
import type { EventSubscriber, JobInfo } from '../jobs/registry.ts';
import { DELIVERY_REQUESTED } from './notify.ts';

/**
 * E-mail delivery. `sink` mode (the development default) keeps the message in the delivery log as
 * `sunk`, readable in /admin/outbox; `smtp` mode sends it through SMTP_URL from MAIL_FROM. A failed
 * send records the attempt and its error and is retried with exponential backoff; after the last
 * retry the delivery is `failed`. Delivery is at-least-once: a crash between the SMTP answer and the
 * status update sends the message again.
 */

const transports = new WeakMap<AppContext, Transporter>();

/** SMTP with bounded waits, so a stuck server fails the attempt instead of the job timing out. */
function transportFor(ctx: AppContext): Transporter {
  let t = transports.get(ctx);
  if (!t) {
    if (!ctx.config.smtpUrl) throw new Error('DELIVERY_MODE is smtp but SMTP_URL is not set');
    const url = new URL(ctx.config.smtpUrl);
    for (const [k, v] of [['connectionTimeout', '20000'], ['greetingTimeout', '20000'], ['socketTimeout', '60000']] as const) {
      if (!url.searchParams.has(k)) url.searchParams.set(k, v);
    }
    t = nodemailer.createTransport(url.toString());
    transports.set(ctx, t);
  }
  return t;
}

/** The sender: the comune's name with the address of MAIL_FROM. */
function sender(mailFrom: string, tenantName: string | undefined): string | { name: string; address: string } {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return tenantName ? { name: tenantName, address } : mailFrom;
}

export async function deliverEmail(ctx: AppContext, tenantId: string, deliveryId: string, job: Pick<JobInfo, 'isLastAttempt'>): Promise<void> {
  const found = await withTenantTx(ctx.db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(messageDeliveries)
      .where(and(eq(messageDeliveries.tenantId, tenantId), eq(messageDeliveries.id, deliveryId)));
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    return row ? { row, tenantName: tenant?.name } : undefined;
  });
  // Gone, or already handled by an earlier run of this job.
  if (!found || found.row.status !== 'pending') return;
  const { row, tenantName } = found;
  const where = and(eq(messageDeliveries.tenantId, tenantId), eq(messageDeliveries.id, deliveryId));

  if (ctx.config.deliveryMode === 'sink') {
    await withTenantTx(ctx.db, tenantId, (tx) =>
      tx.update(messageDeliveries).set({ status: 'sunk', attempts: sql`${messageDeliveries.attempts} + 1`, lastError: null, updatedAt: new Date() }).where(where),
    );
    ctx.log.info({ deliveryId }, 'e-mail kept in the outbox (DELIVERY_MODE=sink)');
    return;
  }

  try {
    const info = (await transportFor(ctx).sendMail({
      from: sender(ctx.config.mailFrom, tenantName),
      to: row.toAddress,
      subject: row.subject,
      text: row.bodyText,
      ...(row.bodyHtml ? { html: row.bodyHtml } : {}),
      attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.contentBase64, encoding: 'base64' })),
      headers: { 'X-Piazza-Delivery': deliveryId },
    })) as { messageId?: string };
    const now = new Date();
    await withTenantTx(ctx.db, tenantId, (tx) =>
      tx
        .update(messageDeliveries)
        .set({ status: 'sent', attempts: sql`${messageDeliveries.attempts} + 1`, lastError: null, providerMessageId: info.messageId ?? null, sentAt: now, updatedAt: now })
        .where(where),
    );
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    await withTenantTx(ctx.db, tenantId, (tx) =>
      tx
        .update(messageDeliveries)
        .set({ status: job.isLastAttempt ? 'failed' : 'pending', attempts: sql`${messageDeliveries.attempts} + 1`, lastError: message, updatedAt: new Date() })
        .where(where),
    );
    // pg-boss retries the job (or marks it failed after the last attempt).
    throw err;
  }
}

/** Sends each e-mail that notify() queued. About 20–40 minutes of retries before a delivery is failed. */
export const deliverSubscriber: EventSubscriber = {
  name: 'core.notify.deliver',
  event: DELIVERY_REQUESTED,
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  handler: async (event, ctx, job) => {
    const id = event.payload.deliveryId;
    if (typeof id !== 'string') throw new Error(`event ${event.id} has no deliveryId`);
    await deliverEmail(ctx, event.tenantId, id, job);
  },
};
