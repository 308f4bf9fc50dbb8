import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { citizens } from '../../../core/db/schema.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, t } from '../../../core/i18n/index.ts';
import { CsrfField, formBody, queryOf, str } from '../../../core/auth/views.tsx';
import { BI, type PageContext } from '../../../core/views/layout.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { findPublished, listPublished } from '../content/repository.ts';
import { loc } from '../content/derive.ts';
import { contentPath } from '../content/urls.ts';
import { SERVICE_CATEGORIES, type Content } from '../content/types.ts';
import { DETAILS_MAX, EMAIL_MAX, NAME_MAX, REFERENCE_RE, readForm, type AssistanceForm, type FieldError } from '../assistance/model.ts';
import { categoryLabel, findDraft, findSentByReference, officesBySlugs, type AssistanceRow } from '../assistance/queries.ts';
import { saveAssistanceDraft, submitAssistanceRequest } from '../assistance/commands.ts';
import { assistanceAdminPages } from '../assistance/admin.tsx';
import { appointmentPages } from '../assistance/appointments.tsx';
import { sendSitePage, siteTx, type Tr } from './common.tsx';
import it from './i18n/assistance.it.json' with { type: 'json' };
import en from './i18n/assistance.en.json' with { type: 'json' };

/**
 * Richiesta di assistenza (Modello Comuni): the no-JS form at /richiesta-assistenza (drafts for logged-in
 * citizens), the confirmation at /richiesta-assistenza/inviata, the staff inbox /admin/assistenza and the
 * interim /prenotazione-appuntamento page.
 */

registerMessages({ it, en });

export const FORM_PATH = '/richiesta-assistenza';
export const SENT_PATH = '/richiesta-assistenza/inviata';
/** Signed cookie with the reference just sent: only that browser (or the logged-in owner) sees the summary. */
const REF_COOKIE = 'piazza_assistenza';
const RATE_LIMIT = { max: 5, timeWindow: 60_000 };

const EMPTY: AssistanceForm = { name: '', surname: '', email: '', category: '', service: '', details: '', privacy: false };

type Notice = 'draft-saved' | 'draft-login' | null;

interface FormState {
  form: AssistanceForm;
  errors: FieldError[];
  notice: Notice;
  /** The citizen has a stored draft (shown in the form). */
  fromDraft: boolean;
}

function fieldError(tr: Tr, errors: FieldError[], field: keyof AssistanceForm): string | null {
  const e = errors.find((x) => x.field === field);
  return e ? tr(e.message, e.vars) : null;
}

function Required({ tr }: { tr: Tr }) {
  return (
    <>
      {' '}
      <span aria-hidden="true">*</span>
      <span class="visually-hidden">({tr('site.assistance.form.requiredShort')})</span>
    </>
  );
}

function ErrorText({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <div id={`${id}-error`} class="invalid-feedback d-block" role="alert">
      {text}
    </div>
  ) : null;
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function TextField(p: { id: keyof AssistanceForm; label: string; value: string; error: string | null; type?: string; autocomplete: string; maxLength: number; tr: Tr }) {
  return (
    <div class="form-group mt-5 mb-4">
      <label for={p.id} class="active">
        {p.label}
        <Required tr={p.tr} />
      </label>
      <input
        type={p.type ?? 'text'}
        class={`form-control${p.error ? ' is-invalid' : ''}`}
        id={p.id}
        name={p.id}
        value={p.value}
        required
        autocomplete={p.autocomplete}
        maxLength={p.maxLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.error && `${p.id}-error`)}
      />
      <ErrorText id={p.id} text={p.error} />
    </div>
  );
}

function AssistanceFormView({ ctx, tr, state, services, privacyUrl }: { ctx: PageContext; tr: Tr; state: FormState; services: Content<'service'>[]; privacyUrl: string }) {
  const { form, errors } = state;
  const err = (f: keyof AssistanceForm) => fieldError(tr, errors, f);
  const citizen = ctx.actor.type === 'citizen';
  const byCategory = SERVICE_CATEGORIES.map((c) => ({ category: c, list: services.filter((s) => s.data.category === c) })).filter((g) => g.list.length);
  const order: (keyof AssistanceForm)[] = ['name', 'surname', 'email', 'category', 'service', 'details', 'privacy'];
  const detailsError = err('details');
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <h1>{tr('site.assistance.title')}</h1>
        <p class="lead">{tr('site.assistance.lead')}</p>
        {state.notice === 'draft-saved' ? (
          <div class="alert alert-success" role="status">
            {tr('site.assistance.draft.saved')}
          </div>
        ) : null}
        {state.notice === 'draft-login' ? (
          <div class="alert alert-warning" role="alert">
            {tr('site.assistance.draft.login')}
          </div>
        ) : null}
        {state.fromDraft && state.notice !== 'draft-saved' ? (
          <div class="alert alert-info" role="status">
            {tr('site.assistance.draft.loaded')}
          </div>
        ) : null}
        {errors.length ? (
          <div class="alert alert-danger" role="alert" id="form-errors">
            <p class="mb-2">{tr('site.assistance.form.hasErrors', { n: errors.length })}</p>
            <ul class="mb-0">
              {order
                .filter((f) => errors.some((e) => e.field === f))
                .map((f) => (
                  <li>
                    <a href={`#${f}`}>
                      {tr(`site.assistance.field.${f}`)}: {err(f)}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
        <p class="small">{tr('site.assistance.form.requiredNote')}</p>
        <form method="post" action={FORM_PATH} data-assistance-form="">
          <CsrfField ctx={ctx} />
          <fieldset class="mb-4">
            <legend class="h4">{tr('site.assistance.form.applicant')}</legend>
            {citizen ? <p class="small mb-0">{tr('site.assistance.form.prefilled')}</p> : null}
            <TextField id="name" label={tr('site.assistance.field.name')} value={form.name} error={err('name')} autocomplete="given-name" maxLength={NAME_MAX} tr={tr} />
            <TextField id="surname" label={tr('site.assistance.field.surname')} value={form.surname} error={err('surname')} autocomplete="family-name" maxLength={NAME_MAX} tr={tr} />
            <TextField id="email" type="email" label={tr('site.assistance.field.email')} value={form.email} error={err('email')} autocomplete="email" maxLength={EMAIL_MAX} tr={tr} />
          </fieldset>
          <fieldset class="mb-4">
            <legend class="h4">{tr('site.assistance.form.request')}</legend>
            <div class="select-wrapper mt-5 mb-4">
              <label for="category">
                {tr('site.assistance.field.category')}
                <Required tr={tr} />
              </label>
              <select
                id="category"
                name="category"
                required
                class={err('category') ? 'is-invalid' : undefined}
                aria-invalid={err('category') ? 'true' : undefined}
                aria-describedby={describedBy(err('category') && 'category-error')}
              >
                <option value="" selected={!form.category}>
                  {tr('site.assistance.form.chooseCategory')}
                </option>
                {SERVICE_CATEGORIES.map((c) => (
                  <option value={c} selected={form.category === c}>
                    {categoryLabel(ctx.locale, c)}
                  </option>
                ))}
              </select>
              <ErrorText id="category" text={err('category')} />
            </div>
            <div class="select-wrapper mt-5 mb-4">
              <label for="service">{tr('site.assistance.field.service')}</label>
              <select
                id="service"
                name="service"
                class={err('service') ? 'is-invalid' : undefined}
                aria-invalid={err('service') ? 'true' : undefined}
                aria-describedby={describedBy('service-hint', err('service') && 'service-error')}
              >
                <option value="" selected={!form.service}>
                  {tr('site.assistance.form.noService')}
                </option>
                {byCategory.map((g) => (
                  <optgroup label={categoryLabel(ctx.locale, g.category)} data-category={g.category}>
                    {g.list.map((s) => (
                      <option value={s.slug} selected={form.service === s.slug}>
                        {loc(s.data.title, ctx.locale)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <small id="service-hint" class="form-text">
                {tr('site.assistance.form.serviceHint')}
              </small>
              <ErrorText id="service" text={err('service')} />
            </div>
            <div class="form-group mt-5 mb-4">
              <label for="details" class="active">
                {tr('site.assistance.field.details')}
                <Required tr={tr} />
              </label>
              <textarea
                id="details"
                name="details"
                rows={6}
                class={`form-control${detailsError ? ' is-invalid' : ''}`}
                required
                maxLength={DETAILS_MAX}
                aria-invalid={detailsError ? 'true' : undefined}
                aria-describedby={describedBy('details-hint', detailsError && 'details-error')}
                data-counter="details-counter"
              >
                {form.details}
              </textarea>
              <small id="details-hint" class="form-text">
                {tr('site.assistance.form.detailsHint', { max: DETAILS_MAX })}
              </small>
              <small id="details-counter" class="form-text" aria-live="polite" hidden data-template={tr('site.assistance.form.counter', { n: '{n}', max: DETAILS_MAX })}></small>
              <ErrorText id="details" text={detailsError} />
            </div>
          </fieldset>
          <div class="form-check mb-4">
            <input
              id="privacy"
              type="checkbox"
              name="privacy"
              value="1"
              checked={form.privacy}
              required
              aria-invalid={err('privacy') ? 'true' : undefined}
              aria-describedby={describedBy(err('privacy') && 'privacy-error')}
            />
            <label for="privacy">
              {tr('site.assistance.privacy.before')}
              <a href={privacyUrl}>{tr('site.assistance.privacy.link')}</a>
              {tr('site.assistance.privacy.after')}
              <Required tr={tr} />
            </label>
            <ErrorText id="privacy" text={err('privacy')} />
          </div>
          <div class="d-flex flex-wrap gap-3">
            <button type="submit" name="action" value="send" class="btn btn-primary">
              {tr('site.assistance.form.send')}
            </button>
            {citizen ? (
              <button type="submit" name="action" value="draft" class="btn btn-outline-primary" formNoValidate>
                {tr('site.assistance.form.saveDraft')}
              </button>
            ) : null}
          </div>
          {citizen ? null : (
            <p class="small mt-3">
              {tr('site.assistance.draft.hint')}{' '}
              <a href={`/auth/login?next=${encodeURIComponent(FORM_PATH)}`}>{tr('site.assistance.draft.hintLink')}</a>
            </p>
          )}
        </form>
      </div>
    </div>
  );
}

async function renderForm(req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200): Promise<FastifyReply> {
  const services = await siteTx(req, (tx) => listPublished(tx, 'service', { order: 'title', locale: req.locale, limit: 200 }));
  const title = t(req.locale, 'site.assistance.title');
  reply.header('cache-control', 'no-store');
  return sendSitePage(
    req,
    reply,
    { title, description: t(req.locale, 'site.assistance.description'), breadcrumb: [{ label: title }], feedback: true, scripts: ['assistance.js'] },
    (ctx, tr) => <AssistanceFormView ctx={ctx} tr={tr} state={state} services={services.rows} privacyUrl={siteSettings(req.tenant).privacyUrl} />,
    status,
  );
}

/** The form's starting values: the citizen's draft, else their name and e-mail; ?servizio= picks a service. */
async function initialState(req: FastifyRequest): Promise<FormState> {
  const q = queryOf(req);
  const actor = req.actor;
  return siteTx(req, async (tx) => {
    let form: AssistanceForm = { ...EMPTY };
    let fromDraft = false;
    if (actor.type === 'citizen') {
      const draft = await findDraft(tx, actor.id);
      if (draft) {
        fromDraft = true;
        form = { name: draft.name, surname: draft.surname, email: draft.email, category: draft.category, service: draft.serviceSlug ?? '', details: draft.details, privacy: false };
      } else {
        const [c] = await tx
          .select({ givenName: citizens.givenName, familyName: citizens.familyName, email: citizens.email })
          .from(citizens)
          .where(and(eq(citizens.tenantId, req.tenant!.id), eq(citizens.id, actor.id)));
        form = { ...form, name: c?.givenName ?? '', surname: c?.familyName ?? '', email: c?.email ?? actor.email ?? '' };
      }
    }
    const slug = q.servizio ?? '';
    if (slug && /^[a-z0-9-]{1,80}$/.test(slug)) {
      const service = await findPublished(tx, 'service', slug);
      if (service) form = { ...form, category: service.data.category, service: service.slug };
    }
    const notice: Notice = q.bozza === 'salvata' && actor.type === 'citizen' ? 'draft-saved' : null;
    return { form, errors: [], notice, fromDraft };
  });
}

/** Text with its line breaks kept. */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i < lines.length - 1 ? [l, <br />] : l))}</>;
}

function Summary({ ctx, tr, row, service, office }: { ctx: PageContext; tr: Tr; row: AssistanceRow; service: Content<'service'> | null; office: { slug: string; name: string } | null }) {
  const fmt = new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' });
  return (
    <div class="card card-bg mb-4">
      <div class="card-body">
        <h2 class="card-title h4">{tr('site.assistance.sent.summary')}</h2>
        <dl class="row mb-0">
          <dt class="col-sm-4">{tr('site.assistance.sent.reference')}</dt>
          <dd class="col-sm-8 fw-semibold">{row.reference}</dd>
          {row.submittedAt ? (
            <>
              <dt class="col-sm-4">{tr('site.assistance.sent.date')}</dt>
              <dd class="col-sm-8">{fmt.format(row.submittedAt)}</dd>
            </>
          ) : null}
          <dt class="col-sm-4">{tr('site.assistance.sent.applicant')}</dt>
          <dd class="col-sm-8">
            {row.name} {row.surname}
          </dd>
          <dt class="col-sm-4">{tr('site.assistance.field.email')}</dt>
          <dd class="col-sm-8">{row.email}</dd>
          <dt class="col-sm-4">{tr('site.assistance.field.category')}</dt>
          <dd class="col-sm-8">{categoryLabel(ctx.locale, row.category)}</dd>
          <dt class="col-sm-4">{tr('site.assistance.field.service')}</dt>
          <dd class="col-sm-8">{service ? <a href={contentPath('service', service.slug)}>{loc(service.data.title, ctx.locale)}</a> : tr('site.assistance.sent.noService')}</dd>
          <dt class="col-sm-4">{tr('site.assistance.sent.office')}</dt>
          <dd class="col-sm-8">{office ? <a href={contentPath('office', office.slug)}>{office.name}</a> : tr('site.assistance.sent.noOffice')}</dd>
          <dt class="col-sm-4">{tr('site.assistance.field.details')}</dt>
          <dd class="col-sm-8 text-break">
            <Lines text={row.details} />
          </dd>
        </dl>
      </div>
    </div>
  );
}

export async function assistancePages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(FORM_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    return renderForm(req, reply, await initialState(req));
  });

  app.post(FORM_PATH, { schema: { hide: true }, config: { rateLimit: RATE_LIMIT } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const tenantId = req.tenant.id;
    const body = formBody(req);
    const form = readForm(body);
    const actor = req.actor;
    const citizenId = actor.type === 'citizen' ? actor.id : null;
    if (str(body.action) === 'draft') {
      if (!citizenId) return renderForm(req, reply, { form, errors: [], notice: 'draft-login', fromDraft: false }, 400);
      const r = await siteTx(req, (tx) => saveAssistanceDraft(tx, { tenantId, citizenId, form, locale: req.locale }));
      if (!r.ok) return renderForm(req, reply, { form, errors: r.error, notice: null, fromDraft: false }, 400);
      return reply.redirect(`${FORM_PATH}?bozza=salvata`, 303);
    }
    const r = await siteTx(req, (tx) => submitAssistanceRequest(ctx, tx, { tenantId, citizenId, form, locale: req.locale, requestId: req.id }));
    if (!r.ok) return renderForm(req, reply, { form, errors: r.error, notice: null, fromDraft: false }, 400);
    const reference = r.value.row.reference;
    reply.setCookie(REF_COOKIE, reference, {
      path: FORM_PATH,
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      maxAge: 24 * 60 * 60,
    });
    return reply.redirect(`${SENT_PATH}?ref=${reference}`, 303);
  });

  app.get(SENT_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const raw = req.cookies[REF_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    const fromCookie = unsigned?.valid ? unsigned.value : null;
    // Without ?ref= (e.g. back from the rating widget, which drops the query) the browser's own last request.
    const ref = queryOf(req).ref ?? fromCookie ?? '';
    const actor = req.actor;
    const found = REFERENCE_RE.test(ref)
      ? await siteTx(req, async (tx) => {
          const row = await findSentByReference(tx, ref);
          if (!row) return null;
          const mine = fromCookie === row.reference || (actor.type === 'citizen' && row.citizenId === actor.id);
          if (!mine) return null;
          const service = row.serviceSlug ? await findPublished(tx, 'service', row.serviceSlug) : null;
          const [o] = row.officeSlug ? await officesBySlugs(tx, [row.officeSlug]) : [];
          const office = o ? { slug: o.slug, name: o.name[req.locale] || o.name.it } : null;
          return { row, service, office: o?.published ? office : null };
        })
      : null;
    const title = t(req.locale, 'site.assistance.sent.title');
    const formTitle = t(req.locale, 'site.assistance.title');
    reply.header('cache-control', 'no-store');
    return sendSitePage(
      req,
      reply,
      { title, breadcrumb: [{ href: FORM_PATH, label: formTitle }, { label: title }], feedback: 'transactional' },
      (pc, tr) => (
        <div class="row">
          <div class="col-12 col-lg-8">
            <div class="d-flex align-items-center mb-3">
              <svg class="icon icon-success icon-lg me-2" aria-hidden="true">
                <use href={`${BI}/svg/sprites.svg#it-check-circle`}></use>
              </svg>
              <h1 class="mb-0">{title}</h1>
            </div>
            {found ? (
              <>
                <div class="alert alert-success" role="status">
                  <p class="mb-1">{tr('site.assistance.sent.received', { reference: found.row.reference })}</p>
                  <p class="mb-0">{tr('site.assistance.sent.email', { email: found.row.email })}</p>
                </div>
                <p>{tr('site.assistance.sent.next')}</p>
                <Summary ctx={pc} tr={tr} row={found.row} service={found.service} office={found.office} />
              </>
            ) : (
              <div class="callout note">
                <div class="callout-title">
                  <svg class="icon" aria-hidden="true">
                    <use href={`${BI}/svg/sprites.svg#it-info-circle`}></use>
                  </svg>
                  <span>{tr('site.assistance.sent.calloutTitle')}</span>
                </div>
                <p>{tr('site.assistance.sent.generic')}</p>
              </div>
            )}
            <p class="mt-4">
              <a class="btn btn-outline-primary me-2 mb-2" href="/">
                {tr('site.assistance.sent.home')}
              </a>
              <a class="btn btn-outline-primary mb-2" href="/servizi">
                {tr('site.assistance.sent.services')}
              </a>
            </p>
          </div>
        </div>
      ),
    );
  });

  await assistanceAdminPages(app, ctx);
  await appointmentPages(app, ctx);
}
