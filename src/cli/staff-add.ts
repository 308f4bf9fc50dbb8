import 'dotenv/config';
import { addStaffFromCli, parseStaffAddArgs, STAFF_ADD_USAGE } from '../core/auth/staff-cli.ts';
import { describeTarget, runDatabaseCommand } from './database.ts';

/** `npm run staff:add -- --tenant biella --email laura.conti@comune.biella.it --name "Laura Conti" --roles admin` */
await runDatabaseCommand({
  command: 'npm run staff:add',
  usage: STAFF_ADD_USAGE,
  parsed: parseStaffAddArgs(process.argv.slice(2)),
  run: async (database, args, config) => {
    const r = await addStaffFromCli(database.db, args, process.env);
    if (!r.ok) return { ok: false, heading: 'the staff account was not created', errors: r.errors };
    const { staff, generatedPassword, tenantName } = r.value;
    console.log(`Created staff account ${staff.email} (${staff.displayName}; roles ${staff.roles.join(', ')}) for "${tenantName}" in the ${describeTarget(config)}.`);
    if (generatedPassword) {
      console.log(`Generated password (shown only now, give it to the person securely): ${generatedPassword}`);
    } else {
      console.log('Password: taken from STAFF_PASSWORD.');
    }
    console.log('They log in at /auth/staff/login and can change the password and turn on TOTP at /admin/account.');
    return { ok: true };
  },
});
