import type { LngLat } from '@cityops/domain'
import type { Database } from '../db/client'
import { pointFromLngLat } from '../db/geo-sql'
import { stations } from '../db/schema'
import { ZHENGZHOU_RIVER_GAUGES, type NoisePoint, type RiverGauge } from './models'

// [U] Illustrative noise monitoring points, one or two per GB 3096 zone, at places that
// fit the zone (parks 1类, mixed downtown 2类, the 经开区 3类, trunk roads 4a, the railway
// 4b). Not the city's real network, whose list we do not have.
export const SIMULATED_NOISE_POINTS: readonly (NoisePoint & { name: string; location: LngLat })[] =
  [
    { code: 'NZ01', name: '碧沙岗公园', zone: '1', location: [113.6363, 34.7567] },
    { code: 'NZ02', name: '龙子湖高校园区', zone: '1', location: [113.7912, 34.7985] },
    { code: 'NZ03', name: '二七广场', zone: '2', location: [113.6667, 34.7497], biasDb: 1 },
    { code: 'NZ04', name: '郑东新区CBD', zone: '2', location: [113.7286, 34.7712] },
    { code: 'NZ05', name: '经开区第八大街', zone: '3', location: [113.7335, 34.7237] },
    {
      code: 'NZ06',
      name: '花园路农业路口',
      zone: '4a',
      location: [113.6763, 34.7808],
      biasDb: 1.5,
    },
    { code: 'NZ07', name: '中州大道陇海路口', zone: '4a', location: [113.7271, 34.7379] },
    { code: 'NZ08', name: '郑州站京广铁路', zone: '4b', location: [113.6586, 34.7457] },
  ]

// [U] Gauge positions where each river crosses the street the gauge is named after.
const GAUGE_LOCATIONS: Record<string, LngLat> = {
  JLH01: [113.9652, 34.7456],
  JSH01: [113.6652, 34.7631],
  XEH01: [113.6843, 34.7452],
  DFQ01: [113.7271, 34.7897],
  QLH01: [113.7402, 34.7196],
  SXH01: [113.6013, 34.8583],
}

export const SIMULATED_GAUGES: readonly (RiverGauge & { location: LngLat })[] =
  ZHENGZHOU_RIVER_GAUGES.flatMap((g) => {
    const location = GAUGE_LOCATIONS[g.code]
    return location ? [{ ...g, location }] : []
  })

/**
 * Adds the simulated noise points and river gauges to `stations` (kind 'noise' / 'water').
 * Existing rows are left alone, as for the other reference data; returns how many were new.
 */
export async function ensureSimulatedStations(db: Database): Promise<number> {
  const rows = [
    ...SIMULATED_NOISE_POINTS.map((p) => ({ ...p, kind: 'noise' as const })),
    ...SIMULATED_GAUGES.map((g) => ({ ...g, kind: 'water' as const })),
  ].map((s) => ({
    code: s.code,
    name: s.name,
    kind: s.kind,
    location: pointFromLngLat(s.location[0], s.location[1]),
  }))
  const inserted = await db
    .insert(stations)
    .values(rows)
    .onConflictDoNothing()
    .returning({ code: stations.code })
  return inserted.length
}
