import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { csrfPair, loginCookie, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { pageRatings } from '../db/schema.ts';
import type { Tenant } from '../tenancy/types.ts';

let t: TestApp;
let other: Tenant;
beforeAll(async () => {
  t = await buildTestApp();
  other = await t.addTenant('altro');
});
afterAll(async () => {
  await t?.close();
});

async function ratings(tenant: Tenant) {
  return withTenantTx(t.ctx.db, tenant.id, (tx) => tx.select().from(pageRatings).where(eq(pageRatings.tenantId, tenant.id)));
}

async function postForm(fields: Record<string, string>, host = 'localhost') {
  const csrf = csrfPair(t.app);
  return t.app.inject({
    method: 'POST',
    url: '/feedback',
    headers: { host, cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
  });
}

const count = (html: string, marker: string) => html.split(`data-element="${marker}"`).length - 1;

describe('rating widget on the entry page', () => {
  it('shows every Modello Comuni marker with the exact Italian texts, in one no-JS form', async () => {
    const res = await t.app.inject({ url: '/?lang=it' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(count(html, 'feedback')).toBe(1);
    expect(html).toMatch(/data-element="feedback-title"[^>]*>Quanto sono chiare le informazioni su questa pagina\?</);
    for (const n of [1, 2, 3, 4, 5]) expect(count(html, `feedback-rate-${n}`)).toBe(1);
    expect(count(html, 'feedback-rating-positive')).toBe(1);
    expect(count(html, 'feedback-rating-negative')).toBe(1);
    expect(count(html, 'feedback-rating-question')).toBe(2);
    expect(count(html, 'feedback-rating-answer')).toBe(10);
    expect(html).toMatch(/data-element="feedback-rating-question"[^>]*>Dove hai incontrato le maggiori difficoltà\?</);
    expect(html).toMatch(/data-element="feedback-rating-question"[^>]*>Quali sono stati gli aspetti che hai preferito\?</);
    for (const a of [
      'A volte le indicazioni non erano chiare',
      'A volte le indicazioni non erano complete',
      'A volte non capivo se stavo procedendo correttamente',
      'Ho avuto problemi tecnici',
      'Le indicazioni erano chiare',
      'Le indicazioni erano complete',
      'Capivo sempre che stavo procedendo correttamente',
      'Non ho avuto problemi tecnici',
    ]) {
      expect(html).toMatch(new RegExp(`data-element="feedback-rating-answer"[^>]*>${a}<`));
    }
    expect(html.match(/data-element="feedback-rating-answer"[^>]*>Altro</g)).toHaveLength(2);
    expect(html).toMatch(/<textarea[^>]*maxlength="200"[^>]*data-element="feedback-input-text"/);
    expect(html).toContain('Vuoi aggiungere altri dettagli?');
    expect(html).toContain('<form method="post" action="/feedback"');
    expect(html).toContain('<input type="hidden" name="path" value="/"/>');
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toContain('src="/assets/piazza/feedback.js"');
    // without JS both answer groups are visible: nothing is hidden in the server HTML
    expect(html).not.toMatch(/data-element="feedback-rating-(positive|negative)"[^>]*d-none|d-none[^>]*data-element="feedback-rating-(positive|negative)"/);
    const js = await t.app.inject({ url: '/assets/piazza/feedback.js' });
    expect(js.statusCode).toBe(200);
  });

  it('speaks English on request but keeps the markers', async () => {
    const html = (await t.app.inject({ url: '/?lang=en' })).body;
    expect(html).toMatch(/data-element="feedback-title"[^>]*>How clear is the information on this page\?</);
    expect(count(html, 'feedback-rating-answer')).toBe(10);
    expect(count(html, 'feedback-rate-5')).toBe(1);
  });
});

describe('POST /feedback (form, without JavaScript)', () => {
  it('stores a rating and sends the visitor back to the page, which thanks them', async () => {
    const res = await postForm({ path: '/servizi', rating: '2', answer: 'technical-problems', comment: 'Il modulo non si apre' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/servizi?feedback=grazie#feedback');
    const rows = await ratings(t.tenant);
    expect(rows).toContainEqual(expect.objectContaining({ path: '/servizi', rating: 2, answer: 'technical-problems', comment: 'Il modulo non si apre', locale: 'it' }));

    const home = await postForm({ path: '/', rating: '5' });
    expect(home.headers.location).toBe('/?feedback=grazie#feedback');
    const page = await t.app.inject({ url: home.headers.location as string });
    expect(page.body).toContain('Grazie, il tuo parere ci aiuterà a migliorare il servizio!');
    expect(page.body).toContain('data-element="feedback-title"');
    expect(page.body).not.toContain('action="/feedback"');
  });

  it('rejects a missing or out-of-range rating with the error flag, storing nothing', async () => {
    const before = (await ratings(t.tenant)).length;
    for (const rating of ['', '0', '6', 'tre', '2.5']) {
      const res = await postForm({ path: '/servizi', rating });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/servizi?feedback=errore#feedback');
    }
    expect((await ratings(t.tenant)).length).toBe(before);
    const page = await t.app.inject({ url: '/?feedback=errore' });
    expect(page.body).toContain('Non è stato possibile registrare la valutazione');
    expect(page.body).toContain('action="/feedback"');
  });

  it('rejects an answer from the other block, a long comment and a foreign path', async () => {
    const before = (await ratings(t.tenant)).length;
    const wrong = await postForm({ path: '/servizi', rating: '5', answer: 'technical-problems' });
    expect(wrong.headers.location).toBe('/servizi?feedback=errore#feedback');
    const long = await postForm({ path: '/servizi', rating: '4', comment: 'x'.repeat(201) });
    expect(long.headers.location).toBe('/servizi?feedback=errore#feedback');
    const foreign = await postForm({ path: '//evil.example/x', rating: '4' });
    expect(foreign.statusCode).toBe(303);
    expect(foreign.headers.location).toBe('/?feedback=errore#feedback');
    expect((await ratings(t.tenant)).length).toBe(before);
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'path=%2F&rating=4',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /api/v1/feedback', () => {
  it('stores a rating and answers 201 with its id', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { path: '/notizie', rating: 4, answer: 'clear-instructions', comment: 'Utile' } });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect((await ratings(t.tenant)).find((r) => r.id === id)).toMatchObject({ path: '/notizie', rating: 4, answer: 'clear-instructions' });
  });

  it('answers 400 problem+json for a bad rating or an answer of the other block', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { path: '/notizie', rating: 7 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { path: '/notizie', rating: 1, answer: 'clear-instructions' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((wrong.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('answer');
  });
});

describe('GET /admin/valutazioni', () => {
  it('shows count and average per page to an editor, without other comuni, and is 403 for an operator', async () => {
    await postForm({ path: '/report-prova', rating: '4', answer: 'clear-instructions', comment: 'Chiaro e completo' });
    await postForm({ path: '/report-prova', rating: '5', answer: 'clear-instructions' });
    await postForm({ path: '/solo-altro-comune', rating: '1', comment: 'Commento di un altro comune' }, 'altro.localhost');
    expect(await ratings(other)).toHaveLength(1);

    const editor = await makeStaff(t.app, t.tenant, ['editor']);
    const { cookie } = await loginCookie(t.app, t.tenant, 'staff', editor.id);
    const res = await t.app.inject({ url: '/admin/valutazioni?lang=it', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const section = res.body.slice(res.body.indexOf('data-path="/report-prova"'));
    expect(section).toMatch(/data-field="count">2</);
    expect(section).toMatch(/data-field="average">4,5 \/ 5</);
    expect(section).toContain('Le indicazioni erano chiare (2)');
    expect(section).toContain('Chiaro e completo');
    expect(res.body).toContain('/servizi');
    expect(res.body).not.toContain('/solo-altro-comune');
    expect(res.body).not.toContain('Commento di un altro comune');

    const home = await t.app.inject({ url: '/admin', headers: { cookie } });
    expect(home.body).toContain('href="/admin/valutazioni"');

    const operator = await makeStaff(t.app, t.tenant, ['operator']);
    const op = await loginCookie(t.app, t.tenant, 'staff', operator.id);
    const denied = await t.app.inject({ url: '/admin/valutazioni', headers: { cookie: op.cookie } });
    expect(denied.statusCode).toBe(403);
  });
});
