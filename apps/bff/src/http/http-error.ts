import { DomainError } from '@cityops/domain'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'

/** An error that already knows its HTTP answer; thrown by guards and services' callers. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

const DOMAIN_STATUS: Record<string, ContentfulStatusCode> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
}

/** The one mapping from thrown errors to answers (app.onError). */
export function errorResponse(error: unknown, c: Context) {
  if (error instanceof HttpError)
    return c.json({ error: error.message, ...error.details }, error.status)
  if (error instanceof DomainError) {
    const status = DOMAIN_STATUS[error.code] ?? 400
    return c.json({ error: error.message, code: error.code }, status)
  }
  if (error instanceof z.ZodError) {
    return c.json({ error: describeIssues(error), issues: issueList(error) }, 400)
  }
  return null
}

export function issueList(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

export function describeIssues(error: z.ZodError): string {
  const parts = error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
  return `请求内容有误 / Invalid request — ${parts.join('; ')}`
}

/** Parses a JSON body against a schema: malformed JSON and schema failures are both 400. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new HttpError(400, '请求体不是有效的 JSON / The request body is not valid JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
  }
  return parsed.data
}
