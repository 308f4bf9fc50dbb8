import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout, pageContext, renderPage } from '../../app.ts';
import type { PageContext } from '../views/layout.tsx';
import { t, type Locale } from '../i18n/index.ts';
import { PASSWORD_MIN_LENGTH } from './staff.ts';

/** Small page and form helpers shared by the login, personal-area and admin pages (Bootstrap Italia markup). */

export type FieldErrors = { field: string; message: string }[];

export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: (ctx: PageContext) => ComponentChildren,
  status = 200,
): FastifyReply {
  const ctx = pageContext(req, reply);
  reply.header('cache-control', 'no-store');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(<Layout ctx={ctx} title={title}>{body(ctx)}</Layout>));
}

/** The translated error of one form field, or null. Messages may use {min} for the password length. */
export function errorText(locale: Locale, errors: FieldErrors, field: string): string | null {
  const e = errors.find((x) => x.field === field);
  return e ? t(locale, e.message, { min: PASSWORD_MIN_LENGTH }) : null;
}

/** A new password, with the length rule as hint (staff creation, reset, own change). */
export function NewPasswordInput({ locale, label, error }: { locale: Locale; label: string; error: string | null }) {
  return (
    <Input
      id="password"
      type="password"
      label={label}
      error={error}
      hint={t(locale, 'admin.staff.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      required
      autocomplete="new-password"
      minLength={PASSWORD_MIN_LENGTH}
    />
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

interface InputProps {
  id: string;
  name?: string;
  label: string;
  type?: string;
  value?: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email';
  pattern?: string;
  maxLength?: number;
  minLength?: number;
}

/** A labelled input with its hint and error tied to it by aria-describedby (works without JavaScript). */
export function Input(p: InputProps) {
  const describedBy = [p.hint ? `${p.id}-hint` : null, p.error ? `${p.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="form-group mt-5 mb-4">
      <label for={p.id} class="active">
        {p.label}
      </label>
      <input
        type={p.type ?? 'text'}
        class={`form-control${p.error ? ' is-invalid' : ''}`}
        id={p.id}
        name={p.name ?? p.id}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        pattern={p.pattern}
        maxLength={p.maxLength}
        minLength={p.minLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {p.hint ? (
        <small id={`${p.id}-hint`} class="form-text">
          {p.hint}
        </small>
      ) : null}
      {p.error ? (
        <div id={`${p.id}-error`} class="invalid-feedback d-block" role="alert">
          {p.error}
        </div>
      ) : null}
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'success' | 'danger' | 'info' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Breadcrumb({ locale, items }: { locale: Locale; items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumb-container" aria-label={t(locale, 'auth.breadcrumb')}>
      <ol class="breadcrumb p-0">
        {items.map((it, i) =>
          it.href && i < items.length - 1 ? (
            <li class="breadcrumb-item">
              <a href={it.href}>{it.label}</a>
              <span class="separator">/</span>
            </li>
          ) : (
            <li class="breadcrumb-item active" aria-current="page">
              {it.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Form fields as strings: a repeated field (checkboxes) is an array, a single one a string. */
export function formBody(req: FastifyRequest): Record<string, string | string[]> {
  const b = req.body;
  if (!b || typeof b !== 'object') return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function str(v: string | string[] | undefined): string {
  if (v === undefined) return '';
  return Array.isArray(v) ? (v[0] ?? '') : v;
}

export function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function queryOf(req: FastifyRequest): Record<string, string> {
  const q = req.query;
  const out: Record<string, string> = {};
  if (!q || typeof q !== 'object') return out;
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  }
  return out;
}

/** A login that could not complete: what happened (an i18n key) and a way to try again. */
export function renderLoginProblem(req: FastifyRequest, reply: FastifyReply, status: number, messageKey: string): FastifyReply {
  return sendPage(
    req,
    reply,
    t(req.locale, 'auth.problem.title'),
    (ctx) => (
      <div class="row">
        <div class="col-lg-8">
          <h1>{t(ctx.locale, 'auth.problem.title')}</h1>
          <p class="lead">{t(ctx.locale, messageKey)}</p>
          <a class="btn btn-primary" href="/auth/login">
            {t(ctx.locale, 'auth.problem.retry')}
          </a>
        </div>
      </div>
    ),
    status,
  );
}
