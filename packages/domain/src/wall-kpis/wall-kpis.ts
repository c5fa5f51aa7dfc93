import { z } from 'zod'
import { AQI_POLLUTANTS, AQI_STANDARD_IDS } from '../aqi'
import { IsoDateTime } from '../common'
import { DepartmentCode } from '../department'
import type { INCIDENT_SOURCES } from '../incident'
import { CONGESTION_LEVELS } from '../traffic-reading'

// The emergency office's hotlines, as incident sources: 110 police, 119 fire, 120 ambulance,
// 122 traffic police, 12345 citizen hotline.
export const HOTLINE_LINES = [
  '110',
  '119',
  '120',
  '122',
  '12345',
] as const satisfies readonly (typeof INCIDENT_SOURCES)[number][]
export type HotlineLine = (typeof HOTLINE_LINES)[number]

/** Calls are counted over the last hour. */
export const WALL_CALLS_WINDOW_MINUTES = 60

// [U] The city plan's annual target of days with daily AQI ≤ 100 (优良天数), as the issue
// gives it; kept here so it can be corrected in one place.
export const GOOD_AIR_DAYS_TARGET = 300

const count = z.number().int().min(0)
const ratio = z.number().min(0).max(1)

export const WallKpiScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('departments'), codes: z.array(DepartmentCode) }),
])
export type WallKpiScope = z.infer<typeof WallKpiScope>

export const WallIncidentKpis = z.object({
  /** Not closed, by grade Ⅰ–Ⅳ. */
  activeByGrade: z.object({ I: count, II: count, III: count, IV: count }),
  activeTotal: count,
})

export const WallCallKpis = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  byLine: z.object({ '110': count, '119': count, '120': count, '122': count, '12345': count }),
  total: count,
})

export const WallTrafficKpis = z.object({
  /** GB/T 33171 network index 0–10 (networkTrafficIndex), null without fresh readings. */
  tpi: z.number().min(0).max(10).nullable(),
  tpiLevel: z.literal(CONGESTION_LEVELS).nullable(),
  /** Length-weighted harmonic mean over arterial segments (arterialAverageSpeed). */
  arterialSpeedKmh: z.number().min(0).nullable(),
  arterialSpeedTargetKmh: z.number(),
  isArterialTargetMet: z.boolean().nullable(),
  /** Segments whose latest reading entered the figures, and the newest reading's time. */
  segments: count,
  observedAt: IsoDateTime.nullable(),
})

export const WallAirNow = z.object({
  /** The hour of the readings (the latest one with city-station data). */
  observedAt: IsoDateTime,
  aqi: z.number().int().min(0),
  level: z.number().int().min(1).max(6),
  category: z.string(),
  categoryEn: z.string(),
  color: z.string(),
  primaryPollutants: z.array(z.enum(AQI_POLLUTANTS)),
  standard: z.enum(AQI_STANDARD_IDS),
  /** City stations that reported in that hour. */
  stations: count,
})

export const WallGoodDays = z.object({
  year: z.number().int(),
  /** Completed Beijing days of this year whose city daily AQI ≤ 100. */
  goodDays: count,
  /** Completed days with every daily indicator available (the others are not judged). */
  assessedDays: count,
  target: count,
})

export const WallAirKpis = z.object({
  now: WallAirNow.nullable(),
  goodDays: WallGoodDays,
})

export const WallCaseKpis = z.object({
  /** Not in a terminal state (INVALID, NOT_FILED, CLOSED). */
  open: count,
  /** Open with a 处置 deadline already past. */
  overdue: count,
  /** 应结案 today: cases whose deadline falls on today's Beijing date. */
  dueToday: count,
  closedToday: count,
  closedOnTimeToday: count,
  /** 结案率 and 按期结案率 (case-kpi); null when nothing is due today. */
  closureRate: ratio.nullable(),
  onTimeClosureRate: ratio.nullable(),
})

/**
 * One consistent picture for the operations wall: everything read in one repeatable-read
 * transaction with the event counter, so it includes exactly the events up to `seq`.
 * Sections the caller may not see are null (traffic and air need thematic.view, cases
 * case.read); department-bound callers get their departments' incidents and cases only.
 */
export const WallKpis = z.object({
  seq: z.number().int().min(0),
  at: IsoDateTime,
  scope: WallKpiScope,
  incidents: WallIncidentKpis,
  calls: WallCallKpis,
  traffic: WallTrafficKpis.nullable(),
  air: WallAirKpis.nullable(),
  cases: WallCaseKpis.nullable(),
})
export type WallKpis = z.infer<typeof WallKpis>
