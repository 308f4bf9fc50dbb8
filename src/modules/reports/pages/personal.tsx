import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, desc, eq, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { pageContext } from '../../../app.ts';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, translator, t, type Locale } from '../../../core/i18n/index.ts';
import { Layout, renderPage, type PageContext } from '../../../core/views/layout.tsx';
import { addPersonalAreaLink } from '../../../core/auth/personal-area.tsx';
import { statusTone } from '../domain.ts';
import { categoryName, listCategories } from '../categories.ts';
import { listReports } from '../repository.ts';
import { reportFollowers, reports } from '../schema.ts';
import it from './i18n/personal.it.json' with { type: 'json' };
import en from './i18n/personal.en.json' with { type: 'json' };

/**
 * Area personale › Le mie segnalazioni (/area-personale/segnalazioni): the reports the logged-in citizen sent and
 * those they follow, with number, title, state, date and a link to the public page. Login required.
 */

registerMessages({ it, en });

export const PERSONAL_PATH = '/area-personale/segnalazioni';
const MAX_ROWS = 200;

type Tr = (key: string, vars?: Record<string, string | number>) => string;

interface Row {
  number: number;
  title: string;
  status: string;
  categoryCode: string;
  createdAt: Date;
  updatedAt: Date;
}

function formatDate(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(d);
}

function ReportTable({ ctx, tr, rows, categories, caption, id }: { ctx: PageContext; tr: Tr; rows: Row[]; categories: Map<string, string>; caption: string; id: string }) {
  return (
    <div class="table-responsive">
      <table class="table" id={id}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('reports.personal.col.number')}</th>
            <th scope="col">{tr('reports.personal.col.title')}</th>
            <th scope="col">{tr('reports.personal.col.category')}</th>
            <th scope="col">{tr('reports.personal.col.status')}</th>
            <th scope="col">{tr('reports.personal.col.date')}</th>
            <th scope="col">{tr('reports.personal.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/segnalazioni/${r.number}`}>
                  <span class="visually-hidden">{tr('reports.personal.open')} </span>
                  {r.number}
                </a>
              </td>
              <th scope="row" class="fw-normal">
                <a href={`/segnalazioni/${r.number}`}>{r.title}</a>
              </th>
              <td>{categories.get(r.categoryCode) ?? r.categoryCode}</td>
              <td>
                <span class={`badge bg-${statusTone(r.status)}`}>{tr(`reports.personal.status.${r.status}`)}</span>
              </td>
              <td>{formatDate(ctx.locale, r.createdAt)}</td>
              <td>{formatDate(ctx.locale, r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function loadRows(req: FastifyRequest, citizenId: string) {
  const tenantId = req.tenant!.id;
  return withTenantTx(req.server.ctx.db, tenantId, async (tx) => {
    const own = await listReports(tx, { citizenId }, { limit: MAX_ROWS, offset: 0, order: 'newest' });
    const followed = await tx
      .select({ number: reports.number, title: reports.title, status: reports.status, categoryCode: reports.categoryCode, createdAt: reports.createdAt, updatedAt: reports.updatedAt })
      .from(reportFollowers)
      .innerJoin(reports, and(eq(reports.tenantId, reportFollowers.tenantId), eq(reports.id, reportFollowers.reportId)))
      .where(
        and(
          eq(reportFollowers.tenantId, tenantId),
          eq(reportFollowers.citizenId, citizenId),
          isNotNull(reportFollowers.citizenId),
          or(isNull(reports.citizenId), ne(reports.citizenId, citizenId)),
        ),
      )
      .orderBy(desc(reports.updatedAt))
      .limit(MAX_ROWS);
    const codes = [...new Set([...own.items, ...followed].map((r) => r.categoryCode))];
    const cats = codes.length ? (await listCategories(tx)).filter((c) => codes.includes(c.code)) : [];
    return { own: own.items as Row[], ownTotal: own.total, followed: followed as Row[], categories: new Map(cats.map((c) => [c.code, categoryName(c, req.locale)])) };
  });
}

export async function personalReportPages(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  addPersonalAreaLink({ href: PERSONAL_PATH, label: 'reports.personal.link', description: 'reports.personal.linkDescription' });

  app.get(PERSONAL_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!req.tenant) throw httpProblem('not-found');
    const actor = req.actor;
    if (actor.type === 'anonymous') throw httpProblem('unauthorized');
    if (actor.type !== 'citizen') throw httpProblem('forbidden');
    const data = await loadRows(req, actor.id);
    const ctx = pageContext(req, reply);
    const tr = translator(ctx.locale);
    const title = t(req.locale, 'reports.personal.title');
    reply.header('cache-control', 'no-store');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          <Layout ctx={ctx} title={title} breadcrumb={[{ href: '/area-personale', label: tr('reports.personal.area') }, { label: title }]}>
            <h1>{title}</h1>
            <p class="lead">{tr('reports.personal.lead')}</p>
            <p>
              <a class="btn btn-primary" href="/segnalazioni/nuova">
                {tr('reports.personal.new')}
              </a>
            </p>
            <section aria-labelledby="own-reports" class="mt-4">
              <h2 id="own-reports" class="h4">
                {tr('reports.personal.own', { n: data.ownTotal })}
              </h2>
              {data.own.length ? (
                <ReportTable ctx={ctx} tr={tr} rows={data.own} categories={data.categories} caption={tr('reports.personal.ownCaption')} id="own-reports-table" />
              ) : (
                <p>{tr('reports.personal.ownEmpty')}</p>
              )}
            </section>
            <section aria-labelledby="followed-reports" class="mt-4">
              <h2 id="followed-reports" class="h4">
                {tr('reports.personal.followed', { n: data.followed.length })}
              </h2>
              {data.followed.length ? (
                <ReportTable ctx={ctx} tr={tr} rows={data.followed} categories={data.categories} caption={tr('reports.personal.followedCaption')} id="followed-reports-table" />
              ) : (
                <p>{tr('reports.personal.followedEmpty')}</p>
              )}
            </section>
          </Layout>,
        ),
      );
  });
}
