import { sql } from 'drizzle-orm'
import type { RoadClass } from '@cityops/domain'
import { BEIJING, dayRange, inEdge, sumsBy, unionParts, type FamilySql } from './family-sql'

// Readings of road segments, placed in the area that holds the segment's midpoint.

/** 主干路 for the speed indicator: CJJ 37 expressways and arterials (db/reference/road-classes.ts). */
export const ARTERIAL_CLASSES: readonly RoadClass[] = ['expressway', 'arterial']
const ARTERIAL = sql`g.road_class in (${sql.join(
  ARTERIAL_CLASSES.map((c) => sql`${c}`),
  sql`, `,
)})`

/**
 * `art_speed_sum` / `art_speed_n` (arterial readings), `readings` (all segments) and
 * `congested_hours`: readings at congestion level ≥ 3 (GB/T 33171 中度拥堵 or worse) taken on
 * the hour (hh:00:00), each standing for one segment-hour. So congested hours = on-the-hour
 * readings at level ≥ 3 × 1 h. The simulator writes a reading per segment every minute live and
 * every hour when it fills history; both include hh:00, so minute data is not counted 60 times.
 * A feed that never reports on the hour contributes no congested hours (its readings still
 * count in the speeds).
 */
export const trafficSql: FamilySql = {
  aggregate(key, parts, _filters, where) {
    const rows = unionParts(
      parts,
      (days) => sql`select g.area_district, g.area_township, t.day::timestamp as local_ts,
          t.last_at, case when ${ARTERIAL} then t.speed_sum else 0 end as art_speed_sum,
          case when ${ARTERIAL} then t.speed_n else 0 end as art_speed_n,
          t.speed_n as readings, t.congested_hours
        from analytics_traffic_daily t join road_segments g on g.id = t.segment_id
        where ${dayRange(sql`t.day`, days)}`,
      (edge) => sql`select g.area_district, g.area_township,
          r.observed_at at time zone ${BEIJING} as local_ts, r.observed_at as last_at,
          case when ${ARTERIAL} then r.speed_kmh else 0 end as art_speed_sum,
          (${ARTERIAL})::int as art_speed_n, 1 as readings,
          (r.congestion_level >= 3
            and mod(extract(epoch from r.observed_at), 3600) = 0)::int as congested_hours
        from traffic_readings r join road_segments g on g.id = r.segment_id
        where ${inEdge(sql`r.observed_at`, edge)}`,
    )
    return sumsBy(key, rows, ['art_speed_sum', 'art_speed_n', 'readings', 'congested_hours'], where)
  },
}
