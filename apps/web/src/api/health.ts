import { queryOptions } from '@tanstack/react-query'
import { apiFetch, readJson } from './http'
import { queryKeys } from './query-keys'

export const HEALTH_POLL_MS = 10_000

export type HealthOk = {
  status: 'ok'
  database: string
  migrations: string
  version: string
}

export type HealthDegraded = {
  status: 'degraded'
  /** The BFF's 503 body may name the database; an unexpected answer does not. */
  database?: string
  reason?: string
  httpStatus: number
}

export type Health = HealthOk | HealthDegraded

function field(body: unknown, key: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const value: unknown = Reflect.get(body, key)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Maps the BFF answer: 200 ok → ok, 503 → degraded, anything else → degraded (unexpected). */
export function parseHealth(httpStatus: number, body: unknown): Health {
  const database = field(body, 'database')
  if (httpStatus === 200 && field(body, 'status') === 'ok') {
    const migrations = field(body, 'migrations')
    const version = field(body, 'version')
    if (database && migrations && version) return { status: 'ok', database, migrations, version }
  }
  const reason = httpStatus === 503 ? field(body, 'reason') : undefined
  return { status: 'degraded', database, reason, httpStatus }
}

/** GET /api/health. Rejects with NetworkError when the BFF cannot be reached ("offline"). */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const response = await apiFetch('/health', { signal })
  return parseHealth(response.status, await readJson(response))
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health.all(),
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    refetchIntervalInBackground: true,
    // Failing is the information here: show "offline" at once and let the poll retry.
    retry: false,
    // Ask even when the browser claims to be offline, so the badge never hangs on "loading".
    networkMode: 'always',
  })
}
