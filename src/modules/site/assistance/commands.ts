import { and, eq, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import { citizens, staffUsers } from '../../../core/db/schema.ts';
import { withAudit, type AuditContext } from '../../../core/audit/index.ts';
import { actorLabel, type StaffRole } from '../../../core/auth/types.ts';
import { emitEvent } from '../../../core/events/index.ts';
import type { Locale } from '../../../core/i18n/index.ts';
import { notify, type TemplateData, type TemplateRef } from '../../../core/notify/index.ts';
import { siteAssistanceRequests } from '../schema.ts';
import { findPublished } from '../content/repository.ts';
import { loc } from '../content/derive.ts';
import type { Content } from '../content/types.ts';
import { type AssistanceForm, type FieldError, type SettableStatus, isServiceCategory, newReference, officeCandidates, validateForm } from './model.ts';
import { categoryLabel, findDraft, officesBySlugs, type AssistanceRow, type OfficeRef } from './queries.ts';
import { assistanceClosed, assistanceClosedWithMessage, assistanceNew, assistanceReceived } from './templates.ts';

/** Changes of the richiesta di assistenza. Each runs inside the caller's withTenantTx: all or nothing. */

export const SUBMITTED_EVENT = 'site.assistance-request.submitted';

type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Checks that need the database: the service exists, is published and belongs to the chosen category. */
async function checkService(tx: Tx, form: AssistanceForm): Promise<{ service: Content<'service'> | null; errors: FieldError[] }> {
  if (!form.service) return { service: null, errors: [] };
  const service = await findPublished(tx, 'service', form.service);
  if (!service) return { service: null, errors: [{ field: 'service', message: 'site.assistance.error.service' }] };
  if (form.category && service.data.category !== form.category) {
    return { service, errors: [{ field: 'service', message: 'site.assistance.error.serviceCategory' }] };
  }
  return { service, errors: [] };
}

/** One draft per citizen: serialise a citizen's draft writes (there is no unique index on drafts). */
async function lockCitizenDraft(tx: Tx, citizenId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`site.assistance.draft:${citizenId}`}))`);
}

/** Insert a row with a fresh reference; a (very unlikely) clash with an existing one draws again. */
async function insertWithReference(tx: Tx, values: Omit<typeof siteAssistanceRequests.$inferInsert, 'reference'>): Promise<AssistanceRow> {
  for (let i = 0; i < 5; i++) {
    const [row] = await tx
      .insert(siteAssistanceRequests)
      .values({ ...values, reference: newReference() })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error('could not draw a free assistance reference');
}

// ——— Drafts ———

/** Store (or update) the logged-in citizen's draft. Incomplete values are fine; invalid ones are not. */
export async function saveAssistanceDraft(
  tx: Tx,
  p: { tenantId: string; citizenId: string; form: AssistanceForm; locale: Locale },
): Promise<Result<AssistanceRow, FieldError[]>> {
  const errors = validateForm(p.form, 'draft');
  const svc = errors.some((e) => e.field === 'service') ? { errors: [] } : await checkService(tx, p.form);
  errors.push(...svc.errors);
  if (errors.length) return { ok: false, error: errors };
  const f = p.form;
  const values = {
    name: f.name,
    surname: f.surname,
    email: f.email,
    category: f.category,
    serviceSlug: f.service || null,
    details: f.details,
    locale: p.locale,
    updatedAt: new Date(),
  };
  await lockCitizenDraft(tx, p.citizenId);
  const draft = await findDraft(tx, p.citizenId);
  if (draft) {
    const [row] = await tx
      .update(siteAssistanceRequests)
      .set(values)
      .where(and(eq(siteAssistanceRequests.tenantId, p.tenantId), eq(siteAssistanceRequests.id, draft.id)))
      .returning();
    return { ok: true, value: row! };
  }
  const row = await insertWithReference(tx, { tenantId: p.tenantId, status: 'draft', citizenId: p.citizenId, ...values });
  return { ok: true, value: row };
}

// ——— Sending ———

export interface SubmitInput {
  tenantId: string;
  /** The logged-in citizen, if any: their draft becomes the request and they get the message in their inbox too. */
  citizenId: string | null;
  form: AssistanceForm;
  locale: Locale;
  requestId?: string;
}

/**
 * Validate and store a request, route it to an office, tell the citizen (e-mail, and inbox when logged in) and
 * the office's staff and the operators (inbox and e-mail), and emit site.assistance-request.submitted — all in
 * the caller's transaction.
 */
export async function submitAssistanceRequest(ctx: AppContext, tx: Tx, p: SubmitInput): Promise<Result<{ row: AssistanceRow; office: OfficeRef | null; service: Content<'service'> | null }, FieldError[]>> {
  const errors = validateForm(p.form, 'submit');
  const svc = errors.some((e) => e.field === 'service' || e.field === 'category') ? { service: null, errors: [] } : await checkService(tx, p.form);
  errors.push(...svc.errors);
  const f = p.form;
  const category = f.category;
  if (errors.length || !isServiceCategory(category)) return { ok: false, error: errors };
  const service = svc.service;

  const candidates = officeCandidates(category, service?.data.office ?? null);
  const office = (await officesBySlugs(tx, candidates))[0] ?? null;

  const now = new Date();
  const values = {
    status: 'submitted',
    name: f.name,
    surname: f.surname,
    email: f.email,
    category: f.category,
    serviceSlug: service?.slug ?? null,
    details: f.details,
    officeSlug: office?.slug ?? null,
    locale: p.locale,
    submittedAt: now,
    updatedAt: now,
  };
  let row: AssistanceRow;
  const draft = p.citizenId ? (await lockCitizenDraft(tx, p.citizenId), await findDraft(tx, p.citizenId)) : null;
  if (draft) {
    const [u] = await tx
      .update(siteAssistanceRequests)
      .set(values)
      .where(and(eq(siteAssistanceRequests.tenantId, p.tenantId), eq(siteAssistanceRequests.id, draft.id)))
      .returning();
    row = u!;
  } else {
    row = await insertWithReference(tx, { tenantId: p.tenantId, citizenId: p.citizenId, ...values });
  }

  const locale = p.locale;
  const serviceName = (l: Locale) => (service ? loc(service.data.title, l) : l === 'en' ? 'not specified' : 'non indicato');
  const officeName = (l: Locale) => (office ? office.name[l] || office.name.it : l === 'en' ? 'to be assigned' : 'da assegnare');
  await notifyCitizen(ctx, tx, row, assistanceReceived, {
    reference: row.reference,
    name: f.name,
    email: f.email,
    category: categoryLabel(locale, f.category),
    service: serviceName(locale),
    office: officeName(locale),
    details: f.details,
    date: new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(now),
  }, p.requestId);

  for (const staffId of await staffToNotify(ctx, tx, p.tenantId, office)) {
    await notify(
      ctx,
      {
        tenantId: p.tenantId,
        recipient: { type: 'staff', id: staffId },
        template: assistanceNew,
        locale: 'it',
        data: {
          reference: row.reference,
          name: f.name,
          surname: f.surname,
          email: f.email,
          category: f.category,
          service: serviceName('it'),
          office: officeName('it'),
          details: f.details,
        },
        link: `/admin/assistenza/${row.id}`,
      },
      { tx, requestId: p.requestId },
    );
  }

  await emitEvent(
    tx,
    p.tenantId,
    SUBMITTED_EVENT,
    { id: row.id, reference: row.reference, category: row.category, serviceSlug: row.serviceSlug, officeSlug: row.officeSlug, officeId: office?.id ?? null },
    p.requestId,
  );
  return { ok: true, value: { row, office, service } };
}

/**
 * Staff who handle the request: the office's members and every operator (admins see the inbox but are not
 * messaged for each request unless they belong to the office).
 */
async function staffToNotify(ctx: AppContext, tx: Tx, tenantId: string, office: OfficeRef | null): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.displayName, roles: staffUsers.roles, officeIds: staffUsers.officeIds })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.tenantId, tenantId),
        eq(staffUsers.active, true),
        or(sql`${staffUsers.roles} @> array['operator']::text[]`, office ? sql`${staffUsers.officeIds} @> array[${office.id}]::uuid[]` : sql`false`),
      ),
    );
  return rows
    .filter((s) =>
      ctx.permissions.can({ type: 'staff', id: s.id, email: s.email, name: s.name, roles: s.roles as StaffRole[], officeIds: s.officeIds }, 'site.assistance.read'),
    )
    .map((s) => s.id);
}

/**
 * The citizen's copy: to the address they gave and, when they were logged in, to their inbox (notify() also
 * e-mails the account's address; the given one gets its own e-mail only when it differs).
 */
async function notifyCitizen<D extends TemplateData>(ctx: AppContext, tx: Tx, row: AssistanceRow, template: TemplateRef<D>, data: D, requestId?: string): Promise<void> {
  const locale: Locale = row.locale === 'en' ? 'en' : 'it';
  let sendToAddress = true;
  if (row.citizenId) {
    const [c] = await tx
      .select({ email: citizens.email })
      .from(citizens)
      .where(and(eq(citizens.tenantId, row.tenantId), eq(citizens.id, row.citizenId)));
    if (c) {
      const r = await notify(
        ctx,
        { tenantId: row.tenantId, recipient: { type: 'citizen', id: row.citizenId }, template, data, locale, link: `/richiesta-assistenza/inviata?ref=${row.reference}` },
        { tx, requestId },
      );
      if (r.ok && r.value.deliveryId && c.email?.trim().toLowerCase() === row.email.toLowerCase()) sendToAddress = false;
    }
  }
  if (sendToAddress) {
    const r = await notify(
      ctx,
      { tenantId: row.tenantId, recipient: { type: 'address', email: row.email, name: `${row.name} ${row.surname}` }, template, data, locale },
      { tx, requestId },
    );
    if (!r.ok) ctx.log.warn({ reference: row.reference, error: r.error }, 'assistance: the citizen’s copy could not be queued');
  }
}

// ——— Handling (staff) ———

export interface UpdateInput {
  /** null = keep the current status. */
  status: SettableStatus | null;
  staffNote: string;
  /** Sent to the citizen with the closing message; ignored unless this change closes the request. */
  closingMessage: string;
}

export type UpdateOutcome = { changed: boolean; closed: boolean; row: AssistanceRow };

/** Change the status and the internal note of a sent request, audited; closing it tells the citizen. */
export async function updateAssistanceRequest(
  ctx: AppContext,
  tx: Tx,
  audit: AuditContext,
  row: AssistanceRow,
  input: UpdateInput,
): Promise<Result<UpdateOutcome, 'not-found'>> {
  const [current] = await tx
    .select()
    .from(siteAssistanceRequests)
    .where(and(eq(siteAssistanceRequests.tenantId, audit.tenantId), eq(siteAssistanceRequests.id, row.id)))
    .for('update');
  if (!current || current.status === 'draft') return { ok: false, error: 'not-found' };
  const status = input.status ?? current.status;
  const note = input.staffNote || null;
  const statusChanged = status !== current.status;
  const noteChanged = note !== (current.staffNote || null);
  if (!statusChanged && !noteChanged) return { ok: true, value: { changed: false, closed: false, row: current } };
  const closing = statusChanged && status === 'closed';
  const now = new Date();
  const updated = await withAudit(tx, audit, async (t) => {
    const [u] = await t
      .update(siteAssistanceRequests)
      .set({
        status,
        staffNote: note,
        handledBy: actorLabel(audit.actor),
        closedAt: status === 'closed' ? (current.closedAt ?? now) : null,
        updatedAt: now,
      })
      .where(and(eq(siteAssistanceRequests.tenantId, audit.tenantId), eq(siteAssistanceRequests.id, current.id)))
      .returning();
    return {
      value: u!,
      audit: {
        action: 'site.assistance-request.updated',
        entityType: 'site.assistance-request',
        entityId: current.id,
        details: { reference: current.reference, from: current.status, to: status, noteChanged, citizenNotified: closing },
      },
    };
  });
  if (closing) {
    const locale: Locale = updated.locale === 'en' ? 'en' : 'it';
    const base = { reference: updated.reference, name: updated.name, category: categoryLabel(locale, updated.category) };
    if (input.closingMessage) await notifyCitizen(ctx, tx, updated, assistanceClosedWithMessage, { ...base, message: input.closingMessage }, audit.requestId);
    else await notifyCitizen(ctx, tx, updated, assistanceClosed, base, audit.requestId);
  }
  return { ok: true, value: { changed: true, closed: closing, row: updated } };
}
