import sharp from 'sharp';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { loginCookie, makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, tenants } from '../db/schema.ts';
import { findTenantBySlug } from '../tenancy/index.ts';
import { setTopicVocabulary } from '../views/site-links.ts';
import { validateSiteSettings, type SiteSettingsForm } from '../views/site-settings.ts';

let t: TestApp;
let admin: { cookie: string; csrfToken: string };
beforeAll(async () => {
  t = await buildTestApp();
  // another part of the settings that the page must leave alone
  await t.ctx.db
    .update(tenants)
    .set({ settings: { oidc: { issuer: 'https://spid-proxy.example', clientId: 'piazza' }, contacts: { address: 'Piazza Vecchia 1' } } })
    .where(eq(tenants.id, t.tenant.id));
  t.ctx.tenants.invalidate();
  const a = await makeStaff(t.app, t.tenant, ['admin']);
  admin = await loginCookie(t.app, t.tenant, 'staff', a.id);
});
afterAll(async () => {
  setTopicVocabulary([]);
  await t?.close();
});

const PAGE = '/admin/impostazioni-sito';

const VALID: Record<string, string> = {
  name: 'Comune di Valdoria',
  address: 'Piazza Municipio 1, 13900 Valdoria (BI)',
  phone: '+39 015 1234567',
  email: 'urp@comune.valdoria.example',
  pec: 'protocollo@pec.comune.valdoria.example',
  taxCode: '00123450021',
  vatNumber: '',
  region: 'Regione Piemonte',
  regionUrl: 'https://www.regione.piemonte.it/',
  accessibilityUrl: 'https://form.agid.gov.it/view/5c2b8f10-4a6e-11ef-9f3a-8d2f0c1b7e42',
  privacyUrl: '',
  transparencyUrl: 'https://trasparenza.comune.valdoria.example/',
  'social-network-0': 'facebook',
  'social-url-0': 'https://www.facebook.com/ComuneDiValdoria',
  'social-network-1': 'youtube',
  'social-url-1': 'https://www.youtube.com/@ComuneDiValdoria',
  'topic-0': 'Tempo libero',
  'topic-1': 'Sport',
  'topic-2': '',
  mapTileUrl: '',
  mapAttribution: '',
  mapLat: '45,5663',
  mapLon: '8.0537',
  mapZoom: '15',
};

async function post(fields: Record<string, string>, opts: { csrf?: boolean; url?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: opts.url ?? PAGE,
    headers: { host: 'localhost', cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: admin.csrfToken }), ...fields }).toString(),
  });
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----piazzaSettingsBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="coatOfArms"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function audits(action: string) {
  return withTenantTx(t.ctx.db, t.tenant.id, (tx) =>
    tx.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.action, action))).orderBy(desc(auditLog.at)),
  );
}

describe('access', () => {
  it('is for admins: listed on their home, 403 for an editor, the login for nobody', async () => {
    const page = await t.app.inject({ url: PAGE, headers: { host: 'localhost', cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Impostazioni del sito</h1>');
    expect(page.body).toContain('value="Comune di Prova"');
    expect(page.body).toContain('value="Piazza Vecchia 1"');
    const home = await t.app.inject({ url: '/admin', headers: { host: 'localhost', cookie: admin.cookie } });
    expect(home.body).toContain(`href="${PAGE}"`);

    const editor = await makeStaff(t.app, t.tenant, ['editor']);
    const ec = await loginCookie(t.app, t.tenant, 'staff', editor.id);
    expect((await t.app.inject({ url: PAGE, headers: { host: 'localhost', cookie: ec.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/admin', headers: { host: 'localhost', cookie: ec.cookie } })).body).not.toContain(`href="${PAGE}"`);
    const anon = await t.app.inject({ url: PAGE, headers: { host: 'localhost' } });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe(`/auth/login?next=${encodeURIComponent(PAGE)}`);
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await post(VALID, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.name).toBe('Comune di Prova');
  });
});

describe('saving', () => {
  it('shows field errors next to the fields and keeps what was typed, saving nothing', async () => {
    const res = await post({
      ...VALID,
      name: 'X',
      email: 'urp@',
      taxCode: '123',
      accessibilityUrl: 'http://form.agid.gov.it/view/abc',
      regionUrl: 'javascript:alert(1)',
      privacyUrl: '//evil.example/privacy',
      'social-network-1': '',
      'social-url-1': 'http://www.youtube.com/x',
      mapZoom: '40',
    });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('Alcuni campi non sono corretti');
    for (const f of ['name', 'email', 'taxCode', 'accessibilityUrl', 'regionUrl', 'privacyUrl', 'social-url-1', 'social-network-1', 'mapZoom']) {
      expect(html, f).toContain(`id="${f}-error"`);
    }
    expect(html).toMatch(/id="accessibilityUrl"[^>]*aria-invalid="true"[^>]*aria-describedby="accessibilityUrl-hint accessibilityUrl-error"/);
    expect(html).toContain('Scrivi un indirizzo completo che inizi con https://');
    expect(html).toContain('value="http://form.agid.gov.it/view/abc"');
    expect(html).toContain('value="urp@"');
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.name).toBe('Comune di Prova');
    expect(await audits('core.site-settings.updated')).toHaveLength(0);
  });

  it('saves name, contacts and links, audits the changed fields, and every page shows them', async () => {
    const res = await post(VALID);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${PAGE}?done=saved`);

    const row = (await findTenantBySlug(t.ctx.db, 'test'))!;
    expect(row.name).toBe('Comune di Valdoria');
    expect(row.settings.oidc).toEqual({ issuer: 'https://spid-proxy.example', clientId: 'piazza' });
    expect(row.settings.contacts).toEqual({
      address: 'Piazza Municipio 1, 13900 Valdoria (BI)',
      phone: '+39 015 1234567',
      email: 'urp@comune.valdoria.example',
      pec: 'protocollo@pec.comune.valdoria.example',
      taxCode: '00123450021',
    });
    expect(row.settings.site).toMatchObject({
      region: 'Regione Piemonte',
      accessibilityUrl: VALID.accessibilityUrl,
      transparencyUrl: 'https://trasparenza.comune.valdoria.example/',
      social: [
        { network: 'facebook', url: 'https://www.facebook.com/ComuneDiValdoria' },
        { network: 'youtube', url: 'https://www.youtube.com/@ComuneDiValdoria' },
      ],
      highlightedTopics: ['Tempo libero', 'Sport'],
      mapCenter: { lat: 45.5663, lon: 8.0537, zoom: 15 },
    });
    expect(row.settings.site?.privacyUrl).toBeUndefined();

    const [entry] = await audits('core.site-settings.updated');
    expect(entry).toMatchObject({ entityType: 'tenant', entityId: t.tenant.id, actorType: 'staff' });
    const changed = (entry!.details as { changed: string[] }).changed;
    expect(changed).toEqual(expect.arrayContaining(['name', 'contacts.email', 'contacts.address', 'site.accessibilityUrl', 'site.social']));
    expect(JSON.stringify(entry!.details)).not.toContain('@');

    const page = await t.app.inject({ url: `${PAGE}?done=saved`, headers: { host: 'localhost', cookie: admin.cookie } });
    expect(page.body).toContain('Impostazioni salvate.');

    // the public pages use the new settings at once (the tenant cache was refreshed)
    const html = (await t.app.inject({ url: '/auth/login?lang=it', headers: { host: 'localhost' } })).body;
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain('Comune di Valdoria');
    expect(footer).toContain('Piazza Municipio 1, 13900 Valdoria (BI)');
    expect(footer).toContain('Codice fiscale e P. IVA: 00123450021');
    expect(footer).toContain('href="tel:+390151234567"');
    expect(footer).toContain('href="mailto:urp@comune.valdoria.example"');
    expect(footer).toContain('PEC: protocollo@pec.comune.valdoria.example');
    expect(footer).toMatch(/href="https:\/\/form\.agid\.gov\.it\/view\/5c2b8f10-4a6e-11ef-9f3a-8d2f0c1b7e42" data-element="accessibility-link"/);
    expect(footer).toMatch(/href="https:\/\/trasparenza\.comune\.valdoria\.example\/">Amministrazione trasparente</);
    expect(footer).toMatch(/href="\/privacy" data-element="privacy-policy-link"/);
    expect(footer).toContain('href="https://www.facebook.com/ComuneDiValdoria"');
    expect(html).toMatch(/<a class="d-lg-block navbar-brand" href="https:\/\/www\.regione\.piemonte\.it\/">Regione Piemonte<\/a>/);
    expect(html).toMatch(/data-element="live">Vivere Valdoria</);
    expect(html).toContain('href="/argomenti/sport"');
  });

  it('accepts only topics of the vocabulary once the site registers it', async () => {
    setTopicVocabulary(['Tempo libero', 'Sport']);
    const bad = await post({ ...VALID, 'topic-2': 'Argomento inventato' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="topic-2-error"');
    expect(bad.body).toContain('<datalist id="topic-vocabulary">');
    const ok = await post({ ...VALID, 'topic-0': 'sport', 'topic-1': '' });
    expect(ok.statusCode).toBe(303);
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.settings.site?.highlightedTopics).toEqual(['Sport']);
    setTopicVocabulary([]);
  });
});

describe('coat of arms', () => {
  it('uploads an image shown in the header and footer, refuses other files, and removes it', async () => {
    const png = await sharp({ create: { width: 120, height: 140, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
    const up = await t.app.inject({
      method: 'POST',
      url: `${PAGE}/stemma`,
      ...(() => {
        const m = multipart({ _csrf: admin.csrfToken }, { name: 'stemma.png', type: 'image/png', bytes: png });
        return { payload: m.payload, headers: { ...m.headers, host: 'localhost', cookie: admin.cookie } };
      })(),
    });
    expect(up.statusCode).toBe(303);
    expect(up.headers.location).toBe(`${PAGE}?done=coat`);
    const id = (await findTenantBySlug(t.ctx.db, 'test'))!.settings.site?.coatOfArmsUploadId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await audits('core.site-settings.coat-of-arms-changed');
    expect(entry!.details).toMatchObject({ uploadId: id });

    const html = (await t.app.inject({ url: '/auth/login', headers: { host: 'localhost' } })).body;
    // decorative next to the comune's name, which names the link: an empty alt ("alt" alone in HTML)
    expect(html.match(new RegExp(`<img class="icon" src="/uploads/${id}" alt(="")? `, 'g'))).toHaveLength(2);
    expect((await t.app.inject({ url: `/uploads/${id}`, headers: { host: 'localhost' } })).statusCode).toBe(200);
    const page = await t.app.inject({ url: `${PAGE}?done=coat`, headers: { host: 'localhost', cookie: admin.cookie } });
    expect(page.body).toContain('Stemma aggiornato.');
    expect(page.body).toContain(`alt="Stemma del Comune di Valdoria"`);

    const text = await t.app.inject({
      method: 'POST',
      url: `${PAGE}/stemma`,
      ...(() => {
        const m = multipart({ _csrf: admin.csrfToken }, { name: 'stemma.png', type: 'image/png', bytes: Buffer.from('non è un’immagine') });
        return { payload: m.payload, headers: { ...m.headers, host: 'localhost', cookie: admin.cookie } };
      })(),
    });
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('id="coatOfArms-error"');
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.settings.site?.coatOfArmsUploadId).toBe(id);

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `${PAGE}/stemma`,
      ...(() => {
        const m = multipart({}, { name: 'stemma.png', type: 'image/png', bytes: png });
        return { payload: m.payload, headers: { ...m.headers, host: 'localhost', cookie: admin.cookie } };
      })(),
    });
    expect(noCsrf.statusCode).toBe(403);

    // saving the other settings keeps the coat of arms
    expect((await post(VALID)).statusCode).toBe(303);
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.settings.site?.coatOfArmsUploadId).toBe(id);

    const removed = await post({}, { url: `${PAGE}/stemma/rimuovi` });
    expect(removed.statusCode).toBe(303);
    expect((await findTenantBySlug(t.ctx.db, 'test'))!.settings.site?.coatOfArmsUploadId).toBeUndefined();
    const after = (await t.app.inject({ url: '/auth/login', headers: { host: 'localhost' } })).body;
    expect(after).not.toContain('<img class="icon"');
    expect(after).toContain('sprites.svg#it-pa');
    expect(await audits('core.site-settings.coat-of-arms-removed')).toHaveLength(1);
  });
});

describe('validateSiteSettings', () => {
  const base: SiteSettingsForm = {
    name: 'Comune di Valdoria', address: '', phone: '', email: '', pec: '', taxCode: '', vatNumber: '', region: '', regionUrl: '',
    social: [], accessibilityUrl: '', privacyUrl: '', transparencyUrl: '', mapTileUrl: '', mapAttribution: '', mapLat: '', mapLon: '', mapZoom: '', topics: [],
  };
  it('stores only what is set, so the defaults apply', () => {
    const v = validateSiteSettings(base);
    expect(v).toEqual({ ok: true, value: { name: 'Comune di Valdoria', contacts: {}, site: { social: [], highlightedTopics: [] } } });
  });
  it('wants tile templates with {z}/{x}/{y}, a VAT number of 11 digits and a name for the region URL', () => {
    const v = validateSiteSettings({ ...base, mapTileUrl: 'https://tiles.example/map.png', vatNumber: 'IT123', regionUrl: 'https://www.regione.piemonte.it' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.map((e) => e.field).sort()).toEqual(['mapTileUrl', 'region', 'vatNumber']);
    const ok = validateSiteSettings({ ...base, mapTileUrl: 'https://{s}.tiles.example/{z}/{x}/{y}.png', vatNumber: 'it 00123450021' });
    expect(ok.ok && ok.value.site).toMatchObject({ mapTileUrl: 'https://{s}.tiles.example/{z}/{x}/{y}.png', vatNumber: 'IT00123450021' });
  });
});
