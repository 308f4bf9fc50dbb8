import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { pageContext } from '../../../app.ts';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { citizens } from '../../../core/db/schema.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, translator, t, type Locale } from '../../../core/i18n/index.ts';
import { CsrfField, formBody, queryOf, str } from '../../../core/auth/views.tsx';
import { formFiles, readMultipartForm } from '../../../core/storage/multipart-form.ts';
import { findUpload, formatBytes, isImage, storeMultipartFile } from '../../../core/storage/uploads.ts';
import { BI, Layout, renderPage, type LayoutProps, type PageContext } from '../../../core/views/layout.tsx';
import { siteSettings } from '../../../core/views/site-settings.ts';
import { setSiteLink } from '../../../core/views/site-links.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { LIMITS } from '../domain.ts';
import { categoryName, listCategories } from '../categories.ts';
import { createReport, getReport, getReportByNumber } from '../repository.ts';
import { triageFor } from '../triage-service.ts';
import { findStreet, hasStreetList, searchStreets, streetsApi, type Street } from '../streets.ts';
import it from './i18n/new.it.json' with { type: 'json' };
import en from './i18n/new.en.json' with { type: 'json' };

/**
 * Segnalazione disservizio (Modello Comuni), the citizen's four steps, all working without JavaScript:
 *   1. privacy consent → 2. place (street search over the comune's list, house number, or a pin on the map),
 *   category, title, description, up to 5 photos, reporter → 3. summary with "modifica" buttons and the nearby
 *   similar open reports → 4. sent: number, receipt, rating.
 * No server session: every step posts the whole form back. Text fields travel in hidden fields and are validated
 * again at every step; photos are stored as soon as they are posted (re-encoded, metadata removed) and travel as
 * their upload id with an HMAC, re-checked as an image upload of this comune. Every POST carries the CSRF token.
 */

registerMessages({ it, en });

export const NEW_PATH = '/segnalazioni/nuova';
export const SENT_PATH = '/segnalazioni/nuova/inviata';
export const reportPath = (n: number) => `/segnalazioni/${n}`;
export const followPath = (n: number) => `/segnalazioni/${n}/segui`;
const REF_COOKIE = 'piazza_segnalazione';
const RATE_LIMIT = { max: 40, timeWindow: 60_000 };
const CIVIC_MAX = 12;
const STREET_RESULTS = 10;

type Tr = (key: string, vars?: Record<string, string | number>) => string;
type Step = 'privacy' | 'details' | 'summary';
type Field = 'privacy' | 'place' | 'civic' | 'category' | 'title' | 'description' | 'photos' | 'name' | 'email' | 'form';
interface FieldError {
  field: Field;
  message: string;
  vars?: Record<string, string | number>;
}
interface PhotoRef {
  id: string;
  token: string;
}

/** Everything the citizen has entered so far, as posted (strings), plus the photos already stored. */
interface Draft {
  consent: boolean;
  /** What is in the street search box. */
  streetQuery: string;
  /** The street picked from the list (or, for a comune without a list, the address typed). */
  street: string;
  civic: string;
  lat: string;
  lon: string;
  category: string;
  title: string;
  description: string;
  photos: PhotoRef[];
  name: string;
  email: string;
}

const EMPTY: Draft = { consent: false, streetQuery: '', street: '', civic: '', lat: '', lon: '', category: '', title: '', description: '', photos: [], name: '', email: '' };

/** A checked draft, ready for createReport. */
interface ValidDraft {
  address: string | null;
  area: string | null;
  lat: number | null;
  lon: number | null;
  categoryCode: string;
  title: string;
  description: string;
  photoUploadIds: string[];
  reporterName: string | null;
  reporterEmail: string | null;
}

interface CategoryOption {
  code: string;
  name: string;
}

// ── Settings and small helpers ───────────────────────────────────────────────────────────────────────────────

/** Tenant setting `reports.allowAnonymous` (default true): may people who are not logged in send a report? */
export function allowAnonymous(tenant: Tenant): boolean {
  const r = tenant.settings.reports as { allowAnonymous?: unknown } | undefined;
  return r?.allowAnonymous !== false;
}

const loginHref = (next: string) => `/auth/login?next=${encodeURIComponent(next)}`;

const clean = (s: string, max: number) =>
  s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim()
    .slice(0, max * 2);

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const CIVIC_RE = /^[0-9]{1,5}( ?[a-zA-Z]{1,3})?( ?\/ ?[0-9a-zA-Z]{1,4})?$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function photoSignature(ctx: AppContext, tenantId: string, id: string): string {
  return createHmac('sha256', ctx.config.sessionSecret).update(`reports.photo:${tenantId}:${id}`).digest('base64url').slice(0, 32);
}
function photoRef(ctx: AppContext, tenantId: string, id: string): PhotoRef {
  return { id, token: `${id}.${photoSignature(ctx, tenantId, id)}` };
}
/** The photo of a hidden field, if its signature is ours for this comune. */
function parsePhotoToken(ctx: AppContext, tenantId: string, token: string): PhotoRef | null {
  const [id, sig] = token.split('.');
  if (!id || !sig || !UUID_RE.test(id)) return null;
  const expected = Buffer.from(photoSignature(ctx, tenantId, id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id, token } : null;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The draft of a posted form (any step). Photos: signed tokens only, each at most once, still images of this comune. */
async function readDraft(req: FastifyRequest, body: Record<string, string | string[]>): Promise<Draft> {
  const ctx = req.server.ctx;
  const tenantId = req.tenant!.id;
  const removed = new Set(list(body.removePhoto));
  const seen = new Set<string>();
  const photos: PhotoRef[] = [];
  for (const token of list(body.photo).slice(0, LIMITS.photos * 2)) {
    const ref = parsePhotoToken(ctx, tenantId, token);
    if (!ref || seen.has(ref.id) || removed.has(ref.id)) continue;
    seen.add(ref.id);
    const row = await findUpload(ctx, tenantId, ref.id);
    if (row && isImage(row.contentType)) photos.push(ref);
  }
  const clearPin = str(body.clearPin) === '1';
  return {
    consent: str(body.privacy) === '1',
    streetQuery: clean(str(body.streetQuery), LIMITS.address),
    street: clean(str(body.street), LIMITS.address),
    civic: clean(str(body.civic), CIVIC_MAX),
    lat: clearPin ? '' : str(body.lat).trim().slice(0, 30),
    lon: clearPin ? '' : str(body.lon).trim().slice(0, 30),
    category: str(body.category).trim().slice(0, 60),
    title: clean(str(body.title), LIMITS.title),
    description: clean(str(body.description), LIMITS.description),
    photos,
    name: clean(str(body.name), LIMITS.name),
    email: clean(str(body.email), LIMITS.email),
  };
}

function parseCoordinate(v: string, max: number): number | null {
  if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) <= max ? n : null;
}

/** The street of the draft: the one picked, or a typed name that is exactly one street of the list. */
function resolveStreet(slug: string, d: Draft): { street: Street | null; freeText: string | null; candidates: Street[] } {
  if (!hasStreetList(slug)) {
    const text = d.street || d.streetQuery;
    return { street: null, freeText: text || null, candidates: [] };
  }
  if (d.street) {
    const s = findStreet(slug, d.street);
    if (s) return { street: s, freeText: null, candidates: [] };
  }
  if (!d.streetQuery) return { street: null, freeText: null, candidates: [] };
  const exact = findStreet(slug, d.streetQuery);
  if (exact) return { street: exact, freeText: null, candidates: [] };
  const found = searchStreets(slug, d.streetQuery, STREET_RESULTS);
  if (found.length === 1) return { street: found[0]!, freeText: null, candidates: [] };
  return { street: null, freeText: null, candidates: found };
}

/** Check every field of step 2 (again at the summary and at sending). */
function validate(slug: string, d: Draft, categories: CategoryOption[]): { ok: true; value: ValidDraft } | { ok: false; errors: FieldError[]; candidates: Street[] } {
  const errors: FieldError[] = [];
  const place = resolveStreet(slug, d);
  let lat: number | null = null;
  let lon: number | null = null;
  if (d.lat || d.lon) {
    lat = parseCoordinate(d.lat, 90);
    lon = parseCoordinate(d.lon, 180);
    if (lat === null || lon === null) errors.push({ field: 'place', message: 'reports.new.error.pin' });
  }
  if (place.candidates.length) errors.push({ field: 'place', message: 'reports.new.error.streetChoose' });
  // A typed name that is not in the list: an error, unless a pin gives the place anyway.
  else if (d.streetQuery && !place.street && !place.freeText && lat === null && !errors.length) errors.push({ field: 'place', message: 'reports.new.error.streetNotFound' });
  else if (!place.street && !place.freeText && lat === null && !errors.length) errors.push({ field: 'place', message: 'reports.new.error.place' });
  if (d.civic && !CIVIC_RE.test(d.civic)) errors.push({ field: 'civic', message: 'reports.new.error.civic' });
  if (!categories.some((c) => c.code === d.category)) errors.push({ field: 'category', message: d.category ? 'reports.new.error.categoryUnknown' : 'reports.new.error.category' });
  if (!d.title) errors.push({ field: 'title', message: 'reports.new.error.required' });
  else if (d.title.length > LIMITS.title) errors.push({ field: 'title', message: 'reports.new.error.tooLong', vars: { max: LIMITS.title } });
  if (!d.description) errors.push({ field: 'description', message: 'reports.new.error.required' });
  else if (d.description.length > LIMITS.description) errors.push({ field: 'description', message: 'reports.new.error.tooLong', vars: { max: LIMITS.description } });
  if (d.photos.length > LIMITS.photos) errors.push({ field: 'photos', message: 'reports.new.error.tooManyPhotos', vars: { max: LIMITS.photos } });
  if (d.name.length > LIMITS.name) errors.push({ field: 'name', message: 'reports.new.error.tooLong', vars: { max: LIMITS.name } });
  if (d.email && (d.email.length > LIMITS.email || !EMAIL_RE.test(d.email))) errors.push({ field: 'email', message: 'reports.new.error.email' });
  if (errors.length) return { ok: false, errors, candidates: place.candidates };
  const streetName = place.street?.name ?? place.freeText;
  const address = streetName ? `${streetName}${d.civic ? `, ${d.civic}` : ''}`.slice(0, LIMITS.address) : null;
  if (lat === null && place.street) {
    lat = place.street.lat;
    lon = place.street.lon;
  }
  return {
    ok: true,
    value: {
      address,
      area: place.street?.area ?? null,
      lat,
      lon,
      categoryCode: d.category,
      title: d.title,
      description: d.description,
      photoUploadIds: d.photos.map((p) => p.id),
      reporterName: d.name || null,
      reporterEmail: d.email || null,
    },
  };
}

/** Store the photos of this post (after the CSRF check): at most LIMITS.photos in all, images only. */
async function storeNewPhotos(req: FastifyRequest, d: Draft, errors: FieldError[]): Promise<void> {
  const files = formFiles(req).filter((f) => f.field === 'photos');
  if (!files.length) return;
  if (d.photos.length + files.length > LIMITS.photos) {
    errors.push({ field: 'photos', message: 'reports.new.error.tooManyPhotos', vars: { max: LIMITS.photos } });
    return;
  }
  const ctx = req.server.ctx;
  const tenantId = req.tenant!.id;
  for (const f of files) {
    const name = f.filename.slice(0, 80) || '—';
    if (f.tooLarge || f.size > LIMITS.photoBytes) {
      errors.push({ field: 'photos', message: 'reports.new.error.photoTooLarge', vars: { file: name, max: formatBytes(Math.min(LIMITS.photoBytes, ctx.config.uploadMaxBytes)) } });
      continue;
    }
    const stored = await storeMultipartFile(req, f, 'image');
    if (stored.ok) d.photos.push(photoRef(ctx, tenantId, stored.value.id));
    else {
      const key = stored.error.code === 'unsupported-heic' ? 'reports.new.error.photoHeic' : stored.error.code === 'unreadable-image' ? 'reports.new.error.photoUnreadable' : 'reports.new.error.photoType';
      errors.push({ field: 'photos', message: key, vars: { file: name } });
    }
  }
}

// ── Data for the pages ───────────────────────────────────────────────────────────────────────────────────────

function tenantTx<T>(req: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenantTx(req.server.ctx.db, req.tenant!.id, fn);
}

async function activeCategories(req: FastifyRequest): Promise<CategoryOption[]> {
  const rows = await tenantTx(req, (tx) => listCategories(tx, { activeOnly: true }));
  return rows.map((c) => ({ code: c.code, name: categoryName(c, req.locale) }));
}

/** Name and e-mail of the logged-in citizen, from their identity (once-only). */
async function citizenDefaults(req: FastifyRequest): Promise<{ name: string; email: string }> {
  const actor = req.actor;
  if (actor.type !== 'citizen') return { name: '', email: '' };
  const [c] = await tenantTx(req, (tx) =>
    tx
      .select({ givenName: citizens.givenName, familyName: citizens.familyName, email: citizens.email })
      .from(citizens)
      .where(and(eq(citizens.tenantId, req.tenant!.id), eq(citizens.id, actor.id))),
  );
  const name = [c?.givenName, c?.familyName].filter(Boolean).join(' ') || actor.name || '';
  return { name: name.slice(0, LIMITS.name), email: (c?.email ?? actor.email ?? '').slice(0, LIMITS.email) };
}

interface SimilarReport {
  number: number;
  title: string;
  status: string;
  distanceMeters: number;
}

/** Open reports near the point that look like this one (triage's duplicate candidates), with their numbers. */
async function similarReports(req: FastifyRequest, v: ValidDraft): Promise<SimilarReport[]> {
  if (v.lat === null || v.lon === null) return [];
  try {
    return await tenantTx(req, async (tx) => {
      const result = await triageFor(tx, req.tenant!.id, { title: v.title, description: v.description, lat: v.lat!, lon: v.lon! });
      const out: SimilarReport[] = [];
      for (const d of result.duplicates.slice(0, 5)) {
        const r = await getReport(tx, d.id);
        if (r) out.push({ number: r.number, title: r.title, status: r.status, distanceMeters: Math.round(d.distanceMeters) });
      }
      return out;
    });
  } catch (err) {
    // The suggestion is a help, never a reason not to show the summary.
    req.log.warn({ err }, 'similar reports unavailable');
    return [];
  }
}

// ── Views ────────────────────────────────────────────────────────────────────────────────────────────────────

function sendReportPage(req: FastifyRequest, reply: FastifyReply, props: Omit<LayoutProps, 'ctx' | 'children'>, body: (ctx: PageContext, tr: Tr) => ComponentChildren, status = 200): FastifyReply {
  const ctx = pageContext(req, reply);
  const tr = translator(ctx.locale);
  reply.header('cache-control', 'no-store');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(<Layout ctx={ctx} {...props}>{body(ctx, tr)}</Layout>));
}

function Icon({ name, class: cls = 'icon' }: { name: string; class?: string }) {
  return (
    <svg class={cls} aria-hidden="true" focusable="false">
      <use href={`${BI}/svg/sprites.svg#${name}`}></use>
    </svg>
  );
}

const STEPS = ['privacy', 'details', 'summary', 'sent'] as const;

/** The Bootstrap Italia stepper: where the citizen is among the four steps. */
export function Stepper({ tr, current }: { tr: Tr; current: (typeof STEPS)[number] }) {
  const at = STEPS.indexOf(current);
  return (
    <div class="steppers mb-4">
      <div class="steppers-header">
        <ul>
          {STEPS.map((s, i) => (
            <li class={i < at ? 'confirmed' : i === at ? 'active' : undefined} aria-current={i === at ? 'step' : undefined}>
              {tr(`reports.new.step.${s}`)}
              {i < at ? <Icon name="it-check" class="icon steppers-success" /> : null}
              <span class="visually-hidden">{i < at ? tr('reports.new.step.done') : i === at ? tr('reports.new.step.current') : ''}</span>
            </li>
          ))}
        </ul>
        <span class="steppers-index" aria-hidden="true">
          {at + 1}/{STEPS.length}
        </span>
      </div>
    </div>
  );
}

function Required({ tr }: { tr: Tr }) {
  return (
    <>
      {' '}
      <span aria-hidden="true">*</span>
      <span class="visually-hidden">({tr('reports.new.requiredShort')})</span>
    </>
  );
}

function errorOf(tr: Tr, errors: FieldError[], field: Field): string | null {
  const list = errors.filter((e) => e.field === field);
  return list.length ? list.map((e) => tr(e.message, e.vars)).join(' ') : null;
}

function ErrorText({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <div id={`${id}-error`} class="invalid-feedback d-block" role="alert">
      {text}
    </div>
  ) : null;
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

const FIELD_ANCHOR: Record<Field, string> = {
  privacy: 'privacy',
  place: 'streetQuery',
  civic: 'civic',
  category: 'category',
  title: 'title',
  description: 'description',
  photos: 'photos',
  name: 'name',
  email: 'email',
  form: 'report-form',
};

function ErrorSummary({ tr, errors }: { tr: Tr; errors: FieldError[] }) {
  if (!errors.length) return null;
  const fields = [...new Set(errors.map((e) => e.field))];
  return (
    <div class="alert alert-danger" role="alert" id="form-errors">
      <p class="mb-2">{tr('reports.new.hasErrors', { n: fields.length })}</p>
      <ul class="mb-0">
        {fields.map((f) => (
          <li>
            <a href={`#${FIELD_ANCHOR[f]}`}>
              {tr(`reports.new.field.${f}`)}: {errorOf(tr, errors, f)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden fields that carry the draft to the next post. */
function Carry({ d }: { d: Draft }) {
  return (
    <>
      <input type="hidden" name="privacy" value={d.consent ? '1' : ''} />
      <input type="hidden" name="streetQuery" value={d.streetQuery} />
      <input type="hidden" name="street" value={d.street} />
      <input type="hidden" name="civic" value={d.civic} />
      <input type="hidden" name="lat" value={d.lat} />
      <input type="hidden" name="lon" value={d.lon} />
      <input type="hidden" name="category" value={d.category} />
      <input type="hidden" name="title" value={d.title} />
      <input type="hidden" name="description" value={d.description} />
      <input type="hidden" name="name" value={d.name} />
      <input type="hidden" name="email" value={d.email} />
      {d.photos.map((p) => (
        <input type="hidden" name="photo" value={p.token} />
      ))}
    </>
  );
}

function PageHead({ tr, title, current }: { tr: Tr; title: string; current: (typeof STEPS)[number] }) {
  return (
    <>
      <h1>{title}</h1>
      <p class="lead">{tr('reports.new.lead')}</p>
      <Stepper tr={tr} current={current} />
    </>
  );
}

// Step 1 — privacy

function PrivacyStep({ ctx, tr, d, errors, anonymousNote }: { ctx: PageContext; tr: Tr; d: Draft; errors: FieldError[]; anonymousNote: boolean }) {
  const err = errorOf(tr, errors, 'privacy');
  const privacyUrl = siteSettings(ctx.tenant).privacyUrl;
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <PageHead tr={tr} title={tr('reports.new.title')} current="privacy" />
        <ErrorSummary tr={tr} errors={errors} />
        <h2 class="h4">{tr('reports.new.privacy.heading')}</h2>
        <p>{tr('reports.new.privacy.text')}</p>
        <p>
          <a href={privacyUrl}>{tr('reports.new.privacy.read')}</a>
        </p>
        <div class="callout note">
          <div class="callout-title">
            <Icon name="it-info-circle" />
            <span>{tr('reports.new.emergency.title')}</span>
          </div>
          <p>{tr('reports.new.emergency.text')}</p>
        </div>
        {anonymousNote && ctx.actor.type !== 'citizen' ? (
          <p class="small">
            {tr('reports.new.privacy.anonymous')} <a href={loginHref(NEW_PATH)}>{tr('reports.new.privacy.login')}</a>
          </p>
        ) : null}
        <form method="post" action={NEW_PATH} id="report-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="step" value="privacy" />
          <div class="form-check my-4">
            <input
              id="privacy"
              type="checkbox"
              name="privacy"
              value="1"
              checked={d.consent}
              required
              aria-invalid={err ? 'true' : undefined}
              aria-describedby={describedBy(err && 'privacy-error')}
            />
            <label for="privacy">
              {tr('reports.new.privacy.before')}
              <a href={privacyUrl}>{tr('reports.new.privacy.link')}</a>
              {tr('reports.new.privacy.after')}
              <Required tr={tr} />
            </label>
            <ErrorText id="privacy" text={err} />
          </div>
          <button type="submit" name="action" value="next" class="btn btn-primary">
            {tr('reports.new.next')}
          </button>
        </form>
      </div>
    </div>
  );
}

// Step 2 — place and details

function PlaceFields({ ctx, tr, d, errors, results, searched, hasList }: { ctx: PageContext; tr: Tr; d: Draft; errors: FieldError[]; results: Street[]; searched: boolean; hasList: boolean }) {
  const placeErr = errorOf(tr, errors, 'place');
  const civicErr = errorOf(tr, errors, 'civic');
  const s = siteSettings(ctx.tenant);
  const picked = !searched && d.street && hasList ? findStreet(ctx.tenant?.slug ?? null, d.street) : null;
  const options = searched ? results : picked ? [picked] : results;
  const hasPin = !!(d.lat && d.lon);
  return (
    <fieldset class="mb-4" id="place">
      <legend class="h4">{tr('reports.new.place.legend')}</legend>
      <p class="small">{hasList ? tr('reports.new.place.hint') : tr('reports.new.place.hintNoList')}</p>
      <div class="form-group mt-5 mb-2">
        <label for="streetQuery" class="active">
          {hasList ? tr('reports.new.place.search') : tr('reports.new.place.address')}
        </label>
        <input
          type="text"
          class={`form-control${placeErr ? ' is-invalid' : ''}`}
          id="streetQuery"
          name="streetQuery"
          value={d.streetQuery}
          maxLength={LIMITS.address}
          autocomplete="off"
          list={hasList ? 'street-suggestions' : undefined}
          data-street-search={hasList ? '/api/v1/reports/streets' : undefined}
          aria-invalid={placeErr ? 'true' : undefined}
          aria-describedby={describedBy('streetQuery-hint', placeErr && 'place-error')}
        />
        {hasList ? <datalist id="street-suggestions"></datalist> : null}
        <small id="streetQuery-hint" class="form-text">
          {hasList ? tr('reports.new.place.searchHint') : tr('reports.new.place.addressHint')}
        </small>
        <ErrorText id="place" text={placeErr} />
      </div>
      {hasList ? (
        <button type="submit" name="action" value="search" class="btn btn-outline-primary btn-sm mb-3" formNoValidate>
          {tr('reports.new.place.searchButton')}
        </button>
      ) : null}
      {hasList && (searched || options.length) ? (
        <fieldset class="mb-3" id="street-results">
          <legend class="h6">{options.length ? tr('reports.new.place.results', { n: options.length }) : tr('reports.new.place.noResults')}</legend>
          {options.map((st, i) => (
            <div class="form-check">
              <input class="form-check-input" type="radio" name="street" id={`street-${i}`} value={st.name} checked={options.length === 1 || st.name === d.street} />
              <label class="form-check-label" for={`street-${i}`}>
                {st.name}
                {st.area ? <span class="text-secondary"> ({st.area})</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div class="form-group mt-5 mb-4">
        <label for="civic" class="active">
          {tr('reports.new.place.civic')}
        </label>
        <input
          type="text"
          class={`form-control${civicErr ? ' is-invalid' : ''}`}
          id="civic"
          name="civic"
          value={d.civic}
          maxLength={CIVIC_MAX}
          autocomplete="off"
          inputMode="text"
          aria-invalid={civicErr ? 'true' : undefined}
          aria-describedby={describedBy('civic-hint', civicErr && 'civic-error')}
        />
        <small id="civic-hint" class="form-text">
          {tr('reports.new.place.civicHint')}
        </small>
        <ErrorText id="civic" text={civicErr} />
      </div>
      <input type="hidden" name="lat" value={d.lat} data-pin-lat="" />
      <input type="hidden" name="lon" value={d.lon} data-pin-lon="" />
      <div class="mb-3">
        <p class="small mb-2" id="pin-status" aria-live="polite" data-empty={tr('reports.new.place.noPin')} data-template={tr('reports.new.place.pinAt', { lat: '{lat}', lon: '{lon}' })}>
          {hasPin ? tr('reports.new.place.pinAt', { lat: d.lat, lon: d.lon }) : ''}
        </p>
        {hasPin ? (
          <div class="form-check mb-2" data-noscript-pin="">
            <input type="checkbox" id="clearPin" name="clearPin" value="1" />
            <label for="clearPin">{tr('reports.new.place.clearPin')}</label>
          </div>
        ) : null}
        <div
          hidden
          role="region"
          aria-label={tr('reports.new.place.mapLabel')}
          aria-describedby="map-help"
          class="rounded border mb-2"
          style="height: 20rem"
          data-report-map=""
          data-tiles={s.mapTileUrl}
          data-attribution={s.mapAttribution}
          data-center={`${s.mapCenter.lat},${s.mapCenter.lon},${s.mapCenter.zoom}`}
          data-marker-label={tr('reports.new.place.marker')}
        ></div>
        <p id="map-help" class="small" hidden data-js-only="">
          {tr('reports.new.place.mapHelp')}
        </p>
        <button type="button" class="btn btn-outline-secondary btn-sm me-2" hidden data-js-only="" data-locate="" data-error={tr('reports.new.place.locateError')}>
          <Icon name="it-map-marker-circle" class="icon icon-sm me-1" />
          {tr('reports.new.place.locate')}
        </button>
        <button type="button" class="btn btn-outline-secondary btn-sm" hidden data-js-only="" data-clear-pin="">
          {tr('reports.new.place.clearPinButton')}
        </button>
      </div>
    </fieldset>
  );
}

function DetailsStep({
  ctx,
  tr,
  d,
  errors,
  categories,
  results,
  searched,
}: {
  ctx: PageContext;
  tr: Tr;
  d: Draft;
  errors: FieldError[];
  categories: CategoryOption[];
  results: Street[];
  searched: boolean;
}) {
  const err = (f: Field) => errorOf(tr, errors, f);
  const hasList = hasStreetList(ctx.tenant?.slug ?? null);
  const citizen = ctx.actor.type === 'citizen';
  const left = LIMITS.photos - d.photos.length;
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <PageHead tr={tr} title={tr('reports.new.title')} current="details" />
        <ErrorSummary tr={tr} errors={errors} />
        <p class="small">{tr('reports.new.requiredNote')}</p>
        <form method="post" action={NEW_PATH} enctype="multipart/form-data" id="report-form" data-report-form="" data-triage="/api/v1/reports/triage">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="step" value="details" />
          <input type="hidden" name="privacy" value="1" />
          {/* Enter in a field means "Avanti", not "Cerca": the first submit button of the form is the default one. */}
          <button type="submit" name="action" value="next" class="d-none" tabindex={-1} aria-hidden="true"></button>
          <PlaceFields ctx={ctx} tr={tr} d={d} errors={errors} results={results} searched={searched} hasList={hasList} />

          <fieldset class="mb-4">
            <legend class="h4">{tr('reports.new.details.legend')}</legend>
            <div class="select-wrapper mt-5 mb-4">
              <label for="category">
                {tr('reports.new.field.category')}
                <Required tr={tr} />
              </label>
              <select
                id="category"
                name="category"
                required
                class={err('category') ? 'is-invalid' : undefined}
                aria-invalid={err('category') ? 'true' : undefined}
                aria-describedby={describedBy('category-hint', err('category') && 'category-error')}
              >
                <option value="" selected={!d.category}>
                  {tr('reports.new.details.chooseCategory')}
                </option>
                {categories.map((c) => (
                  <option value={c.code} selected={d.category === c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              <small id="category-hint" class="form-text" aria-live="polite" data-suggestion-template={tr('reports.new.details.suggested', { name: '{name}' })}>
                {tr('reports.new.details.categoryHint')}
              </small>
              <ErrorText id="category" text={err('category')} />
            </div>
            <div class="form-group mt-5 mb-4">
              <label for="title" class="active">
                {tr('reports.new.field.title')}
                <Required tr={tr} />
              </label>
              <input
                type="text"
                class={`form-control${err('title') ? ' is-invalid' : ''}`}
                id="title"
                name="title"
                value={d.title}
                required
                maxLength={LIMITS.title}
                aria-invalid={err('title') ? 'true' : undefined}
                aria-describedby={describedBy('title-hint', err('title') && 'title-error')}
              />
              <small id="title-hint" class="form-text">
                {tr('reports.new.details.titleHint', { max: LIMITS.title })}
              </small>
              <ErrorText id="title" text={err('title')} />
            </div>
            <div class="form-group mt-5 mb-4">
              <label for="description" class="active">
                {tr('reports.new.field.description')}
                <Required tr={tr} />
              </label>
              <textarea
                id="description"
                name="description"
                rows={6}
                class={`form-control${err('description') ? ' is-invalid' : ''}`}
                required
                maxLength={LIMITS.description}
                aria-invalid={err('description') ? 'true' : undefined}
                aria-describedby={describedBy('description-hint', err('description') && 'description-error')}
              >
                {d.description}
              </textarea>
              <small id="description-hint" class="form-text">
                {tr('reports.new.details.descriptionHint', { max: LIMITS.description })}
              </small>
              <ErrorText id="description" text={err('description')} />
            </div>
            <div id="similar-reports" aria-live="polite" hidden data-title={tr('reports.new.similar.title')} data-text={tr('reports.new.similar.text')} data-follow={tr('reports.new.similar.follow')} data-view={tr('reports.new.similar.view')} data-distance={tr('reports.new.similar.distance', { m: '{m}' })}></div>
          </fieldset>

          <fieldset class="mb-4">
            <legend class="h4">{tr('reports.new.photos.legend')}</legend>
            {d.photos.length ? (
              <ul class="list-unstyled d-flex flex-wrap gap-3" aria-label={tr('reports.new.photos.attached')}>
                {d.photos.map((p, i) => (
                  <li class="text-center">
                    <img src={`/uploads/${p.id}`} alt={tr('reports.new.photos.alt', { n: i + 1 })} width={120} height={90} style="object-fit: cover" class="rounded border d-block mb-1" />
                    <input type="hidden" name="photo" value={p.token} />
                    <div class="form-check">
                      <input type="checkbox" id={`remove-${i}`} name="removePhoto" value={p.id} />
                      <label for={`remove-${i}`} class="small">
                        {tr('reports.new.photos.remove', { n: i + 1 })}
                      </label>
                    </div>
                  </li>
                ))}
              </ul>
            ) : null}
            {left > 0 ? (
              <div class="mb-4">
                <label for="photos" class="form-label">
                  {tr('reports.new.field.photos')}
                </label>
                <input
                  type="file"
                  id="photos"
                  name="photos"
                  class={`form-control${err('photos') ? ' is-invalid' : ''}`}
                  accept="image/jpeg,image/png,image/webp,image/gif,image/heic"
                  multiple
                  data-max={left}
                  aria-invalid={err('photos') ? 'true' : undefined}
                  aria-describedby={describedBy('photos-hint', err('photos') && 'photos-error')}
                />
                <small id="photos-hint" class="form-text">
                  {tr('reports.new.photos.hint', { n: left, max: LIMITS.photos, size: formatBytes(LIMITS.photoBytes) })}
                </small>
                <ErrorText id="photos" text={err('photos')} />
              </div>
            ) : (
              <>
                <p class="small">{tr('reports.new.photos.full', { max: LIMITS.photos })}</p>
                <ErrorText id="photos" text={err('photos')} />
              </>
            )}
          </fieldset>

          <fieldset class="mb-4">
            <legend class="h4">{tr('reports.new.reporter.legend')}</legend>
            <p class="small">{citizen ? tr('reports.new.reporter.prefilled') : tr('reports.new.reporter.anonymous')}</p>
            <div class="form-group mt-5 mb-4">
              <label for="name" class="active">
                {tr('reports.new.field.name')}
              </label>
              <input
                type="text"
                class={`form-control${err('name') ? ' is-invalid' : ''}`}
                id="name"
                name="name"
                value={d.name}
                maxLength={LIMITS.name}
                autocomplete="name"
                aria-invalid={err('name') ? 'true' : undefined}
                aria-describedby={describedBy(err('name') && 'name-error')}
              />
              <ErrorText id="name" text={err('name')} />
            </div>
            <div class="form-group mt-5 mb-4">
              <label for="email" class="active">
                {tr('reports.new.field.email')}
              </label>
              <input
                type="email"
                class={`form-control${err('email') ? ' is-invalid' : ''}`}
                id="email"
                name="email"
                value={d.email}
                maxLength={LIMITS.email}
                autocomplete="email"
                aria-invalid={err('email') ? 'true' : undefined}
                aria-describedby={describedBy('email-hint', err('email') && 'email-error')}
              />
              <small id="email-hint" class="form-text">
                {tr('reports.new.reporter.emailHint')}
              </small>
              <ErrorText id="email" text={err('email')} />
            </div>
          </fieldset>
          <button type="submit" name="action" value="next" class="btn btn-primary">
            {tr('reports.new.toSummary')}
          </button>
        </form>
      </div>
    </div>
  );
}

// Step 3 — summary

function StatusLabel({ tr, status }: { tr: Tr; status: string }) {
  return <span class="badge bg-secondary">{tr(`reports.new.status.${status}`)}</span>;
}

export function SimilarList({ ctx, tr, items, email }: { ctx: PageContext; tr: Tr; items: SimilarReport[]; email: string }) {
  if (!items.length) return null;
  return (
    <section class="callout warning mb-4" aria-labelledby="similar-title">
      <div class="callout-title">
        <Icon name="it-info-circle" />
        <span id="similar-title">{tr('reports.new.similar.title')}</span>
      </div>
      <p>{tr('reports.new.similar.text')}</p>
      <ul class="list-unstyled mb-0">
        {items.map((r) => (
          <li class="mb-3">
            <a href={reportPath(r.number)} class="fw-semibold">
              {tr('reports.new.similar.item', { n: r.number, title: r.title })}
            </a>{' '}
            <StatusLabel tr={tr} status={r.status} /> <span class="small">{tr('reports.new.similar.distance', { m: r.distanceMeters })}</span>
            <form method="post" action={followPath(r.number)} class="d-inline ms-2">
              <CsrfField ctx={ctx} />
              {email ? <input type="hidden" name="email" value={email} /> : null}
              <button type="submit" class="btn btn-outline-primary btn-xs btn-sm">
                {tr('reports.new.similar.follow')}
                <span class="visually-hidden"> {tr('reports.new.similar.item', { n: r.number, title: r.title })}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditButton({ tr, anchor, what }: { tr: Tr; anchor: string; what: string }) {
  return (
    <button type="submit" name="action" value="edit" formaction={`${NEW_PATH}#${anchor}`} class="btn btn-link p-0 ms-2 align-baseline" formNoValidate>
      {tr('reports.new.summary.edit')}
      <span class="visually-hidden"> {what}</span>
    </button>
  );
}

function SummaryStep({ ctx, tr, d, v, categories, similar }: { ctx: PageContext; tr: Tr; d: Draft; v: ValidDraft; categories: CategoryOption[]; similar: SimilarReport[] }) {
  const category = categories.find((c) => c.code === v.categoryCode);
  const row = (label: string, anchor: string, value: ComponentChildren) => (
    <>
      <dt class="col-sm-4">{label}</dt>
      <dd class="col-sm-8">
        {value}
        <EditButton tr={tr} anchor={anchor} what={label} />
      </dd>
    </>
  );
  return (
    <div class="row">
      <div class="col-12 col-lg-8">
        <PageHead tr={tr} title={tr('reports.new.title')} current="summary" />
        <h2 class="h4">{tr('reports.new.summary.heading')}</h2>
        <p>{tr('reports.new.summary.check')}</p>
        <SimilarList ctx={ctx} tr={tr} items={similar} email={v.reporterEmail ?? ''} />
        <form method="post" action={NEW_PATH} id="report-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="step" value="summary" />
          <Carry d={d} />
          <div class="card card-bg mb-4">
            <div class="card-body">
              <dl class="row mb-0">
                {row(
                  tr('reports.new.field.place'),
                  'place',
                  <>
                    {v.address ?? tr('reports.new.summary.noAddress')}
                    {v.lat !== null && v.lon !== null ? <span class="d-block small text-secondary">{tr('reports.new.place.pinAt', { lat: v.lat.toFixed(5), lon: v.lon.toFixed(5) })}</span> : null}
                  </>,
                )}
                {row(tr('reports.new.field.category'), 'category', category?.name ?? v.categoryCode)}
                {row(tr('reports.new.field.title'), 'title', v.title)}
                {row(
                  tr('reports.new.field.description'),
                  'description',
                  <span class="text-break" style="white-space: pre-line">
                    {v.description}
                  </span>,
                )}
                {row(
                  tr('reports.new.field.photos'),
                  'photos',
                  d.photos.length ? (
                    <span class="d-flex flex-wrap gap-2">
                      {d.photos.map((p, i) => (
                        <img src={`/uploads/${p.id}`} alt={tr('reports.new.photos.alt', { n: i + 1 })} width={96} height={72} style="object-fit: cover" class="rounded border" />
                      ))}
                    </span>
                  ) : (
                    tr('reports.new.summary.noPhotos')
                  ),
                )}
                {row(
                  tr('reports.new.summary.reporter'),
                  'name',
                  v.reporterName || v.reporterEmail ? [v.reporterName, v.reporterEmail].filter(Boolean).join(' – ') : tr('reports.new.summary.anonymous'),
                )}
              </dl>
            </div>
          </div>
          <p class="small">{v.reporterEmail ? tr('reports.new.summary.updates', { email: v.reporterEmail }) : tr('reports.new.summary.noUpdates')}</p>
          <div class="d-flex flex-wrap gap-3">
            <button type="submit" name="action" value="send" class="btn btn-primary">
              {tr('reports.new.summary.send')}
            </button>
            <button type="submit" name="action" value="edit" class="btn btn-outline-primary" formNoValidate>
              {tr('reports.new.summary.back')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

// ── Rendering and routes ─────────────────────────────────────────────────────────────────────────────────────

const pageProps = (req: FastifyRequest, extra: Partial<Omit<LayoutProps, 'ctx' | 'children'>> = {}) => {
  const title = t(req.locale, 'reports.new.title');
  return {
    title,
    description: t(req.locale, 'reports.new.description'),
    breadcrumb: [{ href: '/servizi', label: t(req.locale, 'reports.new.breadcrumbServices') }, { label: title }],
    ...extra,
  };
};

const MAP_HEAD = (
  <>
    <link rel="stylesheet" href="/assets/leaflet/leaflet.css" />
    <script src="/assets/leaflet/leaflet.js" defer></script>
  </>
);

function renderPrivacy(req: FastifyRequest, reply: FastifyReply, d: Draft, errors: FieldError[], status = 200) {
  const anon = allowAnonymous(req.tenant!);
  return sendReportPage(req, reply, pageProps(req), (ctx, tr) => <PrivacyStep ctx={ctx} tr={tr} d={d} errors={errors} anonymousNote={anon} />, status);
}

async function renderDetails(req: FastifyRequest, reply: FastifyReply, d: Draft, errors: FieldError[], opts: { results?: Street[]; searched?: boolean; status?: number } = {}) {
  const categories = await activeCategories(req);
  return sendReportPage(
    req,
    reply,
    pageProps(req, { scripts: ['report-form.js'], head: MAP_HEAD }),
    (ctx, tr) => <DetailsStep ctx={ctx} tr={tr} d={d} errors={errors} categories={categories} results={opts.results ?? []} searched={opts.searched ?? false} />,
    opts.status ?? 200,
  );
}

/** Anonymous visitors when the comune wants logged-in reporters only: to the login, then back here. */
function needsLogin(req: FastifyRequest): boolean {
  return req.actor.type === 'anonymous' && !allowAnonymous(req.tenant!);
}

function mapCreateError(code: string, field: string | undefined): FieldError {
  const f: Record<string, Field> = {
    categoryCode: 'category',
    title: 'title',
    description: 'description',
    photoUploadIds: 'photos',
    lat: 'place',
    lon: 'place',
    address: 'place',
    area: 'place',
    reporterName: 'name',
    reporterEmail: 'email',
  };
  const target = (field && f[field]) || 'form';
  return { field: target, message: target === 'form' ? 'reports.new.error.generic' : 'reports.new.error.invalid', vars: { code } };
}

export async function citizenReportPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // The footer's and the contact box's "Segnalazione disservizio" now lead to this flow.
  setSiteLink('reportInefficiency', NEW_PATH);
  await streetsApi(app);

  app.get(NEW_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    if (needsLogin(req)) return reply.redirect(loginHref(NEW_PATH), 303);
    return renderPrivacy(req, reply, { ...EMPTY }, []);
  });

  app.post(NEW_PATH, { schema: { hide: true }, config: { rateLimit: RATE_LIMIT }, preValidation: readMultipartForm }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    if (needsLogin(req)) return reply.redirect(loginHref(NEW_PATH), 303);
    const tenant = req.tenant;
    const body = formBody(req);
    const step = str(body.step) as Step;
    const action = str(body.action);
    const d = await readDraft(req, body);

    if (step === 'privacy' || !d.consent) {
      if (!d.consent) return renderPrivacy(req, reply, d, [{ field: 'privacy', message: 'reports.new.error.privacy' }], 400);
      const who = await citizenDefaults(req);
      return renderDetails(req, reply, { ...d, name: d.name || who.name, email: d.email || who.email }, []);
    }

    if (step === 'details') {
      const errors: FieldError[] = [];
      await storeNewPhotos(req, d, errors);
      if (action === 'search') {
        const results = searchStreets(tenant.slug, d.streetQuery, STREET_RESULTS);
        return renderDetails(req, reply, { ...d, street: '' }, errors, { results, searched: true, status: errors.length ? 400 : 200 });
      }
      const categories = await activeCategories(req);
      const v = validate(tenant.slug, d, categories);
      if (!v.ok || errors.length) {
        const all = [...errors, ...(v.ok ? [] : v.errors)];
        return renderDetails(req, reply, d, all, { results: v.ok ? [] : v.candidates, searched: !v.ok && v.candidates.length > 0, status: 400 });
      }
      // The picked street is written back as the search text: the summary and "modifica" show what was chosen.
      const picked = resolveStreet(tenant.slug, d).street;
      const draft = picked ? { ...d, street: picked.name, streetQuery: picked.name } : d;
      const similar = await similarReports(req, v.value);
      return sendReportPage(req, reply, pageProps(req), (pc, tr) => <SummaryStep ctx={pc} tr={tr} d={draft} v={v.value} categories={categories} similar={similar} />);
    }

    if (step === 'summary') {
      const categories = await activeCategories(req);
      const v = validate(tenant.slug, d, categories);
      if (action !== 'send' || !v.ok) {
        return renderDetails(req, reply, d, v.ok || action !== 'send' ? [] : v.errors, { status: action === 'send' ? 400 : 200 });
      }
      const actor = req.actor;
      const r = await createReport(
        ctx,
        tenant.id,
        {
          ...v.value,
          source: 'web',
          locale: req.locale,
          citizenId: actor.type === 'citizen' ? actor.id : null,
          follow: true,
        },
        { tenantId: tenant.id, actor, requestId: req.id },
      );
      if (!r.ok) {
        req.log.info({ code: r.error.code, field: r.error.field }, 'report refused');
        return renderDetails(req, reply, d, [mapCreateError(r.error.code, r.error.field)], { status: 400 });
      }
      reply.setCookie(REF_COOKIE, `${tenant.id}:${r.value.number}`, {
        path: NEW_PATH,
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        maxAge: 24 * 60 * 60,
      });
      return reply.redirect(`${SENT_PATH}?n=${r.value.number}`, 303);
    }

    return renderPrivacy(req, reply, d, [], 400);
  });

  app.get(SENT_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const tenantId = req.tenant.id;
    const raw = req.cookies[REF_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    const [cookieTenant, cookieNumber] = unsigned?.valid && unsigned.value ? unsigned.value.split(':') : [];
    const fromCookie = cookieTenant === tenantId && cookieNumber ? Number(cookieNumber) : null;
    const q = queryOf(req).n;
    const n = q && /^\d{1,9}$/.test(q) ? Number(q) : fromCookie;
    const actor = req.actor;
    const found = n
      ? await tenantTx(req, async (tx) => {
          const r = await getReportByNumber(tx, n);
          if (!r) return null;
          const mine = fromCookie === r.number || (actor.type === 'citizen' && r.citizenId === actor.id);
          if (!mine) return null;
          const cats = await listCategories(tx);
          const cat = cats.find((c) => c.code === r.categoryCode);
          return { r, category: cat ? categoryName(cat, req.locale) : r.categoryCode };
        })
      : null;
    const title = t(req.locale, 'reports.new.sent.title');
    return sendReportPage(req, reply, pageProps(req, { title, feedback: 'transactional', breadcrumb: [{ href: NEW_PATH, label: t(req.locale, 'reports.new.title') }, { label: title }] }), (pc, tr) => (
      <div class="row">
        <div class="col-12 col-lg-8">
          <Stepper tr={tr} current="sent" />
          <div class="d-flex align-items-center mb-3">
            <Icon name="it-check-circle" class="icon icon-success icon-lg me-2" />
            <h1 class="mb-0">{title}</h1>
          </div>
          {found ? <Receipt ctx={pc} tr={tr} r={found.r} category={found.category} /> : <p>{tr('reports.new.sent.generic')}</p>}
          <h2 class="h5 mt-4">{tr('reports.new.sent.related')}</h2>
          <ul class="link-list">
            <li>
              <a class="list-item" href="/segnalazioni">
                <span>{tr('reports.new.sent.allReports')}</span>
              </a>
            </li>
            {pc.actor.type === 'citizen' ? (
              <li>
                <a class="list-item" href="/area-personale/segnalazioni">
                  <span>{tr('reports.new.sent.mine')}</span>
                </a>
              </li>
            ) : null}
            <li>
              <a class="list-item" href={NEW_PATH}>
                <span>{tr('reports.new.sent.another')}</span>
              </a>
            </li>
            <li>
              <a class="list-item" href="/servizi">
                <span>{tr('reports.new.sent.services')}</span>
              </a>
            </li>
          </ul>
        </div>
      </div>
    ));
  });
}

function formatDate(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(d);
}

function Receipt({ ctx, tr, r, category }: { ctx: PageContext; tr: Tr; r: { number: number; title: string; address: string | null; createdAt: Date; dueAt: Date | null; officeName: string | null; reporterEmail: string | null }; category: string }) {
  return (
    <>
      <div class="alert alert-success" role="status">
        <p class="mb-1">{tr('reports.new.sent.received', { n: r.number })}</p>
        <p class="mb-0">{r.reporterEmail ? tr('reports.new.sent.email', { email: r.reporterEmail }) : tr('reports.new.sent.noEmail')}</p>
      </div>
      <div class="card card-bg mb-4">
        <div class="card-body">
          <h2 class="card-title h4">{tr('reports.new.sent.receipt')}</h2>
          <dl class="row mb-0">
            <dt class="col-sm-4">{tr('reports.new.sent.number')}</dt>
            <dd class="col-sm-8 fw-semibold">{r.number}</dd>
            <dt class="col-sm-4">{tr('reports.new.sent.date')}</dt>
            <dd class="col-sm-8">{formatDate(ctx.locale, r.createdAt)}</dd>
            <dt class="col-sm-4">{tr('reports.new.field.category')}</dt>
            <dd class="col-sm-8">{category}</dd>
            <dt class="col-sm-4">{tr('reports.new.field.title')}</dt>
            <dd class="col-sm-8">{r.title}</dd>
            {r.address ? (
              <>
                <dt class="col-sm-4">{tr('reports.new.field.place')}</dt>
                <dd class="col-sm-8">{r.address}</dd>
              </>
            ) : null}
            {r.officeName ? (
              <>
                <dt class="col-sm-4">{tr('reports.new.sent.office')}</dt>
                <dd class="col-sm-8">{r.officeName}</dd>
              </>
            ) : null}
            {r.dueAt ? (
              <>
                <dt class="col-sm-4">{tr('reports.new.sent.due')}</dt>
                <dd class="col-sm-8">{formatDate(ctx.locale, r.dueAt)}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
      <h2 class="h5">{tr('reports.new.sent.nextTitle')}</h2>
      <p>{tr('reports.new.sent.next')}</p>
      <p>
        <a class="btn btn-primary" href={reportPath(r.number)}>
          {tr('reports.new.sent.follow', { n: r.number })}
        </a>
      </p>
    </>
  );
}
