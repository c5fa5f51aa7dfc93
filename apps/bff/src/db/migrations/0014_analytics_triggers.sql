-- Thematic map (issue #7): area codes derived in the database, and daily rollups kept current
-- as data arrives. Days are Beijing local days; areas are the 12 county-level divisions
-- (admin_areas level 'district': the functional areas 经开区/高新区/航空港区 are not in it, so
-- nothing is counted twice) and the townships that have an outline.

-- Point in polygon. A point on a shared border, or where two legacy township outlines overlap,
-- takes the lowest code, so each fact has at most one area per level.
CREATE OR REPLACE FUNCTION analytics_district_of(p geometry) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT code FROM admin_areas
  WHERE level = 'district' AND ST_Contains(geom, p)
  ORDER BY code LIMIT 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_township_of(p geometry) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT code FROM townships
  WHERE geom IS NOT NULL AND ST_Contains(geom, p)
  ORDER BY code LIMIT 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_set_point_area() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.area_district := analytics_district_of(NEW.location);
  NEW.area_township := analytics_township_of(NEW.location);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- A road segment belongs to the area holding its midpoint.
CREATE OR REPLACE FUNCTION analytics_set_segment_area() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  mid geometry := ST_LineInterpolatePoint(NEW.geom, 0.5);
BEGIN
  NEW.area_district := analytics_district_of(mid);
  NEW.area_township := analytics_township_of(mid);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER incidents_area BEFORE INSERT OR UPDATE OF location ON incidents
  FOR EACH ROW EXECUTE FUNCTION analytics_set_point_area();
--> statement-breakpoint
CREATE TRIGGER city_cases_area BEFORE INSERT OR UPDATE OF location ON city_cases
  FOR EACH ROW EXECUTE FUNCTION analytics_set_point_area();
--> statement-breakpoint
CREATE TRIGGER stations_area BEFORE INSERT OR UPDATE OF location ON stations
  FOR EACH ROW EXECUTE FUNCTION analytics_set_point_area();
--> statement-breakpoint
CREATE TRIGGER road_segments_area BEFORE INSERT OR UPDATE OF geom ON road_segments
  FOR EACH ROW EXECUTE FUNCTION analytics_set_segment_area();
--> statement-breakpoint
-- Backfill rows that exist already (before the rollup triggers exist, so this fires nothing).
UPDATE incidents SET area_district = analytics_district_of(location),
  area_township = analytics_township_of(location);
--> statement-breakpoint
UPDATE city_cases SET area_district = analytics_district_of(location),
  area_township = analytics_township_of(location);
--> statement-breakpoint
UPDATE stations SET area_district = analytics_district_of(location),
  area_township = analytics_township_of(location);
--> statement-breakpoint
UPDATE road_segments SET area_district = analytics_district_of(ST_LineInterpolatePoint(geom, 0.5)),
  area_township = analytics_township_of(ST_LineInterpolatePoint(geom, 0.5));
--> statement-breakpoint
-- Rollup deltas. Each function reads the statement's transition tables (new_rows for INSERT,
-- old_rows for DELETE, both for UPDATE), signs them +1 / −1 and upserts the grouped sums in one
-- statement: an UPDATE that leaves a row's key and measures alone nets to 0 and writes nothing.
-- The statement text is chosen by TG_OP because a transition table only exists for the events
-- that declare it.
CREATE OR REPLACE FUNCTION analytics_incidents_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_incidents_daily AS t
      (day, area_district, area_township, category, grade, n, last_at)
    SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''), category, grade,
      sum(sign), max(reported_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0
    ON CONFLICT (day, area_district, area_township, category, grade) DO UPDATE
      SET n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Cases: by report day (cases.count) and by deadline day (应结案 and what became of them:
-- closed = status CLOSED; on time = CLOSED and updated_at <= deadline, closing being terminal,
-- as services/kpis/case-kpis.ts; reworked = rework_count > 0). Status, deadline and rework
-- change as a case moves, hence UPDATE and DELETE too.
CREATE OR REPLACE FUNCTION analytics_cases_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_cases_reported_daily AS t
      (day, area_district, area_township, category_code, kind, n, last_at)
    SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''), category_code, kind,
      sum(sign), max(reported_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0
    ON CONFLICT (day, area_district, area_township, category_code, kind) DO UPDATE
      SET n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  EXECUTE format($q$
    INSERT INTO analytics_cases_due_daily AS t
      (day, area_district, area_township, category_code, kind, due, closed, on_time, reworked,
       last_at)
    SELECT (deadline AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''), category_code, kind,
      sum(sign) AS due,
      coalesce(sum(sign) FILTER (WHERE status = 'CLOSED'), 0) AS closed,
      coalesce(sum(sign) FILTER (WHERE status = 'CLOSED' AND updated_at <= deadline), 0) AS on_time,
      coalesce(sum(sign) FILTER (WHERE rework_count > 0), 0) AS reworked,
      max(updated_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    WHERE deadline IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0
      OR coalesce(sum(sign) FILTER (WHERE status = 'CLOSED'), 0) <> 0
      OR coalesce(sum(sign) FILTER (WHERE status = 'CLOSED' AND updated_at <= deadline), 0) <> 0
      OR coalesce(sum(sign) FILTER (WHERE rework_count > 0), 0) <> 0
    ON CONFLICT (day, area_district, area_township, category_code, kind) DO UPDATE
      SET due = t.due + excluded.due, closed = t.closed + excluded.closed,
        on_time = t.on_time + excluded.on_time, reworked = t.reworked + excluded.reworked,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Hourly station readings: AQI (HJ 633-2012, computed at ingest) and the hourly PM2.5
-- concentration from the stored concentrations.
CREATE OR REPLACE FUNCTION analytics_env_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_env_daily AS t
      (day, station_code, aqi_sum, aqi_n, pm25_sum, pm25_n, last_at)
    SELECT day, station_code, coalesce(sum(sign * aqi), 0), coalesce(sum(sign) FILTER (WHERE aqi IS NOT NULL), 0),
      coalesce(sum(sign * pm25), 0), coalesce(sum(sign) FILTER (WHERE pm25 IS NOT NULL), 0),
      max(observed_at) FILTER (WHERE sign > 0)
    FROM (
      SELECT (observed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, station_code, observed_at,
        sign, aqi,
        CASE WHEN jsonb_typeof(concentrations -> 'pm25') = 'number'
          THEN (concentrations ->> 'pm25')::double precision END AS pm25
      FROM (%s) r
    ) d
    GROUP BY 1, 2
    HAVING coalesce(sum(sign) FILTER (WHERE aqi IS NOT NULL), 0) <> 0
      OR coalesce(sum(sign) FILTER (WHERE pm25 IS NOT NULL), 0) <> 0
    ON CONFLICT (day, station_code) DO UPDATE
      SET aqi_sum = t.aqi_sum + excluded.aqi_sum, aqi_n = t.aqi_n + excluded.aqi_n,
        pm25_sum = t.pm25_sum + excluded.pm25_sum, pm25_n = t.pm25_n + excluded.pm25_n,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Traffic: speed sum and count, readings at congestion level >= 3 (GB/T 33171: 中度拥堵 and
-- worse), and of those the ones taken on the hour, which count one segment-hour each
-- (congested hours = on-the-hour readings at level >= 3 x 1 h: the simulator writes every
-- minute live and every hour when it fills history; both write the hh:00 reading).
CREATE OR REPLACE FUNCTION analytics_traffic_rollup() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_traffic_daily AS t
      (day, segment_id, speed_sum, speed_n, congested_n, congested_hours, last_at)
    SELECT (observed_at AT TIME ZONE 'Asia/Shanghai')::date, segment_id,
      sum(sign * speed_kmh), sum(sign),
      coalesce(sum(sign) FILTER (WHERE congestion_level >= 3), 0),
      coalesce(sum(sign) FILTER (WHERE congestion_level >= 3
        AND mod(extract(epoch FROM observed_at), 3600) = 0), 0),
      max(observed_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE congestion_level >= 3), 0) <> 0
    ON CONFLICT (day, segment_id) DO UPDATE
      SET speed_sum = t.speed_sum + excluded.speed_sum, speed_n = t.speed_n + excluded.speed_n,
        congested_n = t.congested_n + excluded.congested_n,
        congested_hours = t.congested_hours + excluded.congested_hours,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Fill the rollups from the rows that exist already (the same sums, all rows +1), then arm
-- the triggers; the migration runs in one transaction before the app writes anything.
INSERT INTO analytics_incidents_daily (day, area_district, area_township, category, grade, n, last_at)
SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date, coalesce(area_district, ''),
  coalesce(area_township, ''), category, grade, count(*), max(reported_at)
FROM incidents GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_cases_reported_daily (day, area_district, area_township, category_code, kind, n, last_at)
SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date, coalesce(area_district, ''),
  coalesce(area_township, ''), category_code, kind, count(*), max(reported_at)
FROM city_cases GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_cases_due_daily
  (day, area_district, area_township, category_code, kind, due, closed, on_time, reworked, last_at)
SELECT (deadline AT TIME ZONE 'Asia/Shanghai')::date, coalesce(area_district, ''),
  coalesce(area_township, ''), category_code, kind, count(*),
  count(*) FILTER (WHERE status = 'CLOSED'),
  count(*) FILTER (WHERE status = 'CLOSED' AND updated_at <= deadline),
  count(*) FILTER (WHERE rework_count > 0), max(updated_at)
FROM city_cases WHERE deadline IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_env_daily (day, station_code, aqi_sum, aqi_n, pm25_sum, pm25_n, last_at)
SELECT day, station_code, coalesce(sum(aqi), 0), count(aqi), coalesce(sum(pm25), 0), count(pm25),
  max(observed_at)
FROM (
  SELECT (observed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, station_code, observed_at, aqi,
    CASE WHEN jsonb_typeof(concentrations -> 'pm25') = 'number'
      THEN (concentrations ->> 'pm25')::double precision END AS pm25
  FROM env_readings
) r
GROUP BY 1, 2
HAVING count(aqi) > 0 OR count(pm25) > 0;
--> statement-breakpoint
INSERT INTO analytics_traffic_daily
  (day, segment_id, speed_sum, speed_n, congested_n, congested_hours, last_at)
SELECT (observed_at AT TIME ZONE 'Asia/Shanghai')::date, segment_id, sum(speed_kmh), count(*),
  count(*) FILTER (WHERE congestion_level >= 3),
  count(*) FILTER (WHERE congestion_level >= 3 AND mod(extract(epoch FROM observed_at), 3600) = 0),
  max(observed_at)
FROM traffic_readings GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_rollup();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_rollup();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_rollup();
--> statement-breakpoint
CREATE TRIGGER city_cases_rollup_insert AFTER INSERT ON city_cases
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_cases_rollup();
--> statement-breakpoint
CREATE TRIGGER city_cases_rollup_update AFTER UPDATE ON city_cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_cases_rollup();
--> statement-breakpoint
CREATE TRIGGER city_cases_rollup_delete AFTER DELETE ON city_cases
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_cases_rollup();
--> statement-breakpoint
CREATE TRIGGER env_readings_rollup_insert AFTER INSERT ON env_readings
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_env_rollup();
--> statement-breakpoint
CREATE TRIGGER env_readings_rollup_update AFTER UPDATE ON env_readings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_env_rollup();
--> statement-breakpoint
CREATE TRIGGER env_readings_rollup_delete AFTER DELETE ON env_readings
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_env_rollup();
--> statement-breakpoint
CREATE TRIGGER traffic_readings_rollup_insert AFTER INSERT ON traffic_readings
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_traffic_rollup();
--> statement-breakpoint
CREATE TRIGGER traffic_readings_rollup_update AFTER UPDATE ON traffic_readings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_traffic_rollup();
--> statement-breakpoint
CREATE TRIGGER traffic_readings_rollup_delete AFTER DELETE ON traffic_readings
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_traffic_rollup();
