DROP INDEX "reports_location_idx";--> statement-breakpoint
CREATE INDEX "reports_tenant_lon_lat_idx" ON "reports" USING btree ("tenant_id","lon","lat");