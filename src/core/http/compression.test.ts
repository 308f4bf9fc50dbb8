import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import { buildTestApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('compression', () => {
  it('sends Bootstrap Italia and pages compressed to browsers that accept it, and plain to others', async () => {
    const css = await t.app.inject({ url: '/assets/bootstrap-italia/css/bootstrap-italia.min.css', headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    const plain = brotliDecompressSync(css.rawPayload).toString('utf8');
    expect(plain).toContain('--bootstrap-italia-version');
    expect(css.rawPayload.length).toBeLessThan(plain.length / 4);

    const page = await t.app.inject({ url: '/', headers: { host: 'localhost', 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    const none = await t.app.inject({ url: '/', headers: { host: 'localhost' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toContain('<html');
  });
});
