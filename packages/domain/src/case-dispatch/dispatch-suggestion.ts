import { formatPercent } from '../case-kpi'

export const ON_TIME_WINDOW_DAYS = 30
// Probable duplicates: same category within this distance and time [U: no source gives numbers].
export const DUPLICATE_RADIUS_M = 100
export const DUPLICATE_WINDOW_HOURS = 72

/** Why a department is suggested; the UI localises each kind itself, `summary` is a fallback. */
export type DispatchReason =
  | { kind: 'categoryRoute' }
  | {
      kind: 'gridOwner'
      gridCode: string | null
      districtCode: string
      isDerivedFromDistrict: boolean
    }
  | { kind: 'componentOwner'; componentId: string }
  | { kind: 'openCases'; count: number }
  | { kind: 'onTimeRate'; rate: number | null; days: typeof ON_TIME_WINDOW_DAYS }

export interface DispatchFacts {
  /** The category's default department (CATEGORY_ROUTES). */
  categoryRoute: string | null
  /** The grid's responsible body. */
  gridOwner: {
    departmentCode: string
    gridCode: string | null
    districtCode: string
    isDerivedFromDistrict: boolean
  } | null
  /** The department owning the component's category (16-digit 部件 id, GB/T 30428.2). */
  componentOwner: { departmentCode: string; componentId: string } | null
}

export interface DepartmentLoad {
  /** Cases at the department now (DISPATCHED or SUSPENDED). */
  openCases: number
  /** 按期结案率 of the last 30 days; null when nothing was due. */
  onTimeRate: number | null
}

export interface DispatchSuggestion {
  departmentCode: string
  departmentName: string
  score: number
  reasons: DispatchReason[]
  summary: { zh: string; en: string }
}

// The scoring, in points (documented in docs/WORKFLOWS.md): ownership of the thing itself
// weighs most, then the category's routing rule, then the grid's body; a good 30-day on-time
// rate adds up to 20 (no history counts as the middle, 10); each open case costs 2, at most 20.
// [U] weights are ours: they only order the list, the dispatcher decides.
export const DISPATCH_WEIGHTS = {
  componentOwner: 50,
  categoryRoute: 40,
  gridOwner: 30,
  onTimeRate: 20,
  unknownOnTimeRate: 10,
  perOpenCase: 2,
  maxOpenPenalty: 20,
} as const

/** The departments with at least one ownership reason, in first-seen order. */
export function candidateDepartments(facts: DispatchFacts): string[] {
  const codes = [
    facts.componentOwner?.departmentCode,
    facts.categoryRoute,
    facts.gridOwner?.departmentCode,
  ]
  return [...new Set(codes.filter((c): c is string => typeof c === 'string'))]
}

/** The pure score of one department from its reasons. */
export function dispatchScore(reasons: readonly DispatchReason[]): number {
  const w = DISPATCH_WEIGHTS
  let score = 0
  for (const r of reasons) {
    if (r.kind === 'componentOwner') score += w.componentOwner
    else if (r.kind === 'categoryRoute') score += w.categoryRoute
    else if (r.kind === 'gridOwner') score += w.gridOwner
    else if (r.kind === 'onTimeRate')
      score += r.rate === null ? w.unknownOnTimeRate : w.onTimeRate * r.rate
    else score -= Math.min(w.maxOpenPenalty, w.perOpenCase * r.count)
  }
  return Math.round(score * 10) / 10
}

function reasonsFor(code: string, facts: DispatchFacts, load: DepartmentLoad): DispatchReason[] {
  const reasons: DispatchReason[] = []
  if (facts.componentOwner?.departmentCode === code)
    reasons.push({ kind: 'componentOwner', componentId: facts.componentOwner.componentId })
  if (facts.categoryRoute === code) reasons.push({ kind: 'categoryRoute' })
  if (facts.gridOwner?.departmentCode === code) {
    const { gridCode, districtCode, isDerivedFromDistrict } = facts.gridOwner
    reasons.push({ kind: 'gridOwner', gridCode, districtCode, isDerivedFromDistrict })
  }
  reasons.push({ kind: 'onTimeRate', rate: load.onTimeRate, days: ON_TIME_WINDOW_DAYS })
  reasons.push({ kind: 'openCases', count: load.openCases })
  return reasons
}

const rateText = (rate: number | null) => formatPercent(rate, 0)

/** "部件权属单位；30天按期率96%；在办2件" / "owner of the component; 96% on time in 30 days; 2 open". */
export function summarizeReasons(reasons: readonly DispatchReason[]): { zh: string; en: string } {
  const zh: string[] = []
  const en: string[] = []
  const isOwner = reasons.some((r) => r.kind === 'componentOwner')
  for (const r of reasons) {
    switch (r.kind) {
      case 'componentOwner':
        zh.push('部件权属单位')
        en.push('owner of the component')
        break
      case 'categoryRoute':
        if (isOwner) break // the owner of the thing says more than its category
        zh.push('类别责任单位')
        en.push('default department of the category')
        break
      case 'gridOwner':
        zh.push(r.gridCode ? `网格${r.gridCode}责任单位` : '属地责任单位')
        en.push(r.gridCode ? `responsible for grid ${r.gridCode}` : 'responsible for the district')
        break
      case 'onTimeRate':
        zh.push(
          r.rate === null ? `${r.days}天内无到期案件` : `${r.days}天按期率${rateText(r.rate)}`,
        )
        en.push(
          r.rate === null
            ? `nothing due in ${r.days} days`
            : `${rateText(r.rate)} on time in ${r.days} days`,
        )
        break
      case 'openCases':
        zh.push(`在办${r.count}件`)
        en.push(`${r.count} open`)
        break
    }
  }
  return { zh: zh.join('；'), en: en.join('; ') }
}

/** The candidates ranked by score (ties: fewer open cases, then code), each with its reasons. */
export function rankDepartments(
  facts: DispatchFacts,
  loadOf: (code: string) => DepartmentLoad,
  nameOf: (code: string) => string,
): DispatchSuggestion[] {
  return candidateDepartments(facts)
    .map((code) => {
      const load = loadOf(code)
      const reasons = reasonsFor(code, facts, load)
      return {
        departmentCode: code,
        departmentName: nameOf(code),
        score: dispatchScore(reasons),
        reasons,
        summary: summarizeReasons(reasons),
        open: load.openCases,
      }
    })
    .sort(
      (a, b) =>
        b.score - a.score || a.open - b.open || (a.departmentCode < b.departmentCode ? -1 : 1),
    )
    .map(({ open: _open, ...s }) => s)
}
