import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  ARTERIAL_SPEED_TARGET_KMH,
  arterialAverageSpeed,
  isArterialSpeedTargetMet,
  networkTrafficIndex,
  trafficIndexBand,
} from './index'
import type { SegmentSpeedSample } from './index'

describe('trafficIndexBand', () => {
  it.each([
    [0, 1, '畅通'],
    [1.99, 1, '畅通'],
    [2, 2, '基本畅通'],
    [3.5, 2, '基本畅通'],
    [4, 3, '轻度拥堵'],
    [6, 4, '中度拥堵'],
    [7.99, 4, '中度拥堵'],
    [8, 5, '严重拥堵'],
    [10, 5, '严重拥堵'],
  ])('TPI %d → level %d %s', (tpi, level, zh) => {
    expect(trafficIndexBand(tpi)).toMatchObject({ level, zh })
  })

  it.each([-0.1, 10.01, Number.NaN])('rejects %d', (tpi) => {
    expectDomainError(() => trafficIndexBand(tpi), 'VALIDATION')
  })
})

const arterial = (speedKmh: number, lengthM = 1000): SegmentSpeedSample => ({
  speedKmh,
  lengthM,
  roadClass: 'arterial',
})

describe('networkTrafficIndex', () => {
  it('is null without samples', () => {
    expect(networkTrafficIndex([])).toBeNull()
  })

  // A network uniformly at segment level k lands in TPI band k.
  it.each([
    [50, 0, 1],
    [35, 2.5, 2],
    [25, 5, 3],
    [18, 7.5, 4],
    [10, 10, 5],
  ])('all arterials at %d km/h → TPI %d (band %d)', (speed, tpi, band) => {
    const value = networkTrafficIndex([arterial(speed), arterial(speed, 300)])
    expect(value).toBe(tpi)
    expect(trafficIndexBand(value ?? -1).level).toBe(band)
  })

  it('weights by length', () => {
    // 3 km free-flowing (0) + 1 km severely congested (10) → 2.5.
    expect(networkTrafficIndex([arterial(60, 3000), arterial(5, 1000)])).toBeCloseTo(2.5, 12)
  })

  it('classifies each segment by its own road class', () => {
    // 30 km/h is level 2 (基本畅通) on a secondary road but level 4 (中度拥堵) on an expressway.
    const samples: SegmentSpeedSample[] = [
      { speedKmh: 30, lengthM: 1000, roadClass: 'secondary' },
      { speedKmh: 30, lengthM: 1000, roadClass: 'expressway' },
    ]
    expect(networkTrafficIndex(samples)).toBeCloseTo((2.5 + 7.5) / 2, 12)
  })

  it('rejects negative speed and zero length', () => {
    expectDomainError(() => networkTrafficIndex([arterial(-5)]), 'VALIDATION')
    expectDomainError(() => networkTrafficIndex([arterial(30, 0)]), 'VALIDATION')
  })
})

describe('arterialAverageSpeed', () => {
  it('is null without arterial samples', () => {
    expect(arterialAverageSpeed([])).toBeNull()
    expect(
      arterialAverageSpeed([{ speedKmh: 80, lengthM: 1000, roadClass: 'expressway' }]),
    ).toBeNull()
  })

  it('is the length-weighted harmonic mean (distance / time)', () => {
    // 1 km at 60 + 1 km at 20: 2 km in (1/60 + 1/20) h = 30 km/h, not the arithmetic 40.
    expect(arterialAverageSpeed([arterial(60), arterial(20)])).toBeCloseTo(30, 12)
  })

  it('weights by length', () => {
    // 3 km at 60 (3/60 h) + 1 km at 20 (1/20 h) → 4 km / 0.1 h = 40 km/h.
    expect(arterialAverageSpeed([arterial(60, 3000), arterial(20, 1000)])).toBeCloseTo(40, 12)
  })

  it('ignores non-arterial samples', () => {
    const samples: SegmentSpeedSample[] = [
      arterial(45),
      { speedKmh: 5, lengthM: 9000, roadClass: 'branch' },
    ]
    expect(arterialAverageSpeed(samples)).toBeCloseTo(45, 12)
  })

  it('floors a stopped segment at 1 km/h instead of returning 0', () => {
    // 10 km at 40 (0.25 h) + 0.1 km stopped (0.1 h at the floor) → 10.1 / 0.35.
    expect(arterialAverageSpeed([arterial(40, 10_000), arterial(0, 100)])).toBeCloseTo(
      10.1 / 0.35,
      9,
    )
  })

  it('target is strictly above 40 km/h', () => {
    expect(ARTERIAL_SPEED_TARGET_KMH).toBe(40)
    expect(isArterialSpeedTargetMet(40)).toBe(false)
    expect(isArterialSpeedTargetMet(40.1)).toBe(true)
  })
})
