export const CAP_ERROR_CODES = ['HOSTILE', 'MALFORMED', 'INVALID', 'TOO_LARGE'] as const
export type CapErrorCode = (typeof CAP_ERROR_CODES)[number]

// Suggested HTTP statuses for the route that wires this codec (one place, like app.onError).
export const CAP_ERROR_HTTP_STATUS = {
  HOSTILE: 400,
  MALFORMED: 400,
  INVALID: 422,
  TOO_LARGE: 413,
} as const satisfies Record<CapErrorCode, number>

/**
 * A refused CAP document. `message` is "中文 / English" and says what to change; `path` is
 * the element path (e.g. `alert/info[1]/severity`) when one element is at fault.
 */
export class CapError extends Error {
  override name = 'CapError'
  readonly code: CapErrorCode
  readonly path: string | undefined

  constructor(code: CapErrorCode, zh: string, en: string, path?: string) {
    super(`${zh} / ${en}`)
    this.code = code
    this.path = path
  }
}

export function isCapError(value: unknown): value is CapError {
  return value instanceof CapError
}

/** Shortens untrusted text before it is echoed in a message or warning. */
export function quoteForMessage(value: string, max = 60): string {
  const clean = value.replace(/\s+/g, ' ')
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean)
}
