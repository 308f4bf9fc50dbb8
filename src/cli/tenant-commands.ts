import { parseArgs } from 'node:util';
import type { Db, Tx } from '../core/db/client.ts';
import { recordAudit } from '../core/audit/index.ts';
import { createTenant, type NewTenant, type TenantInputError } from '../core/tenancy/index.ts';
import type { Tenant } from '../core/tenancy/types.ts';

export const TENANT_ADD_USAGE = `Usage: npm run tenant:add -- --slug SLUG --name NAME [options]

Adds a comune to this installation.

  --slug SLUG        short name in URLs and settings: lowercase letters, digits, hyphens (e.g. biella)
  --name NAME        official name (e.g. "Comune di Biella")
  --istat CODE       ISTAT code of the comune, six digits (e.g. 096004)
  --ipa CODE         IPA code of the administration (e.g. c_a859)
  --host HOST        a host name the site answers on; repeat for several (e.g. --host biella.example.it)
  --locale LOCALE    a language of the site, it or en; repeat for several (default: it and en)
  --help             show this text
`;

export type ParsedTenantArgs = { ok: true; help: true } | { ok: true; help: false; value: NewTenant } | { ok: false; errors: string[] };

/** Read the command line of `tenant:add` (arguments after `--`). Never throws for bad input. */
export function parseTenantAddArgs(argv: string[]): ParsedTenantArgs {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        istat: { type: 'string' },
        ipa: { type: 'string' },
        host: { type: 'string', multiple: true },
        locale: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, errors: [(err as Error).message] };
  }
  if (values.help) return { ok: true, help: true };
  const errors: string[] = [];
  if (typeof values.slug !== 'string') errors.push('--slug is required');
  if (typeof values.name !== 'string') errors.push('--name is required');
  if (errors.length) return { ok: false, errors };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : undefined);
  const hosts = list(values.host)?.map((h) => h.trim().toLowerCase());
  const locales = list(values.locale);
  return {
    ok: true,
    help: false,
    value: {
      slug: str(values.slug)!.trim(),
      name: str(values.name)!,
      istatCode: str(values.istat) ?? null,
      ipaCode: str(values.ipa)?.toLowerCase() ?? null,
      hosts: hosts ? [...new Set(hosts)] : [],
      ...(locales ? { locales: [...new Set(locales)] } : {}),
    },
  };
}

const FLAG: Record<string, string> = { slug: '--slug', name: '--name', istatCode: '--istat', ipaCode: '--ipa', hosts: '--host', locales: '--locale' };

/** "--istat: six digits …" — a field error in the words of the command line. */
export function formatTenantError(e: TenantInputError): string {
  return `${FLAG[e.field] ?? e.field}: ${e.message}`;
}

/**
 * Create the comune and record it in its own audit trail, in one transaction (system context: the
 * operator at the console). Bad input and duplicates come back as field errors.
 */
export async function addTenant(db: Db, input: NewTenant): Promise<{ ok: true; value: Tenant } | { ok: false; errors: TenantInputError[] }> {
  return db.transaction(async (tx) => {
    const r = await createTenant(tx as unknown as Db, input);
    if (!r.ok) return r;
    await recordAudit(
      tx as unknown as Tx,
      { tenantId: r.value.id, actor: { type: 'anonymous' } },
      { action: 'core.tenant.created', entityType: 'tenant', entityId: r.value.id, details: { slug: r.value.slug, hosts: r.value.hosts, via: 'cli' } },
    );
    return r;
  });
}
