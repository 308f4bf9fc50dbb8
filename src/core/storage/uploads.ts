import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/types.ts';
import { recordAudit } from '../audit/index.ts';
import { withTenantTx, type Tx } from '../db/client.ts';
import { uploads } from '../db/schema.ts';
import { detectType, IMAGE_TYPES, normaliseDeclaredType, type DetectedType } from './detect.ts';
import { getStorage } from './storage.ts';

export type UploadKind = 'image' | 'document';

export type UploadErrorCode = 'empty' | 'too-large' | 'unsupported-type' | 'unsupported-heic' | 'type-mismatch' | 'unreadable-image';

/** An expected refusal. `code` is stable (translate it with the i18n key `upload.error.<code>`); `message` is English. */
export interface UploadError {
  code: UploadErrorCode;
  message: string;
  /** Values for the translated message (e.g. `max` for too-large). */
  vars?: Record<string, string>;
}

export interface StoredUpload {
  id: string;
  /** Where the file is served, for the same comune only: /uploads/<id>. */
  url: string;
  contentType: string;
  width: number | null;
  height: number | null;
  sizeBytes: number;
  sha256: string;
  filename: string;
}

export type UploadResult = { ok: true; value: StoredUpload } | { ok: false; error: UploadError };

export interface UploadInput {
  tenantId: string;
  actor: Actor;
  filename: string;
  bytes: Uint8Array;
  /** The Content-Type the client sent (multipart part mimetype); checked against the real type. */
  declaredType?: string | null;
  /** 'image': photos only. 'document': PDF, or a photo of a document. */
  kind: UploadKind;
  requestId?: string;
  /** Write the uploads row in the caller's transaction (opened with withTenantTx for the same tenant). */
  tx?: Tx;
}

/** Longest side of a stored image; larger photos are scaled down. */
export const MAX_IMAGE_SIDE = 2560;
/** Images with more pixels than this are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 120_000_000;

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

function fail(code: UploadErrorCode, message: string, vars?: Record<string, string>): UploadResult {
  return { ok: false, error: { code, message, ...(vars ? { vars } : {}) } };
}

/** A display name without directories, control characters or quotes, ending in the extension of what we stored. */
export function safeFilename(name: string, contentType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 120).trim() || 'file';
  return `${stem}.${EXT[contentType] ?? 'bin'}`;
}

interface Encoded {
  bytes: Uint8Array;
  contentType: string;
  width: number | null;
  height: number | null;
}

/**
 * Decode and re-encode an image: orientation applied (EXIF rotate), every metadata block dropped
 * (EXIF incl. GPS position, XMP, IPTC, ICC after conversion to sRGB), longest side capped. Opaque
 * images become JPEG; images with real transparency become PNG. Animated GIFs keep their first frame.
 */
async function reencodeImage(bytes: Uint8Array, detected: DetectedType): Promise<Encoded | UploadError> {
  const input = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  let opaque: boolean;
  try {
    const meta = await sharp(bytes, input).metadata();
    opaque = !meta.hasAlpha || (await sharp(bytes, input).stats()).isOpaque;
  } catch (err) {
    if (detected === 'image/heic') {
      return {
        code: 'unsupported-heic',
        message: 'HEIC photos cannot be read on this server: send the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).',
      };
    }
    const tooBig = /pixel limit/i.test(String((err as Error).message));
    return { code: 'unreadable-image', message: tooBig ? 'The image has too many pixels.' : 'The image is damaged or cannot be read.' };
  }
  try {
    // sharp writes no metadata unless asked (withMetadata/keepExif): nothing of the original survives.
    const pipeline = sharp(bytes, input).rotate().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const out = opaque
      ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
      : pipeline.png({ compressionLevel: 9 });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: opaque ? 'image/jpeg' : 'image/png', width: info.width, height: info.height };
  } catch {
    return { code: 'unreadable-image', message: 'The image is damaged or cannot be read.' };
  }
}

/**
 * Store a file uploaded for a comune: size limit, real type from the bytes (a text file renamed .jpg is
 * refused), images re-encoded without metadata, then the file in storage and its `uploads` row.
 */
export async function storeUpload(ctx: AppContext, input: UploadInput): Promise<UploadResult> {
  const { bytes } = input;
  const max = ctx.config.uploadMaxBytes;
  if (bytes.length === 0) return fail('empty', 'The file is empty.');
  if (bytes.length > max) return fail('too-large', `The file is larger than ${formatBytes(max)}.`, { max: formatBytes(max) });

  const detected = detectType(bytes);
  const accepted: readonly DetectedType[] = input.kind === 'image' ? IMAGE_TYPES : [...IMAGE_TYPES, 'application/pdf'];
  const acceptedText = input.kind === 'image' ? 'JPEG, PNG, WebP, GIF or HEIC images' : 'PDF documents or JPEG, PNG, WebP, GIF or HEIC images';
  if (!detected || !accepted.includes(detected)) return fail('unsupported-type', `This kind of file is not accepted: send ${acceptedText}.`);
  const declared = normaliseDeclaredType(input.declaredType);
  if (declared && declared !== detected) {
    return fail('type-mismatch', `The file says it is ${declared} but its content is ${detected}.`);
  }

  let stored: Encoded;
  if (detected === 'application/pdf') {
    stored = { bytes, contentType: 'application/pdf', width: null, height: null };
  } else {
    const r = await reencodeImage(bytes, detected);
    if ('code' in r) return { ok: false, error: r };
    stored = r;
  }

  const id = randomUUID();
  const now = new Date();
  const key = `${input.tenantId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}.${EXT[stored.contentType] ?? 'bin'}`;
  const sha256 = createHash('sha256').update(stored.bytes).digest('hex');
  const filename = safeFilename(input.filename, stored.contentType);
  const storage = getStorage(ctx);
  await storage.put(key, stored.bytes, stored.contentType);

  const actor = input.actor;
  const write = async (tx: Tx) => {
    await tx.insert(uploads).values({
      tenantId: input.tenantId,
      id,
      storageKey: key,
      originalName: filename,
      contentType: stored.contentType,
      sizeBytes: stored.bytes.length,
      width: stored.width,
      height: stored.height,
      sha256,
      createdByType: actor.type,
      createdById: actor.type === 'anonymous' ? null : actor.id,
    });
    if (actor.type === 'staff') {
      await recordAudit(
        tx,
        { tenantId: input.tenantId, actor, requestId: input.requestId },
        { action: 'core.upload.created', entityType: 'upload', entityId: id, details: { contentType: stored.contentType, sizeBytes: stored.bytes.length } },
      );
    }
  };
  try {
    if (input.tx) await write(input.tx);
    else await withTenantTx(ctx.db, input.tenantId, write);
  } catch (err) {
    await storage.delete(key).catch(() => undefined);
    throw err;
  }
  return {
    ok: true,
    value: { id, url: `/uploads/${id}`, contentType: stored.contentType, width: stored.width, height: stored.height, sizeBytes: stored.bytes.length, sha256, filename },
  };
}

export type UploadRow = typeof uploads.$inferSelect;

/** The upload `id` of this comune, or null (also for another comune's id). */
export async function findUpload(ctx: AppContext, tenantId: string, id: string): Promise<UploadRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = await withTenantTx(ctx.db, tenantId, (tx) =>
    tx.select().from(uploads).where(and(eq(uploads.tenantId, tenantId), eq(uploads.id, id))).limit(1),
  );
  return rows[0] ?? null;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The part of a multipart upload storeMultipartFile needs (a @fastify/multipart `MultipartFile`). */
export interface UploadedPart {
  filename: string;
  mimetype: string;
  toBuffer(): Promise<Buffer>;
}

/**
 * Store a file from a multipart form (`await req.file()` or a part of `req.parts()`) for the request's
 * comune and actor. A file over UPLOAD_MAX_BYTES (cut short by the multipart limits) comes back as the
 * `too-large` error value, so a form can show it next to its field.
 */
export async function storeMultipartFile(
  req: { server: { ctx: AppContext }; tenant: { id: string } | null; actor: Actor; id: string },
  part: UploadedPart,
  kind: UploadKind,
): Promise<UploadResult> {
  const ctx = req.server.ctx;
  if (!req.tenant) throw new Error('storeMultipartFile needs a request with a tenant');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const max = formatBytes(ctx.config.uploadMaxBytes);
      return fail('too-large', `The file is larger than ${max}.`, { max });
    }
    throw err;
  }
  return storeUpload(ctx, { tenantId: req.tenant.id, actor: req.actor, filename: part.filename, bytes, declaredType: part.mimetype, kind, requestId: req.id });
}
