import {
  CATEGORY_ROUTES,
  DEFAULT_CASE_SLA,
  timeLimitFor,
  type CaseKind,
  type CaseSlaConfig,
  type TimeLimit,
} from '@cityops/domain'
import { caseCategories } from './case-catalogue'

export interface CaseCategoryItem {
  code: string
  kind: CaseKind
  majorCode: string
  majorName: string
  minorName: string
  nameEn: string
  timeLimit: TimeLimit
  /** The department a case of this 小类 goes to by default; empty when it goes to its district. */
  defaultDepartments: string[]
  /** True when the default is the case's own district 城市管理局 (属地兜底), not a named body. */
  isRoutedToDistrict: boolean
}

function routeOf(kind: CaseKind, code: string) {
  return (
    CATEGORY_ROUTES[`${kind}:${code}`] ??
    CATEGORY_ROUTES[`${kind}:${code.slice(0, 2)}`] ?? { districtOffice: true as const }
  )
}

/**
 * GET /api/case-categories: the catalogue a report may use, with each 小类's 处置时限 under
 * `sla` and its default department from the domain's category routes.
 */
export function listCaseCategories(sla: CaseSlaConfig = DEFAULT_CASE_SLA): {
  items: CaseCategoryItem[]
} {
  const items = caseCategories().map((c): CaseCategoryItem => {
    const route = routeOf(c.kind, c.code)
    return {
      code: c.code,
      kind: c.kind,
      majorCode: c.code.slice(0, 2),
      majorName: c.majorZh,
      minorName: c.zh,
      nameEn: c.en,
      timeLimit: timeLimitFor(sla, c.kind, c.code),
      defaultDepartments: 'department' in route ? [route.department] : [],
      isRoutedToDistrict: !('department' in route),
    }
  })
  return { items }
}
