import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { withTenantTx } from '../db/client.ts';

/**
 * The shared tenant-isolation contract. For one table holding tenant data it proves, through the
 * application role and row-level security (not through the app's own filters), that comune B can
 * neither read, change, delete nor forge comune A's rows, and that without a tenant nothing is visible.
 */

type Row = Record<string, unknown>;

async function rows(database: Database, text: string, values: unknown[] = []): Promise<Row[]> {
  return (await database.executeSql(text, values)).rows;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the public schema that has a tenant_id column. */
export async function tablesWithTenantId(database: Database): Promise<string[]> {
  const r = await rows(
    database,
    `select c.table_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
      order by 1`,
  );
  return r.map((x) => String(x.table_name));
}

/** SQL that inserts a minimal valid row for the tenant in $1, guessing values for required columns. */
async function synthesizeInsert(database: Database, table: string): Promise<string> {
  const cols = await rows(
    database,
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, t.typtype as typtype, a.atttypid::int as typid
       from pg_attribute a join pg_type t on t.oid = a.atttypid
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attnotnull
        and not a.atthasdef and a.attidentity = '' and a.attgenerated = ''`,
    [table],
  );
  const names: string[] = ['tenant_id'];
  const values: string[] = ['$1::uuid'];
  for (const c of cols) {
    const name = String(c.name);
    if (name === 'tenant_id') continue;
    names.push(ident(name));
    values.push(await sampleValue(database, String(c.type), String(c.typtype), Number(c.typid)));
  }
  return `insert into ${ident(table)} (${names.join(', ')}) values (${values.join(', ')}) returning to_jsonb(${ident(table)}.*) as row`;
}

/** Insert a minimal valid row for `tenantId` (as the owning login). */
export async function synthesizeRow(database: Database, table: string, tenantId: string): Promise<Row> {
  const r = await rows(database, await synthesizeInsert(database, table), [tenantId]);
  return r[0]!.row as Row;
}

async function sampleValue(database: Database, type: string, typtype: string, typid: number): Promise<string> {
  if (typtype === 'e') {
    const l = await rows(database, 'select enumlabel from pg_enum where enumtypid = $1 order by enumsortorder limit 1', [typid]);
    return `'${String(l[0]!.enumlabel).replace(/'/g, "''")}'::${type}`;
  }
  if (type.endsWith('[]')) return `'{}'::${type}`;
  if (type === 'uuid') return 'gen_random_uuid()';
  if (/^(text|character varying|varchar|character|citext)/.test(type)) return `'x' || substr(md5(random()::text), 1, 12)`;
  if (/^(integer|bigint|smallint|numeric|real|double precision)/.test(type)) return `0::${type}`;
  if (type === 'boolean') return 'false';
  if (type.startsWith('timestamp')) return 'now()';
  if (type === 'date') return 'current_date';
  if (type === 'jsonb' || type === 'json') return `'{}'::${type}`;
  if (type === 'tsvector') return `''::tsvector`;
  if (type === 'cube') return `'(0)'::cube`;
  throw new Error(`tenant-isolation contract: no sample value for ${type}; insert a row yourself before the check`);
}

export interface IsolationFailure {
  table: string;
  problem: string;
}

/**
 * Check one table. `tenantA` must own at least one row (one is synthesized if not); `tenantB` is another
 * comune. Returns the failures found (empty = isolated).
 */
export async function checkTableIsolation(database: Database, table: string, tenantA: string, tenantB: string): Promise<IsolationFailure[]> {
  const fail: IsolationFailure[] = [];
  const meta = await rows(
    database,
    `select c.relrowsecurity as rls,
            exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = $2
                     and p.policyname = 'tenant_isolation' and 'piazza_app' = any(p.roles)) as policy
       from pg_class c where c.oid = $1::regclass`,
    [table, table],
  );
  if (!meta[0]?.rls) fail.push({ table, problem: 'row-level security is not enabled' });
  if (!meta[0]?.policy) fail.push({ table, problem: 'no tenant_isolation policy for piazza_app' });

  const existing = await rows(database, `select 1 from ${ident(table)} t where tenant_id = $1 limit 1`, [tenantA]);
  if (existing.length === 0) await synthesizeRow(database, table, tenantA);

  const q = (tx: Parameters<Parameters<typeof withTenantTx>[2]>[0], text: string) =>
    tx.execute(sql.raw(text)) as unknown as Promise<{ rows: Row[] }>;
  const A = `'${tenantA}'::uuid`;

  const seenByB = await withTenantTx(database.db, tenantB, (tx) => q(tx, `select count(*)::int as n from ${ident(table)} where tenant_id = ${A}`));
  if (Number(seenByB.rows[0]?.n) !== 0) fail.push({ table, problem: `comune B reads ${String(seenByB.rows[0]?.n)} rows of comune A` });

  const allSeenByB = await withTenantTx(database.db, tenantB, (tx) => q(tx, `select count(*)::int as n from ${ident(table)} where tenant_id <> '${tenantB}'::uuid`));
  if (Number(allSeenByB.rows[0]?.n) !== 0) fail.push({ table, problem: 'comune B sees rows of other comuni without filtering' });

  const seenByA = await withTenantTx(database.db, tenantA, (tx) => q(tx, `select count(*)::int as n from ${ident(table)} where tenant_id = ${A}`));
  if (Number(seenByA.rows[0]?.n) < 1) fail.push({ table, problem: 'comune A cannot read its own rows through the application role' });

  for (const [verb, text] of [
    ['update', `with u as (update ${ident(table)} set tenant_id = tenant_id where tenant_id = ${A} returning 1) select count(*)::int as n from u`],
    ['delete', `with d as (delete from ${ident(table)} where tenant_id = ${A} returning 1) select count(*)::int as n from d`],
  ] as const) {
    try {
      const r = await withTenantTx(database.db, tenantB, async (tx) => {
        const res = await q(tx, text);
        // never keep anything this check did
        throw Object.assign(new Error('rollback'), { result: res });
      });
      void r;
    } catch (err) {
      const res = (err as { result?: { rows: Row[] } }).result;
      if (res && Number(res.rows[0]?.n) !== 0) fail.push({ table, problem: `comune B can ${verb} ${String(res.rows[0]?.n)} rows of comune A` });
      else if (!res && !/permission denied|row-level security/i.test(causeMessage(err))) fail.push({ table, problem: `${verb} check failed unexpectedly: ${causeMessage(err)}` });
    }
  }

  // Forge: comune B tries to write a new row that claims to belong to comune A.
  const insert = (await synthesizeInsert(database, table)).replace('$1::uuid', A);
  try {
    await withTenantTx(database.db, tenantB, async (tx) => {
      await q(tx, insert);
      throw Object.assign(new Error('rollback'), { inserted: true });
    });
  } catch (err) {
    if ((err as { inserted?: boolean }).inserted) fail.push({ table, problem: 'comune B can insert a row for comune A' });
    else if (!/row-level security|permission denied/i.test(causeMessage(err))) fail.push({ table, problem: `forge check failed unexpectedly: ${causeMessage(err)}` });
  }

  // Without a tenant in the transaction the application role sees nothing.
  const none = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local role piazza_app`);
    return (await tx.execute(sql.raw(`select count(*)::int as n from ${ident(table)}`))) as unknown as { rows: Row[] };
  });
  if (Number(none.rows[0]?.n) !== 0) fail.push({ table, problem: 'rows are visible with no tenant set' });
  return fail;
}

function causeMessage(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  while (e && typeof e === 'object' && parts.length < 5) {
    parts.push(String((e as Error).message));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' / ');
}
