CREATE TABLE "incident_action_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"incident_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_action_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "incident_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"department_code" text NOT NULL,
	"unit_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"en_route_at" timestamp with time zone,
	"on_scene_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "incident_assignments_status_check" CHECK ("incident_assignments"."status" in ('notified', 'acknowledged', 'enRoute', 'onScene', 'finished'))
);
--> statement-breakpoint
ALTER TABLE "alarms" DROP CONSTRAINT "alarms_kind_check";--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "assignment_id" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "department_code" text;--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_action_keys_created_idx" ON "incident_action_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "incident_assignments_incident_idx" ON "incident_assignments" USING btree ("incident_id","notified_at");--> statement-breakpoint
CREATE INDEX "incident_assignments_unacked_idx" ON "incident_assignments" USING btree ("notified_at") WHERE "incident_assignments"."status" = 'notified' and "incident_assignments"."escalated_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_assignment_overdue_key" ON "alarms" USING btree ("assignment_id") WHERE "alarms"."kind" = 'assignmentOverdue';--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_kind_check" CHECK ("alarms"."kind" in ('incident', 'aqi', 'assignmentOverdue'));