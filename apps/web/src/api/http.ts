import { NetworkError } from './errors'

/** Same-origin API base: the BFF serves /api in production, Vite proxies it in dev. */
export const API_BASE = '/api'

// 502/504 come from a proxy in front of a BFF that is down (Vite's dev proxy answers 502).
const GATEWAY_STATUSES = new Set([502, 504])

/** fetch() that turns "no answer from the BFF" into a NetworkError; other statuses pass through. */
export async function apiFetch(path: string, init?: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...init,
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
