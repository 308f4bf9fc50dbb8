import 'dotenv/config';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { loadConfigOrExit } from '../core/config/index.ts';
import { restorePgliteDir, restorePostgres } from './backup-commands.ts';
import { describeTarget, errorText, pgliteDir } from './database.ts';

const USAGE = `Usage: npm run db:restore -- --in FILE [--force]

Restores a backup made by npm run db:backup into the configured database.
  PostgreSQL (DATABASE_URL set): the database must be empty, e.g. just created.
  Embedded (PGlite): DATA_DIR/pglite must be empty or absent; stop the server first.
  --force  replace a database that is not empty (PostgreSQL: its schemas are dropped;
           PGlite: the current directory is moved aside, not deleted)
`;

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2),
    options: { in: { type: 'string', short: 'i' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  }).values;
} catch (err) {
  console.error(`piazza: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.in || !existsSync(args.in)) {
  console.error(`piazza: ${args.in ? `${args.in} does not exist` : '--in FILE is required'}\n\n${USAGE}`);
  process.exit(1);
}

const config = loadConfigOrExit();
const force = args.force === true;
try {
  if (config.databaseUrl) {
    const r = await restorePostgres(args.in, config.databaseUrl, { force });
    if (!r.ok) throw new Error(r.error);
    console.log(`Restored ${args.in} into the ${describeTarget(config)}${r.value.replaced ? ' (previous contents dropped)' : ''}.`);
    console.log(`  ${r.value.migrations} migrations recorded; newer ones are applied at the next start or by npm run db:migrate.`);
  } else {
    const r = await restorePgliteDir(args.in, pgliteDir(config), { force });
    if (!r.ok) throw new Error(r.error);
    console.log(`Restored ${args.in} into the ${describeTarget(config)}.`);
    if (r.value.movedAside) console.log(`  The previous database was moved to ${r.value.movedAside}; delete it once you are satisfied.`);
    console.log(`  ${r.value.migrations} migrations recorded; newer ones are applied at the next start or by npm run db:migrate.`);
  }
  process.exit(0);
} catch (err) {
  console.error(`piazza: restore failed: ${errorText(err)}`);
  process.exit(1);
}
