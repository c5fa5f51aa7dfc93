import { DISTRICTS, type UnitType } from '@cityops/domain'

/** One kind of vehicle of one department; `districtCode` keeps it inside that district. */
export interface FleetGroup {
  type: UnitType
  departmentCode: string
  count: number
  /** Call sign of the n-th vehicle (1-based), as the radio room says it. */
  callSign: (n: number) => string
  districtCode?: string
}

export interface FleetUnit {
  id: string
  callSign: string
  type: UnitType
  departmentCode: string
  districtCode: string | null
}

const pad = (n: number) => String(n).padStart(2, '0')

// The six 区 of the city proper; the counties and county-level cities have their own
// services that this demo does not model.
export const URBAN_DISTRICT_CODES = ['410102', '410103', '410104', '410105', '410106', '410108']

// Short district names for call signs: 金水区 → 金水, 管城回族区 → 管城.
const shortName = (code: string) =>
  (DISTRICTS.find((d) => d.code === code)?.name ?? code).replace(/(回族)?区$/, '')

// [U] A plausible on-duty fleet for the demo city, not a real inventory.
export const DEFAULT_FLEET: readonly FleetGroup[] = [
  { type: 'police', departmentCode: 'gaj110', count: 40, callSign: (n) => `郑公巡${pad(n)}` },
  { type: 'fire', departmentCode: 'xfzd', count: 12, callSign: (n) => `郑消${pad(n)}` },
  { type: 'ambulance', departmentCode: 'ji120', count: 25, callSign: (n) => `郑急120-${pad(n)}` },
  { type: 'trafficPolice', departmentCode: 'jjzd', count: 20, callSign: (n) => `郑交巡${pad(n)}` },
  // 上街区 is left out: the shipped road network (bus links) does not reach that exclave.
  ...URBAN_DISTRICT_CODES.filter((code) => code !== '410106').map((code): FleetGroup => ({
    type: 'sanitation',
    departmentCode: `cg-${code}`,
    count: 6,
    callSign: (n) => `${shortName(code)}环卫${pad(n)}`,
    districtCode: code,
  })),
  { type: 'municipal', departmentCode: 'szgc', count: 10, callSign: (n) => `郑市政${pad(n)}` },
]

/** Stable ids (`u-xfzd-03`), so seeding again finds the same vehicles. */
export function fleetUnits(fleet: readonly FleetGroup[] = DEFAULT_FLEET): FleetUnit[] {
  return fleet.flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => ({
      id: `u-${g.departmentCode}-${pad(i + 1)}`,
      callSign: g.callSign(i + 1),
      type: g.type,
      departmentCode: g.departmentCode,
      districtCode: g.districtCode ?? null,
    })),
  )
}
