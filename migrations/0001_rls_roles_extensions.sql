-- The role the application switches to (SET LOCAL ROLE) inside withTenantTx: not a superuser, not the
-- table owner, so row-level security applies to it. Roles are cluster-wide, hence IF NOT EXISTS.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'piazza_app') THEN
    CREATE ROLE piazza_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
-- The login must be able to SET ROLE piazza_app. On PostgreSQL 16+ a CREATEROLE login that created the role
-- is a member WITH ADMIN but without SET (createrole_self_grant), so check the SET privilege there.
DO $$
DECLARE can_set boolean;
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE 'SELECT pg_has_role(current_user, ''piazza_app'', ''SET'')' INTO can_set;
    IF NOT can_set THEN
      EXECUTE format('GRANT piazza_app TO %I WITH SET TRUE', current_user);
    END IF;
  ELSIF NOT pg_has_role(current_user, 'piazza_app', 'MEMBER') THEN
    EXECUTE format('GRANT piazza_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO piazza_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO piazza_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO piazza_app;
--> statement-breakpoint
-- The tenant of the current transaction, or NULL outside withTenantTx (then no tenant row is visible).
CREATE OR REPLACE FUNCTION piazza_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
-- Turn on tenant isolation for one table: RLS enabled (not forced: the owning login is the explicit
-- system context used by migrations, backups and cross-tenant jobs), one policy on tenant_id, grants to the app role.
-- Every module's custom migration calls this for each of its tenant tables.
CREATE OR REPLACE FUNCTION piazza_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO piazza_app USING (tenant_id = piazza_current_tenant()) WITH CHECK (tenant_id = piazza_current_tenant())', tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO piazza_app', tbl);
END $$;
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('staff_users');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('citizens');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('sessions');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('audit_log');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('domain_events');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('notifications');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('message_deliveries');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('uploads');
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM piazza_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO piazza_app;
--> statement-breakpoint
-- Tenants are public facts (name, hosts); the app role reads them, only operators' tools change them.
GRANT SELECT ON tenants TO piazza_app;
