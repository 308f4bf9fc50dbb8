import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { withTenantTx } from '../db/client.ts';
import { citizens, tenants, type TenantSettings } from '../db/schema.ts';
import { computeTaxCode } from './tax-code.ts';
import { allowsInsecureIssuer, identityFromClaims } from './oidc.ts';

/**
 * SPID/CIE login end to end: piazza listens on a random port, a real OpenID provider (oidc-provider, standing in
 * for a SPID/CIE proxy) on another, and a fetch-based "browser" with a cookie jar follows every redirect and fills
 * the provider's login and consent forms.
 */

const TAX_CODE = computeTaxCode({ familyName: 'Verdi', givenName: 'Giulia', birthDate: '1992-06-15', sex: 'F', cadastralCode: 'A859' });
const CLIENT_ID = 'piazza-test';
const CLIENT_SECRET = 'a-client-secret-that-only-lives-in-the-environment';
const SECRET_ENV = 'PIAZZA_TEST_OIDC_SECRET';

/** Claims the provider releases for the account "giulia"; tests change them to simulate data updates. */
const account: Record<string, string> = {
  given_name: 'Giulia',
  family_name: 'Verdi',
  email: 'giulia.verdi@example.org',
  fiscalNumber: `TINIT-${TAX_CODE}`,
};

let t: TestApp;
let appOrigin: string;
let issuer: string;
let idp: Server;

class FetchBrowser {
  private jars = new Map<string, Map<string, string>>();
  /** Every URL visited, in order (for assertions on the authorization request). */
  readonly visited: string[] = [];

  cookiesFor(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async request(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.cookiesFor(u.origin);
    const headers: Record<string, string> = { accept: 'text/html' };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    this.visited.push(url);
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body?.toString(), redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === '' || attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Follow redirects from `url`; on the provider's interaction pages, submit the login form (as `login`) and the
   * consent form. Stops at the first response of piazza that is not a redirect to the provider, or at a redirect
   * back into piazza after the callback (returned without following it).
   */
  async run(url: string, login = 'giulia'): Promise<{ response: Response; callbackLocation: string | null }> {
    let next: { url: string; method?: string; body?: URLSearchParams } | null = { url };
    for (let hops = 0; next && hops < 30; hops++) {
      const res = await this.request(next.url, next);
      const here: URL = new URL(next.url);
      if (res.status >= 300 && res.status < 400) {
        const location: string = new URL(res.headers.get('location')!, here).href;
        if (here.pathname === '/auth/oidc/callback' && here.origin === appOrigin) return { response: res, callbackLocation: res.headers.get('location') };
        next = { url: location };
        continue;
      }
      if (here.origin === issuer) {
        const html = await res.text();
        const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html);
        const prompt = /name="prompt" value="(\w+)"/.exec(html);
        if (!form || !prompt) throw new Error(`unexpected provider page ${here.pathname}: ${res.status} ${html.slice(0, 300)}`);
        const body = new URLSearchParams({ prompt: prompt[1]! });
        if (prompt[1] === 'login') {
          body.set('login', login);
          body.set('password', 'any');
        }
        next = { url: new URL(form[1]!.replace(/&amp;/g, '&'), here).href, method: 'POST', body };
        continue;
      }
      return { response: res, callbackLocation: null };
    }
    throw new Error('too many redirects');
  }
}

async function setOidcSettings(oidc: TenantSettings['oidc'] | undefined): Promise<void> {
  const [row] = await t.ctx.db.select().from(tenants).where(eq(tenants.id, t.tenant.id));
  const settings: TenantSettings = { ...row!.settings };
  if (oidc) settings.oidc = oidc;
  else delete settings.oidc;
  await t.ctx.db.update(tenants).set({ settings }).where(eq(tenants.id, t.tenant.id));
  t.ctx.tenants.invalidate();
}

const testSettings = (): NonNullable<TenantSettings['oidc']> => ({
  issuer,
  clientId: CLIENT_ID,
  clientSecretEnv: SECRET_ENV,
  scopes: ['openid', 'profile', 'email'],
  label: 'Entra con SPID / CIE (proxy di prova)',
});

beforeAll(async () => {
  process.env[SECRET_ENV] = CLIENT_SECRET;
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  appOrigin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  idp = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appOrigin}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE required for every client, not only public ones: a request without a code challenge fails.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'fiscalNumber'], email: ['email'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...account }) }),
    cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'test' }] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
  await setOidcSettings(testSettings());
});

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
  delete process.env[SECRET_ENV];
});

async function citizenRows() {
  return withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(citizens).where(and(eq(citizens.tenantId, t.tenant.id), eq(citizens.taxCode, TAX_CODE))));
}

describe('SPID/CIE login through OpenID Connect (end to end)', () => {
  it('shows the provider button on the login page', async () => {
    const b = new FetchBrowser();
    const res = await b.request(`${appOrigin}/auth/login`);
    const html = await res.text();
    expect(html).toContain('Entra con SPID / CIE (proxy di prova)');
    expect(html).toContain('href="/auth/oidc/start"');
  });

  it('logs a citizen in with PKCE, state and nonce, creates the citizen and opens the personal area', async () => {
    const b = new FetchBrowser();
    const { callbackLocation } = await b.run(`${appOrigin}/auth/oidc/start?next=${encodeURIComponent('/area-personale?benvenuto=1')}`);
    expect(callbackLocation).toBe('/area-personale?benvenuto=1');

    const auth = new URL(b.visited.find((u) => u.startsWith(`${issuer}/auth?`))!);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('redirect_uri')).toBe(`${appOrigin}/auth/oidc/callback`);

    const area = await b.request(`${appOrigin}/area-personale`);
    expect(area.status).toBe(200);
    const html = await area.text();
    expect(html).toContain('Giulia');
    expect(html).toContain('Verdi');
    expect(html).toContain(TAX_CODE);
    expect(html).not.toContain('TINIT-');

    const rows = await citizenRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ givenName: 'Giulia', familyName: 'Verdi', email: 'giulia.verdi@example.org', identityProvider: `oidc:${new URL(issuer).host}` });
    expect(rows[0]!.lastLoginAt).toBeInstanceOf(Date);
  });

  it('rotates the session id at login', async () => {
    const b = new FetchBrowser();
    const start = await b.request(`${appOrigin}/auth/oidc/start`);
    expect(start.status).toBe(303);
    const anonymous = b.cookiesFor(appOrigin).get('piazza_sid');
    expect(anonymous).toBeTruthy();
    await b.run(start.headers.get('location')!);
    const citizen = b.cookiesFor(appOrigin).get('piazza_sid');
    expect(citizen).toBeTruthy();
    expect(citizen).not.toBe(anonymous);
  });

  it('updates the same citizen on the next login (one row per tax code)', async () => {
    account.family_name = 'Verdi Rossi';
    try {
      const b = new FetchBrowser();
      const { callbackLocation } = await b.run(`${appOrigin}/auth/oidc/start`);
      expect(callbackLocation).toBe('/area-personale');
      const rows = await citizenRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.familyName).toBe('Verdi Rossi');
    } finally {
      account.family_name = 'Verdi';
    }
  });

  it('never redirects outside the site after login (next=https://evil.example)', async () => {
    for (const evil of ['https://evil.example', '//evil.example/area-personale']) {
      const b = new FetchBrowser();
      const { callbackLocation } = await b.run(`${appOrigin}/auth/oidc/start?next=${encodeURIComponent(evil)}`);
      expect(callbackLocation).toBe('/area-personale');
    }
  });

  it('rejects a callback whose state does not match, without logging in', async () => {
    const b = new FetchBrowser();
    const start = await b.request(`${appOrigin}/auth/oidc/start`);
    expect(start.status).toBe(303);
    const res = await b.request(`${appOrigin}/auth/oidc/callback?code=forged-code&state=not-the-state&iss=${encodeURIComponent(issuer)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Accesso non riuscito');
    const area = await b.request(`${appOrigin}/area-personale`);
    expect(area.status).toBe(303);
    expect(area.headers.get('location')).toContain('/auth/login');
  });

  it('refuses to complete the same login twice (the flow is consumed by the first callback)', async () => {
    const b = new FetchBrowser();
    const start = await b.request(`${appOrigin}/auth/oidc/start`);
    const anonymousCookie = b.cookiesFor(appOrigin).get('piazza_sid')!;
    await b.run(start.headers.get('location')!);
    const callbackUrl = b.visited.find((u) => u.startsWith(`${appOrigin}/auth/oidc/callback?`))!;
    // An attacker replaying the callback with the old (pre-login) cookie, or the user reloading it.
    const replay = await fetch(callbackUrl, { headers: { cookie: `piazza_sid=${anonymousCookie}` }, redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('scaduta');
    const reload = await b.request(callbackUrl);
    expect(reload.status).toBe(400);
  });

  it('explains a login cancelled at the provider', async () => {
    const b = new FetchBrowser();
    const start = await b.request(`${appOrigin}/auth/oidc/start`);
    let res = await b.request(start.headers.get('location')!);
    const interaction = new URL(res.headers.get('location')!, issuer);
    res = await b.request(`${issuer}${interaction.pathname}/abort`);
    // Provider → resume → callback with error=access_denied.
    let location = new URL(res.headers.get('location')!, issuer).href;
    while (!location.startsWith(`${appOrigin}/auth/oidc/callback`)) {
      res = await b.request(location);
      location = new URL(res.headers.get('location')!, location).href;
    }
    expect(new URL(location).searchParams.get('error')).toBe('access_denied');
    const cb = await b.request(location);
    expect(cb.status).toBe(400);
    expect(await cb.text()).toContain('annullato');
  });

  it('answers 503 with an explanation when the provider cannot be reached', async () => {
    await setOidcSettings({ ...testSettings(), issuer: 'http://127.0.0.1:9/' });
    try {
      const b = new FetchBrowser();
      const res = await b.request(`${appOrigin}/auth/oidc/start`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('non è raggiungibile');
    } finally {
      await setOidcSettings(testSettings());
    }
  });

  it('answers 404 when the comune has no OIDC provider, and says so on the login page', async () => {
    await setOidcSettings(undefined);
    try {
      const b = new FetchBrowser();
      expect((await b.request(`${appOrigin}/auth/oidc/start`)).status).toBe(404);
      expect(await (await b.request(`${appOrigin}/auth/login`)).text()).toContain("non è ancora attivo");
    } finally {
      await setOidcSettings(testSettings());
    }
  });
});

describe('claims mapping', () => {
  it('strips TINIT- from fiscalNumber and reads the standard name and e-mail claims', () => {
    const r = identityFromClaims({ fiscalNumber: 'TINIT-RSSMRA80A01H501U', given_name: 'Mario', family_name: 'Rossi', email: 'm@example.org' }, {});
    expect(r).toEqual({ ok: true, value: { taxCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi', email: 'm@example.org', checkCharMismatch: false } });
  });

  it('reads a configured claim name first, and the SPID OIDC URI claim', () => {
    const configured = identityFromClaims({ cf: 'rssmra80a01h501u', fiscalNumber: 'TINIT-MRTMTT25D09F205Z', nome: 'Mario', cognome: 'Rossi' }, {
      claims: { taxCode: 'cf', givenName: 'nome', familyName: 'cognome' },
    });
    expect(configured.ok && configured.value).toMatchObject({ taxCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi' });
    const spid = identityFromClaims({ 'https://attributes.eid.gov.it/fiscal_number': 'TINIT-MRTMTT25D09F205Z' }, {});
    expect(spid.ok && spid.value.taxCode).toBe('MRTMTT25D09F205Z');
  });

  it('refuses a missing or malformed tax code, and flags a wrong check character', () => {
    expect(identityFromClaims({ given_name: 'Mario' }, {})).toEqual({ ok: false, error: 'missing-tax-code' });
    expect(identityFromClaims({ fiscalNumber: 'TINIT-12345678901' }, {})).toEqual({ ok: false, error: 'invalid-tax-code' });
    const mismatch = identityFromClaims({ fiscalNumber: 'TINIT-RSSMRA80A01H501A' }, {});
    expect(mismatch.ok && mismatch.value.checkCharMismatch).toBe(true);
  });
});

describe('insecure (http) issuers', () => {
  it('are allowed only on localhost/127.0.0.1 and never in production', () => {
    expect(allowsInsecureIssuer(new URL('http://127.0.0.1:4000'), { isProduction: false })).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://localhost:4000'), { isProduction: false })).toBe(true);
    expect(allowsInsecureIssuer(new URL('http://127.0.0.1:4000'), { isProduction: true })).toBe(false);
    expect(allowsInsecureIssuer(new URL('http://idp.example.it'), { isProduction: false })).toBe(false);
    expect(allowsInsecureIssuer(new URL('https://idp.example.it'), { isProduction: false })).toBe(false);
  });
});
