import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageContext } from '../../../app.ts';
import { Layout, renderPage, type PageContext } from '../../../core/views/layout.tsx';
import { translator, type Locale, type Translate } from '../../../core/i18n/index.ts';
import { isPriority, statusTone } from '../domain.ts';
import { categoryName, type CategoryRow } from '../categories.ts';
import { isOverdue, type ReportRow } from '../repository.ts';

/** Shared pieces of the back-office pages: the page shell, badges, the AI's suggestion, field errors. */

export const BASE = '/admin/segnalazioni';

export type Errors = { field: string; message: string; vars?: Record<string, string | number> }[];

export function send(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: (pc: PageContext, tr: Translate) => ComponentChildren,
  opts: { status?: number; scripts?: string[]; head?: ComponentChildren } = {},
): FastifyReply {
  const ctx = pageContext(req, reply);
  const tr = translator(ctx.locale);
  reply.header('cache-control', 'no-store');
  return reply
    .code(opts.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(
      renderPage(
        <Layout ctx={ctx} title={title} scripts={opts.scripts} head={opts.head}>
          {body(ctx, tr)}
        </Layout>,
      ),
    );
}

export const fmtDate = (locale: Locale, d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeZone: 'Europe/Rome' }).format(d) : '—';
export const fmtDateTime = (locale: Locale, d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d) : '—';
export const pct = (x: number) => `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`;

const TONE_CLASS: Record<string, string> = {
  primary: 'bg-primary',
  secondary: 'bg-secondary',
  success: 'bg-success',
  warning: 'bg-warning text-dark',
  danger: 'bg-danger',
  info: 'bg-info text-dark',
};

export function StatusBadge({ tr, status }: { tr: Translate; status: string }) {
  return <span class={`badge ${TONE_CLASS[statusTone(status)] ?? 'bg-secondary'}`}>{tr(`reports.bo.status.${status}`)}</span>;
}

const PRIORITY_CLASS: Record<string, string> = { urgente: 'bg-danger', alta: 'bg-warning text-dark', media: 'bg-light text-dark border', bassa: 'bg-light text-dark border' };

export function PriorityBadge({ tr, priority }: { tr: Translate; priority: string }) {
  return <span class={`badge ${PRIORITY_CLASS[priority] ?? 'bg-light text-dark'}`}>{tr(`reports.bo.priority.${isPriority(priority) ? priority : 'media'}`)}</span>;
}

export function DueDate({ tr, locale, r, now }: { tr: Translate; locale: Locale; r: ReportRow; now: Date }) {
  return (
    <>
      {fmtDate(locale, r.dueAt)}
      {isOverdue(r, now) ? <span class="badge bg-danger ms-1">{tr('reports.bo.overdue')}</span> : null}
    </>
  );
}

/** The AI's proposal as stored at submission (TriageResponse), read defensively. */
export interface AiSuggestion {
  category: { code: string; name: string; confidence: number } | null;
  alternatives: { code: string; name: string; confidence: number }[];
  priority: string | null;
  office: { id: string; name: string } | null;
  duplicates: { id: string; title: string; distanceMeters: number; similarity: number; status: string }[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strOf = (v: unknown): string => (typeof v === 'string' ? v : '');

function suggestionOf(v: unknown): { code: string; name: string; confidence: number } | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' ? { code: o.code, name: strOf(o.name), confidence: num(o.confidence) } : null;
}

export function aiOf(r: Pick<ReportRow, 'aiSuggestion'>): AiSuggestion | null {
  const a = r.aiSuggestion;
  if (!a || typeof a !== 'object') return null;
  const o = a.office && typeof a.office === 'object' ? (a.office as Record<string, unknown>) : null;
  return {
    category: suggestionOf(a.category),
    alternatives: Array.isArray(a.alternatives) ? a.alternatives.map(suggestionOf).filter((x): x is NonNullable<typeof x> => x !== null) : [],
    priority: isPriority(a.priority) ? a.priority : null,
    office: o && typeof o.name === 'string' ? { id: strOf(o.id), name: o.name } : null,
    duplicates: Array.isArray(a.duplicates)
      ? a.duplicates
          .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object' && typeof (d as Record<string, unknown>).id === 'string')
          .map((d) => ({ id: strOf(d.id), title: strOf(d.title), distanceMeters: num(d.distanceMeters), similarity: num(d.similarity), status: strOf(d.status) }))
      : [],
  };
}

export type Refs = Map<string, { id: string; number: number; status: string; title: string }>;

export function catLabel(cats: Map<string, CategoryRow>, code: string, locale: Locale, fallback?: string): string {
  const c = cats.get(code);
  return c ? categoryName(c, locale) : fallback || code;
}

/** The AI's suggestion: category with confidence, priority, office, likely duplicates (number, distance, similarity). */
export function AiSuggestionView({ tr, locale, r, cats, refs }: { tr: Translate; locale: Locale; r: ReportRow; cats: Map<string, CategoryRow>; refs: Refs }) {
  const ai = aiOf(r);
  if (!ai?.category) return <span class="text-muted">{tr('reports.bo.ai.none')}</span>;
  const confirmed = r.categoryConfirmedAt !== null;
  return (
    <div class="small" data-ai-suggestion="">
      <div>
        <span class="visually-hidden">{tr('reports.bo.ai.category')}: </span>
        <strong data-ai-category={ai.category.code}>{catLabel(cats, ai.category.code, locale, ai.category.name)}</strong>{' '}
        <span class="badge bg-light text-dark border" title={tr('reports.bo.ai.confidence')}>
          {pct(ai.category.confidence)}
        </span>
        {confirmed ? (
          <span class="badge bg-success ms-1">{tr(ai.category.code === r.categoryCode ? 'reports.bo.ai.accepted' : 'reports.bo.ai.corrected')}</span>
        ) : null}
      </div>
      <div>
        {tr('reports.bo.ai.priority')}: {ai.priority ? tr(`reports.bo.priority.${ai.priority}`) : '—'}
        {ai.office ? (
          <>
            {' · '}
            {tr('reports.bo.ai.office')}: {ai.office.name}
          </>
        ) : null}
      </div>
      {ai.duplicates.length ? (
        <div>
          {tr('reports.bo.ai.duplicates')}:{' '}
          {ai.duplicates.map((d, i) => {
            const ref = refs.get(d.id);
            return (
              <>
                {i > 0 ? ', ' : ''}
                {ref ? <a href={`${BASE}/${ref.number}`}>{tr('reports.bo.numberShort', { n: ref.number })}</a> : <span>{d.title}</span>}{' '}
                ({tr('reports.bo.ai.distance', { m: Math.round(d.distanceMeters) })}, {tr('reports.bo.ai.similarity', { p: pct(d.similarity) })})
              </>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

export function FieldError({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <div id={id} class="invalid-feedback d-block" role="alert">
      {text}
    </div>
  ) : null;
}

/** Section links of the back office. */
export function SectionNav({ tr, current, admin }: { tr: Translate; current: 'queue' | 'map' | 'sla' | 'categories'; admin: boolean }) {
  const items: { key: typeof current; href: string; label: string }[] = [
    { key: 'queue', href: BASE, label: tr('reports.bo.nav.queue') },
    { key: 'map', href: `${BASE}/mappa`, label: tr('reports.bo.nav.map') },
    { key: 'sla', href: `${BASE}/sla`, label: tr('reports.bo.nav.sla') },
    ...(admin ? [{ key: 'categories' as const, href: `${BASE}/categorie`, label: tr('reports.bo.nav.categories') }] : []),
  ];
  return (
    <nav aria-label={tr('reports.bo.nav.label')} class="mb-4">
      <ul class="nav nav-tabs">
        {items.map((i) => (
          <li class="nav-item">
            <a class={`nav-link${i.key === current ? ' active' : ''}`} href={i.href} aria-current={i.key === current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
