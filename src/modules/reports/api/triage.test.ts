import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { createReport, confirmTriage } from '../repository.ts';
import { modelCount, retrainTenantModel, triageFor } from '../triage-service.ts';

/** POST /api/v1/reports/triage and the per-comune triage service behind it. */

let t: TestApp;
const anon = () => ({ tenantId: t.tenant.id, actor: { type: 'anonymous' as const } });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reports/triage', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/reports/triage', () => {
  it('proposes the pothole category, a priority and the office for a citizen’s text', async () => {
    const res = await post({ title: 'Buca enorme', description: 'In via Italia c’è una buca profondissima sull’asfalto, le macchine ci finiscono dentro' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.category.code).toBe('buche');
    expect(body.category.name).toBe('Buche e manto stradale');
    expect(body.category.confidence).toBeGreaterThan(0.3);
    expect(Array.isArray(body.alternatives)).toBe(true);
    expect(['bassa', 'media', 'alta', 'urgente']).toContain(body.priority);
    expect(body.office).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(body.duplicates).toEqual([]);
  });

  it('marks an open manhole as urgent', async () => {
    const res = await post({ description: 'tombino aperto senza coperchio in mezzo alla strada, qualcuno ci cade dentro' });
    expect(res.statusCode).toBe(200);
    expect(res.json().priority).toBe('urgente');
    expect(res.json().category.code).toBe('tombini');
  });

  it('finds an open report a few metres away describing the same problem, with distance and similarity', async () => {
    const created = await createReport(
      t.ctx,
      t.tenant.id,
      { categoryCode: 'illuminazione', title: 'Lampione spento', description: 'Il lampione davanti al civico 5 è spento da una settimana, la via è buia', lat: 45.5665, lon: 8.053, source: 'web' },
      anon(),
    );
    expect(created.ok).toBe(true);
    const res = await post({ description: 'lampione spento da giorni, di sera è tutto buio', lat: 45.56655, lon: 8.05302 });
    expect(res.statusCode).toBe(200);
    const [dup] = res.json().duplicates;
    expect(dup).toMatchObject({ title: 'Lampione spento', status: 'submitted' });
    expect(dup.distanceMeters).toBeLessThan(20);
    expect(dup.similarity).toBeGreaterThan(0);
    expect(dup.url).toBe(`/segnalazioni/${created.ok ? created.value.number : 0}`);
    // Far away (1 km) it is not a duplicate.
    const far = await post({ description: 'lampione spento da giorni, di sera è tutto buio', lat: 45.5755, lon: 8.053 });
    expect(far.json().duplicates).toEqual([]);
  });

  it('answers bad input with problem+json 400, never a server error', async () => {
    for (const body of [{}, { description: '' }, { description: 'buca', lat: 45.5 }, { description: 'buca', lat: 95, lon: 8 }, { description: 'x'.repeat(4001) }]) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/reports/triage', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(notJson.statusCode).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/reports/triage'].post).toBeDefined();
  });
});

describe('the comune’s own model', () => {
  it('retrains on the operators’ confirmed corrections and then follows them', async () => {
    const text = { title: 'Panchina del sagrato', description: 'la panchina davanti alla chiesa di san biagio ha un asse rotta' };
    const audit = anon();
    for (let i = 0; i < 25; i++) {
      const r = await createReport(t.ctx, t.tenant.id, { ...text, categoryCode: 'arredo', source: 'web', description: `${text.description} (${i})` }, audit);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const c = await confirmTriage(t.ctx, t.tenant.id, r.value.id, { categoryCode: 'cimiteri' }, audit);
      expect(c.ok).toBe(true);
    }
    const r = await retrainTenantModel(t.ctx, t.tenant.id);
    expect(r.tenantExamples).toBeGreaterThanOrEqual(25);
    const after = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => triageFor(tx, t.tenant.id, text));
    expect(after.category.code).toBe('cimiteri');
    // Another comune still uses the seed model.
    const other = await t.addTenant('altro');
    const theirs = await withTenantTx(t.ctx.db, other.id, (tx) => triageFor(tx, other.id, text));
    expect(theirs.category.code).toBe('arredo');
    expect(await withTenantTx(t.ctx.db, other.id, modelCount)).toBe(0);
  });
});

describe('rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await limited?.close();
  });
  it('answers 429 once a client exceeds its requests per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.inject({ method: 'POST', url: '/api/v1/reports/triage', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ description: 'buca in strada' }) });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes).toContain(429);
  });
});
