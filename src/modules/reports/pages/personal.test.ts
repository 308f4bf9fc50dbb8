import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../core/testing/index.ts';
import { loginCookie, makeCitizen, makeStaff } from '../../../core/testing/factories.ts';
import { withTenantTx } from '../../../core/db/client.ts';
import { reportsModule } from '../module.ts';
import { ensureDefaultCategories } from '../categories.ts';
import { createReport, followReport } from '../repository.ts';
import { personalReportPages, PERSONAL_PATH } from './personal.tsx';

let t: TestApp;
const audit = () => ({ tenantId: t.tenant.id, actor: { type: 'anonymous' as const } });

async function report(title: string, citizenId: string | null) {
  const r = await createReport(
    t.ctx,
    t.tenant.id,
    { categoryCode: 'illuminazione', title, description: `${title}: il lampione non si accende da giorni.`, lat: 45.566, lon: 8.053, source: 'web', citizenId },
    audit(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

let anna: { id: string };
let bruno: { id: string };
let brunoReport: { id: string; number: number };

beforeAll(async () => {
  t = await buildTestApp({ modules: [{ ...reportsModule, routes: async (app, ctx) => personalReportPages(app, ctx) }] });
  await withTenantTx(t.ctx.db, t.tenant.id, (tx) => ensureDefaultCategories(tx, t.tenant.id));
  anna = await makeCitizen(t.app, t.tenant, { taxCode: 'RSSNNA80A41A859K', givenName: 'Anna', familyName: 'Rossi', email: 'anna@example.org' });
  bruno = await makeCitizen(t.app, t.tenant, { taxCode: 'VRDBRN75C12A859P', givenName: 'Bruno', familyName: 'Verdi', email: 'bruno@example.org' });
  await report('Lampione spento in via Italia', anna.id);
  await report('Lampione spento in piazza Duomo', anna.id);
  brunoReport = await report('Lampione lampeggiante in via Lamarmora', bruno.id);
  await report('Lampione spento anonimo', null);
  const f = await followReport(t.ctx, t.tenant.id, brunoReport.id, { citizenId: anna.id });
  expect(f.ok).toBe(true);
});
afterAll(async () => t?.close());

describe('area personale: le mie segnalazioni', () => {
  it('sends visitors who are not logged in to the login, and back here afterwards', async () => {
    const res = await t.app.inject({ url: PERSONAL_PATH, headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/auth/login?next=${encodeURIComponent(PERSONAL_PATH)}`);
  });

  it('is for citizens only', async () => {
    const staff = await makeStaff(t.app, t.tenant, ['operator']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', staff.id);
    const res = await t.app.inject({ url: PERSONAL_PATH, headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('lists the citizen’s own reports and those they follow, never other people’s', async () => {
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', anna.id);
    const res = await t.app.inject({ url: PERSONAL_PATH, headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toMatch(/<h1[^>]*>Le mie segnalazioni<\/h1>/);
    const own = html.slice(html.indexOf('id="own-reports-table"'), html.indexOf('id="followed-reports"'));
    const followed = html.slice(html.indexOf('id="followed-reports-table"'));
    expect(own).toContain('Lampione spento in via Italia');
    expect(own).toContain('Lampione spento in piazza Duomo');
    expect(own).not.toContain('Lampione lampeggiante');
    expect(own).toContain('Inviata');
    expect(own).toContain('Illuminazione pubblica');
    expect(followed).toContain('Lampione lampeggiante in via Lamarmora');
    expect(followed).toContain(`href="/segnalazioni/${brunoReport.number}"`);
    expect(html).not.toContain('Lampione spento anonimo');
    expect(html).toContain('Inviate da te (2)');
    expect(html).toContain('Che segui (1)');
    // Tables with headers and a caption; the breadcrumb through the personal area.
    expect(html).toMatch(/<th scope="col">Stato<\/th>/);
    expect(html).toMatch(/<caption class="visually-hidden">Segnalazioni inviate da te<\/caption>/);
    expect(html).toMatch(/<ol[^>]*data-element="breadcrumb"[\s\S]*href="\/area-personale"/);

    const other = await loginCookie(t.app, t.tenant, 'citizen', bruno.id);
    const b = await t.app.inject({ url: PERSONAL_PATH, headers: { host: 'localhost', cookie: other.cookie } });
    expect(b.body).toContain('Lampione lampeggiante in via Lamarmora');
    expect(b.body).not.toContain('Lampione spento in via Italia');
    expect(b.body).toContain('Non segui segnalazioni di altre persone.');
  });

  it('is linked from the personal area', async () => {
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', anna.id);
    const res = await t.app.inject({ url: '/area-personale', headers: { host: 'localhost', cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="${PERSONAL_PATH}"`);
    expect(res.body).toContain('Le mie segnalazioni');
  });

  it('speaks English', async () => {
    const { cookie } = await loginCookie(t.app, t.tenant, 'citizen', anna.id);
    const res = await t.app.inject({ url: `${PERSONAL_PATH}?lang=en`, headers: { host: 'localhost', cookie } });
    expect(res.body).toMatch(/<h1[^>]*>My reports<\/h1>/);
    expect(res.body).toContain('Street lighting');
  });
});
