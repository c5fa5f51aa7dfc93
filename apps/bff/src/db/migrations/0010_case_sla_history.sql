CREATE TABLE "case_actions" (
	"case_id" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"department_before" text,
	"department_after" text,
	"deadline_after" timestamp with time zone,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_actions_case_id_version_pk" PRIMARY KEY("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "case_sla_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "case_sla_settings_single_row" CHECK ("case_sla_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "case_sla_warnings" (
	"case_id" text NOT NULL,
	"warning" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"emitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_sla_warnings_case_id_warning_deadline_pk" PRIMARY KEY("case_id","warning","deadline")
);
--> statement-breakpoint
CREATE INDEX "case_actions_action_at_idx" ON "case_actions" USING btree ("action","at");