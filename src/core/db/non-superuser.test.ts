import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, withTenantTx } from './client.ts';
import { migrate } from './migrate.ts';
import { citizens, tenants } from './schema.ts';
import { withDatabase } from '../testing/database.ts';

/**
 * Production installs connect as an ordinary login that owns its database (no superuser). The migrations
 * must run for it and the application role must work under it. Needs a PostgreSQL server, where the test
 * (as superuser) creates such a login.
 */
const serverUrl = process.env.DATABASE_URL;
const suffix = randomBytes(4).toString('hex');
const login = `piazza_owner_${suffix}`;
const dbName = `piazza_owner_db_${suffix}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  if (!serverUrl) return;
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`drop role if exists ${login}`);
});

describe.runIf(!!serverUrl)('on PostgreSQL with a non-superuser database owner', () => {
  it('applies the migrations and isolates comuni through the application role', async () => {
    await admin(`create role ${login} login password 'pw' createrole`);
    await admin(`create database ${dbName} owner ${login}`);
    const u = new URL(withDatabase(serverUrl!, dbName));
    u.username = login;
    u.password = 'pw';
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    try {
      await migrate(database);
      const [a] = await database.db.insert(tenants).values({ slug: 'a', name: 'A' }).returning();
      const [b] = await database.db.insert(tenants).values({ slug: 'b', name: 'B' }).returning();
      await withTenantTx(database.db, a!.id, (tx) => tx.insert(citizens).values({ tenantId: a!.id, taxCode: 'RSSMRA80A01L750W' }));
      expect(await withTenantTx(database.db, b!.id, (tx) => tx.select().from(citizens))).toHaveLength(0);
      expect(await withTenantTx(database.db, a!.id, (tx) => tx.select().from(citizens))).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
