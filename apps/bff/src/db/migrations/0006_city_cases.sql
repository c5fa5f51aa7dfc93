CREATE SEQUENCE "public"."city_case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "city_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"request_number" text NOT NULL,
	"kind" text NOT NULL,
	"category_code" text NOT NULL,
	"component_id" text,
	"grid_code" text,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"address" text,
	"location" geometry(Point, 4326) NOT NULL,
	"district_code" text NOT NULL,
	"channel" text NOT NULL,
	"reporter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"media_url" text,
	"deadline" timestamp with time zone,
	"responsible_department" text,
	"reported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "city_cases_status_check" CHECK ("city_cases"."status" in ('REPORTED', 'ACCEPTED', 'VERIFIED', 'INVALID', 'NOT_FILED', 'FILED', 'DISPATCHED', 'RETURNED', 'SUSPENDED', 'DISPOSED', 'CHECKING', 'CLOSED')),
	CONSTRAINT "city_cases_kind_check" CHECK ("city_cases"."kind" in ('component', 'event'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "city_cases_request_number_key" ON "city_cases" USING btree ("request_number");--> statement-breakpoint
CREATE INDEX "city_cases_location_gist" ON "city_cases" USING gist ("location");--> statement-breakpoint
CREATE INDEX "city_cases_reported_idx" ON "city_cases" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "city_cases_department_idx" ON "city_cases" USING btree ("responsible_department");