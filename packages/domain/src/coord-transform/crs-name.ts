import { z } from 'zod'
import type { CrsId } from './to-wgs84'

// The spellings clients send for the three datums: the API contract writes GCJ-02 and
// BD-09 (as Amap's and Baidu's documentation do); our earlier endpoints took GCJ02 / BD09.
export const CRS_NAMES = {
  WGS84: 'WGS84',
  'WGS-84': 'WGS84',
  'EPSG:4326': 'WGS84',
  GCJ02: 'GCJ02',
  'GCJ-02': 'GCJ02',
  BD09: 'BD09',
  'BD-09': 'BD09',
} as const satisfies Record<string, CrsId>

const NAMES = Object.keys(CRS_NAMES) as [keyof typeof CRS_NAMES, ...(keyof typeof CRS_NAMES)[]]

/** A datum name as clients write it, normalised to a `CrsId`. */
export const CrsName = z
  .enum(NAMES, { error: '坐标系须为 WGS84、GCJ-02 或 BD-09 / crs must be WGS84, GCJ-02 or BD-09' })
  .transform((name): CrsId => CRS_NAMES[name])
