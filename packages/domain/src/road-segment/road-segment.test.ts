import { describe, it, expect } from 'vitest'
import { ROAD_CLASSES, ROAD_CLASS_LABELS, RoadSegment, segmentLengthM } from './index'

const segment = {
  id: 'L00001',
  name: '建设路',
  roadClass: 'arterial',
  geometry: {
    type: 'LineString',
    coordinates: [
      [113.6, 34.75],
      [113.61, 34.75],
    ],
  },
}

describe('RoadSegment', () => {
  it('accepts a valid segment and measures it', () => {
    const parsed = RoadSegment.parse(segment)
    // 0.01° of longitude at 34.75° N ≈ 913.6 m.
    expect(segmentLengthM(parsed)).toBeGreaterThan(910)
    expect(segmentLengthM(parsed)).toBeLessThan(917)
  })

  it.each([
    ['unknown class', { roadClass: 'highway' }],
    ['point geometry', { geometry: { type: 'Point', coordinates: [113.6, 34.75] } }],
    ['single vertex', { geometry: { type: 'LineString', coordinates: [[113.6, 34.75]] } }],
  ])('rejects %s', (_label, patch) => {
    expect(RoadSegment.safeParse({ ...segment, ...patch }).success).toBe(false)
  })

  it('labels every class', () => {
    expect(ROAD_CLASSES.map((c) => ROAD_CLASS_LABELS[c].zh)).toEqual([
      '快速路',
      '主干路',
      '次干路',
      '支路',
    ])
  })
})
