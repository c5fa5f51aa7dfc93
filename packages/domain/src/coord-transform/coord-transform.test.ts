import { describe, it, expect } from 'vitest'
import type { LngLat } from '../geo'
import { distanceMeters } from '../geo'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  isOutsideChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './index'

// Vertex pairs copied from /work/shared/geo/boundaries/zhengzhou_districts.gcj02.geojson and the
// matching .wgs84.geojson (first vertex of each district's first ring, and 中原区's `center`).
// The WGS84 file is rounded to 6 decimals, hence the 6e-7° tolerance.
const PAIRS: { name: string; gcj: LngLat; wgs: LngLat }[] = [
  { name: '中原区 vertex', gcj: [113.610243, 34.801844], wgs: [113.604199, 34.802984] },
  { name: '二七区 vertex', gcj: [113.666996, 34.75608], wgs: [113.6609, 34.757197] },
  { name: '管城回族区 vertex', gcj: [113.845067, 34.746144], wgs: [113.839084, 34.747267] },
  { name: '中原区 center', gcj: [113.611576, 34.748286], wgs: [113.605537, 34.74948] },
]
const FILE_TOLERANCE_DEG = 6e-7

const SAMPLES: LngLat[] = [
  [113.6254, 34.7466], // Zhengzhou
  [116.3912, 39.9073], // Beijing
  [113.2644, 23.1291], // Guangzhou
  [87.6168, 43.8256], // Ürümqi
  [121.4737, 31.2304], // Shanghai
]

function expectClose(actual: LngLat, expected: LngLat, tolerance: number): void {
  expect(Math.abs(actual[0] - expected[0])).toBeLessThan(tolerance)
  expect(Math.abs(actual[1] - expected[1])).toBeLessThan(tolerance)
}

describe('GCJ-02 against the shared Zhengzhou boundary files', () => {
  it.each(PAIRS)('$name: gcj02ToWgs84 reproduces the WGS84 file', ({ gcj, wgs }) => {
    expectClose(gcj02ToWgs84(gcj), wgs, FILE_TOLERANCE_DEG)
  })

  it.each(PAIRS)('$name: wgs84ToGcj02 reproduces the GCJ-02 file', ({ gcj, wgs }) => {
    expectClose(wgs84ToGcj02(wgs), gcj, 2e-6)
  })

  it.each(PAIRS)('$name: GCJ-02 sits about 555 m east and 125 m south', ({ gcj, wgs }) => {
    const east = distanceMeters(wgs, [gcj[0], wgs[1]]) * Math.sign(gcj[0] - wgs[0])
    const north = distanceMeters(wgs, [wgs[0], gcj[1]]) * Math.sign(gcj[1] - wgs[1])
    expect(east).toBeGreaterThan(530)
    expect(east).toBeLessThan(580)
    expect(north).toBeLessThan(-110)
    expect(north).toBeGreaterThan(-140)
  })
})

describe('round trips', () => {
  it.each(SAMPLES)('WGS84 → GCJ-02 → WGS84 at %d, %d is within 1e-7°', (lng, lat) => {
    expectClose(gcj02ToWgs84(wgs84ToGcj02([lng, lat])), [lng, lat], 1e-7)
  })

  it.each(SAMPLES)('GCJ-02 → BD-09 → GCJ-02 at %d, %d is within 1e-7°', (lng, lat) => {
    expectClose(bd09ToGcj02(gcj02ToBd09([lng, lat])), [lng, lat], 1e-7)
  })

  it.each(SAMPLES)('WGS84 → BD-09 → WGS84 at %d, %d is within 1e-7°', (lng, lat) => {
    expectClose(bd09ToWgs84(wgs84ToBd09([lng, lat])), [lng, lat], 1e-7)
  })

  it('BD-09 is offset from GCJ-02 by roughly +0.0065° lng, +0.006° lat', () => {
    const [gLng, gLat] = [113.6254, 34.7466]
    const [bLng, bLat] = gcj02ToBd09([gLng, gLat])
    expect(bLng - gLng).toBeGreaterThan(0.005)
    expect(bLng - gLng).toBeLessThan(0.0085)
    expect(bLat - gLat).toBeGreaterThan(0.004)
    expect(bLat - gLat).toBeLessThan(0.008)
  })
})

describe('outside China', () => {
  it.each([
    [[2.3522, 48.8566]], // Paris
    [[-74.006, 40.7128]], // New York
    [[151.2093, -33.8688]], // Sydney
  ] as [LngLat][])('%j is returned unchanged by every conversion', (p) => {
    expect(isOutsideChina(p)).toBe(true)
    for (const convert of [
      wgs84ToGcj02,
      gcj02ToWgs84,
      gcj02ToBd09,
      bd09ToGcj02,
      bd09ToWgs84,
      wgs84ToBd09,
    ]) {
      expect(convert(p)).toEqual(p)
    }
  })

  it('Zhengzhou is inside', () => {
    expect(isOutsideChina([113.6, 34.7])).toBe(false)
  })
})

describe('toWgs84', () => {
  const pair = PAIRS[0]

  it('leaves WGS84 alone and converts GCJ-02 and BD-09', () => {
    if (!pair) throw new Error('missing fixture')
    const wgs = { type: 'Point' as const, coordinates: pair.wgs }
    expect(toWgs84(wgs, 'WGS84')).toEqual(wgs)
    expectClose(
      toWgs84({ type: 'Point', coordinates: pair.gcj }, 'GCJ02').coordinates,
      pair.wgs,
      FILE_TOLERANCE_DEG,
    )
    const bd = gcj02ToBd09(pair.gcj)
    expectClose(toWgs84({ type: 'Point', coordinates: bd }, 'BD09').coordinates, pair.wgs, 1e-6)
  })

  it('rejects an unknown CRS from untyped callers', () => {
    const call = toWgs84 as (p: unknown, crs: string) => unknown
    expectDomainError(
      () => call({ type: 'Point', coordinates: [113, 34] }, 'CGCS2000'),
      'VALIDATION',
    )
  })
})
