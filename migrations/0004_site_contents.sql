CREATE TABLE "site_assistance_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"citizen_id" uuid,
	"name" text NOT NULL,
	"surname" text NOT NULL,
	"email" text NOT NULL,
	"category" text NOT NULL,
	"service_slug" text,
	"details" text NOT NULL,
	"office_slug" text,
	"locale" text DEFAULT 'it' NOT NULL,
	"staff_note" text,
	"handled_by" text,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_assistance_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_contents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"slug" text NOT NULL,
	"draft" jsonb NOT NULL,
	"published" jsonb,
	"first_published_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"title_it" text,
	"title_en" text,
	"kind" text,
	"sort_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"refs" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_it" text,
	"search_en" text,
	"search_vector_it" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('italian'::regconfig, coalesce(title_it, '')), 'A') || setweight(to_tsvector('italian'::regconfig, coalesce(search_it, '')), 'B')) STORED,
	"search_vector_en" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title_en, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_en, '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_by" text,
	CONSTRAINT "site_contents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "site_assistance_requests_reference_key" ON "site_assistance_requests" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "site_assistance_requests_status_idx" ON "site_assistance_requests" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "site_contents_slug_key" ON "site_contents" USING btree ("tenant_id","type","slug");--> statement-breakpoint
CREATE INDEX "site_contents_list_idx" ON "site_contents" USING btree ("tenant_id","type","sort_date");--> statement-breakpoint
CREATE INDEX "site_contents_topics_idx" ON "site_contents" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "site_contents_search_it_idx" ON "site_contents" USING gin ("search_vector_it");--> statement-breakpoint
CREATE INDEX "site_contents_search_en_idx" ON "site_contents" USING gin ("search_vector_en");