import type { FastifyRequest } from 'fastify';
import type { UploadedPart } from './uploads.ts';

/**
 * Forms with files (the back office editing forms, the coat of arms) are multipart and must work without JavaScript. The CSRF
 * check (core/auth/plugin.ts, a preHandler) reads the token from `req.body._csrf`, but @fastify/multipart
 * leaves the body empty until the handler reads the parts. So the routes read the whole form in a
 * preValidation hook — after the permission check, before the CSRF check — and put the text fields on
 * req.body: the hidden `_csrf` field then works exactly as in urlencoded forms. Files are only buffered here;
 * they are stored (storeMultipartFile) by the handler, after the CSRF check has passed.
 */

export interface FormFile extends UploadedPart {
  field: string;
  /** Over UPLOAD_MAX_BYTES: the bytes were cut short and dropped. */
  tooLarge: boolean;
  size: number;
}

const files = new WeakMap<FastifyRequest, FormFile[]>();

/** Files of a form read by readMultipartForm (none for an urlencoded post). */
export function formFiles(req: FastifyRequest): FormFile[] {
  return files.get(req) ?? [];
}

/** Forms have many fields (opening hours alone are 28): raise the plugin's per-request field limit. */
const LIMITS = { fields: 600, parts: 700, files: 8 };

export async function readMultipartForm(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const fields: Record<string, string | string[]> = {};
  const list: FormFile[] = [];
  const add = (k: string, v: string) => {
    const cur = fields[k];
    if (cur === undefined) fields[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else fields[k] = [cur, v];
  };
  try {
    for await (const part of req.parts({ limits: LIMITS })) {
      if (part.type === 'file') {
        let buf: Buffer | null = null;
        let tooLarge = false;
        try {
          buf = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
          tooLarge = true;
        }
        // A file input left empty still sends a part, with no name and no bytes.
        if (!part.filename && !buf?.length && !tooLarge) continue;
        const bytes = buf ?? Buffer.alloc(0);
        list.push({ field: part.fieldname, filename: part.filename, mimetype: part.mimetype, tooLarge, size: bytes.length, toBuffer: async () => bytes });
      } else if (typeof part.value === 'string') {
        add(part.fieldname, part.value);
      }
    }
  } catch (err) {
    // The size error of a file is reported once more at the end of the stream: it is already recorded.
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
  }
  req.body = fields;
  files.set(req, list);
}
