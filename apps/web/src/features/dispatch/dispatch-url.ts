import { CASE_STATES, type CaseState } from '@cityops/domain'
import type { CaseListFilters } from '../../api/cases'

/** The dispatcher's queue as the URL keeps it, so a view can be shared or reloaded. */
export type QueueView = {
  status: CaseState[]
  category: string
  district: string
  department: string
  overdue: '' | 'true' | 'false'
  supervised: boolean
  q: string
  /** The open case. */
  selected: string
}

// 待派遣 (FILED), 回退待重派 (RETURNED) and what departments are working on (DISPATCHED).
export const DEFAULT_QUEUE_STATES: readonly CaseState[] = ['FILED', 'RETURNED', 'DISPATCHED']

export const EMPTY_QUEUE_VIEW: QueueView = {
  status: [...DEFAULT_QUEUE_STATES],
  category: '',
  district: '',
  department: '',
  overdue: '',
  supervised: false,
  q: '',
  selected: '',
}

const statesOf = (text: string | null): CaseState[] => {
  if (text === null) return [...DEFAULT_QUEUE_STATES]
  const wanted = text.split(',')
  return CASE_STATES.filter((s) => wanted.includes(s))
}

/** Reads the view from the page URL; unknown values fall back to the defaults. */
export function viewFromSearch(search: URLSearchParams): QueueView {
  const overdue = search.get('overdue')
  const status = statesOf(search.get('status'))
  return {
    status: status.length > 0 ? status : [...DEFAULT_QUEUE_STATES],
    category: /^\d{2}(\d{2})?$/.test(search.get('category') ?? '')
      ? (search.get('category') ?? '')
      : '',
    district: /^\d{6}$/.test(search.get('district') ?? '') ? (search.get('district') ?? '') : '',
    department: search.get('department') ?? '',
    overdue: overdue === 'true' || overdue === 'false' ? overdue : '',
    supervised: search.get('supervised') === 'true',
    q: search.get('q') ?? '',
    selected: search.get('case') ?? '',
  }
}

const sameStates = (a: readonly CaseState[], b: readonly CaseState[]) =>
  a.length === b.length && a.every((s) => b.includes(s))

/** The URL query for a view; defaults are left out so the plain /dispatch stays plain. */
export function searchFromView(view: QueueView): URLSearchParams {
  const search = new URLSearchParams()
  if (!sameStates(view.status, DEFAULT_QUEUE_STATES)) search.set('status', view.status.join(','))
  if (view.category) search.set('category', view.category)
  if (view.district) search.set('district', view.district)
  if (view.department) search.set('department', view.department)
  if (view.overdue) search.set('overdue', view.overdue)
  if (view.supervised) search.set('supervised', 'true')
  if (view.q.trim()) search.set('q', view.q.trim())
  if (view.selected) search.set('case', view.selected)
  return search
}

/** The API's filters for a view (the open case is not a filter). */
export function apiFiltersOf(view: QueueView): CaseListFilters {
  return {
    status: view.status,
    category: view.category || undefined,
    district: view.district || undefined,
    department: view.department || undefined,
    overdue: view.overdue || undefined,
    supervised: view.supervised || undefined,
    q: view.q.trim() || undefined,
    sort: 'breach',
  }
}
