import { parseArgs } from 'node:util';
import { withTenantTx, type Db } from '../db/client.ts';
import { findTenantBySlug } from '../tenancy/index.ts';
import { t } from '../i18n/index.ts';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { registerMessages } from '../i18n/index.ts';
import { STAFF_ROLES } from './types.ts';
import { PASSWORD_MIN_LENGTH, createStaffUser, generatePassword, type StaffRow } from './staff.ts';

/** `npm run staff:add`: the logic, testable without a process (the entry point is src/cli/staff-add.ts). */

export const STAFF_ADD_USAGE = `Usage: npm run staff:add -- --tenant SLUG --email EMAIL --name NAME --roles ROLE[,ROLE…]

Adds a staff account to a comune.

  --tenant SLUG    the comune (its slug, e.g. biella)
  --email EMAIL    the login e-mail of the person
  --name NAME      full name (e.g. "Laura Conti")
  --roles ROLES    comma-separated: ${STAFF_ROLES.join(', ')}
  --help           show this text

The password comes from the environment variable STAFF_PASSWORD (at least ${PASSWORD_MIN_LENGTH} characters);
without it a random password is generated and printed once.
`;

export interface StaffAddArgs {
  tenant: string;
  email: string;
  name: string;
  roles: string[];
}

export type ParsedStaffArgs = { ok: true; help: true } | { ok: true; help: false; value: StaffAddArgs } | { ok: false; errors: string[] };

export function parseStaffAddArgs(argv: string[]): ParsedStaffArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        tenant: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, errors: [(err as Error).message] };
  }
  if (values.help) return { ok: true, help: true };
  const errors: string[] = [];
  for (const k of ['tenant', 'email', 'name', 'roles'] as const) if (typeof values[k] !== 'string' || !(values[k] as string).trim()) errors.push(`--${k} is required`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    help: false,
    value: {
      tenant: (values.tenant as string).trim(),
      email: (values.email as string).trim(),
      name: (values.name as string).trim(),
      roles: (values.roles as string)
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    },
  };
}

const FLAG: Record<string, string> = { email: '--email', displayName: '--name', roles: '--roles', password: 'STAFF_PASSWORD' };

/**
 * Create the account (audited as `core.staff.created` by the system, `via: cli`). Returns the row and, when none
 * was given in STAFF_PASSWORD, the generated password to show once.
 */
export async function addStaffFromCli(
  db: Db,
  args: StaffAddArgs,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: true; value: { staff: StaffRow; generatedPassword: string | null; tenantName: string } } | { ok: false; errors: string[] }> {
  registerMessages({ it, en });
  const tenant = await findTenantBySlug(db, args.tenant);
  if (!tenant) return { ok: false, errors: [`--tenant: no comune with slug "${args.tenant}" (see npm run tenant:add)`] };
  const given = env.STAFF_PASSWORD;
  const password = given && given.length > 0 ? given : generatePassword();
  const res = await withTenantTx(db, tenant.id, (tx) =>
    createStaffUser(tx, { tenantId: tenant.id, actor: { type: 'anonymous' } }, { email: args.email, displayName: args.name, roles: args.roles, password }),
  );
  if (!res.ok) return { ok: false, errors: res.error.map((e) => `${FLAG[e.field] ?? e.field}: ${t('en', e.message, { min: PASSWORD_MIN_LENGTH })}`) };
  return { ok: true, value: { staff: res.value, generatedPassword: given ? null : password, tenantName: tenant.name } };
}
