import type { Config } from '../config/index.ts';
import { openDatabase, type Database } from './client.ts';
import { acquirePgliteLock } from './pglite-lock.ts';

/**
 * The server's database. An embedded data dir is locked for this process (PGlite is single-process: a backup
 * or a second server on the same files would corrupt them); the lock goes with database.close().
 */
export async function openOwnDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const dataDir = `${config.dataDir}/pglite`;
  const lock = acquirePgliteLock(dataDir, 'server');
  try {
    const database = await openDatabase({ dataDir });
    const close = database.close.bind(database);
    database.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return database;
  } catch (err) {
    lock.release();
    throw err;
  }
}
