import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { modules as enabledModules } from '../../modules.ts';
import { storeMultipartFile } from './uploads.ts';

/** A form post with one file, as a browser sends it. */
function multipart(filename: string, type: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----piazzaTestBoundary7MA4YWxkTrZu0gW';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: { UPLOAD_MAX_BYTES: '50000' },
    modules: [
      ...enabledModules,
      {
        id: 'probe',
        routes: async (app) => {
          app.post('/api/v1/probe-upload', async (req, reply) => {
            const part = await req.file();
            if (!part) return reply.code(400).send({ code: 'no-file' });
            const r = await storeMultipartFile(req, part, 'image');
            return r.ok ? reply.code(201).send(r.value) : reply.code(422).send(r.error);
          });
        },
      },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('uploads from a multipart form', () => {
  it('stores a photo posted in a form, with the type the browser declared checked against its content', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe-upload', ...multipart('buca in via Italia.jpg', 'image/jpeg', jpeg) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48, filename: 'buca in via Italia.jpg' });
    const file = await t.app.inject({ url: res.json().url });
    expect(file.statusCode).toBe(200);
  });

  it('answers a file over UPLOAD_MAX_BYTES with the too-large error value', async () => {
    const big = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 100 }).toBuffer();
    expect(big.length).toBeGreaterThan(50000);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe-upload', ...multipart('big.jpg', 'image/jpeg', big) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'too-large', vars: { max: '49 KB' } });
  });

  it('refuses a text file renamed .jpg', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe-upload', ...multipart('foto.jpg', 'image/jpeg', Buffer.from('not an image at all')) });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unsupported-type');
  });
});
