-- The rollup upserts take their rows' locks in key order (ORDER BY before ON CONFLICT), so two
-- concurrent writers touching the same rollup rows (two traffic feeds for the same day, say)
-- queue behind each other instead of deadlocking. Otherwise the functions are those of
-- 0014_analytics_triggers.
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
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, area_district, area_township, category, grade) DO UPDATE
      SET n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
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
    ORDER BY 1, 2, 3, 4, 5
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
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, area_district, area_township, category_code, kind) DO UPDATE
      SET due = t.due + excluded.due, closed = t.closed + excluded.closed,
        on_time = t.on_time + excluded.on_time, reworked = t.reworked + excluded.reworked,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
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
    ORDER BY 1, 2
    ON CONFLICT (day, station_code) DO UPDATE
      SET aqi_sum = t.aqi_sum + excluded.aqi_sum, aqi_n = t.aqi_n + excluded.aqi_n,
        pm25_sum = t.pm25_sum + excluded.pm25_sum, pm25_n = t.pm25_n + excluded.pm25_n,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
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
    ORDER BY 1, 2
    ON CONFLICT (day, segment_id) DO UPDATE
      SET speed_sum = t.speed_sum + excluded.speed_sum, speed_n = t.speed_n + excluded.speed_n,
        congested_n = t.congested_n + excluded.congested_n,
        congested_hours = t.congested_hours + excluded.congested_hours,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
