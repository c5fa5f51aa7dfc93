import { useQuery } from '@tanstack/react-query'
import { apiFetch, readJson } from '../../api/http'

/**
 * The figures only the server can know (history beyond what the wall holds): good-air days this
 * year, today's closure rates, calls per hotline in the last hour. Null while unknown.
 */
export interface ServerKpis {
  goodAirDays: number | null
  closureRateToday: number | null
  onTimeRateToday: number | null
  callsLastHour: Record<string, number>
}

const REFRESH_MS = 30_000

export function useServerKpis(): ServerKpis | null {
  const { data } = useQuery({
    queryKey: ['kpis', 'wall'],
    queryFn: async () => {
      const response = await apiFetch('/kpis/wall')
      if (!response.ok) return null
      return toServerKpis(await readJson(response))
    },
    refetchInterval: REFRESH_MS,
  })
  return data ?? null
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}

/** Reads the BFF's WallKpis answer (docs/API.md) into what the strip shows. */
export function toServerKpis(body: unknown): ServerKpis {
  const b = obj(body)
  const env = obj(b.environment)
  const cases = obj(b.cases)
  const calls = obj(b.callsLastHour)
  return {
    goodAirDays: num(env.goodDaysThisYear ?? b.goodAirDays),
    closureRateToday: num(cases.closureRateToday),
    onTimeRateToday: num(cases.onTimeRateToday),
    callsLastHour: Object.fromEntries(
      Object.entries(calls).flatMap(([k, v]) => (typeof v === 'number' ? [[k, v]] : [])),
    ),
  }
}
