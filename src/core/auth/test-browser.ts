import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * Test helper: a tiny browser over app.inject with a cookie jar, for flows that span several requests
 * (form page → CSRF token → post → redirect → page). Not used by the application.
 */
export class InjectBrowser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: { host?: string; remoteAddress?: string } = {},
  ) {}

  /** Start from a Cookie header, e.g. the one loginCookie() returns. */
  withCookies(header: string): this {
    for (const part of header.split(';')) {
      const i = part.indexOf('=');
      if (i > 0) this.cookies.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
    }
    return this;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(res: LightMyRequestResponse): void {
    const raw = res.headers['set-cookie'];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    for (const c of list) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: this.headers(), ...this.remote() });
    this.store(res);
    return res;
  }

  /** Post a urlencoded form (include `_csrf` from csrfFrom() unless testing its absence). */
  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      ...this.remote(),
    });
    this.store(res);
    return res;
  }

  /** GET a page and return the CSRF token of its (first) form. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const token = csrfTokenIn(res.body);
    if (!token) throw new Error(`no _csrf field on ${url} (status ${res.statusCode})`);
    return token;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.opts.host) h.host = this.opts.host;
    const c = this.cookieHeader();
    if (c) h.cookie = c;
    return h;
  }

  private remote(): { remoteAddress?: string } {
    return this.opts.remoteAddress ? { remoteAddress: this.opts.remoteAddress } : {};
  }
}

export function csrfTokenIn(html: string): string | null {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  return m ? m[1]! : null;
}
