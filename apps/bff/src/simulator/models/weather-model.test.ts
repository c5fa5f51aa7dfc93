import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS, localDayIndex, localMonth } from './local-time'
import { createRng } from './rng'
import { cityWeather, rainEventOnDay, rainEventsBetween } from './weather-model'

const rng = createRng('weather-test')
const jan1 = new Date('2025-01-01T00:00:00+08:00')
const year = Array.from({ length: 365 }, (_, i) => rainEventOnDay(rng, localDayIndex(jan1) + i))

describe('rain', () => {
  it('gives Zhengzhou-like rain days and totals over a year', () => {
    const events = year.filter((e) => e !== null)
    expect(events.length).toBeGreaterThan(55)
    expect(events.length).toBeLessThan(105)
    const total = events.reduce((sum, e) => sum + e.totalMm, 0)
    expect(total).toBeGreaterThan(400)
    expect(total).toBeLessThan(950)
    const inMonth = (m: number) =>
      events.filter((e) => localMonth(e.start) === m).reduce((sum, e) => sum + e.totalMm, 0)
    expect(inMonth(6)).toBeGreaterThan(3 * inMonth(0))
  })

  it('finds events overlapping a window, including one that started the day before', () => {
    const found = rainEventsBetween(rng, jan1, new Date(jan1.getTime() + 365 * DAY_MS))
    expect(found.length).toBe(year.filter((e) => e !== null).length)
    const first = found[0]
    if (first === undefined) throw new Error('no rain in a year')
    const midRain = new Date(first.start.getTime() + (first.durationH / 2) * HOUR_MS)
    expect(rainEventsBetween(rng, midRain, new Date(midRain.getTime() + 1))).toEqual([first])
    expect(cityWeather(rng, midRain).rainMmPerHour).toBeGreaterThan(0)
  })
})

describe('cityWeather', () => {
  it('is a pure function of seed and instant', () => {
    const at = new Date('2025-12-20T03:00:00+08:00')
    expect(cityWeather(createRng('weather-test'), at)).toEqual(cityWeather(rng, at))
  })

  it('stagnation rises while no front passes and drops after one', () => {
    const hours = Array.from({ length: 90 * 24 }, (_, h) => new Date(jan1.getTime() + h * HOUR_MS))
    const w = hours.map((at) => cityWeather(rng, at))
    const resets = w.filter((x, i) => i > 0 && x.daysSinceFront < (w[i - 1]?.daysSinceFront ?? 0))
    expect(resets.length).toBeGreaterThan(10)
    const fresh = w.filter((x) => x.daysSinceFront < 0.5).map((x) => x.stagnation)
    const old = w.filter((x) => x.daysSinceFront > 4).map((x) => x.stagnation)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(old)).toBeGreaterThan(mean(fresh) + 0.4)
    expect(Math.min(...w.map((x) => x.sunshine))).toBeGreaterThanOrEqual(0)
    expect(Math.max(...w.map((x) => x.sunshine))).toBeLessThanOrEqual(1)
  })
})
