SELECT piazza_enable_tenant_rls('page_ratings');
