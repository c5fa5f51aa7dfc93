import type { CaseCommand, CaseCommandType } from '@cityops/domain'
import type { CaseDetail, CaseWithActions } from './cases'
import { ApiError, parseProblem, type ApiIssue } from './errors'
import { apiFetch, readJson, trustBody } from './http'

/** An action's own fields (everything of its `CaseCommand` but `type`). */
export type CaseActionFields<T extends CaseCommandType = CaseCommandType> = Omit<
  Extract<CaseCommand, { type: T }>,
  'type'
>

/** The body of `POST /api/cases/:id/actions`: an action, the version seen, its fields. */
export type CaseActionRequest = {
  [T in CaseCommandType]: { action: T; expectedVersion: number } & CaseActionFields<T>
}[CaseCommandType]

/**
 * Why the BFF refused an action (docs/WORKFLOWS.md "Acting on a case"):
 * stale — someone changed the case first (409 STALE_VERSION, `current` holds it now);
 * notAllowed — not possible in this state (409 ACTION_NOT_ALLOWED, `allowedActions`);
 * forbidden — not this role's action (403); refused — a field conflicts with the case (422);
 * invalid — the fields fail the schema (400, `issues` per field); other — anything else.
 */
export type CaseActionErrorKind =
  'stale' | 'notAllowed' | 'forbidden' | 'refused' | 'invalid' | 'notFound' | 'other'

export class CaseActionError extends ApiError {
  constructor(
    status: number,
    body: unknown,
    readonly kind: CaseActionErrorKind,
    readonly code: string | undefined,
    readonly current: CaseDetail | undefined,
    readonly allowedActions: CaseCommandType[] | undefined,
  ) {
    super(status, parseProblem(body))
  }

  get issues(): ApiIssue[] {
    return this.problem.issues
  }
}

function kindOf(status: number, code: string | undefined): CaseActionErrorKind {
  if (status === 409) return code === 'STALE_VERSION' ? 'stale' : 'notAllowed'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 422) return 'refused'
  if (status === 400) return 'invalid'
  return 'other'
}

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined

/** A fresh key per user intent; a retry of the same intent sends the same key again. */
export const newIdempotencyKey = (): string => crypto.randomUUID()

/**
 * `POST /api/cases/:id/actions`. Resolves with the updated case and what the caller may do
 * next; rejects with a `CaseActionError` that carries the server's bilingual message.
 */
export async function postCaseAction(
  id: string,
  request: CaseActionRequest,
  idempotencyKey: string,
): Promise<CaseWithActions> {
  const response = await apiFetch(`/cases/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(request),
  })
  const body = await readJson(response)
  if (response.ok) return trustBody<CaseWithActions>(body)
  const code = field(body, 'code')
  const codeText = typeof code === 'string' ? code : undefined
  const current = field(body, 'case')
  const allowed = field(body, 'allowedActions')
  throw new CaseActionError(
    response.status,
    body,
    kindOf(response.status, codeText),
    codeText,
    current === undefined ? undefined : trustBody<CaseDetail>(current),
    Array.isArray(allowed) ? trustBody<CaseCommandType[]>(allowed) : undefined,
  )
}

/**
 * The request for a command the domain schema has parsed. The one cast: `CaseCommand` and
 * `CaseActionRequest` are the same union with `type` renamed to `action` (plus the version).
 */
export function caseActionRequest(
  command: CaseCommand,
  expectedVersion: number,
): CaseActionRequest {
  const { type, ...fields } = command
  return { ...fields, action: type, expectedVersion } as CaseActionRequest
}
