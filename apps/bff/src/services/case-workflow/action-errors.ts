import type { DomainError } from '@cityops/domain'
import { allowedActions, type Actor, type WorkflowCase } from '@cityops/domain'
import { HttpError } from '../../http/http-error'

const isStateRefusal = (details: unknown) =>
  typeof details === 'object' && details !== null && 'status' in details

const fieldIssues = (details: unknown) =>
  Array.isArray(details)
    ? details.map((i: { path?: PropertyKey[]; message?: string }) => ({
        path: (i.path ?? []).map(String).join('.'),
        message: i.message ?? '',
      }))
    : []

/**
 * The answer for a refused action: bad fields 400 (with field messages), not this actor's 403,
 * not in this state 409 with what is allowed, a field that conflicts with the case 422.
 */
export function caseActionError(error: DomainError, c: WorkflowCase, actor: Actor): HttpError {
  switch (error.code) {
    case 'VALIDATION':
      return new HttpError(400, error.message, {
        code: 'INVALID_ACTION',
        issues: fieldIssues(error.details),
      })
    case 'FORBIDDEN':
      return new HttpError(403, error.message, { code: 'ACTION_FORBIDDEN' })
    case 'CONFLICT':
      return isStateRefusal(error.details)
        ? new HttpError(409, error.message, {
            code: 'ACTION_NOT_ALLOWED',
            status: c.status,
            allowedActions: allowedActions(c, actor),
          })
        : new HttpError(422, error.message, { code: 'ACTION_REFUSED' })
    default:
      return new HttpError(404, error.message, { code: error.code })
  }
}
