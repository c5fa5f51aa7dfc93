import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CaseActionError, caseKeys, postCaseAction, type CaseActionRequest } from '../../api/cases'
import { NetworkError } from '../../api/errors'
import type { MessageKey, Translate } from '../../i18n'

export type CaseActionVariables = { request: CaseActionRequest; idempotencyKey: string }

/**
 * One workflow action on one case. On success the detail shows the server's answer at once
 * and the lists, timeline and suggestion refetch; a refusal because the case moved on reloads
 * the case, so the next attempt starts from what is really there.
 */
export function useCaseAction(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: CaseActionVariables) =>
      postCaseAction(caseId, request, idempotencyKey),
    onSuccess: (result) => {
      queryClient.setQueryData(caseKeys.detail(caseId), result)
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) })
      void queryClient.invalidateQueries({ queryKey: caseKeys.suggestion(caseId) })
    },
    onError: (error) => {
      if (
        error instanceof CaseActionError &&
        (error.kind === 'stale' || error.kind === 'notAllowed')
      )
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) })
    },
  })
}

const KIND_KEYS: Record<CaseActionError['kind'], MessageKey> = {
  stale: 'caseError.stale',
  notAllowed: 'caseError.notAllowed',
  forbidden: 'caseError.forbidden',
  refused: 'caseError.refused',
  invalid: 'caseError.invalid',
  notFound: 'caseError.notFound',
  other: 'caseError.other',
}

/** What to tell the person about a failed action, in their language plus the server's words. */
export function caseActionErrorText(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('caseError.network')
  if (error instanceof CaseActionError) {
    const issues = error.issues.map((i) => i.message).join('; ')
    return t(KIND_KEYS[error.kind], { message: issues || error.message })
  }
  return t('caseError.other', { message: error instanceof Error ? error.message : String(error) })
}
