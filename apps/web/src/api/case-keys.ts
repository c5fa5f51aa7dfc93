import type { CaseState } from '@cityops/domain'

/** The queue's filters as `GET /api/cases` takes them. */
export type CaseListFilters = {
  status?: readonly CaseState[]
  category?: string
  district?: string
  department?: string
  overdue?: 'true' | 'false'
  supervised?: boolean
  /** Only cases with an open 回退 / 延期 / 挂账 request. */
  pending?: boolean
  q?: string
  sort?: 'breach' | 'newest'
  from?: string
  to?: string
  limit?: number
}

// Every case key starts with 'cases', so a live `cases` event can invalidate them all at once.
export const caseKeys = {
  all: () => ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (filters: CaseListFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
  suggestion: (id: string) => ['cases', 'suggestion', id] as const,
  evidence: (id: string) => ['cases', 'evidence', id] as const,
  kpis: (groupBy: string, from: string, to: string) =>
    ['cases', 'kpis', groupBy, from, to] as const,
  // Reference data: not under 'cases', a case event does not change it.
  categories: () => ['caseCategories'] as const,
} as const
