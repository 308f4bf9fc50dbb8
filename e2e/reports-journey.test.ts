import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations, startServer, throwAwayDatabase, type RunningServer } from './harness.ts';

/**
 * Issue 4, "done means": a person reports a pothole from a phone-sized Chromium window, with a photo and a pin,
 * and follows it to resolution while an operator handles it in the back office.
 */

let server: RunningServer;
let database: Awaited<ReturnType<typeof throwAwayDatabase>>;
let browser: Browser;
let phone: Page;
let operator: Page;
let photo: string;
let number = 0;

const REPLY = 'Buca chiusa con asfalto a freddo dalla squadra manutenzioni.';
const NOTE = 'Nota interna: squadra B, materiale dal magazzino di via Carso.';

beforeAll(async () => {
  database = await throwAwayDatabase();
  server = await startServer({ SEED_DEMO: 'true', ...database.env });
  browser = await launchBrowser();
  const mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  phone = await mobile.newPage();
  operator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const dir = mkdtempSync(join(tmpdir(), 'piazza-e2e-photo-'));
  photo = join(dir, 'buca.jpg');
  writeFileSync(photo, await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 95 } } }).jpeg().toBuffer());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

async function noSeriousViolations(p: Page, what: string) {
  const v = await seriousA11yViolations(p);
  expect(v, `${what}: ${JSON.stringify(v)}`).toEqual([]);
}

describe('a pothole, from the phone to its resolution', () => {
  it('the citizen reports it in four steps with a pin and a photo', async () => {
    await phone.goto(`${server.url}/segnalazioni/nuova`);
    await noSeriousViolations(phone, 'step 1');
    await phone.locator('label[for="privacy"]').click();
    expect(await phone.locator('input[name="privacy"]').isChecked()).toBe(true);
    await phone.locator('form button[type="submit"], form input[type="submit"]').filter({ hasText: /Avanti/ }).first().click();

    // Step 2: the place (pin on the map), the problem, a photo.
    await phone.locator('.leaflet-container').first().waitFor();
    await noSeriousViolations(phone, 'step 2');
    const map = phone.locator('.leaflet-container').first();
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => phone.locator('input[name="lat"]').first().inputValue()).not.toBe('');
    await phone.locator('textarea[name="description"]').fill('C’è una buca profonda sull’asfalto davanti al civico 10, le auto la prendono in pieno e le bici rischiano di cadere.');
    await phone.locator('input[name="title"]').fill('Buca profonda davanti al civico 10');
    await phone.locator('select[name="category"]').selectOption('buche');
    await phone.locator('input[type="file"]').first().setInputFiles(photo);
    await phone.getByRole('button', { name: /Vai al riepilogo/ }).click();

    // Step 3: the summary.
    await phone.locator('h2, h1').filter({ hasText: 'Riepilogo' }).first().waitFor();
    await noSeriousViolations(phone, 'summary');
    expect(await phone.locator('main').textContent()).toContain('Buca profonda davanti al civico 10');
    expect(await phone.locator('main img').count()).toBeGreaterThan(0);
    await phone.getByRole('button', { name: /Invia la segnalazione/ }).click();

    // Step 4: sent, with its number.
    await phone.waitForURL(/\/segnalazioni\/nuova\/inviata/);
    const text = (await phone.locator('main').textContent()) ?? '';
    const m = /segnalazione n\. (\d+)/i.exec(text);
    expect(m).not.toBeNull();
    number = Number(m![1]);
    await noSeriousViolations(phone, 'receipt');
  });

  it('the report is on the public list and its page, with the photo', async () => {
    await phone.goto(`${server.url}/segnalazioni`);
    expect(await phone.locator('main').textContent()).toContain('Buca profonda davanti al civico 10');
    await noSeriousViolations(phone, 'public list');
    await phone.goto(`${server.url}/segnalazioni/${number}`);
    expect(await phone.locator('h1').textContent()).toContain('Buca profonda davanti al civico 10');
    expect(await phone.locator(`main img[src*="/segnalazioni/${number}/foto/"]`).count()).toBe(1);
    await noSeriousViolations(phone, 'public detail');
  });

  it('the operator sees the AI’s proposal, confirms it and takes the report to resolution', async () => {
    await operator.goto(`${server.url}/auth/demo?next=${encodeURIComponent('/admin/segnalazioni')}`);
    await operator.getByRole('button', { name: /Sara Gallo/ }).click();
    await operator.goto(`${server.url}/admin/segnalazioni`);
    const row = operator.locator('main').locator(`text=Buca profonda davanti al civico 10`).first();
    await row.waitFor();
    const queue = (await operator.locator('main').textContent()) ?? '';
    expect(queue).toMatch(/Buche e manto stradale/);
    expect(queue).toMatch(/\d+\s?%/);
    await noSeriousViolations(operator, 'queue');

    await operator.goto(`${server.url}/admin/segnalazioni/${number}`);
    await noSeriousViolations(operator, 'report in the back office');
    await operator.getByRole('button', { name: 'Conferma', exact: true }).click();
    await operator.waitForLoadState();
    expect(await operator.locator('main').textContent()).toContain('Accettata');

    for (const [to, reply, note] of [
      ['in_progress', '', ''],
      ['resolved', REPLY, NOTE],
    ] as const) {
      await operator.locator('#status-to').selectOption(to);
      if (reply) await operator.locator('#status-publicReply').fill(reply);
      if (note) await operator.locator('#status-internalNote').fill(note);
      await operator.getByRole('button', { name: 'Cambia stato' }).last().click();
      await operator.waitForLoadState();
    }
    expect(await operator.locator('main').textContent()).toContain('Risolta');
  });

  it('the citizen sees it resolved with the comune’s reply, never the internal note', async () => {
    await phone.goto(`${server.url}/segnalazioni/${number}`);
    const text = (await phone.locator('main').textContent()) ?? '';
    expect(text).toContain('Risolta');
    expect(text).toContain(REPLY);
    expect(text).not.toContain(NOTE);
  });
});
