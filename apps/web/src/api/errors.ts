/** The request never got an HTTP answer from the BFF (network down, server or proxy unreachable). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

/** An HTTP answer the caller did not expect. */
export class HttpError extends Error {
  override readonly name: string = 'HttpError'
  constructor(
    readonly status: number,
    message = `HTTP ${status}`,
  ) {
    super(message)
  }
}

/** One schema problem of a 400 answer (docs/API.md). */
export type ApiIssue = { path: string; message: string }

/** The documented fields of a BFF error body: `{ error, ...details }`. */
export type ApiProblem = {
  /** A bilingual sentence meant to be shown as it is. */
  error: string | undefined
  reason: string | undefined
  retryAfterSeconds: number | undefined
  permission: string | undefined
  /** `PasswordProblem` codes of a refused password. */
  problems: string[]
  issues: ApiIssue[]
}

const stringAt = (body: object, key: string): string | undefined => {
  const value: unknown = Reflect.get(body, key)
  return typeof value === 'string' && value !== '' ? value : undefined
}

function issuesOf(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const message = stringAt(item, 'message')
    if (!message) return []
    const path: unknown = Reflect.get(item, 'path')
    return [
      { path: Array.isArray(path) ? path.map(String).join('.') : String(path ?? ''), message },
    ]
  })
}

/** Reads an error body defensively: a proxy's HTML page or an empty body gives no fields. */
export function parseProblem(body: unknown): ApiProblem {
  if (typeof body !== 'object' || body === null) {
    return {
      error: undefined,
      reason: undefined,
      retryAfterSeconds: undefined,
      permission: undefined,
      problems: [],
      issues: [],
    }
  }
  const retry: unknown = Reflect.get(body, 'retryAfterSeconds')
  const problems: unknown = Reflect.get(body, 'problems')
  return {
    error: stringAt(body, 'error'),
    reason: stringAt(body, 'reason'),
    retryAfterSeconds: typeof retry === 'number' && Number.isFinite(retry) ? retry : undefined,
    permission: stringAt(body, 'permission'),
    problems: Array.isArray(problems) ? problems.filter((p) => typeof p === 'string') : [],
    issues: issuesOf(Reflect.get(body, 'issues')),
  }
}

/** A 4xx/5xx answer of the BFF with its parsed error body. */
export class ApiError extends HttpError {
  override readonly name = 'ApiError'
  constructor(
    status: number,
    readonly problem: ApiProblem,
  ) {
    super(status, problem.error ?? `HTTP ${status}`)
  }
}

// 401 reasons that belong to a login attempt, not to a session that ended.
const LOGIN_REASONS = new Set(['invalidCredentials', 'mfaRequired'])

/** True when the BFF says there is no (longer a) session: the app must go to the login page. */
export function isSessionEnded(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 401 &&
    !LOGIN_REASONS.has(error.problem.reason ?? '')
  )
}

export const isForbidden = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 403

export const isNotFound = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 404
