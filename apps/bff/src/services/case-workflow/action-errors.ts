import { allowedActions, type Actor, type DomainError, type WorkflowCase } from '@cityops/domain'
import type { HttpError } from '../../http/http-error'
import { actionRefusal } from '../workflow-actions/action-refusal'

/** The answer for a refused case action (workflow-actions/action-refusal.ts); 409 names the case's status and what this actor may do now. */
export const caseActionError = (error: DomainError, c: WorkflowCase, actor: Actor): HttpError =>
  actionRefusal(error, () => ({ status: c.status, allowedActions: allowedActions(c, actor) }))
