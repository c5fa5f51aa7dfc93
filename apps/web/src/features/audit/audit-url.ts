import { AUDIT_OUTCOMES } from '@cityops/domain'
import type { AuditOutcome } from '@cityops/domain'
import type { AuditFilters } from '../../api/audit'

/** The filters as the form edits them and the URL keeps them (times as datetime-local text). */
export type AuditFilterForm = {
  from: string
  to: string
  actor: string
  action: string
  outcome: AuditOutcome | ''
  objectType: string
}

export const EMPTY_FILTERS: AuditFilterForm = {
  from: '',
  to: '',
  actor: '',
  action: '',
  outcome: '',
  objectType: '',
}

export const asOutcome = (value: string | null): AuditOutcome | '' =>
  AUDIT_OUTCOMES.find((o) => o === value) ?? ''

/** Reads the filters from the page URL; unknown values are dropped. */
export function formFromSearch(search: URLSearchParams): AuditFilterForm {
  return {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    outcome: asOutcome(search.get('outcome')),
    objectType: search.get('objectType') ?? '',
  }
}

/** The page URL's query for these filters (empty ones left out), so a view can be shared. */
export function searchFromForm(form: AuditFilterForm): URLSearchParams {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) {
    const text = value.trim()
    if (text !== '') search.set(key, text)
  }
  return search
}

// datetime-local has no zone: it is the browser's local time, sent to the API as an instant.
function toIso(local: string): string | undefined {
  if (local === '') return undefined
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The API's filters (docs/API.md `GET /api/audit`) for the form's values. */
export function apiFilters(form: AuditFilterForm): AuditFilters {
  const filters: AuditFilters = {}
  const from = toIso(form.from)
  const to = toIso(form.to)
  if (from) filters.from = from
  if (to) filters.to = to
  if (form.actor.trim()) filters.actor = form.actor.trim()
  if (form.action.trim()) filters.action = form.action.trim()
  if (form.outcome) filters.outcome = form.outcome
  if (form.objectType.trim()) filters.objectType = form.objectType.trim()
  return filters
}

export const isRangeInvalid = (form: AuditFilterForm) =>
  form.from !== '' && form.to !== '' && new Date(form.to) < new Date(form.from)
