import { describe, it, expect } from 'vitest'
import { TrafficReading } from './index'

const reading = {
  segmentId: 'L00001',
  observedAt: '2026-03-02T08:00:00+08:00',
  speedKmh: 32.5,
  congestionLevel: 2,
}

describe('TrafficReading', () => {
  it('accepts a valid reading', () => {
    expect(TrafficReading.parse(reading)).toEqual(reading)
  })

  it.each([
    ['negative speed', { speedKmh: -1 }],
    ['NaN speed', { speedKmh: Number.NaN }],
    ['level 0', { congestionLevel: 0 }],
    ['level 6', { congestionLevel: 6 }],
    ['fractional level', { congestionLevel: 2.5 }],
    ['bad time', { observedAt: 'yesterday' }],
  ])('rejects %s', (_label, patch) => {
    expect(TrafficReading.safeParse({ ...reading, ...patch }).success).toBe(false)
  })

  it('accepts a stopped segment (0 km/h)', () => {
    expect(TrafficReading.safeParse({ ...reading, speedKmh: 0, congestionLevel: 5 }).success).toBe(
      true,
    )
  })
})
