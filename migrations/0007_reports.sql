CREATE TABLE "open311_api_keys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_categories" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"description_it" text,
	"description_en" text,
	"office_slug" text,
	"office_name" text,
	"target_days" integer DEFAULT 30 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_categories_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "report_counters" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"public_reply" text,
	"internal_note" text,
	"details" jsonb,
	"actor" text NOT NULL,
	CONSTRAINT "report_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_followers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"citizen_id" uuid,
	"email" text,
	"token" text NOT NULL,
	"locale" text DEFAULT 'it' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_followers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"filename" text NOT NULL,
	"upload_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "report_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_triage_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model" jsonb NOT NULL,
	"seed_examples" integer NOT NULL,
	"tenant_examples" integer NOT NULL,
	"training_ms" real,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_triage_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"priority" text DEFAULT 'media' NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"address" text,
	"area" text,
	"office_slug" text,
	"office_name" text,
	"assigned_to" uuid,
	"source" text DEFAULT 'web' NOT NULL,
	"api_key_id" uuid,
	"external_id" text,
	"locale" text DEFAULT 'it' NOT NULL,
	"citizen_id" uuid,
	"reporter_name" text,
	"reporter_email" text,
	"reporter_phone" text,
	"ai_suggestion" jsonb,
	"category_confirmed_at" timestamp with time zone,
	"category_confirmed_by" uuid,
	"duplicate_of" uuid,
	"forwarded_to" text,
	"public_reply" text,
	"due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_key" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("tenant_id","report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_followers_citizen_key" ON "report_followers" USING btree ("tenant_id","report_id","citizen_id") WHERE citizen_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "report_followers_email_key" ON "report_followers" USING btree ("tenant_id","report_id","email") WHERE email is not null;--> statement-breakpoint
CREATE INDEX "report_photos_report_idx" ON "report_photos" USING btree ("tenant_id","report_id");--> statement-breakpoint
CREATE INDEX "report_triage_models_trained_idx" ON "report_triage_models" USING btree ("tenant_id","trained_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_number_key" ON "reports" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_category_idx" ON "reports" USING btree ("tenant_id","category_code","created_at");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_citizen_idx" ON "reports" USING btree ("tenant_id","citizen_id");--> statement-breakpoint
CREATE INDEX "reports_external_idx" ON "reports" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "reports_location_idx" ON "reports" USING gist (point("lon", "lat"));