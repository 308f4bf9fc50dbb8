import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { AppContext } from '../context.ts';

/**
 * Where uploaded files live. The filesystem implementation is the default (under DATA_DIR/uploads,
 * which several instances must share, e.g. over NFS); an object-storage implementation can be added
 * behind the same interface. Keys are relative paths of safe segments, the tenant id first.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object as a stream with its size, or null when it does not exist. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A key is 1–8 segments of letters, digits, `.`, `_` and `-`, none starting with a dot: no traversal, no hidden files. */
export function isSafeKey(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512) return false;
  const parts = key.split('/');
  return parts.length <= 8 && parts.every((p) => SEGMENT.test(p) && !p.includes('..'));
}

export class UnsafeKeyError extends Error {
  constructor(key: string) {
    super(`unsafe storage key ${JSON.stringify(key)}`);
    this.name = 'UnsafeKeyError';
  }
}

export class FileSystemStorage implements Storage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of a key; throws for unsafe keys (a bug in the caller, never user input). */
  pathOf(key: string): string {
    if (!isSafeKey(key)) throw new UnsafeKeyError(key);
    const p = resolve(this.root, ...key.split('/'));
    if (!p.startsWith(this.root + sep)) throw new UnsafeKeyError(key);
    return p;
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write to a temporary name and rename: readers never see half a file.
    const tmp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(tmp, bytes, { mode: 0o640, flush: true });
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.pathOf(key);
    try {
      const s = await stat(path);
      if (!s.isFile()) return null;
      return { stream: createReadStream(path), size: s.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}

const instances = new WeakMap<AppContext, Storage>();

/** The storage of this installation: the filesystem under DATA_DIR/uploads unless another was set. */
export function getStorage(ctx: AppContext): Storage {
  let s = instances.get(ctx);
  if (!s) {
    s = new FileSystemStorage(join(ctx.config.dataDir, 'uploads'));
    instances.set(ctx, s);
  }
  return s;
}

/** Use another storage (object storage, or a test double) for this context. */
export function setStorage(ctx: AppContext, storage: Storage): void {
  instances.set(ctx, storage);
}
