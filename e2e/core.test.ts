import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations, startServer, type RunningServer } from './harness.ts';

/**
 * Journeys through the platform core in Debian's Chromium, against a real `src/main.ts` process with the
 * demo comune: the entry page, a citizen's demo login to the personal area and inbox, a staff login to the
 * admin area (audit log, outbox), logout — with axe-core on every page, and the citizen journey without JS.
 */
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page), `accessibility of ${page.url()}`).toEqual([]);
}

function watchCsp(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

describe('core journeys in Chromium', () => {
  it('serves an accessible Italian entry page with Bootstrap Italia, and English on request', async () => {
    const page = await browser.newPage();
    const csp = watchCsp(page);
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Comune di Biella (demo)');
    expect(await page.evaluate(() => (window as unknown as { BOOTSTRAP_ITALIA_VERSION?: string }).BOOTSTRAP_ITALIA_VERSION)).toMatch(/^2\./);
    await expectAccessible(page);
    // keyboard: the first Tab reaches the skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vai al contenuto principale');
    // rating widget: with JS only the answer group that fits the stars shows (1–3 difficulties, 4–5 preferences)
    const negative = page.locator('[data-element="feedback-rating-negative"]');
    const positive = page.locator('[data-element="feedback-rating-positive"]');
    expect([await negative.isVisible(), await positive.isVisible()]).toEqual([false, false]);
    await page.locator('[data-element="feedback-rate-2"]').click();
    expect([await negative.isVisible(), await positive.isVisible()]).toEqual([true, false]);
    await page.locator('[data-element="feedback-rate-5"]').click();
    expect([await negative.isVisible(), await positive.isVisible()]).toEqual([false, true]);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await page.getByRole('link', { name: 'Log in to your personal area' }).isVisible()).toBe(true);
    await expectAccessible(page);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('takes a citizen from the entry page through the demo login to the personal area and inbox, then out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const csp = watchCsp(page);
    await page.goto(`${server.url}/?lang=it`);
    await page.getByRole('link', { name: "Accedi all'area personale" }).click();
    expect(new URL(page.url()).pathname).toBe('/auth/login');
    await expectAccessible(page);
    await page.getByRole('link', { name: /accesso dimostrativo/ }).click();
    expect(new URL(page.url()).pathname).toBe('/auth/demo');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Entra come Maria Bianchi' }).click();
    expect(new URL(page.url()).pathname).toBe('/area-personale');
    await expect(page.locator('main').textContent()).resolves.toContain('BNCMRA85C52A859');
    await expectAccessible(page);
    await page.goto(`${server.url}/area-personale/messaggi`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Messaggi');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Esci' }).click();
    const after = await page.goto(`${server.url}/area-personale`);
    expect(new URL(page.url()).pathname).toBe('/auth/login');
    expect(after?.status()).toBe(200);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('lets the citizen journey work without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/demo?lang=it`);
    await page.getByRole('button', { name: 'Entra come Luca Ferrari' }).click();
    expect(new URL(page.url()).pathname).toBe('/area-personale');
    await expect(page.locator('main').textContent()).resolves.toContain('Luca Ferrari');
    await context.close();
  });

  it('lets an admin log in with a password and browse the audit log and the outbox', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/auth/staff/login?lang=it`);
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill('laura.conti@demo.piazza.example');
    await page.getByLabel('Password').fill('demo-admin-piazza');
    await page.getByRole('button', { name: 'Accedi' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expectAccessible(page);
    await page.goto(`${server.url}/admin/audit`);
    await expect(page.locator('main').textContent()).resolves.toContain('laura.conti@demo.piazza.example');
    await expectAccessible(page);
    await page.goto(`${server.url}/admin/outbox`);
    expect(new URL(page.url()).pathname).toBe('/admin/outbox');
    await expectAccessible(page);
    await context.close();
  });
});
