CREATE TABLE "cap_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"sent" text NOT NULL,
	"msg_type" text NOT NULL,
	"status" text NOT NULL,
	"references" jsonb NOT NULL,
	"parsed" jsonb NOT NULL,
	"raw" text NOT NULL,
	"outside_jurisdiction" boolean NOT NULL,
	"outcome" text NOT NULL,
	"incident_id" text,
	"linked_to" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cap_alerts_message_key" ON "cap_alerts" USING btree ("sender","identifier","sent");--> statement-breakpoint
CREATE INDEX "cap_alerts_identifier_idx" ON "cap_alerts" USING btree ("sender","identifier");