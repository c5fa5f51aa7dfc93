import type { Actor, DomainError } from '@cityops/domain'
import type { HttpError } from '../../http/http-error'
import { actionRefusal } from '../workflow-actions/action-refusal'
import { incidentDetail, type IncidentRecord } from './incident-record'

/**
 * The answer for a refused incident action (workflow-actions/action-refusal.ts); 409 names the
 * incident's status, the assignment's when the refusal was about one, and what this actor may
 * do now on the incident and on each assignment.
 */
export function incidentActionError(
  error: DomainError,
  record: IncidentRecord,
  actor: Actor,
): HttpError {
  return actionRefusal(error, (details) => {
    const { allowedActions, assignments } = incidentDetail(record, actor)
    return {
      status: record.state.status,
      ...('assignmentStatus' in details ? { assignmentStatus: details.assignmentStatus } : {}),
      allowedActions,
      assignments: assignments.map((a) => ({ id: a.id, allowedActions: a.allowedActions })),
    }
  })
}
