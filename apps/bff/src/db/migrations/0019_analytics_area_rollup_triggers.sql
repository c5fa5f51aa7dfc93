-- Keep the coarse (day, area) rollups of 0018_analytics_area_rollups in the same statement-level
-- trigger functions as the fine ones: one more upsert per family, from the same transition rows.
-- Each upsert takes its rows' locks in key order (ORDER BY before ON CONFLICT, as
-- 0017_analytics_rollup_lock_order), and every writer upserts the fine table before the coarse
-- one, so concurrent writers queue instead of deadlocking. Otherwise the functions are those of
-- 0017.
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
  EXECUTE format($q$
    INSERT INTO analytics_incidents_area_daily AS t (day, area_district, area_township, n, last_at)
    SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''),
      sum(sign), max(reported_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (day, area_district, area_township) DO UPDATE
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
    INSERT INTO analytics_cases_reported_area_daily AS t
      (day, area_district, area_township, n, last_at)
    SELECT (reported_at AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''),
      sum(sign), max(reported_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (day, area_district, area_township) DO UPDATE
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
  EXECUTE format($q$
    INSERT INTO analytics_cases_due_area_daily AS t
      (day, area_district, area_township, due, closed, on_time, reworked, last_at)
    SELECT (deadline AT TIME ZONE 'Asia/Shanghai')::date,
      coalesce(area_district, ''), coalesce(area_township, ''),
      sum(sign) AS due,
      coalesce(sum(sign) FILTER (WHERE status = 'CLOSED'), 0) AS closed,
      coalesce(sum(sign) FILTER (WHERE status = 'CLOSED' AND updated_at <= deadline), 0) AS on_time,
      coalesce(sum(sign) FILTER (WHERE rework_count > 0), 0) AS reworked,
      max(updated_at) FILTER (WHERE sign > 0)
    FROM (%s) d
    WHERE deadline IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0
      OR coalesce(sum(sign) FILTER (WHERE status = 'CLOSED'), 0) <> 0
      OR coalesce(sum(sign) FILTER (WHERE status = 'CLOSED' AND updated_at <= deadline), 0) <> 0
      OR coalesce(sum(sign) FILTER (WHERE rework_count > 0), 0) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (day, area_district, area_township) DO UPDATE
      SET due = t.due + excluded.due, closed = t.closed + excluded.closed,
        on_time = t.on_time + excluded.on_time, reworked = t.reworked + excluded.reworked,
        last_at = greatest(t.last_at, excluded.last_at)
  $q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Fill the coarse rollups from the fine ones (the same facts summed over category, grade and
-- kind); the migration runs in one transaction, before the app writes again.
INSERT INTO analytics_incidents_area_daily (day, area_district, area_township, n, last_at)
SELECT day, area_district, area_township, sum(n), max(last_at)
FROM analytics_incidents_daily GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO analytics_cases_reported_area_daily (day, area_district, area_township, n, last_at)
SELECT day, area_district, area_township, sum(n), max(last_at)
FROM analytics_cases_reported_daily GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO analytics_cases_due_area_daily
  (day, area_district, area_township, due, closed, on_time, reworked, last_at)
SELECT day, area_district, area_township, sum(due), sum(closed), sum(on_time), sum(reworked),
  max(last_at)
FROM analytics_cases_due_daily GROUP BY 1, 2, 3;
