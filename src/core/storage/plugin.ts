import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context.ts';
import { registerMessages } from '../i18n/index.ts';
import { httpProblem } from '../http/problem.ts';
import { getStorage } from './storage.ts';
import { findUpload, isImage } from './uploads.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /uploads/:id — a stored file, for the comune of the request only (another comune's id is a 404,
 * like an unknown one). Images inline, documents as attachments; never sniffed; cached privately,
 * since the content at an id never changes.
 */
export async function storagePlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerMessages({ it, en });

  app.get(
    '/uploads/:id',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => {
      const tenant = req.tenant;
      if (!tenant) throw httpProblem('not-found');
      const { id } = req.params as { id: string };
      const row = await findUpload(ctx, tenant.id, id);
      if (!row) throw httpProblem('not-found', { detail: 'No such file for this comune.' });

      const etag = `"${row.sha256}"`;
      reply
        .header('content-type', row.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(isImage(row.contentType) ? 'inline' : 'attachment', row.originalName))
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', etag)
        .header('last-modified', row.createdAt.toUTCString())
        // Served files never run anything, even if opened directly.
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();

      const obj = await getStorage(ctx).get(row.storageKey);
      if (!obj) {
        req.log.error({ uploadId: row.id, key: row.storageKey }, 'upload missing from storage');
        throw new Error('upload missing from storage');
      }
      return reply.header('content-length', obj.size).send(obj.stream);
    },
  );
}
