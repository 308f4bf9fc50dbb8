import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/**
 * An embedded (PGlite) data directory may be open in one process only: PGlite has no postmaster.pid
 * and two processes writing the same files corrupt them. Every piazza command that opens the data
 * directory takes `<dir>.lock` first; the lock names the process holding it.
 */
export interface PgliteLock {
  path: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PgliteLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database is in use by process ${holder.pid} on ${holder.host} (${holder.purpose}, since ${holder.since}). ` +
        `Stop it first (for the server: SIGTERM, Ctrl+C or your service manager). If no such process exists, delete ${lockPath}.`,
    );
    this.name = 'PgliteLockedError';
  }
}

/** Take the lock of a PGlite data directory, or throw PgliteLockedError naming who holds it. Stale locks are replaced. */
export function acquirePgliteLock(dataDir: string, purpose: string): PgliteLock {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      } catch {
        holder = null;
      }
      if (holder && (holder.host !== hostname() || alive(holder.pid))) throw new PgliteLockedError(path, holder);
      rmSync(path, { force: true }); // stale: its process is gone
      continue;
    }
    const info: LockInfo = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
    writeSync(fd, JSON.stringify(info) + '\n');
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      try {
        const current = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
        if (current.pid === process.pid) rmSync(path, { force: true });
      } catch {
        /* already gone */
      }
    };
    process.on('exit', release);
    return { path, release };
  }
  throw new Error(`cannot take the lock ${path}`);
}
