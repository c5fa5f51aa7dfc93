import { sql } from 'drizzle-orm'
import { BEIJING, dayRange, inEdge, unionParts, type FamilySql } from './family-sql'

// Hourly readings of the air stations, placed in the area that holds the station. The daily
// mean AQI of an area is the mean of all its stations' hourly AQI that day (pooled, so a
// station with more hours weighs more); on a partial edge day only the hours in the window.

const PM25 = sql`case when jsonb_typeof(r.concentrations -> 'pm25') = 'number'
  then (r.concentrations ->> 'pm25')::float8 end`

/**
 * `aqi_sum`, `aqi_n`, `pm25_sum`, `pm25_n`, and over the Beijing days: `days_with` (days with
 * an AQI) and `days_over` (days whose mean AQI > 100, HJ 633-2012 类别 above 良).
 */
export const envSql: FamilySql = {
  aggregate(key, parts, _filters, where) {
    const rows = unionParts(
      parts,
      (days) => sql`select s.area_district, s.area_township, e.day::timestamp as local_ts,
          e.last_at, e.aqi_sum, e.aqi_n, e.pm25_sum, e.pm25_n
        from analytics_env_daily e join stations s on s.code = e.station_code
        where ${dayRange(sql`e.day`, days)}`,
      (edge) => sql`select s.area_district, s.area_township,
          r.observed_at at time zone ${BEIJING} as local_ts, r.observed_at as last_at,
          coalesce(r.aqi, 0) as aqi_sum, (r.aqi is not null)::int as aqi_n,
          coalesce(${PM25}, 0) as pm25_sum, (${PM25} is not null)::int as pm25_n
        from env_readings r join stations s on s.code = r.station_code
        where ${inEdge(sql`r.observed_at`, edge)}`,
    )
    // one row per key and Beijing day first, for the day counts
    return sql`select key, sum(aqi_sum)::float8 as aqi_sum, sum(aqi_n)::float8 as aqi_n,
        sum(pm25_sum)::float8 as pm25_sum, sum(pm25_n)::float8 as pm25_n,
        (count(*) filter (where aqi_n > 0))::float8 as days_with,
        (count(*) filter (where aqi_n > 0 and aqi_sum / aqi_n > 100))::float8 as days_over,
        max(last_at) as last_at
      from (
        select ${key} as key, local_ts::date as day, sum(aqi_sum) as aqi_sum, sum(aqi_n) as aqi_n,
          sum(pm25_sum) as pm25_sum, sum(pm25_n) as pm25_n, max(last_at) as last_at
        from (${rows}) f where ${where} group by 1, 2
      ) d group by 1`
  },
}
