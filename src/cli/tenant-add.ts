import 'dotenv/config';
import { describeTarget, runDatabaseCommand } from './database.ts';
import { addTenant, formatTenantError, parseTenantAddArgs, TENANT_ADD_USAGE } from './tenant-commands.ts';

/** `npm run tenant:add -- --slug biella --name "Comune di Biella" --host biella.example.it …` */
await runDatabaseCommand({
  command: 'npm run tenant:add',
  usage: TENANT_ADD_USAGE,
  parsed: parseTenantAddArgs(process.argv.slice(2)),
  run: async (database, args, config) => {
    const r = await addTenant(database.db, args);
    if (!r.ok) return { ok: false, heading: 'the comune was not created', errors: r.errors.map(formatTenantError) };
    const t = r.value;
    console.log(`Created comune "${t.name}" (slug ${t.slug}, id ${t.id}) in the ${describeTarget(config)}.`);
    console.log(`  hosts: ${t.hosts.length ? t.hosts.join(', ') : '(none: add one, or set DEFAULT_TENANT for localhost)'}`);
    console.log(`  languages: ${t.locales.join(', ')}`);
    console.log('A running server sees the new comune within 30 seconds.');
    return { ok: true };
  },
});
