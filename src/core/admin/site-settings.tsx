import { formFiles, readMultipartForm } from '../storage/multipart-form.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { withTenantTx } from '../db/client.ts';
import { tenants, type TenantSettings } from '../db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { httpProblem } from '../http/problem.ts';
import { registerMessages, t, translator, type Translate } from '../i18n/index.ts';
import { formatBytes, storeMultipartFile } from '../storage/uploads.ts';
import { Alert, Breadcrumb, CsrfField, Input, formBody, queryOf, sendPage, str, type FieldErrors } from '../auth/views.tsx';
import type { PageContext } from '../views/layout.tsx';
import { topicVocabularyList } from '../views/site-links.ts';
import {
  formOf,
  MAX_SOCIAL,
  MAX_TOPICS,
  siteSettings,
  SOCIAL_NETWORKS,
  validateSiteSettings,
  type SiteSettingsForm,
  type SiteSettingsInput,
} from '../views/site-settings.ts';
import { addAdminLink } from './links.ts';
import { staffOf } from './guard.ts';
import it from '../views/i18n/it.json' with { type: 'json' };
import en from '../views/i18n/en.json' with { type: 'json' };

registerMessages({ it, en });

/**
 * /admin/impostazioni-sito: the comune's site settings (display name, contacts, region, social links, accessibility,
 * privacy and transparency links, map, highlighted topics, coat of arms). Plain forms that work without JavaScript.
 *
 * The tenants table is global (not under row-level security) and the application role may only read it
 * (migrations/0001: GRANT SELECT ON tenants TO piazza_app). So a change is written by the owning login (ctx.db)
 * and, in the same transaction, the audit entry is recorded as piazza_app under RLS (withTenantTx on a savepoint):
 * both commit or neither does. Then the tenant cache is invalidated so every page shows the new settings.
 */

export const SITE_SETTINGS_PATH = '/admin/impostazioni-sito';
const COAT_PATH = `${SITE_SETTINGS_PATH}/stemma`;
const COAT_REMOVE_PATH = `${SITE_SETTINGS_PATH}/stemma/rimuovi`;

/** Admins: the site module's 'site.settings.edit', or the core's 'core.tenant.settings' when that module is off. */
async function canEdit(req: FastifyRequest): Promise<void> {
  if (!req.actor || req.actor.type === 'anonymous') throw httpProblem('unauthorized');
  const p = req.server.ctx.permissions;
  if (!(p.can(req.actor, 'site.settings.edit') || p.can(req.actor, 'core.tenant.settings'))) throw httpProblem('forbidden');
  if (!req.tenant) throw httpProblem('not-found');
}

// The coat-of-arms form is multipart: readMultipartForm (core/storage) reads it in preValidation, after the
// permission check and before the CSRF check, which then finds the hidden _csrf field as in any other form.

// ── Saving ───────────────────────────────────────────────────────────────────────────────────────────────────

async function loadTenantRow(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  if (!row) throw httpProblem('not-found');
  return row;
}

/** Write the tenant's name and settings and the audit entry in one transaction, then refresh the tenant cache. */
async function saveTenant(
  req: FastifyRequest,
  id: string,
  change: { name?: string; settings: TenantSettings },
  audit: { action: string; details: Record<string, unknown> },
): Promise<void> {
  const ctx = req.server.ctx;
  const actor = staffOf(req);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(tenants)
      .set({ ...(change.name !== undefined ? { name: change.name } : {}), settings: change.settings, updatedAt: new Date() })
      .where(eq(tenants.id, id));
    await withTenantTx(tx as unknown as Db, id, (appTx) =>
      recordAudit(appTx, { tenantId: id, actor, requestId: req.id }, { action: audit.action, entityType: 'tenant', entityId: id, details: audit.details }),
    );
  });
  ctx.tenants.invalidate();
}

/** Names of the fields that differ (never their values: the audit log keeps no personal data). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).map((k) => `${prefix}${k}`);
}

function readForm(req: FastifyRequest): SiteSettingsForm {
  const b = formBody(req);
  const f = (k: string) => str(b[k]);
  return {
    name: f('name'),
    address: f('address'),
    phone: f('phone'),
    email: f('email'),
    pec: f('pec'),
    taxCode: f('taxCode'),
    vatNumber: f('vatNumber'),
    region: f('region'),
    regionUrl: f('regionUrl'),
    social: Array.from({ length: MAX_SOCIAL }, (_, i) => ({ network: f(`social-network-${i}`), url: f(`social-url-${i}`) })).filter((r) => r.url || r.network),
    accessibilityUrl: f('accessibilityUrl'),
    privacyUrl: f('privacyUrl'),
    transparencyUrl: f('transparencyUrl'),
    mapTileUrl: f('mapTileUrl'),
    mapAttribution: f('mapAttribution'),
    mapLat: f('mapLat'),
    mapLon: f('mapLon'),
    mapZoom: f('mapZoom'),
    topics: Array.from({ length: MAX_TOPICS }, (_, i) => f(`topic-${i}`)),
  };
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────────────────────

interface PageState {
  form: SiteSettingsForm;
  errors: FieldErrors;
  /** The coat-of-arms form's error, already translated. */
  coatError?: string | null;
  notice?: string | null;
}

const NOTICES: Record<string, string> = {
  saved: 'siteSettings.saved',
  coat: 'siteSettings.coat.saved',
  'coat-removed': 'siteSettings.coat.removed',
};

function Field({ pc, id, label, value, errors, type, hint, required, maxLength, autocomplete }: {
  pc: PageContext;
  id: string;
  label: string;
  value: string;
  errors: FieldErrors;
  type?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  autocomplete?: string;
}) {
  const e = errors.find((x) => x.field === id);
  return (
    <Input
      id={id}
      label={label}
      value={value}
      type={type}
      hint={hint}
      required={required}
      maxLength={maxLength}
      autocomplete={autocomplete}
      error={e ? t(pc.locale, e.message) : null}
    />
  );
}

function SocialRows({ pc, tr, form, errors }: { pc: PageContext; tr: Translate; form: SiteSettingsForm; errors: FieldErrors }) {
  const filled = form.social.filter((r) => r.url || r.network).length;
  const rows = Math.min(MAX_SOCIAL, Math.max(3, filled + 2, form.social.length));
  return (
    <fieldset class="mb-5">
      <legend class="h4">{tr('siteSettings.social.legend')}</legend>
      <p class="form-text">{tr('siteSettings.social.hint', { max: MAX_SOCIAL })}</p>
      {Array.from({ length: rows }, (_, i) => {
        const row = form.social[i] ?? { network: '', url: '' };
        const netErr = errors.find((e) => e.field === `social-network-${i}`);
        return (
          <div class="row align-items-end">
            <div class="col-md-4">
              <div class="select-wrapper mt-5 mb-4">
                <label for={`social-network-${i}`}>{tr('siteSettings.social.network', { n: i + 1 })}</label>
                <select
                  id={`social-network-${i}`}
                  name={`social-network-${i}`}
                  class={netErr ? 'form-select is-invalid' : 'form-select'}
                  aria-invalid={netErr ? 'true' : undefined}
                  aria-describedby={netErr ? `social-network-${i}-error` : undefined}
                >
                  <option value="">{tr('siteSettings.social.none')}</option>
                  {SOCIAL_NETWORKS.map((n) => (
                    <option value={n.id} selected={row.network === n.id}>
                      {n.label}
                    </option>
                  ))}
                </select>
                {netErr ? (
                  <div id={`social-network-${i}-error`} class="invalid-feedback d-block" role="alert">
                    {t(pc.locale, netErr.message)}
                  </div>
                ) : null}
              </div>
            </div>
            <div class="col-md-8">
              <Field pc={pc} id={`social-url-${i}`} type="url" label={tr('siteSettings.social.url', { n: i + 1 })} value={row.url} errors={errors} maxLength={500} />
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function settingsPage(req: FastifyRequest, reply: FastifyReply, st: PageState, status = 200): FastifyReply {
  const title = t(req.locale, 'siteSettings.title');
  const tenant = req.tenant!;
  const s = siteSettings(tenant);
  const vocabulary = topicVocabularyList();
  return sendPage(
    req,
    reply,
    title,
    (pc) => {
      const tr = translator(pc.locale);
      const { form, errors } = st;
      const field = (id: keyof SiteSettingsForm & string, label: string, extra: { type?: string; hint?: string; required?: boolean; maxLength?: number; autocomplete?: string } = {}) => (
        <Field pc={pc} id={id} label={label} value={String(form[id] ?? '')} errors={errors} {...extra} />
      );
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          <p class="lead">{tr('siteSettings.lead')}</p>
          {st.notice ? <Alert kind="success">{tr(st.notice)}</Alert> : null}
          {errors.length ? <Alert kind="danger">{tr('admin.form.hasErrors')}</Alert> : null}
          <div class="row">
            <div class="col-lg-8">
              <form method="post" action={SITE_SETTINGS_PATH} novalidate>
                <CsrfField ctx={pc} />
                <fieldset class="mb-5">
                  <legend class="h4">{tr('siteSettings.comune.legend')}</legend>
                  {field('name', tr('siteSettings.name'), { required: true, maxLength: 120, hint: tr('siteSettings.nameHint') })}
                  {field('region', tr('siteSettings.region'), { maxLength: 80, hint: tr('siteSettings.regionHint') })}
                  {field('regionUrl', tr('siteSettings.regionUrl'), { type: 'url', maxLength: 500, hint: tr('siteSettings.httpsHint') })}
                </fieldset>
                <fieldset class="mb-5">
                  <legend class="h4">{tr('siteSettings.contacts.legend')}</legend>
                  {field('address', tr('siteSettings.address'), { maxLength: 200, autocomplete: 'off' })}
                  {field('phone', tr('siteSettings.phone'), { type: 'tel', maxLength: 30 })}
                  {field('email', tr('siteSettings.email'), { type: 'email', maxLength: 254 })}
                  {field('pec', tr('siteSettings.pec'), { type: 'email', maxLength: 254 })}
                  {field('taxCode', tr('siteSettings.taxCode'), { maxLength: 11, hint: tr('siteSettings.taxCodeHint') })}
                  {field('vatNumber', tr('siteSettings.vatNumber'), { maxLength: 13, hint: tr('siteSettings.vatNumberHint') })}
                </fieldset>
                <fieldset class="mb-5">
                  <legend class="h4">{tr('siteSettings.links.legend')}</legend>
                  {field('accessibilityUrl', tr('siteSettings.accessibilityUrl'), { type: 'url', maxLength: 500, hint: tr('siteSettings.accessibilityHint') })}
                  {field('privacyUrl', tr('siteSettings.privacyUrl'), { maxLength: 500, hint: tr('siteSettings.privacyHint') })}
                  {field('transparencyUrl', tr('siteSettings.transparencyUrl'), { maxLength: 500, hint: tr('siteSettings.transparencyHint') })}
                </fieldset>
                <SocialRows pc={pc} tr={tr} form={form} errors={errors} />
                <fieldset class="mb-5">
                  <legend class="h4">{tr('siteSettings.topics.legend')}</legend>
                  <p class="form-text">{tr('siteSettings.topics.hint', { max: MAX_TOPICS })}</p>
                  {Array.from({ length: MAX_TOPICS }, (_, i) => {
                    const e = errors.find((x) => x.field === `topic-${i}`);
                    const id = `topic-${i}`;
                    return (
                      <div class="form-group mt-5 mb-4">
                        <label for={id} class="active">
                          {tr('siteSettings.topics.topic', { n: i + 1 })}
                        </label>
                        <input
                          type="text"
                          class={e ? 'form-control is-invalid' : 'form-control'}
                          id={id}
                          name={id}
                          value={form.topics[i] ?? ''}
                          maxLength={80}
                          list={vocabulary.length ? 'topic-vocabulary' : undefined}
                          aria-invalid={e ? 'true' : undefined}
                          aria-describedby={e ? `${id}-error` : undefined}
                        />
                        {e ? (
                          <div id={`${id}-error`} class="invalid-feedback d-block" role="alert">
                            {t(pc.locale, e.message)}
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
                  {vocabulary.length ? (
                    <datalist id="topic-vocabulary">
                      {vocabulary.map((x) => (
                        <option value={x} />
                      ))}
                    </datalist>
                  ) : null}
                </fieldset>
                <fieldset class="mb-5">
                  <legend class="h4">{tr('siteSettings.map.legend')}</legend>
                  {field('mapTileUrl', tr('siteSettings.mapTileUrl'), { maxLength: 500, hint: tr('siteSettings.mapTileHint') })}
                  {field('mapAttribution', tr('siteSettings.mapAttribution'), { maxLength: 200 })}
                  <div class="row">
                    <div class="col-md-4">{field('mapLat', tr('siteSettings.mapLat'), { maxLength: 20 })}</div>
                    <div class="col-md-4">{field('mapLon', tr('siteSettings.mapLon'), { maxLength: 20 })}</div>
                    <div class="col-md-4">{field('mapZoom', tr('siteSettings.mapZoom'), { maxLength: 2 })}</div>
                  </div>
                </fieldset>
                <button type="submit" class="btn btn-primary">
                  {tr('siteSettings.save')}
                </button>
              </form>
            </div>
            <div class="col-lg-4">
              <section class="card card-bg mt-4 mt-lg-0" aria-labelledby="coat-title">
                <div class="card-body">
                  <h2 class="card-title h4" id="coat-title">
                    {tr('siteSettings.coat.title')}
                  </h2>
                  {s.coatOfArmsUrl ? (
                    <p>
                      <img src={s.coatOfArmsUrl} alt={tr('siteSettings.coat.alt', { name: s.name })} class="img-fluid" style="max-height: 160px" />
                    </p>
                  ) : (
                    <p class="text-secondary">{tr('siteSettings.coat.none')}</p>
                  )}
                  <form method="post" action={COAT_PATH} enctype="multipart/form-data">
                    <CsrfField ctx={pc} />
                    <div class="form-group mt-4 mb-3">
                      <label for="coatOfArms" class="active">
                        {tr('siteSettings.coat.file')}
                      </label>
                      <input
                        type="file"
                        class={st.coatError ? 'form-control is-invalid' : 'form-control'}
                        id="coatOfArms"
                        name="coatOfArms"
                        accept="image/png,image/jpeg,image/webp"
                        required
                        aria-describedby={st.coatError ? 'coatOfArms-hint coatOfArms-error' : 'coatOfArms-hint'}
                        aria-invalid={st.coatError ? 'true' : undefined}
                      />
                      <small id="coatOfArms-hint" class="form-text">
                        {tr('siteSettings.coat.hint')}
                      </small>
                      {st.coatError ? (
                        <div id="coatOfArms-error" class="invalid-feedback d-block" role="alert">
                          {st.coatError}
                        </div>
                      ) : null}
                    </div>
                    <button type="submit" class="btn btn-outline-primary">
                      {tr('siteSettings.coat.upload')}
                    </button>
                  </form>
                  {s.coatOfArmsUrl ? (
                    <form method="post" action={COAT_REMOVE_PATH} class="mt-3">
                      <CsrfField ctx={pc} />
                      <button type="submit" class="btn btn-outline-danger">
                        {tr('siteSettings.coat.remove')}
                      </button>
                    </form>
                  ) : null}
                </div>
              </section>
            </div>
          </div>
        </>
      );
    },
    status,
  );
}

export async function siteSettingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  addAdminLink({ href: SITE_SETTINGS_PATH, label: 'siteSettings.title', description: 'siteSettings.linkText', permission: 'core.tenant.settings' });

  app.get(SITE_SETTINGS_PATH, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const done = queryOf(req).done;
    return settingsPage(req, reply, { form: formOf(req.tenant!), errors: [], notice: done ? (NOTICES[done] ?? null) : null });
  });

  app.post(SITE_SETTINGS_PATH, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const form = readForm(req);
    const v = validateSiteSettings(form, topicVocabularyList());
    if (!v.ok) return settingsPage(req, reply, { form, errors: v.errors }, 400);
    const row = await loadTenantRow(ctx, req.tenant!.id);
    const before = row.settings;
    const beforeSite: SiteSettingsInput = before.site ?? {};
    const site: SiteSettingsInput = { ...v.value.site, ...(beforeSite.coatOfArmsUploadId ? { coatOfArmsUploadId: beforeSite.coatOfArmsUploadId } : {}) };
    const settings: TenantSettings = { ...before, contacts: v.value.contacts, site };
    const changed = [
      ...(row.name !== v.value.name ? ['name'] : []),
      ...changedFields(before.contacts ?? {}, v.value.contacts, 'contacts.'),
      ...changedFields({ ...beforeSite }, { ...site }, 'site.'),
    ];
    if (changed.length) {
      await saveTenant(req, row.id, { name: v.value.name, settings }, { action: 'core.site-settings.updated', details: { changed } });
    }
    return reply.redirect(`${SITE_SETTINGS_PATH}?done=saved`, 303);
  });

  app.post(COAT_PATH, { schema: { hide: true }, preValidation: [canEdit, readMultipartForm] }, async (req, reply) => {
    const file = formFiles(req).find((f) => f.field === 'coatOfArms') ?? null;
    const tenant = req.tenant!;
    const fail = (message: string, status: number) => settingsPage(req, reply, { form: formOf(tenant), errors: [], coatError: message }, status);
    if (!file) return fail(t(req.locale, 'siteSettings.coat.missing'), 400);
    if (file.tooLarge) {
      return fail(t(req.locale, 'upload.error.too-large', { max: formatBytes(ctx.config.uploadMaxBytes) }), 413);
    }
    const stored = await storeMultipartFile(req, file, 'image');
    if (!stored.ok) return fail(t(req.locale, `upload.error.${stored.error.code}`, stored.error.vars), 400);
    const row = await loadTenantRow(ctx, tenant.id);
    const site: SiteSettingsInput = { ...(row.settings.site ?? {}), coatOfArmsUploadId: stored.value.id };
    await saveTenant(
      req,
      row.id,
      { settings: { ...row.settings, site } },
      { action: 'core.site-settings.coat-of-arms-changed', details: { uploadId: stored.value.id, previousUploadId: row.settings.site?.coatOfArmsUploadId ?? null } },
    );
    return reply.redirect(`${SITE_SETTINGS_PATH}?done=coat`, 303);
  });

  app.post(COAT_REMOVE_PATH, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const row = await loadTenantRow(ctx, req.tenant!.id);
    const previous = row.settings.site?.coatOfArmsUploadId;
    if (previous) {
      const { coatOfArmsUploadId: _dropped, ...site } = row.settings.site ?? {};
      await saveTenant(req, row.id, { settings: { ...row.settings, site } }, { action: 'core.site-settings.coat-of-arms-removed', details: { previousUploadId: previous } });
    }
    return reply.redirect(`${SITE_SETTINGS_PATH}?done=coat-removed`, 303);
  });
}
