import type { CaseKind, CaseState } from '@cityops/domain'
import { CASE_CATEGORIES, type CaseCategory } from '../../simulator/models/case-categories'

export type { CaseCategory }

export const CASE_KIND_LABELS = {
  component: { zh: '部件', en: 'Component' },
  event: { zh: '事件', en: 'Event' },
} as const satisfies Record<CaseKind, { zh: string; en: string }>

// English beside the domain's CASE_STATE_LABELS (Chinese), for bilingual status notes.
export const CASE_STATE_LABELS_EN = {
  REPORTED: 'Reported, awaiting intake',
  ACCEPTED: 'Accepted by the intake desk',
  VERIFIED: 'Verified on site',
  INVALID: 'Rejected as invalid or duplicate',
  NOT_FILED: 'Not filed',
  FILED: 'Filed',
  DISPATCHED: 'Dispatched to the responsible department',
  RETURNED: 'Returned by the department for re-dispatch',
  SUSPENDED: 'Parked: cannot be solved within the time limit',
  DISPOSED: 'Handled, awaiting check',
  CHECKING: 'Being checked on site',
  CLOSED: 'Closed',
} as const satisfies Record<CaseState, string>

// GeoReport v2 needs one unique service_code per service, but 部件 and 事件 reuse 4-digit codes
// (0101 is both 上水井盖 and 私搭乱建), so the code carries the kind: C0101, E0101.
const KIND_PREFIX = { component: 'C', event: 'E' } as const satisfies Record<CaseKind, string>

export function serviceCodeOf(c: { kind: CaseKind; categoryCode: string }): string {
  return `${KIND_PREFIX[c.kind]}${c.categoryCode}`
}

/** The category a case may be reported under; the catalogue is the simulator's case mix. */
export function findCategory(kind: CaseKind, categoryCode: string): CaseCategory | undefined {
  return CASE_CATEGORIES.find((c) => c.kind === kind && c.code === categoryCode)
}

export function categoryOfServiceCode(serviceCode: string): CaseCategory | undefined {
  return CASE_CATEGORIES.find(
    (c) => serviceCodeOf({ kind: c.kind, categoryCode: c.code }) === serviceCode,
  )
}

export const caseCategories = (): readonly CaseCategory[] => CASE_CATEGORIES
