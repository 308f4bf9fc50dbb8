SELECT piazza_enable_tenant_rls('site_contents');
--> statement-breakpoint
SELECT piazza_enable_tenant_rls('site_assistance_requests');
