import { z } from 'zod'
import { EntityId } from '../common'
import { DepartmentCode } from '../department'
import { Point } from '../geo'

export const UNIT_TYPES = [
  'police',
  'fire',
  'ambulance',
  'sanitation',
  'municipal',
  'trafficPolice',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const UNIT_TYPE_LABELS = {
  police: { zh: '巡警', en: 'Police patrol' },
  fire: { zh: '消防', en: 'Fire engine' },
  ambulance: { zh: '急救', en: 'Ambulance' },
  sanitation: { zh: '环卫', en: 'Sanitation' },
  municipal: { zh: '市政', en: 'Municipal works' },
  trafficPolice: { zh: '交警', en: 'Traffic police' },
} as const satisfies Record<UnitType, { zh: string; en: string }>

export const UNIT_STATUSES = ['available', 'dispatched', 'enRoute', 'onScene', 'offDuty'] as const
export type UnitStatus = (typeof UNIT_STATUSES)[number]

export const UNIT_STATUS_LABELS = {
  available: { zh: '待命', en: 'Available' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  enRoute: { zh: '途中', en: 'En route' },
  onScene: { zh: '到场', en: 'On scene' },
  offDuty: { zh: '离岗', en: 'Off duty' },
} as const satisfies Record<UnitStatus, { zh: string; en: string }>

// A field team or vehicle that can be sent to an incident or case.
export const Unit = z.object({
  id: EntityId,
  callSign: z.string().min(1).max(32),
  type: z.enum(UNIT_TYPES),
  departmentCode: DepartmentCode,
  position: Point,
  status: z.enum(UNIT_STATUSES),
})
export type Unit = z.infer<typeof Unit>

/** Units that may take a new assignment. */
export function isUnitAssignable(unit: Pick<Unit, 'status'>): boolean {
  return unit.status === 'available'
}
