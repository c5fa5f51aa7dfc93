import { computeAqi } from '@cityops/domain'
import type { AqiPollutant } from '@cityops/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { cityMeanReading, dailyConcentrations } from './air-daily'
import { createAirModel, initialAirState } from './air-model'
import type { AirReading, AirStationState } from './air-model'
import { ZHENGZHOU_AIR_STATIONS } from './air-stations'
import { HOUR_MS, localHour, localMonth } from './local-time'
import { createRng } from './rng'

interface Day {
  month: number
  aqi: number
  primary: AqiPollutant[]
  pm25: number
}
interface Year {
  days: Day[]
  hourly: { at: Date; station: string; reading: AirReading }[]
}

// One simulated 2025 for all nine national stations; the city value is their mean, as CNEMC
// publishes it. Deterministic for the seed, so the bounds below are regression checks.
function simulateYear(seed: string): Year {
  const root = createRng(seed)
  const model = createAirModel(root.fork('weather'))
  let states: AirStationState[] = ZHENGZHOU_AIR_STATIONS.map(initialAirState)
  const start = new Date('2025-01-01T00:00:00+08:00').getTime()
  const days: Day[] = []
  const hourly: Year['hourly'] = []
  let today: AirReading[] = []
  for (let h = 0; h < 365 * 24; h++) {
    const at = new Date(start + h * HOUR_MS)
    const steps = states.map((s) => model.step(s, at, root.fork(s.station.code).fork(h)))
    states = steps.map((s) => s.state)
    steps.forEach((s) => hourly.push({ at, station: s.state.station.code, reading: s.reading }))
    const city = cityMeanReading(steps.map((s) => s.reading))
    if (city !== null) today.push(city)
    if (today.length < 24) continue
    const c = dailyConcentrations(today)
    const r = computeAqi(c, { standard: 'HJ633-2012', report: 'daily' })
    days.push({
      month: localMonth(at),
      aqi: r.aqi,
      primary: r.primaryPollutants,
      pm25: c.pm25 ?? 0,
    })
    today = []
  }
  return { days, hourly }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('air model over a simulated year', () => {
  let year: Year
  beforeAll(() => {
    year = simulateYear('demo')
  }, 60_000)

  it('has a plausible number of good days (AQI ≤ 100) for Zhengzhou', () => {
    expect(year.days).toHaveLength(365)
    const good = year.days.filter((d) => d.aqi <= 100).length
    expect(good).toBeGreaterThanOrEqual(200)
    expect(good).toBeLessThanOrEqual(300)
  })

  it('January is PM2.5-driven and much worse than August', () => {
    const jan = year.days.filter((d) => d.month === 0)
    const aug = year.days.filter((d) => d.month === 7)
    expect(mean(jan.map((d) => d.aqi))).toBeGreaterThan(mean(aug.map((d) => d.aqi)) + 30)
    expect(jan.filter((d) => d.primary.includes('pm25')).length).toBeGreaterThan(15)
  })

  it('July has ozone as the primary pollutant on some days', () => {
    const july = year.days.filter((d) => d.month === 6)
    const ozone = july.filter((d) => d.primary.some((p) => p === 'o3_8h' || p === 'o3_1h'))
    expect(ozone.length).toBeGreaterThanOrEqual(5)
  })

  it('winter smog builds over several days before a front clears it', () => {
    const winter = year.days.filter((d) => d.month === 0 || d.month === 11).map((d) => d.pm25)
    const hasBuildUp = winter.some(
      (v, i) =>
        i >= 3 &&
        winter.slice(i - 3, i + 1).every((x, k, a) => k === 0 || x > (a[k - 1] ?? x)) &&
        v > 1.5 * (winter[i - 3] ?? v),
    )
    expect(hasBuildUp).toBe(true)
  })

  it('keeps every hourly value in a plausible range', () => {
    const all = year.hourly.map((h) => h.reading)
    // Ratio checked where rounding to whole µg/m³ cannot distort it.
    const ratios = all.filter((r) => r.pm25 >= 20).map((r) => r.pm10 / r.pm25)
    expect(Math.min(...ratios)).toBeGreaterThan(1.4)
    expect(Math.max(...ratios)).toBeLessThan(2.3)
    expect(mean(ratios)).toBeGreaterThan(1.6)
    expect(Math.min(...all.map((r) => r.co))).toBeGreaterThanOrEqual(0.1)
    expect(Math.max(...all.map((r) => r.co))).toBeLessThan(4)
    expect(mean(all.map((r) => r.co))).toBeGreaterThan(0.5)
    expect(mean(all.map((r) => r.co))).toBeLessThan(1.2)
    expect(Math.max(...all.map((r) => r.so2))).toBeLessThan(45)
    expect(mean(all.map((r) => r.so2))).toBeGreaterThan(5)
    expect(mean(all.map((r) => r.so2))).toBeLessThan(20)
  })

  it('shows NO₂ rush-hour bumps and July afternoon ozone peaks', () => {
    const at = (hour: number, month?: number) =>
      year.hourly.filter(
        (h) => localHour(h.at) === hour && (month === undefined || localMonth(h.at) === month),
      )
    expect(mean(at(8).map((h) => h.reading.no2))).toBeGreaterThan(
      mean(at(14).map((h) => h.reading.no2)) * 1.3,
    )
    expect(mean(at(15, 6).map((h) => h.reading.o3_1h))).toBeGreaterThan(
      2 * mean(at(7, 6).map((h) => h.reading.o3_1h)),
    )
  })

  it('the background site 1324A sees less NO₂ than the city-centre 1323A', () => {
    const no2 = (code: string) =>
      mean(year.hourly.filter((h) => h.station === code).map((h) => h.reading.no2))
    expect(no2('1324A')).toBeLessThan(0.7 * no2('1323A'))
  })
})
