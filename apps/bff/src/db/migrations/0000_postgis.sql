-- PostGIS first: every later table has geometry(…, 4326) columns.
CREATE EXTENSION IF NOT EXISTS postgis;
