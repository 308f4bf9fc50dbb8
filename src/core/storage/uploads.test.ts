import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/index.ts';
import { makeStaff } from '../testing/factories.ts';
import { withTenantTx } from '../db/client.ts';
import { auditLog, uploads } from '../db/schema.ts';
import type { Actor } from '../auth/types.ts';
import type { Tenant } from '../tenancy/types.ts';
import { storeUpload, type StoredUpload, type UploadInput } from './uploads.ts';
import { FileSystemStorage, isSafeKey } from './storage.ts';

let t: TestApp;
let other: Tenant;
const citizen: Actor = { type: 'anonymous' };

beforeAll(async () => {
  t = await buildTestApp();
  other = await t.addTenant('altro');
});
afterAll(async () => {
  await t?.close();
});

function photo(width: number, height: number): sharp.Sharp {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });
}

/** A phone photo: EXIF with the GPS position of the Biella town hall and the camera model. */
async function jpegWithGps(): Promise<Buffer> {
  return photo(800, 600)
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Copyright: 'Mario Rossi' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 33/1 57/1', GPSLongitudeRef: 'E', GPSLongitude: '8/1 3/1 12/1' },
    })
    .toBuffer();
}

async function upload(over: Partial<UploadInput> & { bytes: Uint8Array }): Promise<StoredUpload> {
  const r = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'foto.jpg', declaredType: 'image/jpeg', kind: 'image', ...over });
  if (!r.ok) throw new Error(`upload refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('storeUpload', () => {
  it('removes EXIF, including the GPS position, from a phone photo', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker'); // the test photo really carries EXIF

    const stored = await upload({ bytes: input });
    expect(stored.contentType).toBe('image/jpeg');
    expect([stored.width, stored.height]).toEqual([800, 600]);

    const res = await t.app.inject({ url: stored.url });
    expect(res.statusCode).toBe(200);
    const after = await sharp(res.rawPayload).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(res.rawPayload.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(stored.sha256);
  });

  it('applies the EXIF orientation, so a portrait photo stays upright', async () => {
    const input = await photo(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const stored = await upload({ bytes: input });
    expect([stored.width, stored.height]).toEqual([200, 400]);
  });

  it('scales very large photos down to 2560 px on the longest side', async () => {
    const input = await photo(4000, 3000).jpeg({ quality: 50 }).toBuffer();
    const stored = await upload({ bytes: input });
    expect([stored.width, stored.height]).toEqual([2560, 1920]);
  });

  it('keeps transparency (PNG out) and converts opaque PNG, WebP and GIF to JPEG', async () => {
    const transparent = await sharp({ create: { width: 50, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const t1 = await upload({ bytes: transparent, filename: 'logo.png', declaredType: 'image/png' });
    expect(t1.contentType).toBe('image/png');
    expect((await sharp((await t.app.inject({ url: t1.url })).rawPayload).metadata()).hasAlpha).toBe(true);

    for (const [fmt, type] of [['png', 'image/png'], ['webp', 'image/webp'], ['gif', 'image/gif']] as const) {
      const bytes = await photo(60, 40).toFormat(fmt).toBuffer();
      const s = await upload({ bytes, filename: `img.${fmt}`, declaredType: type });
      expect(s.contentType).toBe('image/jpeg');
      expect(s.filename).toBe('img.jpg');
    }
  });

  it('refuses a text file renamed .jpg', async () => {
    const r = await storeUpload(t.ctx, {
      tenantId: t.tenant.id,
      actor: citizen,
      filename: 'foto.jpg',
      bytes: Buffer.from('this is not a photo, just text\n'),
      declaredType: 'image/jpeg',
      kind: 'image',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported-type' } });
  });

  it('refuses a file whose declared type does not match its content', async () => {
    const png = await photo(10, 10).png().toBuffer();
    const r = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'foto.jpg', bytes: png, declaredType: 'image/jpeg', kind: 'image' });
    expect(r).toMatchObject({ ok: false, error: { code: 'type-mismatch' } });
  });

  it('refuses a PDF where only images are accepted, and a damaged image', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const r1 = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'a.pdf', bytes: pdf, declaredType: 'application/pdf', kind: 'image' });
    expect(r1).toMatchObject({ ok: false, error: { code: 'unsupported-type' } });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const r2 = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'b.jpg', bytes: broken, declaredType: 'image/jpeg', kind: 'image' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'unreadable-image' } });
  });

  it('refuses a file larger than UPLOAD_MAX_BYTES, and an empty one', async () => {
    const small = { ...t.ctx, config: { ...t.ctx.config, uploadMaxBytes: 1000 } };
    const input = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    expect(input.length).toBeGreaterThan(1000);
    const r = await storeUpload(small, { tenantId: t.tenant.id, actor: citizen, filename: 'big.jpg', bytes: input, declaredType: 'image/jpeg', kind: 'image' });
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large', vars: { max: '1000 bytes' } } });
    const e = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'x.jpg', bytes: new Uint8Array(0), kind: 'image' });
    expect(e).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('keeps a PDF byte for byte and serves it as an attachment', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% àèìòù\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const r = await storeUpload(t.ctx, { tenantId: t.tenant.id, actor: citizen, filename: 'C:\\Documenti\\Delibera n° 12.pdf', bytes: pdf, declaredType: 'application/pdf', kind: 'document' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ contentType: 'application/pdf', width: null, height: null, filename: 'Delibera n° 12.pdf' });
    const res = await t.app.inject({ url: r.value.url });
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Delibera n_ 12.pdf"; filename*=UTF-8''Delibera%20n%C2%B0%2012.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('writes the file under the tenant id and records who uploaded it; staff uploads are audited', async () => {
    const staff = await makeStaff(t.app, t.tenant, ['editor']);
    const actor: Actor = { type: 'staff', id: staff.id, email: staff.email, name: staff.displayName, roles: ['editor'], officeIds: [] };
    const stored = await upload({ bytes: await photo(20, 20).jpeg().toBuffer(), actor, requestId: 'req-12345678' });
    const [row] = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(uploads).where(eq(uploads.id, stored.id)));
    expect(row).toMatchObject({ createdByType: 'staff', createdById: staff.id, sizeBytes: stored.sizeBytes });
    expect(row!.storageKey.startsWith(`${t.tenant.id}/`)).toBe(true);
    expect(existsSync(join(t.config.dataDir, 'uploads', ...row!.storageKey.split('/')))).toBe(true);
    const audit = await withTenantTx(t.ctx.db, t.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, stored.id)));
    expect(audit).toMatchObject([{ action: 'core.upload.created', actorId: staff.id, requestId: 'req-12345678' }]);
  });
});

describe('GET /uploads/:id', () => {
  it('serves an image inline with type, nosniff and cache headers, and answers 304 to a matching ETag', async () => {
    const stored = await upload({ bytes: await photo(30, 30).jpeg().toBuffer() });
    const res = await t.app.inject({ url: stored.url });
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="foto\.jpg"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('max-age=');
    expect(Number(res.headers['content-length'])).toBe(stored.sizeBytes);
    const again = await t.app.inject({ url: stored.url, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("answers 404 to another comune's host, exactly as for an unknown id", async () => {
    const stored = await upload({ bytes: await photo(30, 30).jpeg().toBuffer() });
    const elsewhere = await t.app.inject({ url: stored.url, headers: { host: 'altro.localhost', accept: 'application/json' } });
    expect(elsewhere.statusCode).toBe(404);
    const unknown = await t.app.inject({ url: '/uploads/00000000-0000-4000-8000-000000000000', headers: { accept: 'application/json' } });
    expect(unknown.statusCode).toBe(404);
    expect(elsewhere.json().type).toBe(unknown.json().type);
    const garbage = await t.app.inject({ url: '/uploads/..%2f..%2fetc%2fpasswd' });
    expect(garbage.statusCode).toBe(404);

    const theirs = await storeUpload(t.ctx, { tenantId: other.id, actor: citizen, filename: 'x.jpg', bytes: await photo(10, 10).jpeg().toBuffer(), kind: 'image' });
    if (!theirs.ok) throw new Error(theirs.error.message);
    expect((await t.app.inject({ url: theirs.value.url, headers: { host: 'altro.localhost' } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: theirs.value.url })).statusCode).toBe(404);
  });
});

describe('FileSystemStorage', () => {
  it('accepts only safe keys: no traversal, no absolute paths, no hidden files', async () => {
    for (const k of ['a/b.jpg', 'tenant-1/2025/01/x_y.pdf']) expect(isSafeKey(k)).toBe(true);
    for (const k of ['', '../x', 'a/../b', '/etc/passwd', 'a//b', '.hidden', 'a/.b', 'a\\b', 'a/b/', 'x'.repeat(600), 'a/b c']) expect(isSafeKey(k)).toBe(false);
    const s = new FileSystemStorage(join(t.config.dataDir, 'fs-test'));
    await expect(s.put('../escape.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    await s.put('t1/a.txt', Buffer.from('ciao'), 'text/plain');
    expect(await s.exists('t1/a.txt')).toBe(true);
    const got = await s.get('t1/a.txt');
    expect(got?.size).toBe(4);
    got?.stream.destroy();
    await s.delete('t1/a.txt');
    expect(await s.exists('t1/a.txt')).toBe(false);
    expect(await s.get('t1/a.txt')).toBeNull();
  });
});
