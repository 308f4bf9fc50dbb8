import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../core/testing/index.ts';
import { seedSiteContent } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedSiteContent(t.ctx, t.tenant);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ url, headers: { host: 'localhost' } });

describe('site content API', () => {
  it('lists published services with their public URL, searchable in Italian and English', async () => {
    const r = await get('/api/v1/site/contents?type=service&q=carta%20identit%C3%A0&limit=3');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { total: number; items: { slug: string; url: string; title: { it: string } }[] };
    expect(body.items[0]).toMatchObject({ slug: 'carta-identita-elettronica', url: 'http://localhost/servizi/carta-identita-elettronica' });
    const en = (await get('/api/v1/site/contents?type=service&q=identity&lang=en')).json() as { items: { slug: string }[] };
    expect(en.items.map((i) => i.slug)).toContain('carta-identita-elettronica');
    const all = (await get('/api/v1/site/contents?limit=100')).json() as { total: number };
    expect(all.total).toBeGreaterThan(150);
  });

  it('returns one content with all its fields, and problem+json for unknown ones and bad queries', async () => {
    const r = await get('/api/v1/site/contents/office/ufficio-anagrafe');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { data: { hours: { weekly: unknown[] } } };
    expect(body.data.hours.weekly.length).toBeGreaterThan(0);
    const missing = await get('/api/v1/site/contents/office/non-esiste');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await get('/api/v1/site/contents?type=spaceship&limit=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/site/contents', '/api/v1/site/contents/{type}/{slug}']));
  });
});
