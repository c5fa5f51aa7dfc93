CREATE TABLE "analytics_cases_due_area_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_cases_due_area_daily_day_area_district_area_township_pk" PRIMARY KEY("day","area_district","area_township")
);
--> statement-breakpoint
CREATE TABLE "analytics_cases_reported_area_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_cases_reported_area_daily_day_area_district_area_township_pk" PRIMARY KEY("day","area_district","area_township")
);
--> statement-breakpoint
CREATE TABLE "analytics_incidents_area_daily" (
	"day" date NOT NULL,
	"area_district" text DEFAULT '' NOT NULL,
	"area_township" text DEFAULT '' NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "analytics_incidents_area_daily_day_area_district_area_township_pk" PRIMARY KEY("day","area_district","area_township")
);
