CREATE TABLE "alarms" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"grade" text,
	"previous_grade" text,
	"aqi_level" integer,
	"aqi" integer,
	"observed_at" timestamp with time zone,
	"title" text NOT NULL,
	"location" geometry(Point, 4326),
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"version" integer NOT NULL,
	CONSTRAINT "alarms_kind_check" CHECK ("alarms"."kind" in ('incident', 'aqi')),
	CONSTRAINT "alarms_ack_check" CHECK (("alarms"."acknowledged_at" is null) = ("alarms"."acknowledged_by" is null))
);
--> statement-breakpoint
CREATE INDEX "alarms_raised_idx" ON "alarms" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "alarms_open_idx" ON "alarms" USING btree ("raised_at") WHERE "alarms"."acknowledged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_aqi_crossing_key" ON "alarms" USING btree ("subject_id","observed_at") WHERE "alarms"."kind" = 'aqi';--> statement-breakpoint
CREATE INDEX "events_timeline_idx" ON "events" USING btree ("topic","entity_id","seq") WHERE "events"."topic" in ('incidents', 'cases', 'alerts');