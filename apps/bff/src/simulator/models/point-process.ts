import type { LngLat } from '@cityops/domain'
import { HOUR_MS, hourIndex } from './local-time'
import type { Rng } from './rng'

/** The caller's geography: a random point on a road or anywhere in the built-up area. */
export type PointSampler = (kind: 'road' | 'area', rng: Rng) => LngLat

export interface TimedEvent<T> {
  /** Stable id: the same event gets the same key however the time range is sliced. */
  key: string
  at: Date
  value: T
}

/**
 * A non-homogeneous Poisson process, piecewise constant per clock hour. Each hour is drawn
 * from its own fork (`label@hour`), so asking for 10:00–10:05 and then 10:05–10:10 yields
 * exactly the events that 10:00–10:10 would: a ticking simulator can pick any step.
 */
export function eventsBetween<T>(
  from: Date,
  to: Date,
  rng: Rng,
  label: string,
  ratePerHour: (hourStart: Date) => number,
  make: (at: Date, rng: Rng) => T,
): TimedEvent<T>[] {
  const events: TimedEvent<T>[] = []
  for (let h = hourIndex(from); h * HOUR_MS < to.getTime(); h++) {
    const hourStart = new Date(h * HOUR_MS)
    const r = rng.fork(`${label}@${h}`)
    const n = r.poisson(Math.max(0, ratePerHour(hourStart)))
    const offsets = Array.from({ length: n }, () => r.next() * HOUR_MS).sort((a, b) => a - b)
    offsets.forEach((offset, i) => {
      const at = new Date(hourStart.getTime() + Math.floor(offset))
      if (at < from || at >= to) return
      events.push({ key: `${label}-${h}-${i}`, at, value: make(at, r.fork(i)) })
    })
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** Rate for one hour from a daily total and a 24-value relative profile (normalised here). */
export function hourlyRate(perDay: number, profile: readonly number[], localHour: number): number {
  const total = profile.reduce((a, b) => a + b, 0)
  return total > 0 ? (perDay * (profile[localHour] ?? 0)) / total : perDay / 24
}
