import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageContext } from '../../../app.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { translator } from '../../../core/i18n/index.ts';
import { Layout, renderPage, type LayoutProps, type PageContext } from '../../../core/views/layout.tsx';
import type { Locale } from '../content/derive.ts';

export { loc } from '../content/derive.ts';

/** Run a read (or write) for the request's comune under row-level security. */
export function siteTx<T>(req: FastifyRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!req.tenant) throw httpProblem('not-found');
  return withTenantTx(req.server.ctx.db, req.tenant.id, fn);
}

export type Tr = (key: string, vars?: Record<string, string | number>) => string;

/** Render a public page of the site in the common layout. */
export function sendSitePage(
  req: FastifyRequest,
  reply: FastifyReply,
  props: Omit<LayoutProps, 'ctx' | 'children'>,
  body: (ctx: PageContext, tr: Tr) => ComponentChildren,
  status = 200,
): FastifyReply {
  const ctx = pageContext(req, reply);
  const tr = translator(ctx.locale);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(<Layout ctx={ctx} {...props}>{body(ctx, tr)}</Layout>));
}

/** Plain text with paragraphs separated by blank lines, as <p> elements. */
export function Paragraphs({ text, class: cls }: { text: string; class?: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class={cls}>{p}</p>
        ))}
    </>
  );
}

const dateFmt = (locale: Locale, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome', ...opts });

/** "5 dicembre 2026" / "5 December 2026". Accepts "YYYY-MM-DD", a local "YYYY-MM-DDTHH:MM" (Rome) or a Date. */
export function formatDate(locale: Locale, d: string | Date): string {
  if (typeof d === 'string') {
    const date = new Date(`${d.slice(0, 10)}T12:00:00Z`);
    return dateFmt(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return dateFmt(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "18:00" from a local "YYYY-MM-DDTHH:MM". */
export function formatTime(local: string): string {
  return local.slice(11, 16);
}

/** Page number from ?page=, 1-based, clamped. */
export function pageNumber(q: Record<string, string>): number {
  const n = Number.parseInt(q.page ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 10000 ? n : 1;
}
