import 'dotenv/config';
import { loadConfigOrExit } from '../core/config/index.ts';
import { describeTarget, errorText, openConfiguredDatabase } from './database.ts';
import { migrateCommand } from './db-commands.ts';

/** `npm run db:migrate`: apply pending migrations to the configured database and list them. */
const config = loadConfigOrExit();
try {
  const database = await openConfiguredDatabase(config, 'npm run db:migrate');
  try {
    const report = await migrateCommand(database);
    console.log(`Database: ${describeTarget(config)}`);
    if (report.applied.length === 0) console.log(`Up to date: ${report.total} migrations applied, none pending.`);
    else {
      console.log(`Applied ${report.applied.length} migration(s):`);
      for (const tag of report.applied) console.log(`  ${tag}`);
      console.log(`${report.total} migrations applied in total.`);
    }
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`piazza: migration failed: ${errorText(err)}`);
  process.exit(1);
}
