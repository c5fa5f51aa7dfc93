CREATE TABLE "plan_target_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer NOT NULL,
	"goals" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "plan_target_settings_single_row" CHECK ("plan_target_settings"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "audit_log_incident_decisions_idx" ON "audit_log" USING btree ("at","seq") WHERE "audit_log"."object_type" = 'incident' and "audit_log"."outcome" = 'success' and "audit_log"."action" <> 'incident.create';--> statement-breakpoint
CREATE INDEX "case_actions_at_idx" ON "case_actions" USING btree ("at","case_id","version");