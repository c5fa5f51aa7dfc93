import { ApiError, NetworkError, parseProblem } from './errors'

/** Same-origin API base: the BFF serves /api in production, Vite proxies it in dev. */
export const API_BASE = '/api'

// 502/504 come from a proxy in front of a BFF that is down (Vite's dev proxy answers 502).
const GATEWAY_STATUSES = new Set([502, 504])

/**
 * fetch() that turns "no answer from the BFF" into a NetworkError; other statuses pass through.
 * The session cookie goes along (same origin only); the browser adds `Origin` to writes, which
 * the BFF checks against CSRF.
 */
export async function apiFetch(path: string, init?: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...init?.headers },
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new NetworkError(error instanceof Error ? error.message : 'fetch failed', {
      cause: error,
    })
  }
  if (GATEWAY_STATUSES.has(response.status)) {
    throw new NetworkError(`gateway answered HTTP ${response.status}`)
  }
  return response
}

/** The parsed JSON body, or undefined when it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json()
    return body
  } catch {
    return undefined
  }
}

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls the BFF and returns the JSON body of a 2xx answer (undefined for 204). Any other
 * status rejects with an `ApiError` carrying the server's message and details.
 */
export async function apiRequest(path: string, request: ApiRequest = {}): Promise<unknown> {
  const { method = 'GET', body, signal } = request
  const hasBody = body !== undefined
  const response = await apiFetch(path, {
    method,
    signal,
    headers: hasBody ? { 'content-type': 'application/json' } : undefined,
    body: hasBody ? JSON.stringify(body) : undefined,
  })
  const json = response.status === 204 ? undefined : await readJson(response)
  if (!response.ok) throw new ApiError(response.status, parseProblem(json))
  return json
}

/** Query string from the defined, non-empty values only. */
export function toSearch(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

/**
 * The BFF is this repository's own server, built against docs/API.md and checked by its
 * integration tests; its 2xx bodies are taken to have the documented shape. This is the one
 * place that trusts them, so a stricter parser can replace it later without touching callers.
 */
export function trustBody<T>(body: unknown): T {
  return body as T
}
