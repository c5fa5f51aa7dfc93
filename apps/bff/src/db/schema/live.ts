import type {
  AqiStandardId,
  IncidentGrade,
  IncidentSource,
  LiveTopic,
  UnitStatus,
  UnitType,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { geometryOf } from './geometry'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const point = geometryOf('Point')

/**
 * The append-only event log: the single source for live push and replay. `seq` comes from
 * `event_counter` inside the writing transaction, so it is gap-free and follows commit order.
 */
export const events = pgTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    topic: text('topic').$type<LiveTopic>().notNull(),
    type: text('type').notNull(),
    entityId: text('entity_id').notNull(),
    version: integer('version').notNull(),
    at: at('at').notNull(),
    data: jsonb('data').notNull(),
    // who may see it: null = everyone allowed the topic; else only these departments' handlers
    departments: jsonb('departments').$type<string[] | null>(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
  },
  (t) => [
    // replay reads "seq > since" per topic
    index('events_topic_seq_idx').on(t.topic, t.seq),
    // an entity's timeline; partial, so readings and positions pay nothing for it
    index('events_timeline_idx')
      .on(t.topic, t.entityId, t.seq)
      .where(sql`${t.topic} in ('incidents', 'cases', 'alerts')`),
  ],
)

/** One row: the last seq handed out. Its row lock serialises event writers (gap-free). */
export const eventCounter = pgTable('event_counter', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
})

export const roadSegments = pgTable(
  'road_segments',
  {
    id: text('id').primaryKey(),
    name: text('name'),
    roadClass: text('road_class').notNull(),
    lengthM: doublePrecision('length_m').notNull(),
    geom: geometryOf('LineString')('geom').notNull(),
    // latest state, for snapshots
    speedKmh: doublePrecision('speed_kmh'),
    congestionLevel: integer('congestion_level'),
    observedAt: at('observed_at'),
    version: integer('version').notNull().default(0),
    // codes of the areas holding the midpoint, set by a trigger (thematic map, #7)
    areaDistrict: text('area_district'),
    areaTownship: text('area_township'),
  },
  (t) => [index('road_segments_geom_gist').using('gist', t.geom)],
)

export const trafficReadings = pgTable(
  'traffic_readings',
  {
    source: text('source').notNull(),
    segmentId: text('segment_id').notNull(),
    observedAt: at('observed_at').notNull(),
    speedKmh: doublePrecision('speed_kmh').notNull(),
    congestionLevel: integer('congestion_level').notNull(),
  },
  // idempotency: the same reading from the same source is stored once
  (t) => [
    uniqueIndex('traffic_readings_natural_key').on(t.source, t.segmentId, t.observedAt),
    // the thematic map reads partial edge days by time
    index('traffic_readings_observed_idx').on(t.observedAt),
  ],
)

export const envReadings = pgTable(
  'env_readings',
  {
    source: text('source').notNull(),
    stationCode: text('station_code').notNull(),
    observedAt: at('observed_at').notNull(),
    concentrations: jsonb('concentrations'),
    aqi: integer('aqi'),
    aqiStandard: text('aqi_standard').$type<AqiStandardId>(),
    noiseLeq: doublePrecision('noise_leq'),
    waterLevelM: doublePrecision('water_level_m'),
  },
  (t) => [
    uniqueIndex('env_readings_natural_key').on(t.source, t.stationCode, t.observedAt),
    index('env_readings_station_time_idx').on(t.stationCode, t.observedAt),
    // the thematic map reads partial edge days by time
    index('env_readings_observed_idx').on(t.observedAt),
  ],
)

export const incidents = pgTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    source: text('source').$type<IncidentSource>().notNull(),
    category: text('category').notNull(),
    grade: text('grade').$type<IncidentGrade>().notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    location: point('location').notNull(),
    departments: jsonb('departments')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    reportedAt: at('reported_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    version: integer('version').notNull(),
    // codes of the areas holding the location, set by a trigger (thematic map, #7)
    areaDistrict: text('area_district'),
    areaTownship: text('area_township'),
  },
  (t) => [
    index('incidents_location_gist').using('gist', t.location),
    index('incidents_reported_idx').on(t.reportedAt),
  ],
)

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  callSign: text('call_sign').notNull(),
  type: text('type').$type<UnitType>().notNull(),
  departmentCode: text('department_code').notNull(),
  status: text('status').$type<UnitStatus>().notNull(),
  location: point('location').notNull(),
  updatedAt: at('updated_at').notNull(),
  version: integer('version').notNull(),
})
