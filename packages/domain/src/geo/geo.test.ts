import { describe, it, expect } from 'vitest'
import {
  LineString,
  LngLat,
  Point,
  Polygon,
  distanceMeters,
  lineStringLengthM,
  point,
} from './index'

describe('LngLat', () => {
  it.each([
    [[113.65, 34.75], true],
    [[-180, -90], true],
    [[180, 90], true],
    [[180.0001, 34], false],
    [[113, -90.1], false],
    [[113], false],
    [[113, 34, 100], false],
    [[Number.NaN, 34], false],
  ])('%j valid = %s', (input, ok) => {
    expect(LngLat.safeParse(input).success).toBe(ok)
  })
})

describe('GeoJSON geometries', () => {
  it('point() builds a Point and rejects out-of-range latitude', () => {
    expect(point(113.65, 34.75)).toEqual({ type: 'Point', coordinates: [113.65, 34.75] })
    expect(() => point(113.65, 95)).toThrow()
  })

  it('Point requires type "Point"', () => {
    expect(Point.safeParse({ type: 'point', coordinates: [1, 2] }).success).toBe(false)
  })

  it('LineString needs two positions', () => {
    expect(LineString.safeParse({ type: 'LineString', coordinates: [[1, 2]] }).success).toBe(false)
    const ok = {
      type: 'LineString',
      coordinates: [
        [1, 2],
        [1, 3],
      ],
    }
    expect(LineString.safeParse(ok).success).toBe(true)
  })

  it.each([
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
      true,
    ],
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      false,
    ],
    [
      [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
      false,
    ],
  ])('Polygon ring %j valid = %s', (ring, ok) => {
    expect(Polygon.safeParse({ type: 'Polygon', coordinates: [ring] }).success).toBe(ok)
  })
})

describe('distanceMeters', () => {
  it('one degree of latitude is about 111.2 km', () => {
    expect(distanceMeters([113, 34], [113, 35])).toBeCloseTo(111_195, -1)
  })

  it('is zero for identical points and symmetric', () => {
    expect(distanceMeters([113.6, 34.7], [113.6, 34.7])).toBe(0)
    const a: LngLat = [113.6, 34.7]
    const b: LngLat = [113.7, 34.8]
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 9)
  })

  it('lineStringLengthM sums the legs', () => {
    const line: LineString = {
      type: 'LineString',
      coordinates: [
        [113, 34],
        [113, 34.5],
        [113, 35],
      ],
    }
    expect(lineStringLengthM(line)).toBeCloseTo(distanceMeters([113, 34], [113, 35]), 3)
  })
})
