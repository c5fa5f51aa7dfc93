import type { DomainError } from '@cityops/domain'
import { HttpError } from '../../http/http-error'

// How both workflows (数字城管 cases and emergency incidents) answer an action the domain
// refused, so a client handles them alike: bad fields 400 with field messages, not this
// actor's 403, not in this state 409 with what is allowed now, a refused field 422.

/** The domain error's details, when they are an object. */
export type RefusalDetails = Record<string, unknown>

const detailsOf = (details: unknown): RefusalDetails | null =>
  typeof details === 'object' && details !== null && !Array.isArray(details)
    ? (details as RefusalDetails)
    : null

const fieldIssues = (details: unknown) =>
  Array.isArray(details)
    ? details.map((i: { path?: PropertyKey[]; message?: string }) => ({
        path: (i.path ?? []).map(String).join('.'),
        message: i.message ?? '',
      }))
    : []

/**
 * The HTTP answer for `error`. A CONFLICT whose details name a `status` is a move the state
 * does not allow: `allowedNow` adds the state and the actions that are allowed (409). Any other
 * CONFLICT is 422, with the domain's `reason` when it gives one.
 */
export function actionRefusal(
  error: DomainError,
  allowedNow: (details: RefusalDetails) => RefusalDetails,
): HttpError {
  const details = detailsOf(error.details)
  switch (error.code) {
    case 'VALIDATION':
      return new HttpError(400, error.message, {
        code: 'INVALID_ACTION',
        issues: fieldIssues(error.details),
      })
    case 'FORBIDDEN':
      return new HttpError(403, error.message, { code: 'ACTION_FORBIDDEN' })
    case 'CONFLICT':
      if (details && 'status' in details) {
        return new HttpError(409, error.message, {
          code: 'ACTION_NOT_ALLOWED',
          ...allowedNow(details),
        })
      }
      return new HttpError(422, error.message, {
        code: 'ACTION_REFUSED',
        ...(details && 'reason' in details ? { reason: details.reason } : {}),
      })
    default:
      return new HttpError(404, error.message, { code: error.code })
  }
}
