CREATE TABLE "analytics_cases_due_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"category_code" text NOT NULL,
	"kind" text NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_cases_due_daily_day_area_district_area_township_category_code_kind_pk" PRIMARY KEY("day","area_district","area_township","category_code","kind")
);
--> statement-breakpoint
CREATE TABLE "analytics_cases_reported_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"category_code" text NOT NULL,
	"kind" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_cases_reported_daily_day_area_district_area_township_category_code_kind_pk" PRIMARY KEY("day","area_district","area_township","category_code","kind")
);
--> statement-breakpoint
CREATE TABLE "analytics_env_daily" (
	"day" date NOT NULL,
	"station_code" text NOT NULL,
	"aqi_sum" double precision DEFAULT 0 NOT NULL,
	"aqi_n" integer DEFAULT 0 NOT NULL,
	"pm25_sum" double precision DEFAULT 0 NOT NULL,
	"pm25_n" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_env_daily_day_station_code_pk" PRIMARY KEY("day","station_code")
);
--> statement-breakpoint
CREATE TABLE "analytics_incidents_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_incidents_daily_day_area_district_area_township_category_grade_pk" PRIMARY KEY("day","area_district","area_township","category","grade")
);
--> statement-breakpoint
CREATE TABLE "analytics_traffic_daily" (
	"day" date NOT NULL,
	"segment_id" text NOT NULL,
	"speed_sum" double precision DEFAULT 0 NOT NULL,
	"speed_n" integer DEFAULT 0 NOT NULL,
	"congested_n" integer DEFAULT 0 NOT NULL,
	"congested_hours" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_traffic_daily_day_segment_id_pk" PRIMARY KEY("day","segment_id")
);
--> statement-breakpoint
CREATE TABLE "area_population" (
	"code" text PRIMARY KEY NOT NULL,
	"population" integer NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "area_population_positive" CHECK ("area_population"."population" > 0)
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "area_district" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "area_township" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "area_district" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "area_township" text;--> statement-breakpoint
ALTER TABLE "road_segments" ADD COLUMN "area_district" text;--> statement-breakpoint
ALTER TABLE "road_segments" ADD COLUMN "area_township" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "area_district" text;--> statement-breakpoint
ALTER TABLE "city_cases" ADD COLUMN "area_township" text;--> statement-breakpoint
CREATE INDEX "env_readings_observed_idx" ON "env_readings" USING btree ("observed_at");--> statement-breakpoint
CREATE INDEX "traffic_readings_observed_idx" ON "traffic_readings" USING btree ("observed_at");--> statement-breakpoint
CREATE INDEX "city_cases_deadline_idx" ON "city_cases" USING btree ("deadline");