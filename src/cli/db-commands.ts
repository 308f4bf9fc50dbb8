import type { Database } from '../core/db/client.ts';
import { committedMigrations, migrate } from '../core/db/migrate.ts';

/** The `created_at` values drizzle recorded for applied migrations (the journal's `when`); empty before the first run. */
async function appliedStamps(database: Database): Promise<Set<number>> {
  try {
    const { rows } = await database.executeSql('select created_at from drizzle.__drizzle_migrations');
    return new Set(rows.map((r) => Number(r.created_at)));
  } catch {
    return new Set();
  }
}

export interface MigrateReport {
  /** Tags of the migrations this run applied, in order. */
  applied: string[];
  /** How many committed migrations the database now has. */
  total: number;
}

/** Apply every pending migration (under the advisory lock on PostgreSQL) and say which ones ran. */
export async function migrateCommand(database: Database): Promise<MigrateReport> {
  const before = await appliedStamps(database);
  await migrate(database);
  const after = await appliedStamps(database);
  const entries = committedMigrations();
  return {
    applied: entries.filter((e) => !before.has(e.when) && after.has(e.when)).map((e) => e.tag),
    total: entries.filter((e) => after.has(e.when)).length,
  };
}
