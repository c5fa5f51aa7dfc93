import type { z } from 'zod'

// The BFF maps these codes to HTTP statuses in one place (app.onError).
export const DOMAIN_ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly details: unknown

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError
}

/** Parses with a Zod schema and turns a failure into a `DomainError('VALIDATION')`. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.map(String),
      message: i.message,
    }))
    const first = issues[0]
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
    throw new DomainError(
      'VALIDATION',
      `Invalid ${what}${where}: ${first?.message ?? 'unknown'}`,
      issues,
    )
  }
  return result.data
}
