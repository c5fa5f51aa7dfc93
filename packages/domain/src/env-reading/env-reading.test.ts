import { describe, it, expect } from 'vitest'
import { EnvReading } from './index'

const base = { stationCode: '1322A', observedAt: '2022-01-01T00:00:00+08:00' }

describe('EnvReading', () => {
  it.each([
    ['air', { concentrations: { pm25: 110, pm10: 160, co: 1.2 } }],
    ['noise', { noiseLeqDbA: 58.3 }],
    ['water (negative level)', { waterLevelM: -1.5 }],
    ['mixed', { concentrations: { o3_8h: 40 }, noiseLeqDbA: 50 }],
  ])('accepts a %s reading', (_label, patch) => {
    expect(EnvReading.safeParse({ ...base, ...patch }).success).toBe(true)
  })

  it.each([
    ['no measurement', {}],
    ['empty concentrations', { concentrations: {} }],
    ['negative concentration', { concentrations: { pm25: -3 } }],
    ['unknown pollutant', { concentrations: { pm1: 3 } }],
    ['negative noise', { noiseLeqDbA: -1 }],
    ['bad time', { observedAt: '2022-01-01 00:00', noiseLeqDbA: 50 }],
  ])('rejects %s', (_label, patch) => {
    expect(EnvReading.safeParse({ ...base, ...patch }).success).toBe(false)
  })
})
