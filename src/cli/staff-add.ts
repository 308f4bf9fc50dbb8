import 'dotenv/config';
import { loadConfigOrExit } from '../core/config/index.ts';
import { addStaffFromCli, parseStaffAddArgs, STAFF_ADD_USAGE } from '../core/auth/staff-cli.ts';
import { describeTarget, errorText, openConfiguredDatabase } from './database.ts';
import { migrateCommand } from './db-commands.ts';

/** `npm run staff:add -- --tenant biella --email laura.conti@comune.biella.it --name "Laura Conti" --roles admin` */
const parsed = parseStaffAddArgs(process.argv.slice(2));
if (parsed.ok && parsed.help) {
  console.log(STAFF_ADD_USAGE);
  process.exit(0);
}
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`piazza: ${e}`);
  console.error(`\n${STAFF_ADD_USAGE}`);
  process.exit(1);
}

const config = loadConfigOrExit();
let exitCode = 0;
try {
  const database = await openConfiguredDatabase(config, 'npm run staff:add');
  try {
    const m = await migrateCommand(database);
    if (m.applied.length) console.log(`Applied ${m.applied.length} pending migration(s) first: ${m.applied.join(', ')}`);
    const r = await addStaffFromCli(database.db, parsed.value, process.env);
    if (r.ok) {
      const { staff, generatedPassword, tenantName } = r.value;
      console.log(`Created staff account ${staff.email} (${staff.displayName}; roles ${staff.roles.join(', ')}) for "${tenantName}" in the ${describeTarget(config)}.`);
      if (generatedPassword) {
        console.log(`Generated password (shown only now, give it to the person securely): ${generatedPassword}`);
      } else {
        console.log('Password: taken from STAFF_PASSWORD.');
      }
      console.log('They log in at /auth/staff/login and can change the password and turn on TOTP at /admin/account.');
    } else {
      console.error('piazza: the staff account was not created:');
      for (const e of r.errors) console.error(`  ${e}`);
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
