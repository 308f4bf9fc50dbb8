import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildTestApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('HTTP core', () => {
  it('answers /health with the tenant of the Host', async () => {
    const res = await t.app.inject({ url: '/health', headers: { host: 'localhost:3000' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', tenant: { slug: 'test' } });
  });

  it('is ready when the database is reachable and migrations are applied', async () => {
    const res = await t.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ready');
  });

  it('serves a valid-looking OpenAPI 3.1 document', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('piazza API');
    expect(doc.paths['/health']).toBeDefined();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('answers malformed JSON with a 400 problem+json, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/anything', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: '/problems/bad-request', status: 400 });
    expect(res.json().requestId).toBeTruthy();
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not-found');
  });

  it('refuses a Host that belongs to no comune', async () => {
    const api = await t.app.inject({ url: '/api/v1/x', headers: { host: 'elsewhere.example.org' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().type).toBe('/problems/unknown-tenant');
    const page = await t.app.inject({ url: '/', headers: { host: 'elsewhere.example.org' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Comune non trovato');
  });

  it('resolves a second comune by its host', async () => {
    await t.addTenant('altro');
    const res = await t.app.inject({ url: '/health', headers: { host: 'altro.localhost' } });
    expect(res.json().tenant.slug).toBe('altro');
  });

  it('renders HTML errors in Italian by default and in English on request', async () => {
    const it_ = await t.app.inject({ url: '/pagina-inesistente' });
    expect(it_.statusCode).toBe(404);
    expect(it_.body).toContain('Pagina non trovata');
    expect(it_.body).toContain('lang="it"');
    const en = await t.app.inject({ url: '/missing-page?lang=en' });
    expect(en.body).toContain('Page not found');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves Bootstrap Italia from node_modules', async () => {
    const res = await t.app.inject({ url: '/assets/bootstrap-italia/js/bootstrap-italia.bundle.min.js' });
    expect(res.statusCode).toBe(200);
  });

  it('documents each problem type at its URI, and only those', async () => {
    const doc = await t.app.inject({ url: '/problems/validation' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('HTTP 400');
    expect((await t.app.inject({ url: '/problems/__proto__' })).statusCode).toBe(404);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('piazza_http_request_duration_seconds');
  });
});

describe('rate limits', () => {
  it('limits each client to RATE_LIMIT_PER_MINUTE and answers 429 problem+json', async () => {
    const limited = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ url: '/api/v1/anything', remoteAddress: '10.1.1.1' })).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
      const res = await limited.app.inject({ url: '/api/v1/anything', remoteAddress: '10.1.1.1' });
      expect(res.json()).toMatchObject({ type: '/problems/rate-limited', status: 429 });
      expect(res.headers['retry-after']).toBeDefined();
      // another client is not affected
      expect((await limited.app.inject({ url: '/api/v1/anything', remoteAddress: '10.1.1.2' })).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

