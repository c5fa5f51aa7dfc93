import { useMutation, useQueryClient } from '@tanstack/react-query'
import { NetworkError } from '../../api/errors'
import {
  IncidentActionError,
  incidentKeys,
  postIncidentAction,
  type IncidentActionRequest,
} from '../../api/incidents'
import type { MessageKey, Translate } from '../../i18n'

export type IncidentActionVariables = { request: IncidentActionRequest; idempotencyKey: string }

/**
 * One workflow action on one incident (the cases' contract, use-case-action.ts). The answer
 * replaces the detail at once and the lists refetch; a stale or not-allowed refusal shows the
 * incident as it is now (from the 409 body, then refetched) so the next try starts from there.
 */
export function useIncidentAction(incidentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: IncidentActionVariables) =>
      postIncidentAction(incidentId, request, idempotencyKey),
    onSuccess: (result) => {
      queryClient.setQueryData(incidentKeys.detail(incidentId), result)
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: incidentKeys.suggestions(incidentId) })
    },
    onError: (error) => {
      if (!(error instanceof IncidentActionError)) return
      if (error.kind !== 'stale' && error.kind !== 'notAllowed') return
      if (error.current) queryClient.setQueryData(incidentKeys.detail(incidentId), error.current)
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) })
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists() })
    },
  })
}

const KIND_KEYS: Record<IncidentActionError['kind'], MessageKey> = {
  stale: 'incidents.error.stale',
  notAllowed: 'incidents.error.notAllowed',
  forbidden: 'incidents.error.forbidden',
  refused: 'incidents.error.refused',
  invalid: 'incidents.error.invalid',
  notFound: 'incidents.error.notFound',
  other: 'incidents.error.other',
}

/** What to tell the person about a failed action: their language plus the server's words. */
export function incidentActionErrorText(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('incidents.error.network')
  if (error instanceof IncidentActionError) {
    const issues = error.problem.issues.map((i) => i.message).join('; ')
    return t(KIND_KEYS[error.kind], { message: issues || error.message })
  }
  return t('incidents.error.other', {
    message: error instanceof Error ? error.message : String(error),
  })
}
