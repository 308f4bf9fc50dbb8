import 'dotenv/config';
import { loadConfigOrExit } from '../core/config/index.ts';
import { describeTarget, errorText, openConfiguredDatabase } from './database.ts';
import { migrateCommand } from './db-commands.ts';
import { addTenant, formatTenantError, parseTenantAddArgs, TENANT_ADD_USAGE } from './tenant-commands.ts';

/** `npm run tenant:add -- --slug biella --name "Comune di Biella" --host biella.example.it …` */
const parsed = parseTenantAddArgs(process.argv.slice(2));
if (parsed.ok && parsed.help) {
  console.log(TENANT_ADD_USAGE);
  process.exit(0);
}
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`piazza: ${e}`);
  console.error(`\n${TENANT_ADD_USAGE}`);
  process.exit(1);
}

const config = loadConfigOrExit();
let exitCode = 0;
try {
  const database = await openConfiguredDatabase(config, 'npm run tenant:add');
  try {
    const m = await migrateCommand(database);
    if (m.applied.length) console.log(`Applied ${m.applied.length} pending migration(s) first: ${m.applied.join(', ')}`);
    const r = await addTenant(database.db, parsed.value);
    if (r.ok) {
      const t = r.value;
      console.log(`Created comune "${t.name}" (slug ${t.slug}, id ${t.id}) in the ${describeTarget(config)}.`);
      console.log(`  hosts: ${t.hosts.length ? t.hosts.join(', ') : '(none: add one, or set DEFAULT_TENANT for localhost)'}`);
      console.log(`  languages: ${t.locales.join(', ')}`);
      console.log('A running server sees the new comune within 30 seconds.');
    } else {
      console.error('piazza: the comune was not created:');
      for (const e of r.errors) console.error(`  ${formatTenantError(e)}`);
      exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`piazza: ${errorText(err)}`);
  exitCode = 1;
}
process.exit(exitCode);
