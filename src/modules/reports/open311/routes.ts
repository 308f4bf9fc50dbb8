/**
 * Open311 GeoReport v2 server under /open311/v2/ (issue 4 §6; facts and traps: shared/STANDARDS.md §1).
 *
 * Every resource in XML (mandatory) and JSON, errors included (`<errors><error>…` / `[{code, description}]`, HTTP
 * 400, 403 or 404 only — plus 429 when rate-limited and 500 on our own failures). The comune is the tenant of the
 * Host; `jurisdiction_id` is optional and must name that comune (one of its hosts, or its slug), else 404.
 *
 * Choices (documented in open311/README.md):
 * - services are `realtime`: POST requests answers with `service_request_id` (the public report number) at once.
 *   GET tokens/{token} therefore has no pending tokens; a token equal to a request id resolves to that id, any
 *   other token is a 404 whose description explains this;
 * - datetimes are written in UTC with `Z` (STANDARDS.md trap 3);
 * - GET requests without `page_size` (or FixMyStreet's `max_requests`) answers the spec's default: the last 90 days,
 *   at most 1000 requests, newest first; `page`/`page_size` (1-based, at most 1000) page through a search;
 * - the machine endpoints skip CSRF (core/auth/plugin.ts treats /open311/ as API-key authenticated), carry no
 *   session, and are hidden from the OpenAPI document (it describes JSON only; Open311 has its own specification).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { withTenantTx, type Tx } from '../../../core/db/client.ts';
import { HttpProblem } from '../../../core/http/problem.ts';
import type { Tenant } from '../../../core/tenancy/types.ts';
import { LIMITS, isReportStatus } from '../domain.ts';
import { createReport } from '../repository.ts';
import { formatW3cDateTime } from './datetime.ts';
import {
  renderDiscovery,
  renderErrors,
  renderFailure,
  renderPostResponse,
  renderRequest,
  renderRequests,
  renderServiceDefinition,
  renderServices,
  renderTokens,
  splitFormat,
  type FormatOptions,
  type Open311Response,
} from './format.ts';
import { verifyApiKey } from './keys.ts';
import { reportToRequest, type ReportHistoryEntry, type ReportView } from './map.ts';
import { MAX_IDS, MAX_PAGE_SIZE, parseGetRequests, parsePostRequest, parseSimpleGet } from './params.ts';
import { listCategories } from '../categories.ts';
import { categoriesChangeset, publicHistory, publicPhotos, publicReportByNumber, searchPublicReports, type PublicReport } from './queries.ts';
import { categoryService } from './services.ts';
import { OPEN311_BASE, jurisdictionIds, photoPath, tenantOrigin } from './urls.ts';
import { GEOREPORT_V2_SPECIFICATION, OPEN311_CONTENT_TYPES, piazzaStatusesFor, type Open311Format, type Open311ServiceDefinition, type PiazzaReportStatus } from './types.ts';

export { OPEN311_BASE } from './urls.ts';

/** POST requests per minute and client address (the global limit applies to everything else). */
export const OPEN311_POST_PER_MINUTE = 60;

const FORMAT_OPTIONS: FormatOptions = { timeZone: 'UTC' };
const NUMBER = /^[1-9]\d{0,8}$/;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** The format a failing request asked for (JSON when its path ends in .json), XML otherwise (the mandatory one). */
function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

function send(reply: FastifyReply, res: Open311Response, status: number = res.status): FastifyReply {
  return reply.code(status).type(res.contentType).header('cache-control', 'no-store').send(res.body);
}

function fail(reply: FastifyReply, status: 400 | 403 | 404, description: string, format: Open311Format): FastifyReply {
  return send(reply, renderErrors(status, [{ code: status, description }], format));
}

function tenantOf(req: FastifyRequest): Tenant {
  // The core's onRequest hook answers for unknown hosts before any route runs.
  if (!req.tenant) throw new HttpProblem({ type: '/problems/unknown-tenant', title: 'Unknown comune', status: 404 });
  return req.tenant;
}

/** Route-level error handler: body-parser errors, rate limits and our own failures in the Open311 error format. */
function open311ErrorHandler(this: FastifyInstance, error: FastifyError | HttpProblem, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format = formatOfUrl(req.url);
  const status = error instanceof HttpProblem ? error.problem.status : typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 429) {
    if (!reply.getHeader('retry-after')) reply.header('retry-after', '60');
    return send(reply, renderErrors(400, [{ code: 429, description: 'Too many requests: slow down and retry after the number of seconds in Retry-After' }], format), 429);
  }
  if (status >= 500) {
    req.log.error({ err: error }, 'open311 request failed');
    return send(reply, renderErrors(400, [{ code: 500, description: `Internal error; request id ${req.id}` }], format), status === 503 ? 503 : 500);
  }
  if (status === 404 || status === 403) return fail(reply, status, error.message || 'not found', format);
  // Malformed or unsupported bodies (invalid JSON, unknown content type, too large…) are 400 for Open311.
  return fail(reply, 400, error.message || 'bad request', format);
}

// ---------------------------------------------------------------------------------------------------------------
// Report → Open311 request

interface CategoryNames {
  name(code: string): string | null;
}

function toView(r: PublicReport, categories: CategoryNames, origin: string, photos: { id: string; createdAt: Date }[], history?: ReportHistoryEntry[]): ReportView {
  const status = r.status as PiazzaReportStatus;
  return {
    id: String(r.number),
    status,
    statusNotes: r.publicReply,
    category: { code: r.categoryCode, name: categories.name(r.categoryCode) ?? r.categoryCode },
    title: r.title,
    description: r.description,
    office: r.officeName,
    serviceNotice: null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt ?? r.resolvedAt,
    expectedAt: r.dueAt,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    photos: photos.map((p) => ({ url: `${origin}${photoPath(r.number, p.id)}`, createdAt: p.createdAt })),
    channel: r.source,
    ...(history ? { history } : {}),
  };
}

function historyEntries(events: { at: Date; toStatus: string | null; publicReply: string | null }[]): ReportHistoryEntry[] {
  let current: PiazzaReportStatus = 'submitted';
  const out: ReportHistoryEntry[] = [];
  for (const e of events) {
    if (e.toStatus && isReportStatus(e.toStatus)) current = e.toStatus;
    out.push({ at: e.at, status: current, publicNote: e.publicReply });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

export async function open311Routes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const base = { schema: { hide: true }, errorHandler: open311ErrorHandler } as const;

  const loadCategories = async (tenantId: string) => {
    const active = await withTenantTx(ctx.db, tenantId, (tx) => listCategories(tx, { activeOnly: true }));
    return { active };
  };

  /** Reports → Open311 requests, with their first public photo (all photos and the history with extensions). */
  const toRequests = async (tx: Tx, tenant: Tenant, rows: PublicReport[], extensions: boolean) => {
    const valid = rows.filter((r) => isReportStatus(r.status));
    const ids = valid.map((r) => r.id);
    const photos = await publicPhotos(tx, ids, { firstOnly: !extensions });
    const history = extensions ? await publicHistory(tx, ids) : null;
    const byCode = new Map((await listCategories(tx)).map((c) => [c.code, c.nameIt]));
    const names = { name: (code: string) => byCode.get(code) ?? null };
    const origin = tenantOrigin(ctx.config.baseUrl, tenant);
    return valid.map((r) =>
      reportToRequest(toView(r, names, origin, photos.get(r.id) ?? [], history ? historyEntries(history.get(r.id) ?? []) : undefined), { extensions }),
    );
  };

  const corsGet = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

  // GET discovery.{fmt} | services.{fmt} | requests.{fmt}
  app.get(`${OPEN311_BASE}/:file`, base, async (req, reply) => {
    const f = splitFormat((req.params as { file: string }).file);
    const format = f?.format ?? formatOfUrl(req.url);
    if (!f) return fail(reply, 404, 'Not found: resources end in .xml or .json', format);
    const tenant = tenantOf(req);
    const query = (req.query ?? {}) as Record<string, unknown>;
    corsGet(reply);

    if (f.name === 'discovery') {
      const changed = await withTenantTx(ctx.db, tenant.id, (tx) => categoriesChangeset(tx));
      const origin = tenantOrigin(ctx.config.baseUrl, tenant);
      const changeset = formatW3cDateTime(changed ?? new Date(0), 'UTC');
      const contacts = tenant.settings.contacts ?? {};
      const contact = [tenant.name, contacts.email, contacts.phone, contacts.address].filter(Boolean).join(' — ');
      return send(
        reply,
        renderDiscovery(
          {
            changeset,
            contact,
            key_service: `Le chiavi API per le app sono rilasciate dal Comune${contacts.email ? ` (scrivere a ${contacts.email})` : ''}. API keys for apps are issued by the comune${contacts.email ? ` (write to ${contacts.email})` : ''}.`,
            endpoints: [
              {
                specification: GEOREPORT_V2_SPECIFICATION,
                url: `${origin}${OPEN311_BASE}`,
                changeset,
                type: ctx.config.isProduction ? 'production' : 'test',
                formats: [OPEN311_CONTENT_TYPES.xml.split(';')[0]!, OPEN311_CONTENT_TYPES.json.split(';')[0]!],
              },
            ],
          },
          f.format,
        ),
      );
    }

    if (f.name === 'services') {
      const parsed = parseSimpleGet(query, jurisdictionIds(tenant));
      if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
      const { active } = await loadCategories(tenant.id);
      return send(reply, renderServices(active.map(categoryService), f.format));
    }

    if (f.name === 'requests') {
      const parsed = parseGetRequests(query, { now: new Date(), jurisdictionIds: jurisdictionIds(tenant) });
      if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
      const q = parsed.value;
      const given = (name: string) => {
        const v = query[name];
        return typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) && v.some((x) => typeof x === 'string' && x.trim() !== '');
      };
      const requests = await withTenantTx(ctx.db, tenant.id, async (tx) => {
        let rows: PublicReport[];
        if (q.kind === 'ids') {
          // service_request_id overrides every other filter; ids that are not report numbers simply match nothing.
          const numbers = q.ids.filter((id) => NUMBER.test(id)).map(Number);
          rows = await searchPublicReports(tx, { numbers, limit: MAX_IDS, offset: 0 });
        } else {
          // The spec's default: "the last 90 days or the first 1000 requests, whichever is smaller".
          const limit = given('page_size') || given('max_requests') ? q.pageSize : MAX_PAGE_SIZE;
          const statuses = q.statuses ? q.statuses.flatMap((s) => piazzaStatusesFor(s)) : null;
          rows = await searchPublicReports(tx, {
            categories: q.serviceCodes,
            statuses,
            from: q.start,
            to: q.end,
            offices: q.agencyResponsible,
            hasPhoto: q.hasPhoto,
            limit,
            offset: (q.page - 1) * limit,
          });
        }
        return toRequests(tx, tenant, rows, q.extensions);
      });
      return send(reply, renderRequests(requests, f.format, FORMAT_OPTIONS));
    }

    return fail(reply, 404, `Not found: ${f.name}`, f.format);
  });

  // GET services/{code}.{fmt}: the service definition (no extra attributes: every service has metadata false).
  app.get(`${OPEN311_BASE}/services/:file`, base, async (req, reply) => {
    const f = splitFormat((req.params as { file: string }).file);
    const format = f?.format ?? formatOfUrl(req.url);
    if (!f) return fail(reply, 404, 'Not found: resources end in .xml or .json', format);
    const tenant = tenantOf(req);
    corsGet(reply);
    const parsed = parseSimpleGet((req.query ?? {}) as Record<string, unknown>, jurisdictionIds(tenant));
    if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
    const { active } = await loadCategories(tenant.id);
    const category = active.find((c) => c.code === f.name);
    if (!category) return fail(reply, 404, `service_code ${f.name} not found`, f.format);
    const definition: Open311ServiceDefinition = { service_code: category.code, attributes: [] };
    return send(reply, renderServiceDefinition(definition, f.format));
  });

  // GET requests/{id}.{fmt}: a list of one request.
  app.get(`${OPEN311_BASE}/requests/:file`, base, async (req, reply) => {
    const f = splitFormat((req.params as { file: string }).file);
    const format = f?.format ?? formatOfUrl(req.url);
    if (!f) return fail(reply, 404, 'Not found: resources end in .xml or .json', format);
    const tenant = tenantOf(req);
    corsGet(reply);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const parsed = parseSimpleGet(query, jurisdictionIds(tenant));
    if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
    const extensions = query.extensions === 'true' || query.extensions === '1';
    const request = NUMBER.test(f.name)
      ? await withTenantTx(ctx.db, tenant.id, async (tx) => {
          const row = await publicReportByNumber(tx, Number(f.name));
          return row ? ((await toRequests(tx, tenant, [row], extensions))[0] ?? null) : null;
        })
      : null;
    if (!request) return fail(reply, 404, `service_request_id ${f.name} not found`, f.format);
    return send(reply, renderRequest(request, f.format, FORMAT_OPTIONS));
  });

  // GET tokens/{token}.{fmt}: services are realtime, so there are no pending tokens (see the header comment).
  app.get(`${OPEN311_BASE}/tokens/:file`, base, async (req, reply) => {
    const f = splitFormat((req.params as { file: string }).file);
    const format = f?.format ?? formatOfUrl(req.url);
    if (!f) return fail(reply, 404, 'Not found: resources end in .xml or .json', format);
    const tenant = tenantOf(req);
    corsGet(reply);
    const parsed = parseSimpleGet((req.query ?? {}) as Record<string, unknown>, jurisdictionIds(tenant));
    if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
    const row = NUMBER.test(f.name) ? await withTenantTx(ctx.db, tenant.id, (tx) => publicReportByNumber(tx, Number(f.name))) : null;
    if (!row) {
      return fail(
        reply,
        404,
        `token ${f.name.slice(0, 64)} not found: every service here is realtime, so POST requests returns the service_request_id at once and issues no tokens (a token equal to a service_request_id resolves to it)`,
        f.format,
      );
    }
    return send(reply, renderTokens([{ service_request_id: String(row.number), token: f.name }], f.format));
  });

  // POST requests.{fmt}: a new report from an app (application/x-www-form-urlencoded, api_key required).
  app.post(
    `${OPEN311_BASE}/:file`,
    { ...base, config: { rateLimit: { max: Math.min(OPEN311_POST_PER_MINUTE, ctx.config.rateLimitPerMinute), timeWindow: 60_000 } } },
    async (req, reply) => {
      const f = splitFormat((req.params as { file: string }).file);
      const format = f?.format ?? formatOfUrl(req.url);
      if (!f || f.name !== 'requests') return fail(reply, 404, 'Not found: POST goes to requests.xml or requests.json', format);
      const tenant = tenantOf(req);

      // The key is checked against the database first; the parser then sees whether it was valid.
      const body = req.body;
      const rawKey = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).api_key : undefined;
      const presented = typeof rawKey === 'string' ? rawKey.trim() : null;
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const isForm = mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';
      const key = presented && isForm ? await verifyApiKey(ctx, tenant.id, presented) : null;

      const { active } = await loadCategories(tenant.id);
      const services = new Map<string, Open311ServiceDefinition | null>(active.map((c) => [c.code, null]));
      const parsed = parsePostRequest(
        { contentType: req.headers['content-type'], body },
        { jurisdictionIds: jurisdictionIds(tenant), isValidApiKey: (k) => key !== null && k === presented, services },
      );
      if (!parsed.ok) return send(reply, renderFailure(parsed.failure, f.format));
      const input = parsed.value;
      const category = active.find((c) => c.code === input.serviceCode)!;

      let lat: number | null = null;
      let lon: number | null = null;
      let address: string | null = null;
      switch (input.location.kind) {
        case 'point':
          lat = input.location.lat;
          lon = input.location.long;
          address = input.location.addressString;
          break;
        case 'address':
          address = input.location.addressString;
          break;
        case 'address_id':
          return fail(reply, 400, 'address_id is not known to this server: send lat and long, or address_string', f.format);
      }
      if (address !== null && [...address].length > LIMITS.address) {
        return fail(reply, 400, `address_string is longer than ${LIMITS.address} characters`, f.format);
      }

      const description = input.description?.trim() ? input.description.trim() : category.nameIt;
      const s = input.submitter;
      const name = [s.firstName, s.lastName].filter(Boolean).join(' ').slice(0, LIMITS.name) || null;
      const created = await createReport(
        ctx,
        tenant.id,
        {
          categoryCode: category.code,
          title: titleFrom(input.description, category.nameIt),
          description,
          lat,
          lon,
          address,
          source: 'open311',
          apiKeyId: key!.id,
          locale: 'it',
          reporterName: name,
          reporterEmail: s.email,
          reporterPhone: s.phone,
          follow: s.email !== null,
        },
        { tenantId: tenant.id, actor: { type: 'anonymous' }, requestId: req.id },
      );
      if (!created.ok) {
        const e = created.error;
        const what = e.message ?? e.code;
        return fail(reply, 400, e.field ? `${e.field}: ${what}` : what, f.format);
      }
      const number = created.value.number;
      const origin = tenantOrigin(ctx.config.baseUrl, tenant);
      const notices = [`Segnalazione n. ${number} ricevuta: ${origin}/segnalazioni/${number}`];
      if (input.mediaUrl) notices.push('media_url non acquisito: le foto si allegano dal sito del Comune');
      return send(reply, renderPostResponse({ service_request_id: String(number), service_notice: notices.join('. '), account_id: null }, f.format));
    },
  );

  // The bare base URL points at the discovery document (the stable entry point for clients).
  app.get(OPEN311_BASE, { schema: { hide: true } }, async (_req, reply) => reply.redirect(`${OPEN311_BASE}/discovery.xml`, 302));

  // Anything else under /open311/v2/ is an Open311 404, in the format the path asks for.
  app.all(`${OPEN311_BASE}/*`, base, async (req, reply) => fail(reply, 404, `No resource ${req.method} ${req.url.split('?')[0]}`, formatOfUrl(req.url)));
}

/** A report title from the first line of the description (cut at a word), or the service name. */
export function titleFrom(description: string | null, serviceName: string): string {
  const line = (description ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  // Too short to say anything (the repository wants at least 3 characters): the service name instead.
  if (!line || [...line].length < 3) return serviceName;
  const chars = [...line];
  if (chars.length <= LIMITS.title) return line;
  const cut = chars.slice(0, LIMITS.title - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > LIMITS.title / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
