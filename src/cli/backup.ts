import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../core/config/index.ts';
import { backupPgliteDir, backupPostgres } from './backup-commands.ts';
import { describeTarget, pgliteDir } from './database.ts';

const USAGE = `Usage: npm run db:backup -- --out FILE

Writes a backup of the whole database (piazza's tables, migrations table, job queue) to FILE.
  PostgreSQL (DATABASE_URL set): pg_dump custom format; restore with npm run db:restore.
  Embedded (PGlite): a compressed copy of DATA_DIR/pglite; stop the server first.
Uploaded files are not in it: copy DATA_DIR/uploads as well (see docs/operations.md).
`;

let args;
try {
  args = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (err) {
  console.error(`piazza: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.out) {
  console.error(`piazza: --out FILE is required\n\n${USAGE}`);
  process.exit(1);
}

const config = loadConfigOrExit();
const started = Date.now();
const r = config.databaseUrl ? await backupPostgres(config.databaseUrl, args.out) : await backupPgliteDir(pgliteDir(config), args.out);
if (!r.ok) {
  console.error(`piazza: backup failed: ${r.error}`);
  process.exit(1);
}
console.log(`Backup of the ${describeTarget(config)} written to ${r.value.file}`);
console.log(`  ${(r.value.bytes / (1024 * 1024)).toFixed(1)} MB, ${r.value.kind === 'pglite' ? 'PGlite data-directory dump' : 'pg_dump custom format'}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
