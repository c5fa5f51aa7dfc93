CREATE TABLE "env_readings" (
	"source" text NOT NULL,
	"station_code" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"concentrations" jsonb,
	"aqi" integer,
	"aqi_standard" text,
	"noise_leq" double precision,
	"water_level_m" double precision
);
--> statement-breakpoint
CREATE TABLE "event_counter" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"type" text NOT NULL,
	"entity_id" text NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"departments" jsonb,
	"lng" double precision,
	"lat" double precision
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"category" text NOT NULL,
	"grade" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" geometry(Point, 4326) NOT NULL,
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "road_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"road_class" text NOT NULL,
	"length_m" double precision NOT NULL,
	"geom" geometry(LineString, 4326) NOT NULL,
	"speed_kmh" double precision,
	"congestion_level" integer,
	"observed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "traffic_readings" (
	"source" text NOT NULL,
	"segment_id" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"speed_kmh" double precision NOT NULL,
	"congestion_level" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"call_sign" text NOT NULL,
	"type" text NOT NULL,
	"department_code" text NOT NULL,
	"status" text NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "latest" jsonb;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "observed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "env_readings_natural_key" ON "env_readings" USING btree ("source","station_code","observed_at");--> statement-breakpoint
CREATE INDEX "env_readings_station_time_idx" ON "env_readings" USING btree ("station_code","observed_at");--> statement-breakpoint
CREATE INDEX "events_topic_seq_idx" ON "events" USING btree ("topic","seq");--> statement-breakpoint
CREATE INDEX "incidents_location_gist" ON "incidents" USING gist ("location");--> statement-breakpoint
CREATE INDEX "incidents_reported_idx" ON "incidents" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "road_segments_geom_gist" ON "road_segments" USING gist ("geom");--> statement-breakpoint
CREATE UNIQUE INDEX "traffic_readings_natural_key" ON "traffic_readings" USING btree ("source","segment_id","observed_at");--> statement-breakpoint
INSERT INTO "event_counter" ("id", "last_seq") VALUES (1, 0) ON CONFLICT DO NOTHING;
