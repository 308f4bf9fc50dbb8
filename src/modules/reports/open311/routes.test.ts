import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { siteModule } from '../../site/module.ts';
import { reportsModule } from '../module.ts';
import { eq } from 'drizzle-orm';
import { ensureDefaultCategories } from '../categories.ts';
import { reportCategories } from '../schema.ts';
import { DEMO_OPEN311_KEY, seedOpen311DemoKey } from './keys.ts';
import { open311Routes, titleFrom } from './routes.ts';
import { jurisdictionIds, tenantOrigin } from './urls.ts';

let t: TestApp;

async function addCategories(tenantId: string) {
  await withTenantTx(t.ctx.db, tenantId, (tx) => ensureDefaultCategories(tx, tenantId));
}

function post(host: string, fields: Record<string, string>, format: 'json' | 'xml' = 'xml') {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

beforeAll(async () => {
  // A low limit, so the POST limit (the smaller of 60/min and the global one) is reached quickly.
  t = await buildTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '6' },
    modules: [
      siteModule,
      {
        ...reportsModule,
        routes: async (app, ctx) => {
          await open311Routes(app, ctx);
        },
      },
    ],
  });
  await t.addTenant('altro');
  await addCategories(t.tenant.id);
  await seedOpen311DemoKey(t.ctx, t.tenant);
});
afterAll(async () => {
  await t?.close();
});

describe('Open311 routes', () => {
  it("one comune's key does not post to another comune, and each comune has its own services", async () => {
    const res = await post('altro.localhost', { api_key: DEMO_OPEN311_KEY, service_code: 'buche', lat: '45.5', long: '8.05' });
    expect(res.statusCode).toBe(403);
    await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.update(reportCategories).set({ nameIt: 'Buche (solo qui)' }).where(eq(reportCategories.code, 'buche')));
    const name = async (host: string) => {
      const res = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json', headers: { host } });
      return (JSON.parse(res.body) as { service_code: string; service_name: string }[]).find((s) => s.service_code === 'buche')?.service_name;
    };
    expect(await name('test.localhost')).toBe('Buche (solo qui)');
    expect(await name('altro.localhost')).not.toBe('Buche (solo qui)');
    const jur = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=test.localhost', headers: { host: 'altro.localhost' } });
    expect(jur.statusCode).toBe(404);
  });

  it('the bare base URL leads to the discovery document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/open311/v2/discovery.xml');
  });

  it('POST requests is rate-limited per client, with an Open311 error body', async () => {
    let last = await post('localhost', { service_code: 'buche' });
    for (let i = 0; i < 8 && last.statusCode !== 429; i++) last = await post('localhost', { service_code: 'buche' });
    expect(last.statusCode).toBe(429);
    expect(last.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(last.body).toContain('<errors><error><code>429</code>');
    expect(last.headers['retry-after']).toBeDefined();
  });
});

describe('helpers', () => {
  it('titleFrom takes the first line of the description, cut at a word, or the service name', () => {
    expect(titleFrom(null, 'Buche e manto stradale')).toBe('Buche e manto stradale');
    expect(titleFrom('  \n Buca in via Roma\nseconda riga', 'X')).toBe('Buca in via Roma');
    expect(titleFrom('ok', 'Altro')).toBe('Altro');
    const long = titleFrom('parola '.repeat(40), 'X');
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('parola…')).toBe(true);
  });

  it("jurisdiction ids are the comune's hosts and slug; the origin uses its first host", () => {
    expect(jurisdictionIds({ hosts: ['biella.localhost'], slug: 'biella-demo' })).toEqual(['biella.localhost', 'biella-demo']);
    expect(tenantOrigin('https://piazza.example:8443', { hosts: ['comune.example'] })).toBe('https://comune.example:8443');
    expect(tenantOrigin('http://localhost:3000/', { hosts: [] })).toBe('http://localhost:3000');
  });
});
