import type { IncidentCategory, IncidentGrade, LngLat } from '@cityops/domain'
import {
  CALL_SOURCES,
  CATEGORY_WEIGHTS,
  DAILY_CALL_RATES,
  GRADE_WEIGHTS,
  HOURLY_PROFILE,
  WEEKEND_FACTOR,
} from './incident-tables'
import type { CallSource } from './incident-tables'
import { incidentLifecycle, lifecycleRng, type IncidentLifecycle } from './incident-lifecycle'
import { isWeekday, localHour } from './local-time'
import { eventsBetween, hourlyRate } from './point-process'
import type { PointSampler, TimedEvent } from './point-process'
import type { Rng } from './rng'

/** A call, its grade at report, and what happens to it later (`incident-lifecycle.ts`). */
export interface IncidentCall extends IncidentLifecycle {
  source: CallSource
  category: IncidentCategory
  grade: IncidentGrade
  location: LngLat
}

export interface IncidentModelOptions {
  samplePoint: PointSampler
  /** Multiplies every rate: 0.1 for a quiet demo, 1 for the full city. */
  scale?: number
  /** Per-source weekday totals; defaults to DAILY_CALL_RATES. */
  dailyRates?: Partial<Record<CallSource, number>>
  /** Extra factor per source and hour, e.g. more 119/flood calls during a storm. */
  rateMultiplier?: (source: CallSource, hourStart: Date) => number
  /** Holidays and 调休 days; defaults to Mon–Fri. */
  isWorkday?: (at: Date) => boolean
}

/** Expected calls from one source in the clock hour starting at `hourStart`. */
export function expectedCallsPerHour(
  source: CallSource,
  hourStart: Date,
  options: Omit<IncidentModelOptions, 'samplePoint'> = {},
): number {
  const perDay = (options.dailyRates?.[source] ?? DAILY_CALL_RATES[source]) * (options.scale ?? 1)
  const isWorkday = options.isWorkday?.(hourStart) ?? isWeekday(hourStart)
  const dayFactor = isWorkday ? 1 : WEEKEND_FACTOR[source]
  const extra = options.rateMultiplier?.(source, hourStart) ?? 1
  return hourlyRate(perDay, HOURLY_PROFILE[source], localHour(hourStart)) * dayFactor * extra
}

/** Calls in [from, to), sorted by time; the same for any slicing of the range. */
export function callsBetween(
  from: Date,
  to: Date,
  rng: Rng,
  options: IncidentModelOptions,
): TimedEvent<IncidentCall>[] {
  return CALL_SOURCES.flatMap((source) =>
    eventsBetween(
      from,
      to,
      rng,
      source,
      (hourStart) => expectedCallsPerHour(source, hourStart, options),
      (_at, r) => makeCall(source, r, options.samplePoint),
    ),
  )
    .map((call) => {
      const input = { ...call.value, reportedAt: call.at }
      const plan = incidentLifecycle(lifecycleRng(rng, call.key), input)
      return { ...call, value: { ...call.value, ...plan } }
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime())
}

type ReportedCall = Omit<IncidentCall, keyof IncidentLifecycle>

function makeCall(source: CallSource, rng: Rng, samplePoint: PointSampler): ReportedCall {
  const category = rng.pick(CATEGORY_WEIGHTS[source])
  const grade = rng.pick(GRADE_WEIGHTS)
  const onRoad = category === 'trafficAccident' || category === 'flood' || source === '122'
  return {
    source,
    category,
    grade,
    location: samplePoint(onRoad ? 'road' : 'area', rng.fork('location')),
  }
}
