import { describe, expect, it } from 'vitest'
import { createAirModel, initialAirState } from './air-model'
import type { AirReading } from './air-model'
import { ZHENGZHOU_AIR_STATIONS, createMicroStations } from './air-stations'
import { HOUR_MS } from './local-time'
import { createRng } from './rng'

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('air model steps', () => {
  const station = ZHENGZHOU_AIR_STATIONS[0]
  if (station === undefined) throw new Error('no stations')
  const at = new Date('2025-07-10T09:00:00+08:00')

  it('is deterministic for the same state, instant and stream', () => {
    const a = createAirModel(createRng('w')).step(initialAirState(station), at, createRng('s'))
    const b = createAirModel(createRng('w')).step(initialAirState(station), at, createRng('s'))
    expect(a).toEqual(b)
  })

  it('reports O₃ 8h as the mean of the last eight hourly values', () => {
    const model = createAirModel(createRng('w'))
    const rng = createRng('s')
    let state = initialAirState(station)
    const o3: number[] = []
    let last: AirReading | undefined
    for (let h = 0; h < 12; h++) {
      const step = model.step(state, new Date(at.getTime() + h * HOUR_MS), rng)
      state = step.state
      o3.push(step.reading.o3_1h)
      last = step.reading
    }
    expect(last?.o3_8h).toBe(Math.round(mean(o3.slice(-8))))
    expect(state.o3Recent).toHaveLength(8)
  })

  it('resumes after a gap without stale 8-hour data', () => {
    const model = createAirModel(createRng('w'))
    const first = model.step(initialAirState(station), at, createRng('s'))
    const later = model.step(first.state, new Date(at.getTime() + 48 * HOUR_MS), createRng('s2'))
    expect(later.state.o3Recent).toHaveLength(1)
    expect(later.reading.o3_8h).toBe(later.reading.o3_1h)
  })
})

describe('createMicroStations', () => {
  it('makes N stations with small biases at sampled points', () => {
    const micro = createMicroStations(20, createRng('micro'), (r) => [
      113.6 + r.uniform(0, 0.1),
      34.75,
    ])
    expect(new Set(micro.map((m) => m.profile.code)).size).toBe(20)
    expect(micro[0]?.profile.code).toBe('MS0001')
    for (const m of micro) {
      expect(m.profile.primaryBias).toBeGreaterThan(0.7)
      expect(m.profile.primaryBias).toBeLessThan(1.4)
      expect(m.location[0]).toBeGreaterThanOrEqual(113.6)
    }
    expect(createMicroStations(20, createRng('micro'), () => [0, 0])[5]?.profile).toEqual(
      micro[5]?.profile,
    )
  })
})
