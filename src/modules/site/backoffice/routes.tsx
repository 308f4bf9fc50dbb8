import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Layout, pageContext, renderPage } from '../../../app.ts';
import type { AppContext } from '../../../core/context.ts';
import { addAdminLink } from '../../../core/admin/index.ts';
import { staffOf } from '../../../core/admin/guard.ts';
import { Alert, Breadcrumb, CsrfField, formBody, queryOf, str } from '../../../core/auth/views.tsx';
import { httpProblem } from '../../../core/http/problem.ts';
import { registerMessages, t, translator, type Locale, type Translate } from '../../../core/i18n/index.ts';
import { requirePermission } from '../../../core/permissions/index.ts';
import { detectType } from '../../../core/storage/detect.ts';
import { formatBytes, storeMultipartFile } from '../../../core/storage/uploads.ts';
import type { PageContext } from '../../../core/views/layout.tsx';
import { siteTx } from '../pages/common.tsx';
import { slugify, titleOf } from '../content/derive.ts';
import { detailRenderer } from '../content/renderers.ts';
import { createContent, deleteContent, getEditable, isValidSlug, listEditable, publishContent, saveDraft, unpublishContent } from '../content/repository.ts';
import { CONTENT_TYPES, isContentType, type ContentDataMap, type ContentType, type EditableContent } from '../content/types.ts';
import { contentPath, RESERVED_SLUGS } from '../content/urls.ts';
import { fieldsOf, refTargets, type FieldDef } from './fields.ts';
import { ContentFields, errorAnchor, errorFieldLabel, errorMessage, type FormState } from './form.tsx';
import { formFiles, readMultipartForm, type FormFile } from '../../../core/storage/multipart-form.ts';
import { parseContent, rawStr, toRaw, type FieldError, type Raw } from './parse.ts';
import { countsByType, isUuid, refOptions, slugTaken, uploadInfo, type RefOption, type UploadInfo } from './queries.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/**
 * The editors' back office of the public site (/admin/sito…): every content type listed with its counts, a
 * list per type with search and status, one generic editing form per type (Italian and English side by
 * side, images with alternative text, PDFs, topics, opening hours), preview of the draft through the public
 * page's own renderer, publish, unpublish, delete. Every change goes through the content repository, which
 * records it in the audit log.
 */

const EDIT = 'site.content.edit';
const PUBLISH = 'site.content.publish';
const PAGE_SIZE = 20;
const BASE = '/admin/sito';

const NOTICES = ['creato', 'salvato', 'pubblicato', 'ritirato', 'eliminato', 'gia-ritirato'] as const;

type Action = 'draft' | 'publish' | 'preview';

function sendBoPage(req: FastifyRequest, reply: FastifyReply, title: string, body: (pc: PageContext, tr: Translate) => ComponentChildren, status = 200): FastifyReply {
  const pc = pageContext(req, reply);
  const tr = translator(pc.locale);
  reply.header('cache-control', 'no-store');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      renderPage(
        <Layout ctx={pc} title={title} scripts={['backoffice.js']}>
          {body(pc, tr)}
        </Layout>,
      ),
    );
}

const typeName = (locale: Locale, type: ContentType) => t(locale, `site.bo.type.${type}`);
const typeOne = (locale: Locale, type: ContentType) => t(locale, `site.bo.type.${type}.one`);

function formatWhen(locale: Locale, d: Date | null): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);
}

function StatusBadges({ item, tr }: { item: Pick<EditableContent, 'published' | 'changed'>; tr: Translate }) {
  if (!item.published) return <span class="badge bg-secondary">{tr('site.bo.status.draft')}</span>;
  return (
    <>
      <span class="badge bg-success me-1">{tr('site.bo.status.published')}</span>
      {item.changed ? <span class="badge bg-warning">{tr('site.bo.status.changed')}</span> : null}
    </>
  );
}

const itemTitle = (item: EditableContent) => titleOf(item.type, item.draft as never).it || item.slug;

function typeParam(req: FastifyRequest): ContentType {
  const type = (req.params as { type?: string }).type ?? '';
  if (!isContentType(type)) throw httpProblem('not-found');
  return type;
}

function publicPath(item: EditableContent): string | null {
  return item.published ? contentPath(item.type, item.slug, item.published as never) : null;
}

export async function backOffice(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerMessages({ it, en });
  addAdminLink({ href: BASE, label: 'site.bo.link', description: 'site.bo.linkText', permission: EDIT });

  const canEdit = requirePermission(EDIT);
  const canPublishGuard = requirePermission(PUBLISH);
  const may = (req: FastifyRequest, action: string) => ctx.permissions.can(req.actor, action);
  const audit = (req: FastifyRequest) => ({ tenantId: req.tenant!.id, actor: staffOf(req), requestId: req.id });

  async function loadItem(req: FastifyRequest, type: ContentType): Promise<EditableContent> {
    const id = (req.params as { id?: string }).id ?? '';
    if (!isUuid(id)) throw httpProblem('not-found');
    const item = await siteTx(req, (tx) => getEditable(tx, id));
    if (!item || item.type !== type) throw httpProblem('not-found');
    return item;
  }

  // ——— Dashboard ———

  app.get(BASE, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const counts = await siteTx(req, (tx) => countsByType(tx));
    const title = t(req.locale, 'site.bo.title');
    return sendBoPage(req, reply, title, (pc, tr) => {
      const other: Locale = pc.locale === 'it' ? 'en' : 'it';
      return (
        <>
          <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { label: title }]} />
          <h1>{title}</h1>
          <p class="lead">{tr('site.bo.intro')}</p>
          <div class="table-responsive">
            <table class="table table-striped align-middle">
              <caption>{tr('site.bo.dashboard.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('site.bo.dashboard.type')}</th>
                  <th scope="col" class="text-end">
                    {tr('site.bo.dashboard.published')}
                  </th>
                  <th scope="col" class="text-end">
                    {tr('site.bo.dashboard.drafts')}
                  </th>
                  <th scope="col" class="text-end">
                    {tr('site.bo.dashboard.changed')}
                  </th>
                  <th scope="col">{tr('site.bo.dashboard.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {CONTENT_TYPES.map((type) => {
                  const c = counts.get(type) ?? { total: 0, published: 0, drafts: 0, changed: 0 };
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`${BASE}/${type}`}>{typeName(pc.locale, type)}</a>
                        <span class="d-block small text-secondary" lang={other}>
                          {typeName(other, type)}
                        </span>
                      </th>
                      <td class="text-end">{c.published}</td>
                      <td class="text-end">{c.drafts}</td>
                      <td class="text-end">{c.changed}</td>
                      <td>
                        <a class="btn btn-sm btn-outline-primary me-2" href={`${BASE}/${type}`}>
                          {tr('site.bo.dashboard.list')}
                          <span class="visually-hidden"> {typeName(pc.locale, type)}</span>
                        </a>
                        <a class="btn btn-sm btn-primary" href={`${BASE}/${type}/nuovo`}>
                          {tr('site.bo.dashboard.new')}
                          <span class="visually-hidden"> – {typeOne(pc.locale, type)}</span>
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      );
    });
  });

  // ——— List of one type ———

  app.get(`${BASE}/:type`, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const type = typeParam(req);
    const query = queryOf(req);
    const q = (query.q ?? '').trim().slice(0, 100);
    const page = Math.min(Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1), 10_000);
    const { rows, total } = await siteTx(req, (tx) => listEditable(tx, type, { q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const title = typeName(req.locale, type);
    const notice = NOTICES.find((n) => n === query.fatto);
    const href = (p: number) => {
      const sp = new URLSearchParams();
      if (q) sp.set('q', q);
      if (p > 1) sp.set('page', String(p));
      const s = sp.toString();
      return `${BASE}/${type}${s ? `?${s}` : ''}`;
    };
    return sendBoPage(req, reply, title, (pc, tr) => (
      <>
        <Breadcrumb locale={pc.locale} items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('site.bo.title') }, { label: title }]} />
        <h1>{title}</h1>
        {notice ? <Alert kind="success">{tr(`site.bo.notice.${notice}`)}</Alert> : null}
        <p>
          <a class="btn btn-primary" href={`${BASE}/${type}/nuovo`}>
            {tr('site.bo.list.new', { type: typeOne(pc.locale, type) })}
          </a>
        </p>
        <form method="get" action={`${BASE}/${type}`} role="search" class="row g-3 align-items-end mb-4">
          <div class="col-md-8 col-lg-6">
            <div class="form-group mt-5 mb-0">
              <label for="bo-q" class="active">
                {tr('site.bo.list.search')}
              </label>
              <input type="search" id="bo-q" name="q" value={q} class="form-control" maxLength={100} />
            </div>
          </div>
          <div class="col-auto">
            <button type="submit" class="btn btn-outline-primary">
              {tr('site.bo.list.searchButton')}
            </button>
          </div>
        </form>
        <p role="status">{q ? tr('site.bo.list.foundQ', { n: total, q }) : tr('site.bo.list.found', { n: total })}</p>
        {rows.length ? (
          <div class="table-responsive">
            <table class="table table-striped align-middle">
              <caption class="visually-hidden">{tr('site.bo.list.caption', { type: title, page, pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('site.bo.list.title')}</th>
                  <th scope="col">{tr('site.bo.list.status')}</th>
                  <th scope="col">{tr('site.bo.list.updated')}</th>
                  <th scope="col">{tr('site.bo.dashboard.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const name = itemTitle(r);
                  const pub = publicPath(r);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`${BASE}/${type}/${r.id}`}>{name}</a>
                        <span class="d-block small text-secondary">{r.slug}</span>
                      </th>
                      <td>
                        <StatusBadges item={r} tr={tr} />
                      </td>
                      <td class="small">
                        {formatWhen(pc.locale, r.updatedAt)}
                        {r.updatedBy ? <span class="d-block text-secondary">{r.updatedBy}</span> : null}
                      </td>
                      <td>
                        <ul class="list-inline mb-0">
                          <li class="list-inline-item">
                            <a href={`${BASE}/${type}/${r.id}`}>
                              {tr('site.bo.list.edit')}
                              <span class="visually-hidden"> {name}</span>
                            </a>
                          </li>
                          <li class="list-inline-item">
                            <a href={`${BASE}/${type}/${r.id}/anteprima`}>
                              {tr('site.bo.list.preview')}
                              <span class="visually-hidden"> {name}</span>
                            </a>
                          </li>
                          {pub ? (
                            <li class="list-inline-item">
                              <a href={pub}>
                                {tr('site.bo.list.public')}
                                <span class="visually-hidden"> {name}</span>
                              </a>
                            </li>
                          ) : null}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {pages > 1 ? (
          <nav class="pagination-wrapper" aria-label={tr('site.bo.list.pagination')}>
            <ul class="pagination">
              {page > 1 ? (
                <li class="page-item">
                  <a class="page-link" href={href(page - 1)} rel="prev">
                    {tr('site.bo.list.prev')}
                  </a>
                </li>
              ) : null}
              <li class="page-item">
                <span class="page-link" aria-current="page">
                  {tr('site.bo.list.pageOf', { page, pages })}
                </span>
              </li>
              {page < pages ? (
                <li class="page-item">
                  <a class="page-link" href={href(page + 1)} rel="next">
                    {tr('site.bo.list.next')}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </>
    ));
  });

  // ——— The form ———

  interface FormView {
    type: ContentType;
    item: EditableContent | null;
    raw: Raw;
    errors: FieldError[];
    notice?: string | undefined;
  }

  /** Upload ids a form's raw values point at (current image and file, attachments). */
  function uploadIdsIn(type: ContentType, raw: Raw): string[] {
    const ids: string[] = [];
    for (const f of fieldsOf(type)) {
      if (f.kind === 'image' || f.kind === 'file') ids.push(rawStr(raw, `${f.path}.current`));
      if (f.kind === 'attachments') {
        const n = Math.min(Number.parseInt(rawStr(raw, `${f.path}.count`), 10) || 0, 200);
        for (let i = 0; i < n; i++) ids.push(rawStr(raw, `${f.path}.${i}.uploadId`));
      }
    }
    return ids.filter(Boolean);
  }

  async function formData(req: FastifyRequest, type: ContentType, raw: Raw): Promise<{ refs: Partial<Record<ContentType, RefOption[]>>; uploads: Map<string, UploadInfo> }> {
    return siteTx(req, async (tx) => {
      const refs: Partial<Record<ContentType, RefOption[]>> = {};
      for (const target of refTargets(type)) refs[target] = await refOptions(tx, target);
      const uploads = await uploadInfo(tx, req.tenant!.id, uploadIdsIn(type, raw));
      return { refs, uploads };
    });
  }

  async function sendForm(req: FastifyRequest, reply: FastifyReply, v: FormView, status = 200): Promise<FastifyReply> {
    const { refs, uploads } = await formData(req, v.type, v.raw);
    const { type, item } = v;
    const canPublish = may(req, PUBLISH);
    const title = item ? t(req.locale, 'site.bo.edit.title', { title: itemTitle(item) }) : t(req.locale, 'site.bo.new.title', { type: typeOne(req.locale, type) });
    const action = item ? `${BASE}/${type}/${item.id}` : `${BASE}/${type}/nuovo`;
    const s: FormState = { type, raw: v.raw, errors: v.errors, refs, uploads };
    return sendBoPage(
      req,
      reply,
      title,
      (pc, tr) => {
        const pub = item ? publicPath(item) : null;
        const slugErrors = v.errors.filter((e) => e.field === 'slug');
        return (
          <>
            <Breadcrumb
              locale={pc.locale}
              items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('site.bo.title') }, { href: `${BASE}/${type}`, label: typeName(pc.locale, type) }, { label: title }]}
            />
            <h1>{title}</h1>
            {v.notice ? <Alert kind="success">{tr(`site.bo.notice.${v.notice}`)}</Alert> : null}
            {v.errors.length ? (
              <div class="alert alert-danger" role="alert" id="bo-errors" tabindex={-1}>
                <h2 class="h5">{tr('site.bo.errors.title', { n: v.errors.length })}</h2>
                <ul class="mb-0">
                  {v.errors.map((e) => (
                    <li>
                      <a href={`#${errorAnchor(type, e.field)}`}>
                        {errorFieldLabel(tr, type, e.field)}: {errorMessage(tr, e)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {item ? (
              <div class="callout mb-5">
                <div class="callout-title">{tr('site.bo.edit.state')}</div>
                <p class="mb-1">
                  <StatusBadges item={item} tr={tr} />
                </p>
                <dl class="row small mb-0">
                  <dt class="col-sm-4">{tr('site.bo.slug')}</dt>
                  <dd class="col-sm-8">
                    <code>{item.slug}</code>
                  </dd>
                  <dt class="col-sm-4">{tr('site.bo.edit.publishedAt')}</dt>
                  <dd class="col-sm-8">{formatWhen(pc.locale, item.publishedAt)}</dd>
                  <dt class="col-sm-4">{tr('site.bo.edit.updatedAt')}</dt>
                  <dd class="col-sm-8">
                    {formatWhen(pc.locale, item.updatedAt)}
                    {item.updatedBy ? ` – ${item.updatedBy}` : ''}
                  </dd>
                </dl>
                <ul class="list-inline mt-2 mb-0">
                  <li class="list-inline-item">
                    <a href={`${BASE}/${type}/${item.id}/anteprima`}>{tr('site.bo.edit.previewLink')}</a>
                  </li>
                  {pub ? (
                    <li class="list-inline-item">
                      <a href={pub}>{tr('site.bo.edit.publicLink')}</a>
                    </li>
                  ) : null}
                </ul>
              </div>
            ) : null}
            <p class="small">{tr('site.bo.form.intro')}</p>
            <form method="post" action={action} enctype="multipart/form-data" novalidate data-bo-form="">
              <CsrfField ctx={pc} />
              {item ? null : (
                <div class="form-group mt-5 mb-5">
                  <label for="f-slug" class="active">
                    {tr('site.bo.slug')}
                  </label>
                  <input
                    type="text"
                    id="f-slug"
                    name="slug"
                    value={rawStr(v.raw, 'slug')}
                    class={`form-control${slugErrors.length ? ' is-invalid' : ''}`}
                    maxLength={80}
                    autocomplete="off"
                    aria-invalid={slugErrors.length ? 'true' : undefined}
                    aria-describedby={`f-slug-hint${slugErrors.length ? ' f-slug-error' : ''}`}
                  />
                  <small id="f-slug-hint" class="form-text">
                    {tr('site.bo.h.slug')}
                  </small>
                  {slugErrors.length ? (
                    <div id="f-slug-error" class="invalid-feedback d-block">
                      {slugErrors.map((e) => errorMessage(tr, e)).join(' ')}
                    </div>
                  ) : null}
                </div>
              )}
              <ContentFields s={s} tr={tr} />
              <div class="d-flex flex-wrap gap-2 border-top pt-4 mb-5">
                <button type="submit" name="action" value="draft" class="btn btn-primary">
                  {tr('site.bo.action.draft')}
                </button>
                {canPublish ? (
                  <button type="submit" name="action" value="publish" class="btn btn-success">
                    {tr('site.bo.action.publish')}
                  </button>
                ) : null}
                <button type="submit" name="action" value="preview" class="btn btn-outline-primary">
                  {tr('site.bo.action.preview')}
                </button>
              </div>
            </form>
            {item && canPublish ? (
              <section class="border-top pt-4 mb-5" aria-labelledby="bo-publishing">
                <h2 id="bo-publishing" class="h4">
                  {tr('site.bo.publishing.title')}
                </h2>
                <div class="d-flex flex-wrap gap-3">
                  {item.changed ? (
                    <form method="post" action={`${BASE}/${type}/${item.id}/pubblica`}>
                      <CsrfField ctx={pc} />
                      <button type="submit" class="btn btn-outline-success">
                        {item.published ? tr('site.bo.action.publishChanges') : tr('site.bo.action.publishDraft')}
                      </button>
                    </form>
                  ) : null}
                  {item.published ? (
                    <form method="post" action={`${BASE}/${type}/${item.id}/ritira`}>
                      <CsrfField ctx={pc} />
                      <button type="submit" class="btn btn-outline-danger">
                        {tr('site.bo.action.unpublish')}
                      </button>
                    </form>
                  ) : (
                    <a class="btn btn-outline-danger" href={`${BASE}/${type}/${item.id}/elimina`}>
                      {tr('site.bo.action.delete')}
                    </a>
                  )}
                </div>
                <p class="small mt-2 mb-0">{item.published ? tr('site.bo.publishing.unpublishText') : tr('site.bo.publishing.deleteText')}</p>
              </section>
            ) : null}
          </>
        );
      },
      status,
    );
  }

  app.get(`${BASE}/:type/nuovo`, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const type = typeParam(req);
    return sendForm(req, reply, { type, item: null, raw: toRaw(type, null), errors: [] });
  });

  app.get(`${BASE}/:type/:id`, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    const notice = NOTICES.find((n) => n === queryOf(req).fatto);
    return sendForm(req, reply, { type, item, raw: toRaw(type, item.draft), errors: [], notice });
  });

  /** Store the files of the form and point the raw values at them; upload problems become field errors. */
  async function storeFiles(req: FastifyRequest, type: ContentType, raw: Raw, files: FormFile[], errors: FieldError[]): Promise<void> {
    const defs = fieldsOf(type);
    const target = (name: string): { f: FieldDef; slot?: number } | null => {
      if (!name.endsWith('.file')) return null;
      const base = name.slice(0, -'.file'.length);
      for (const f of defs) {
        if ((f.kind === 'image' || f.kind === 'file') && f.path === base) return { f };
        if (f.kind === 'attachments') {
          const m = new RegExp(`^${f.path.replace(/\./g, '\\.')}\\.new(\\d+)$`).exec(base);
          if (m) return { f, slot: Number(m[1]) };
        }
      }
      return null;
    };
    const withFile = new Set<string>();
    for (const file of files) {
      const tg = target(file.field);
      if (!tg) continue;
      withFile.add(file.field);
      if (file.tooLarge) {
        errors.push({ field: file.field, message: 'upload.error.too-large', vars: { max: formatBytes(ctx.config.uploadMaxBytes) } });
        continue;
      }
      const pdf = tg.f.kind !== 'image';
      if (pdf && detectType(await file.toBuffer()) !== 'application/pdf') {
        errors.push({ field: file.field, message: 'site.bo.err.pdfOnly' });
        continue;
      }
      const r = await storeMultipartFile(req, file, pdf ? 'document' : 'image');
      if (!r.ok) {
        errors.push({ field: file.field, message: `upload.error.${r.error.code}`, ...(r.error.vars ? { vars: r.error.vars } : {}) });
        continue;
      }
      const p = tg.f.path;
      if (tg.slot === undefined) {
        raw[`${p}.current`] = r.value.id;
        delete raw[`${p}.remove`];
      } else {
        // A new attachment becomes a row of the list, with the title typed next to it.
        const n = Math.min(Number.parseInt(rawStr(raw, `${p}.count`), 10) || 0, 200);
        raw[`${p}.${n}.uploadId`] = r.value.id;
        for (const l of ['it', 'en']) {
          raw[`${p}.${n}.title.${l}`] = rawStr(raw, `${p}.new${tg.slot}.title.${l}`);
          delete raw[`${p}.new${tg.slot}.title.${l}`];
        }
        raw[`${p}.count`] = String(n + 1);
      }
    }
    // A title typed for a new attachment without its file would be lost: say so.
    for (const f of defs) {
      if (f.kind !== 'attachments') continue;
      for (const k of Object.keys(raw)) {
        const m = new RegExp(`^${f.path.replace(/\./g, '\\.')}\\.new(\\d+)\\.title\\.it$`).exec(k);
        if (m && rawStr(raw, k).trim() && !withFile.has(`${f.path}.new${m[1]}.file`)) errors.push({ field: `${f.path}.new${m[1]}.file`, message: 'site.bo.err.fileMissing' });
      }
    }
  }

  async function save(req: FastifyRequest, reply: FastifyReply, type: ContentType, item: EditableContent | null): Promise<FastifyReply> {
    const body = formBody(req);
    const a = str(body.action);
    const action: Action = a === 'publish' || a === 'preview' ? a : 'draft';
    if (action === 'publish' && !may(req, PUBLISH)) throw httpProblem('forbidden');
    const raw: Raw = { ...body };
    delete raw._csrf;
    delete raw.action;
    const errors: FieldError[] = [];
    await storeFiles(req, type, raw, formFiles(req), errors);

    const { refs, uploads } = await formData(req, type, raw);
    const refSets: Partial<Record<ContentType, Set<string>>> = {};
    for (const [k, list] of Object.entries(refs)) refSets[k as ContentType] = new Set(list.map((o) => o.slug));
    const parsed = parseContent(type, raw, { refs: refSets, uploads: new Map([...uploads].map(([id, u]) => [id, u.contentType])) }, item?.draft ?? null);
    errors.push(...parsed.errors);

    let slug = item?.slug ?? '';
    if (!item) {
      const typed = rawStr(raw, 'slug').trim();
      slug = typed || slugify(titleOf(type, parsed.data as never)?.it ?? '');
      if (!slug) {
        if (!errors.length) errors.push({ field: 'slug', message: 'site.bo.err.slugEmpty' });
      } else if (!isValidSlug(slug)) {
        errors.push({ field: 'slug', message: 'site.bo.err.slugInvalid' });
      } else if (RESERVED_SLUGS[type]?.includes(slug)) {
        errors.push({ field: 'slug', message: 'site.bo.err.slugReserved' });
      } else if (await siteTx(req, (tx) => slugTaken(tx, type, slug))) {
        errors.push({ field: 'slug', message: typed ? 'site.bo.err.slugTaken' : 'site.bo.err.slugTakenDerived', vars: { slug } });
      }
    }
    if (errors.length) return sendForm(req, reply, { type, item, raw, errors }, 400);

    const data = parsed.data as ContentDataMap[ContentType];
    const res = await siteTx(req, async (tx) => {
      if (!item) return createContent(tx, audit(req), { type, slug, data, publish: action === 'publish' });
      const saved = await saveDraft(tx, audit(req), item.id, data);
      if (!saved.ok || action !== 'publish') return saved;
      return publishContent(tx, audit(req), item.id);
    });
    if (!res.ok) {
      if (res.error.code === 'not-found') throw httpProblem('not-found');
      return sendForm(req, reply, { type, item, raw, errors: [{ field: 'slug', message: res.error.code === 'slug-taken' ? 'site.bo.err.slugTaken' : 'site.bo.err.slugInvalid', vars: { slug } }] }, 400);
    }
    const id = res.value.id;
    if (action === 'preview') return reply.redirect(`${BASE}/${type}/${id}/anteprima`, 303);
    const notice = action === 'publish' ? 'pubblicato' : item ? 'salvato' : 'creato';
    return reply.redirect(`${BASE}/${type}/${id}?fatto=${notice}`, 303);
  }

  // The multipart form is read before the CSRF check (a preHandler), so its `_csrf` field is checked like any other.
  app.post(`${BASE}/:type/nuovo`, { schema: { hide: true }, preValidation: [canEdit, readMultipartForm] }, async (req, reply) => {
    const type = typeParam(req);
    return save(req, reply, type, null);
  });

  app.post(`${BASE}/:type/:id`, { schema: { hide: true }, preValidation: [canEdit, readMultipartForm] }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    return save(req, reply, type, item);
  });

  // ——— Preview ———

  app.get(`${BASE}/:type/:id/anteprima`, { schema: { hide: true }, preHandler: canEdit }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    const render = detailRenderer(type);
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
    if (!render) {
      const title = t(req.locale, 'site.bo.preview.unavailableTitle');
      return sendBoPage(req, reply, title, (pc, tr) => (
        <>
          <Breadcrumb
            locale={pc.locale}
            items={[{ href: '/admin', label: tr('admin.home.title') }, { href: BASE, label: tr('site.bo.title') }, { href: `${BASE}/${type}`, label: typeName(pc.locale, type) }, { label: title }]}
          />
          <h1>{title}</h1>
          <Alert kind="info">{tr('site.bo.preview.unavailable', { type: typeOne(pc.locale, type) })}</Alert>
          <a class="btn btn-primary" href={`${BASE}/${type}/${item.id}`}>
            {tr('site.bo.preview.back')}
          </a>
        </>
      ));
    }
    return render(req, reply, { id: item.id, type, slug: item.slug, data: item.draft, publishedAt: item.publishedAt, updatedAt: item.updatedAt }, { preview: true });
  });

  // ——— Publish, unpublish, delete ———

  app.post(`${BASE}/:type/:id/pubblica`, { schema: { hide: true }, preHandler: canPublishGuard }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    const r = await siteTx(req, (tx) => publishContent(tx, audit(req), item.id));
    if (!r.ok) throw httpProblem('not-found');
    return reply.redirect(`${BASE}/${type}/${item.id}?fatto=pubblicato`, 303);
  });

  app.post(`${BASE}/:type/:id/ritira`, { schema: { hide: true }, preHandler: canPublishGuard }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    const r = await siteTx(req, (tx) => unpublishContent(tx, audit(req), item.id));
    if (!r.ok && r.error.code === 'not-found') throw httpProblem('not-found');
    return reply.redirect(`${BASE}/${type}/${item.id}?fatto=${r.ok ? 'ritirato' : 'gia-ritirato'}`, 303);
  });

  const deletePage = (req: FastifyRequest, reply: FastifyReply, type: ContentType, item: EditableContent, status = 200) => {
    const name = itemTitle(item);
    const title = t(req.locale, 'site.bo.delete.title', { title: name });
    return sendBoPage(
      req,
      reply,
      title,
      (pc, tr) => (
        <>
          <Breadcrumb
            locale={pc.locale}
            items={[
              { href: '/admin', label: tr('admin.home.title') },
              { href: BASE, label: tr('site.bo.title') },
              { href: `${BASE}/${type}`, label: typeName(pc.locale, type) },
              { href: `${BASE}/${type}/${item.id}`, label: name },
              { label: tr('site.bo.action.delete') },
            ]}
          />
          <h1>{title}</h1>
          {item.published ? (
            <>
              <Alert kind="warning">{tr('site.bo.delete.published')}</Alert>
              <a class="btn btn-primary" href={`${BASE}/${type}/${item.id}`}>
                {tr('site.bo.preview.back')}
              </a>
            </>
          ) : (
            <>
              <p class="lead">{tr('site.bo.delete.confirm', { title: name, type: typeOne(pc.locale, type).toLowerCase() })}</p>
              <form method="post" action={`${BASE}/${type}/${item.id}/elimina`} class="d-flex flex-wrap gap-3">
                <CsrfField ctx={pc} />
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" class="btn btn-danger">
                  {tr('site.bo.delete.button')}
                </button>
                <a class="btn btn-outline-secondary" href={`${BASE}/${type}/${item.id}`}>
                  {tr('site.bo.delete.cancel')}
                </a>
              </form>
            </>
          )}
        </>
      ),
      status,
    );
  };

  app.get(`${BASE}/:type/:id/elimina`, { schema: { hide: true }, preHandler: canPublishGuard }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    return deletePage(req, reply, type, item);
  });

  app.post(`${BASE}/:type/:id/elimina`, { schema: { hide: true }, preHandler: canPublishGuard }, async (req, reply) => {
    const type = typeParam(req);
    const item = await loadItem(req, type);
    if (str(formBody(req).confirm) !== 'yes') return deletePage(req, reply, type, item, 400);
    const r = await siteTx(req, (tx) => deleteContent(tx, audit(req), item.id));
    if (!r.ok) {
      if (r.error.code === 'not-found') throw httpProblem('not-found');
      return deletePage(req, reply, type, item, 409);
    }
    return reply.redirect(`${BASE}/${type}?fatto=eliminato`, 303);
  });
}
