import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { AppContext } from '../context.ts';
import type { Config } from '../config/index.ts';
import type { TenantSettings } from '../db/schema.ts';
import type { Tenant } from '../tenancy/types.ts';
import { httpProblem } from '../http/problem.ts';
import { t } from '../i18n/index.ts';
import { startSession, updateSessionData } from './sessions.ts';
import { safeNext } from './safe-redirect.ts';
import { isValidTaxCode, normaliseTaxCode, TAX_CODE_REGEX } from './tax-code.ts';
import { upsertCitizen, type VerifiedIdentity } from './citizens.ts';
import { renderLoginProblem } from './views.tsx';

/**
 * SPID/CIE login through an OpenID Connect provider (usually a SPID/CIE proxy), configured per comune in
 * `tenants.settings.oidc`. Authorisation code flow with PKCE (S256), `state` and `nonce`.
 *
 * The login in flight (state, nonce, PKCE verifier, redirect URI, `next`) lives server-side in an anonymous
 * session started by /auth/oidc/start (`startSession(…, 'anonymous', null, { oidc })`): nothing secret goes to the
 * browser but the opaque session cookie. The callback consumes it once, then `startSession` rotates the session id
 * for the citizen. A flow older than FLOW_MAX_AGE_MS is refused.
 */

export type OidcSettings = NonNullable<TenantSettings['oidc']>;

export const FLOW_MAX_AGE_MS = 10 * 60 * 1000;
const DEFAULT_SCOPES = ['openid', 'profile', 'email'];
/** Claim names that carry the tax code, tried after the configured one. SPID's OIDC profile uses the URI form. */
const TAX_CODE_CLAIMS = ['fiscalNumber', 'fiscal_number', 'https://attributes.eid.gov.it/fiscal_number', 'tax_code', 'taxCode', 'codice_fiscale'];
const GIVEN_NAME_CLAIMS = ['given_name', 'givenName'];
const FAMILY_NAME_CLAIMS = ['family_name', 'familyName'];
const EMAIL_CLAIMS = ['email'];

interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  next: string;
  issuer: string;
  startedAt: number;
}

export function oidcSettingsOf(tenant: Tenant): OidcSettings | null {
  const s = tenant.settings.oidc;
  if (!s || typeof s.issuer !== 'string' || typeof s.clientId !== 'string' || !s.issuer || !s.clientId) return null;
  return s;
}

// ── Claims ──────────────────────────────────────────────────────────────────────────────────────────────────────

function firstString(claims: Record<string, unknown>, names: (string | undefined)[]): string | null {
  for (const n of names) {
    if (!n) continue;
    const v = claims[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

export type ClaimsError = 'missing-tax-code' | 'invalid-tax-code';

/**
 * Map the provider's claims to a citizen identity. The tax code comes from the configured claim or a known one
 * (`fiscalNumber` as SPID sends it, "TINIT-RSSMRA80A01H501U", loses its prefix). A code with a wrong check
 * character is accepted with a warning flag — the identity provider is authoritative — but a code that is not
 * 16 characters of the right shape is refused.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'claims'>,
): { ok: true; value: Omit<VerifiedIdentity, 'provider'> & { checkCharMismatch: boolean } } | { ok: false; error: ClaimsError } {
  const map = settings.claims ?? {};
  const raw = firstString(claims, [map.taxCode, ...TAX_CODE_CLAIMS]);
  if (!raw) return { ok: false, error: 'missing-tax-code' };
  const taxCode = normaliseTaxCode(raw);
  if (!TAX_CODE_REGEX.test(taxCode)) return { ok: false, error: 'invalid-tax-code' };
  return {
    ok: true,
    value: {
      taxCode,
      givenName: firstString(claims, [map.givenName, ...GIVEN_NAME_CLAIMS]),
      familyName: firstString(claims, [map.familyName, ...FAMILY_NAME_CLAIMS]),
      email: firstString(claims, [map.email, ...EMAIL_CLAIMS]),
      checkCharMismatch: !isValidTaxCode(taxCode),
    },
  };
}

// ── Client configuration ────────────────────────────────────────────────────────────────────────────────────────

export class OidcConfigError extends Error {
  override name = 'OidcConfigError';
}

const LOCAL_ISSUER_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain-http issuers are allowed only on this machine and never in production (tests, a local proxy). */
export function allowsInsecureIssuer(issuer: URL, config: Pick<Config, 'isProduction'>): boolean {
  return issuer.protocol === 'http:' && LOCAL_ISSUER_HOSTS.has(issuer.hostname) && !config.isProduction;
}

const CONFIG_TTL_MS = 10 * 60 * 1000;
const configCache = new Map<string, { at: number; value: Promise<oidc.Configuration> }>();

/** Discover the provider (cached for 10 minutes per issuer, client and secret). */
export async function clientConfiguration(settings: OidcSettings, config: Pick<Config, 'isProduction'>, env: NodeJS.ProcessEnv = process.env): Promise<oidc.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch {
    throw new OidcConfigError(`oidc.issuer ${JSON.stringify(settings.issuer)} is not a URL`);
  }
  const insecure = allowsInsecureIssuer(issuer, config);
  if (issuer.protocol !== 'https:' && !insecure) throw new OidcConfigError(`oidc.issuer must be an https URL (got ${issuer.origin})`);
  let secret: string | undefined;
  if (settings.clientSecretEnv) {
    secret = env[settings.clientSecretEnv];
    if (!secret) throw new OidcConfigError(`environment variable ${settings.clientSecretEnv} (oidc.clientSecretEnv) is not set`);
  }
  const key = [issuer.href, settings.clientId, settings.clientSecretEnv ?? '', secret ? createHash('sha256').update(secret).digest('hex') : '', insecure].join('|');
  const hit = configCache.get(key);
  if (hit && Date.now() - hit.at < CONFIG_TTL_MS) return hit.value;
  const value = oidc.discovery(issuer, settings.clientId, secret ? { client_secret: secret } : undefined, secret ? oidc.ClientSecretBasic(secret) : oidc.None(), {
    timeout: 10,
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  configCache.set(key, { at: Date.now(), value });
  value.catch(() => configCache.delete(key));
  return value;
}

/** The redirect URI of this comune: BASE_URL's scheme and the Host the request came to (one of the comune's hosts). */
export function callbackUrl(req: FastifyRequest, config: Pick<Config, 'baseUrl'>): string {
  const base = new URL(config.baseUrl);
  const host = req.headers.host;
  const safeHost = typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/.test(host) ? host : base.host;
  return `${base.protocol}//${safeHost}/auth/oidc/callback`;
}

function readFlow(req: FastifyRequest): OidcFlow | null {
  const f = req.session?.data?.oidc as Partial<OidcFlow> | undefined;
  if (!f || typeof f !== 'object') return null;
  const { state, nonce, codeVerifier, redirectUri, next, issuer, startedAt } = f;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string' || typeof redirectUri !== 'string') return null;
  if (typeof next !== 'string' || typeof issuer !== 'string' || typeof startedAt !== 'number') return null;
  return { state, nonce, codeVerifier, redirectUri, next, issuer, startedAt };
}

// ── Routes ──────────────────────────────────────────────────────────────────────────────────────────────────────

export async function oidcRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/auth/oidc/start',
    { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const tenant = req.tenant!;
      const settings = oidcSettingsOf(tenant);
      if (!settings) throw httpProblem('not-found', { detail: t(req.locale, 'auth.oidc.notConfigured') });
      let cfg: oidc.Configuration;
      try {
        cfg = await clientConfiguration(settings, ctx.config);
      } catch (err) {
        req.log.error({ err: errInfo(err), tenant: tenant.slug }, 'oidc: provider configuration or discovery failed');
        return renderLoginProblem(req, reply, 503, 'auth.oidc.unavailable');
      }
      const q = req.query as Record<string, unknown>;
      const flow: OidcFlow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        redirectUri: callbackUrl(req, ctx.config),
        next: safeNext(q.next, '/area-personale'),
        issuer: settings.issuer,
        startedAt: Date.now(),
      };
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: flow.redirectUri,
        scope: (settings.scopes?.length ? settings.scopes : DEFAULT_SCOPES).join(' '),
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
        ui_locales: req.locale,
      });
      await startSession(req, reply, 'anonymous', null, { oidc: flow });
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    '/auth/oidc/callback',
    { schema: { hide: true }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const tenant = req.tenant!;
      const flow = readFlow(req);
      if (!flow || !req.session) return renderLoginProblem(req, reply, 400, 'auth.oidc.expired');
      // One use only: a replayed callback finds nothing to complete.
      await updateSessionData(ctx.db, tenant.id, req.session.id, {});
      const settings = oidcSettingsOf(tenant);
      if (!settings || settings.issuer !== flow.issuer || Date.now() - flow.startedAt > FLOW_MAX_AGE_MS) {
        return renderLoginProblem(req, reply, 400, 'auth.oidc.expired');
      }
      const q = req.query as Record<string, unknown>;
      if (typeof q.error === 'string') {
        req.log.info({ error: q.error.slice(0, 100), tenant: tenant.slug }, 'oidc: provider returned an error');
        return renderLoginProblem(req, reply, 400, q.error === 'access_denied' ? 'auth.oidc.cancelled' : 'auth.oidc.failed');
      }

      let claims: Record<string, unknown>;
      try {
        const cfg = await clientConfiguration(settings, ctx.config);
        const currentUrl = new URL(flow.redirectUri);
        currentUrl.search = new URL(req.url, 'http://callback.invalid').search;
        const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token claims');
        claims = { ...idClaims };
        const settled = identityFromClaims(claims, settings);
        const wantUserinfo = !settled.ok || !settled.value.email || !settled.value.givenName || !settled.value.familyName;
        if (wantUserinfo && cfg.serverMetadata().userinfo_endpoint) {
          const info = await oidc.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
          claims = { ...pickDefined(info), ...pickDefined(claims) };
        }
      } catch (err) {
        req.log.warn({ err: errInfo(err), tenant: tenant.slug }, 'oidc: callback validation or token exchange failed');
        return renderLoginProblem(req, reply, 400, 'auth.oidc.failed');
      }

      const identity = identityFromClaims(claims, settings);
      if (!identity.ok) {
        req.log.warn({ reason: identity.error, tenant: tenant.slug }, 'oidc: provider sent no usable tax code');
        return renderLoginProblem(req, reply, 400, 'auth.oidc.noTaxCode');
      }
      if (identity.value.checkCharMismatch) req.log.warn({ tenant: tenant.slug }, 'oidc: tax code check character does not match; accepted from the identity provider');
      const { checkCharMismatch: _ignored, ...rest } = identity.value;
      const citizen = await upsertCitizen(ctx.db, tenant.id, { ...rest, provider: `oidc:${new URL(settings.issuer).host}` }, req.id);
      await startSession(req, reply, 'citizen', citizen.id);
      return reply.redirect(safeNext(flow.next, '/area-personale'), 303);
    },
  );
}

function pickDefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Error facts for the log: class, code and message, never tokens or claims. */
function errInfo(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; error?: unknown; cause?: unknown };
    return { type: e.name, code: e.code, error: e.error, message: e.message.slice(0, 300) };
  }
  return { message: String(err).slice(0, 300) };
}
