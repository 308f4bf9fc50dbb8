import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { withTenantTx, type Tx } from '../db/client.ts';
import { citizens, messageDeliveries, notifications, staffUsers, tenants } from '../db/schema.ts';
import { emitEvent } from '../events/index.ts';
import { isLocale, type Locale } from '../i18n/index.ts';
import { escapeHtml, renderTemplate, type TemplateData, type TemplateRef } from './templates.ts';

export type Recipient = { type: 'citizen'; id: string } | { type: 'staff'; id: string } | { type: 'address'; email: string; name?: string };

/** A file sent with the e-mail (e.g. an appointment's .ics). */
export interface Attachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface NotifyInput<D extends TemplateData = TemplateData> {
  tenantId: string;
  recipient: Recipient;
  template: TemplateRef<D> | string;
  data: D;
  /** The message's language; default: the citizen's own language, else Italian. */
  locale?: Locale;
  /** A path on the comune's site (`/area-personale/…`): a link in the inbox and in the e-mail. */
  link?: string;
  attachments?: Attachment[];
}

export interface NotifyOptions {
  /**
   * The caller's open tenant transaction (withTenantTx for input.tenantId): inbox and delivery rows then
   * commit or roll back with the business change, and the e-mail is sent only after a commit.
   */
  tx?: Tx;
  requestId?: string;
}

export type NotifyError = 'recipient-not-found' | 'invalid-address';
export type NotifyResult =
  | { ok: true; value: { notificationId: string | null; deliveryId: string | null } }
  | { ok: false; error: NotifyError };

/** The event that hands a pending e-mail to the delivery subscriber (core.notify.deliver). */
export const DELIVERY_REQUESTED = 'core.delivery.requested';

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function checkAttachments(list: Attachment[]): void {
  for (const a of list) {
    if (!a.filename || /[/\\\r\n]/.test(a.filename)) throw new Error(`attachment filename ${JSON.stringify(a.filename)} is invalid`);
    if (!/^[a-z]+\/[a-z0-9.+-]+(;.*)?$/i.test(a.contentType)) throw new Error(`attachment content type ${JSON.stringify(a.contentType)} is invalid`);
    if (!BASE64.test(a.contentBase64)) throw new Error(`attachment ${a.filename} is not base64`);
  }
}

/**
 * Notify a citizen, a staff member or an e-mail address: the in-app inbox row (citizens and staff) and,
 * when the recipient has an e-mail address, a pending `message_deliveries` row whose e-mail the
 * `core.notify.deliver` subscriber sends (SMTP, or the sink in development) with retries.
 * The hand-over goes through the outbox (a `core.delivery.requested` event), so it is transactional
 * with or without `opts.tx`.
 */
export async function notify<D extends TemplateData>(ctx: AppContext, input: NotifyInput<D>, opts: NotifyOptions = {}): Promise<NotifyResult> {
  const templateId = typeof input.template === 'string' ? input.template : input.template.id;
  if (input.link !== undefined && !/^\/(?!\/)/.test(input.link)) throw new Error(`notify: link ${input.link} must be a path on the site`);
  const attachments = input.attachments ?? [];
  checkAttachments(attachments);
  const run = (tx: Tx) => notifyInTx(ctx, tx, input, templateId, attachments, opts.requestId);
  return opts.tx ? run(opts.tx) : withTenantTx(ctx.db, input.tenantId, run);
}

async function notifyInTx<D extends TemplateData>(
  ctx: AppContext,
  tx: Tx,
  input: NotifyInput<D>,
  templateId: string,
  attachments: Attachment[],
  requestId: string | undefined,
): Promise<NotifyResult> {
  const { tenantId, recipient } = input;
  let email: string | null = null;
  let ownLocale: string | null = null;
  if (recipient.type === 'citizen') {
    const [c] = await tx
      .select({ email: citizens.email, locale: citizens.locale })
      .from(citizens)
      .where(and(eq(citizens.tenantId, tenantId), eq(citizens.id, recipient.id)));
    if (!c) return { ok: false, error: 'recipient-not-found' };
    email = c.email && EMAIL.test(c.email) ? c.email : null;
    ownLocale = c.locale;
  } else if (recipient.type === 'staff') {
    const [s] = await tx
      .select({ email: staffUsers.email, active: staffUsers.active })
      .from(staffUsers)
      .where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, recipient.id)));
    if (!s) return { ok: false, error: 'recipient-not-found' };
    email = s.active && EMAIL.test(s.email) ? s.email : null;
  } else {
    if (!EMAIL.test(recipient.email)) return { ok: false, error: 'invalid-address' };
    email = recipient.email;
  }
  const locale: Locale = input.locale ?? (isLocale(ownLocale) ? ownLocale : 'it');
  const msg = renderTemplate(templateId, locale, input.data);

  let notificationId: string | null = null;
  if (recipient.type !== 'address') {
    const [n] = await tx
      .insert(notifications)
      .values({
        tenantId,
        recipientType: recipient.type,
        recipientId: recipient.id,
        template: templateId,
        locale,
        subject: msg.subject,
        bodyText: msg.text,
        link: input.link ?? null,
        data: input.data,
      })
      .returning({ id: notifications.id });
    notificationId = n!.id;
  }

  let deliveryId: string | null = null;
  if (email) {
    let { text, html } = msg;
    if (input.link) {
      const url = await absoluteUrl(ctx, tx, tenantId, input.link);
      text = `${text}\n\n${url}`;
      html = html.replace('\n</body>', `\n<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>\n</body>`);
    }
    const to = recipient.type === 'address' && recipient.name ? `"${recipient.name.replace(/["\\\r\n]/g, '')}" <${email}>` : email;
    const [d] = await tx
      .insert(messageDeliveries)
      .values({ tenantId, notificationId, channel: 'email', toAddress: to, subject: msg.subject, bodyText: text, bodyHtml: html, attachments })
      .returning({ id: messageDeliveries.id });
    deliveryId = d!.id;
    await emitEvent(tx, tenantId, DELIVERY_REQUESTED, { deliveryId }, requestId);
  }
  return { ok: true, value: { notificationId, deliveryId } };
}

/** The comune's own address for a path: its first host with the scheme of BASE_URL, else BASE_URL. */
async function absoluteUrl(ctx: AppContext, tx: Tx, tenantId: string, path: string): Promise<string> {
  const [t] = await tx.select({ hosts: tenants.hosts }).from(tenants).where(eq(tenants.id, tenantId));
  const base = new URL(ctx.config.baseUrl);
  const host = t?.hosts[0];
  return host ? `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}${path}` : `${ctx.config.baseUrl}${path}`;
}
