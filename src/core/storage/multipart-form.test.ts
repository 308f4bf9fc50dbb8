import Fastify from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formFiles, readMultipartForm } from './multipart-form.ts';

/** The editing forms' multipart reader on its own: limits as in app.ts, but a 100-byte file limit. */
const app = Fastify();
beforeAll(async () => {
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 100, files: 5, fields: 50, fieldSize: 100 * 1024 }, throwFileSizeLimit: true });
  app.post('/form', { preValidation: readMultipartForm }, async (req) => ({
    body: req.body,
    files: formFiles(req).map((f) => ({ field: f.field, filename: f.filename, tooLarge: f.tooLarge, size: f.size })),
  }));
});
afterAll(() => app.close());

const B = 'boundary7f3a';
const field = (name: string, value: string) => Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
const file = (name: string, filename: string, bytes: Buffer) =>
  Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from('\r\n')]);

it('puts the text fields on the body (more than the global 50), skips empty file inputs and marks files over the limit', async () => {
  const payload = Buffer.concat([
    field('_csrf', 'token'),
    field('topics', 'Sport'),
    field('topics', 'Turismo'),
    file('image.file', 'grande.png', Buffer.alloc(500, 1)),
    file('attachments.new0.file', '', Buffer.alloc(0)),
    file('attachments.new1.file', 'piccolo.pdf', Buffer.from('%PDF-1.4 tiny')),
    field('after', 'kept'),
    ...Array.from({ length: 80 }, (_, i) => field(`hours.f${i}`, 'v')),
    Buffer.from(`--${B}--\r\n`),
  ]);
  const res = await app.inject({ method: 'POST', url: '/form', payload, headers: { 'content-type': `multipart/form-data; boundary=${B}` } });
  expect(res.statusCode).toBe(200);
  const { body, files } = res.json();
  expect(body._csrf).toBe('token');
  expect(body.topics).toEqual(['Sport', 'Turismo']);
  expect(body.after).toBe('kept');
  expect(body['hours.f79']).toBe('v');
  expect(files).toEqual([
    { field: 'image.file', filename: 'grande.png', tooLarge: true, size: 0 },
    { field: 'attachments.new1.file', filename: 'piccolo.pdf', tooLarge: false, size: 13 },
  ]);
});

it('leaves an urlencoded body alone', async () => {
  const res = await app.inject({ method: 'POST', url: '/form', payload: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(res.json()).toEqual({ body: { a: '1', b: '2' }, files: [] });
});
