import type { Actor, DomainError } from '@cityops/domain'
import { HttpError } from '../../http/http-error'
import { incidentDetail, type IncidentRecord } from './incident-record'

const hasKey = (details: unknown, key: string): details is Record<string, unknown> =>
  typeof details === 'object' && details !== null && key in details

const fieldIssues = (details: unknown) =>
  Array.isArray(details)
    ? details.map((i: { path?: PropertyKey[]; message?: string }) => ({
        path: (i.path ?? []).map(String).join('.'),
        message: i.message ?? '',
      }))
    : []

/**
 * The answer for a refused incident action, as for cases: bad fields 400 with field messages,
 * not this actor's 403, not in this state 409 with what is allowed, a refused field 422.
 */
export function incidentActionError(
  error: DomainError,
  record: IncidentRecord,
  actor: Actor,
): HttpError {
  switch (error.code) {
    case 'VALIDATION':
      return new HttpError(400, error.message, {
        code: 'INVALID_ACTION',
        issues: fieldIssues(error.details),
      })
    case 'FORBIDDEN':
      return new HttpError(403, error.message, { code: 'ACTION_FORBIDDEN' })
    case 'CONFLICT':
      if (hasKey(error.details, 'status')) {
        const { allowedActions, assignments } = incidentDetail(record, actor)
        return new HttpError(409, error.message, {
          code: 'ACTION_NOT_ALLOWED',
          status: record.state.status,
          ...(hasKey(error.details, 'assignmentStatus')
            ? { assignmentStatus: error.details.assignmentStatus }
            : {}),
          allowedActions,
          assignments: assignments.map((a) => ({ id: a.id, allowedActions: a.allowedActions })),
        })
      }
      return new HttpError(422, error.message, {
        code: 'ACTION_REFUSED',
        ...(hasKey(error.details, 'reason') ? { reason: error.details.reason } : {}),
      })
    default:
      return new HttpError(404, error.message, { code: error.code })
  }
}
