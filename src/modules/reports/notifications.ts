import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { withTenantTx, type Tx } from '../../core/db/client.ts';
import { tenants } from '../../core/db/schema.ts';
import type { DomainEvent } from '../../core/events/index.ts';
import { registerMessages, t, type Locale } from '../../core/i18n/index.ts';
import type { EventSubscriber } from '../../core/jobs/registry.ts';
import { defineTemplate, notify, type Recipient } from '../../core/notify/index.ts';
import { reportEvents, reportFollowers, reports } from './schema.ts';
import { REPORT_CHANGED, REPORT_SUBMITTED, type EventRow, type FollowerRow, type ReportRow } from './repository.ts';
import it from './i18n/notifications.it.json' with { type: 'json' };
import en from './i18n/notifications.en.json' with { type: 'json' };

/**
 * Telling people what happens to a report. The repository writes a domain event in the business transaction;
 * the subscribers here run after commit (transactional outbox) and notify through the notifications core:
 * the in-app inbox (plus e-mail if they have one) for citizens, e-mail with an unsubscribe link for e-mail
 * followers, each in their language. A `notified` mark on the history row, written in the same transaction
 * as the messages, makes a retried job send nothing twice.
 */

registerMessages({ it, en });

/** Public page of a report. */
export const reportPath = (number: number): string => `/segnalazioni/${number}`;
/** The unsubscribe page of an e-mail follower (built by the public pages, calling unfollowByToken). */
export const unfollowPath = (token: string): string => `/segnalazioni/smetti-di-seguire/${token}`;

type Msg = { number: number; title: string; status: string; extra: string; footer: string };

export const reportReceived = defineTemplate<{ number: number; title: string; footer: string }>({
  id: 'reports.report-received',
  subject: { it: 'Segnalazione n. {number} ricevuta', en: 'Report no. {number} received' },
  text: {
    it: 'Abbiamo ricevuto la tua segnalazione n. {number} «{title}».\n\nTi scriveremo quando cambierà stato. Puoi seguirla sulla sua pagina.{footer}',
    en: 'We received your report no. {number} "{title}".\n\nWe will write to you when its state changes. You can follow it on its page.{footer}',
  },
});

export const reportStatusChanged = defineTemplate<Msg>({
  id: 'reports.report-status-changed',
  subject: { it: 'Segnalazione n. {number}: {status}', en: 'Report no. {number}: {status}' },
  text: {
    it: 'La segnalazione n. {number} «{title}» è ora: {status}.{extra}{footer}',
    en: 'Report no. {number} "{title}" is now: {status}.{extra}{footer}',
  },
});

export const reportReplied = defineTemplate<Omit<Msg, 'status'>>({
  id: 'reports.report-replied',
  subject: { it: 'Segnalazione n. {number}: nuova risposta', en: 'Report no. {number}: new reply' },
  text: {
    it: 'Il Comune ha risposto sulla segnalazione n. {number} «{title}».{extra}{footer}',
    en: 'The Comune replied on report no. {number} "{title}".{extra}{footer}',
  },
});

export const reportMerged = defineTemplate<Msg & { target: number }>({
  id: 'reports.report-merged',
  subject: { it: 'Segnalazione n. {number} unita alla n. {target}', en: 'Report no. {number} merged into no. {target}' },
  text: {
    it: 'La segnalazione n. {number} «{title}» riguarda lo stesso problema della segnalazione n. {target}: è stata unita a quella, che ora segui al suo posto.{extra}{footer}',
    en: 'Report no. {number} "{title}" is about the same problem as report no. {target}: it was merged into that one, which you now follow instead.{extra}{footer}',
  },
});

export const statusLabel = (status: string, locale: Locale): string => t(locale, `reports.notify.status.${status}`);

async function siteBase(ctx: AppContext, tx: Tx, tenantId: string): Promise<string> {
  const [row] = await tx.select({ hosts: tenants.hosts }).from(tenants).where(eq(tenants.id, tenantId));
  const base = new URL(ctx.config.baseUrl);
  const host = row?.hosts[0];
  return host ? `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}` : ctx.config.baseUrl.replace(/\/$/, '');
}

const block = (s: string): string => (s ? `\n\n${s}` : '');

/** Mark a history row as announced (in the transaction that wrote the messages). */
async function markNotified(tx: Tx, e: EventRow, extra: Record<string, unknown> = {}): Promise<void> {
  await tx
    .update(reportEvents)
    .set({ details: sql`coalesce(${reportEvents.details}, '{}'::jsonb) || ${JSON.stringify({ notified: true, ...extra })}::jsonb` })
    .where(and(eq(reportEvents.tenantId, e.tenantId), eq(reportEvents.id, e.id)));
}

const alreadyNotified = (e: EventRow): boolean => e.details?.notified === true;

async function lockEvent(tx: Tx, tenantId: string, where: ReturnType<typeof and>): Promise<EventRow | null> {
  const [e] = await tx.select().from(reportEvents).where(and(eq(reportEvents.tenantId, tenantId), where)).orderBy(asc(reportEvents.at)).limit(1).for('update');
  return e ?? null;
}

/** The receipt to the reporter: citizen inbox (and their e-mail), or the e-mail they gave. */
export async function sendReceipt(ctx: AppContext, tenantId: string, reportId: string): Promise<number> {
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const [r] = await tx.select().from(reports).where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)));
    if (!r) return 0;
    const first = await lockEvent(tx, tenantId, and(eq(reportEvents.reportId, r.id), eq(reportEvents.kind, 'status'))!);
    if (!first || alreadyNotified(first)) return 0;
    const locale: Locale = r.locale === 'en' ? 'en' : 'it';
    let recipient: Recipient | null = null;
    let footer = '';
    if (r.citizenId) recipient = { type: 'citizen', id: r.citizenId };
    else if (r.reporterEmail) {
      recipient = { type: 'address', email: r.reporterEmail, ...(r.reporterName ? { name: r.reporterName } : {}) };
      const [f] = await tx
        .select({ token: reportFollowers.token })
        .from(reportFollowers)
        .where(and(eq(reportFollowers.tenantId, tenantId), eq(reportFollowers.reportId, r.id), eq(reportFollowers.email, r.reporterEmail)));
      if (f) footer = block(t(locale, 'reports.notify.unsubscribe', { url: `${await siteBase(ctx, tx, tenantId)}${unfollowPath(f.token)}` }));
    }
    let sent = 0;
    if (recipient) {
      const res = await notify(
        ctx,
        { tenantId, recipient, template: reportReceived, data: { number: r.number, title: r.title, footer }, link: reportPath(r.number), ...(r.citizenId ? {} : { locale }) },
        { tx },
      );
      if (res.ok) sent = 1;
      else ctx.log.warn({ tenantId, reportId: r.id, error: res.error }, 'reports: receipt not sent');
    }
    await markNotified(tx, first, { receipt: sent === 1 });
    return sent;
  });
}

function messageFor(r: ReportRow, e: EventRow, locale: Locale, footer: string): { template: typeof reportStatusChanged | typeof reportReplied | typeof reportMerged; data: Msg & { target?: number } } | null {
  const reply = e.publicReply ? t(locale, 'reports.notify.reply', { reply: e.publicReply }) : '';
  const base = { number: r.number, title: r.title, footer };
  if (e.kind === 'merge' && e.toStatus === 'duplicate') {
    const target = Number(e.details?.mergedIntoNumber);
    return { template: reportMerged, data: { ...base, status: statusLabel('duplicate', locale), extra: block(reply), target } };
  }
  if (e.toStatus) {
    const fwd = e.toStatus === 'forwarded' && r.forwardedTo ? t(locale, 'reports.notify.forwardedTo', { body: r.forwardedTo }) : '';
    return { template: reportStatusChanged, data: { ...base, status: statusLabel(e.toStatus, locale), extra: block(fwd) + block(reply) } };
  }
  if (e.publicReply) return { template: reportReplied, data: { ...base, status: '', extra: block(reply) } };
  return null; // internal notes and staff-only changes are not announced
}

/**
 * Announce one public change (a history row) to the report's followers. For a merge, the followers were moved
 * to the target report: `details.recipients` lists their rows there. Returns how many were notified.
 */
export async function notifyFollowers(ctx: AppContext, tenantId: string, reportId: string, eventId: string): Promise<number> {
  return withTenantTx(ctx.db, tenantId, async (tx) => {
    const e = await lockEvent(tx, tenantId, and(eq(reportEvents.reportId, reportId), eq(reportEvents.id, eventId))!);
    if (!e || alreadyNotified(e)) return 0;
    const [r] = await tx.select().from(reports).where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)));
    if (!r) return 0;
    const recipients = Array.isArray(e.details?.recipients) ? (e.details.recipients as unknown[]).filter((x): x is string => typeof x === 'string') : null;
    const followers: FollowerRow[] = recipients
      ? recipients.length
        ? await tx.select().from(reportFollowers).where(and(eq(reportFollowers.tenantId, tenantId), inArray(reportFollowers.id, recipients)))
        : []
      : await tx.select().from(reportFollowers).where(and(eq(reportFollowers.tenantId, tenantId), eq(reportFollowers.reportId, r.id)));
    const linkNumber = e.kind === 'merge' && Number.isInteger(Number(e.details?.mergedIntoNumber)) ? Number(e.details!.mergedIntoNumber) : r.number;
    const base = followers.some((f) => !f.citizenId) ? await siteBase(ctx, tx, tenantId) : '';
    let sent = 0;
    for (const f of followers) {
      const locale: Locale = f.locale === 'en' ? 'en' : 'it';
      let recipient: Recipient;
      let footer = '';
      if (f.citizenId) recipient = { type: 'citizen', id: f.citizenId };
      else if (f.email) {
        recipient = { type: 'address', email: f.email };
        footer = block(t(locale, 'reports.notify.unsubscribe', { url: `${base}${unfollowPath(f.token)}` }));
      } else continue;
      const msg = messageFor(r, e, locale, footer);
      if (!msg) break;
      const res = await notify(ctx, { tenantId, recipient, template: msg.template as typeof reportMerged, data: msg.data as Msg & { target: number }, link: reportPath(linkNumber), locale }, { tx });
      if (res.ok) sent++;
      else ctx.log.warn({ tenantId, reportId: r.id, followerId: f.id, error: res.error }, 'reports: follower not notified');
    }
    await markNotified(tx, e, { notifiedCount: sent });
    return sent;
  });
}

const payloadId = (event: DomainEvent, key: string): string | null => {
  const v = event.payload[key];
  return typeof v === 'string' ? v : null;
};

/** After commit: the receipt of a new report, and the followers' messages for every public change. */
export const notificationSubscribers: EventSubscriber[] = [
  {
    name: 'reports.notify-receipt',
    event: REPORT_SUBMITTED,
    handler: async (event, ctx) => {
      const reportId = payloadId(event, 'reportId');
      if (reportId) await sendReceipt(ctx, event.tenantId, reportId);
    },
  },
  {
    name: 'reports.notify-followers',
    event: REPORT_CHANGED,
    handler: async (event, ctx) => {
      const reportId = payloadId(event, 'reportId');
      const eventId = payloadId(event, 'eventId');
      if (reportId && eventId) await notifyFollowers(ctx, event.tenantId, reportId, eventId);
    },
  },
];
