CREATE TABLE "case_action_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"case_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_action_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "pending" jsonb;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "duplicate_of" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "outcome_reason" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "check_inspector" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "is_check_passed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "dispatch_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "return_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "extension_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "rework_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "supervision_level" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "supervision_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "case_action_keys_created_idx" ON "case_action_keys" USING btree ("created_at");