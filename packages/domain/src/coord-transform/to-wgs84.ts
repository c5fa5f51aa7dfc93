import { DomainError } from '../errors'
import type { Point } from '../geo'
import { bd09ToWgs84, gcj02ToWgs84 } from './china-datums'

// WGS84 is what we store (SRID 4326); GCJ-02 comes from Amap/Tencent, BD-09 from Baidu.
export const CRS_IDS = ['WGS84', 'GCJ02', 'BD09'] as const
export type CrsId = (typeof CRS_IDS)[number]

/** Converts a GeoJSON Point from a Chinese web-map datum to WGS84. */
export function toWgs84(point: Point, crs: CrsId): Point {
  const [lng, lat] = point.coordinates
  switch (crs) {
    case 'WGS84':
      return { type: 'Point', coordinates: [lng, lat] }
    case 'GCJ02':
      return { type: 'Point', coordinates: gcj02ToWgs84([lng, lat]) }
    case 'BD09':
      return { type: 'Point', coordinates: bd09ToWgs84([lng, lat]) }
    default:
      throw new DomainError('VALIDATION', `Unknown coordinate reference system ${String(crs)}`)
  }
}
