CREATE TABLE "admin_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_code" text,
	"geom" geometry(MultiPolygon, 4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"district_code" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rivers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"gshhg_level" integer NOT NULL,
	"geom" geometry(MultiLineString, 4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"is_background" boolean DEFAULT false NOT NULL,
	"location" geometry(Point, 4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "townships" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_code" text NOT NULL,
	"is_current" boolean NOT NULL,
	"geom" geometry(MultiPolygon, 4326)
);
--> statement-breakpoint
CREATE INDEX "admin_areas_geom_gist" ON "admin_areas" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "rivers_geom_gist" ON "rivers" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "stations_location_gist" ON "stations" USING gist ("location");--> statement-breakpoint
CREATE INDEX "townships_geom_gist" ON "townships" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "townships_district_idx" ON "townships" USING btree ("district_code");