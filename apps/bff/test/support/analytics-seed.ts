import { CASE_STATES, INCIDENT_CATEGORIES, INCIDENT_GRADES } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client'

// A deterministic data set for the thematic-map tests: incidents, cases in varied states,
// hourly air readings and traffic readings (hourly, plus minute readings on a few segments),
// spread over the city and around it (some points outside every area) and over 2026-11-08 to
// 2026-11-20 Beijing time, inserted straight into the fact tables (the triggers do the rest).
// Pseudo-random numbers come from hashtext(), so every run and both drivers see the same rows.

export const SEED_START = '2026-11-08T00:00:00+08:00'
/** A window with partial days at both edges. */
export const EDGE_WINDOW = { from: '2026-11-10T05:30:00+08:00', to: '2026-11-17T19:45:00+08:00' }

const r = (salt: string) => sql.raw(`(abs(hashtext(i::text || '${salt}')) % 1000000) / 1e6`)
const pick = (values: readonly string[], salt: string) =>
  sql.raw(
    `(array[${values.map((v) => `'${v}'`).join(', ')}])[1 + abs(hashtext(i::text || '${salt}')) % ${values.length}]`,
  )

// Points over a box around the city core and its south-west (lng 113.2–114.1, lat 34.4–35.0):
// most inside a district, many inside a township, some north of the Yellow River (outside).
const POINT = sql`ST_SetSRID(ST_MakePoint(113.2 + 0.9 * ${r('x')}, 34.4 + 0.6 * ${r('y')}), 4326)`

export const CASE_CATEGORIES = ['0101', '0102', '0201', '0305', '1201'] as const

export async function seedAnalytics(db: Database): Promise<void> {
  const start = sql`${SEED_START}::timestamptz`
  // incidents: 600 over 12 days, plus a few exactly on the window's edges and on midnights
  await db.execute(sql`insert into incidents
      (id, source, category, grade, status, title, location, reported_at, updated_at, version)
    select 'ana-i-' || i, 'manual', ${pick(INCIDENT_CATEGORIES, 'c')}, ${pick(INCIDENT_GRADES, 'g')},
      'reported', 'seed', ${POINT}, t, t, 1
    from generate_series(1, 600) i,
      lateral (select date_trunc('second', ${start} + ${r('t')} * interval '12 days') as t) x`)
  await db.execute(sql`insert into incidents
      (id, source, category, grade, status, title, location, reported_at, updated_at, version)
    select 'ana-e-' || i, 'manual', 'fire', 'IV', 'reported', 'edge', ${POINT}, t, t, 1
    from (values (1, ${EDGE_WINDOW.from}::timestamptz),
                 (2, ${EDGE_WINDOW.to}::timestamptz),
                 (3, ${EDGE_WINDOW.from}::timestamptz - interval '1 microsecond'),
                 (4, ${EDGE_WINDOW.to}::timestamptz - interval '1 microsecond'),
                 (5, '2026-11-11T00:00:00+08:00'::timestamptz),
                 (6, '2026-11-10T23:59:59.999+08:00'::timestamptz),
                 (7, '2026-11-17T00:00:00+08:00'::timestamptz)) v(i, t)`)

  // cases: 500 with deadlines (10 % without), about 40 % closed, on time or late, some reworked
  await db.execute(sql`insert into city_cases
      (id, request_number, kind, category_code, status, description, location, district_code,
       channel, reported_at, updated_at, version, deadline, rework_count)
    select 'ana-c-' || i, 'ANA-' || i, ${pick(['event', 'component'], 'k')},
      ${pick(CASE_CATEGORIES, 'cat')},
      case when ${r('s')} < 0.4 then 'CLOSED' else ${pick(CASE_STATES, 'st')} end,
      'seed', ${POINT}, '410102', 'hotline', rep, rep + ${r('u')} * interval '4 days', 1,
      case when ${r('d')} < 0.1 then null else rep + (1 + ${r('h')} * 71) * interval '1 hour' end,
      case when ${r('w')} < 0.2 then 1 + (abs(hashtext(i::text)) % 2) else 0 end
    from generate_series(1, 500) i,
      lateral (select date_trunc('second', ${start} + ${r('t')} * interval '11 days') as rep) x`)

  // two more air stations outside the core, so more areas have readings
  await db.execute(sql`insert into stations (code, name, kind, location) values
    ('ANA01', '测试站新郑', 'air', ST_SetSRID(ST_MakePoint(113.74, 34.40), 4326)),
    ('ANA02', '测试站登封', 'air', ST_SetSRID(ST_MakePoint(113.05, 34.46), 4326))`)
  // hourly air readings at every air station; 5 % without concentrations (no AQI, no PM2.5)
  await db.execute(sql`insert into env_readings
      (source, station_code, observed_at, concentrations, aqi, aqi_standard)
    select 'seed', s.code, t,
      case when h.miss then null else jsonb_build_object('pm25', round((h.aqi * 0.55)::numeric, 1)) end,
      case when h.miss then null else h.aqi end, 'HJ633-2026'
    from stations s, generate_series(${start}, ${start} + interval '12 days' - interval '1 hour',
      interval '1 hour') t,
      lateral (select (abs(hashtext(s.code || t::text)) % 100) < 5 as miss,
        20 + abs(hashtext(s.code || t::text || 'a')) % 140
          + (abs(hashtext(s.code)) % 40) as aqi) h
    where s.kind = 'air'`)

  // traffic: hourly readings on every 15th segment; minute readings on a few across the
  // window's start (minutes 1–59: the hh:00 reading is the hourly one, same source)
  await db.execute(sql`insert into traffic_readings
      (source, segment_id, observed_at, speed_kmh, congestion_level)
    select 'seed', g.id, t, 8 + abs(hashtext(g.id || t::text)) % 60,
      1 + abs(hashtext(g.id || t::text || 'c')) % 5
    from road_segments g, generate_series(${start}, ${start} + interval '12 days' - interval '1 hour',
      interval '1 hour') t
    where abs(hashtext(g.id)) % 15 = 0`)
  await db.execute(sql`insert into traffic_readings
      (source, segment_id, observed_at, speed_kmh, congestion_level)
    select 'seed', g.id, t, 5 + abs(hashtext(g.id || t::text)) % 50,
      1 + abs(hashtext(g.id || t::text || 'c')) % 5
    from road_segments g,
      generate_series('2026-11-10T04:00:00+08:00'::timestamptz,
        '2026-11-10T06:59:00+08:00'::timestamptz, interval '1 minute') t
    where abs(hashtext(g.id)) % 15 = 0 and abs(hashtext(g.id)) % 4 = 0
      and extract(minute from t) <> 0`)
}
