import type {
  IndicatorId,
  PlanTarget,
  ReplayPage,
  TimeBucket,
  TimeseriesResult,
} from '@cityops/domain'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiRequest, toSearch, trustBody } from './http'

// The thematic page's look back: the replay (time machine, decision log), the indicator time
// series and the plan's targets (KPI trends). Keys live here, not in query-keys.ts, so the two
// thematic helpers do not edit one shared file; the prefix keeps them apart from api/analytics.ts.

/** Items per replay page: the API's largest, so a month of a busy city is a handful of requests. */
export const REPLAY_PAGE_SIZE = 1000

export type TimeseriesParams = {
  indicator: IndicatorId
  from: string
  to: string
  bucket: TimeBucket
  area?: string
}

/** `GET /api/analytics/targets`. */
export type PlanTargetsResult = { version: number; targets: PlanTarget[] }

export const analyticsHistoryKeys = {
  all: () => ['analyticsHistory'] as const,
  replay: (from: string, to: string) => ['analyticsHistory', 'replay', { from, to }] as const,
  timeseries: (params: TimeseriesParams) => ['analyticsHistory', 'timeseries', params] as const,
  targets: () => ['analyticsHistory', 'targets'] as const,
}

export async function fetchReplayPage(
  params: { from: string; to: string; cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<ReplayPage> {
  const search = toSearch({ limit: REPLAY_PAGE_SIZE, ...params })
  return trustBody<ReplayPage>(await apiRequest(`/analytics/replay${search}`, { signal }))
}

const FIRST_CURSOR: string | undefined = undefined

/** The replay of [from, to), page by page; the time machine asks for every page. */
export function replayQueryOptions(from: string, to: string) {
  return infiniteQueryOptions({
    queryKey: analyticsHistoryKeys.replay(from, to),
    queryFn: ({ pageParam, signal }) => fetchReplayPage({ from, to, cursor: pageParam }, signal),
    initialPageParam: FIRST_CURSOR,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

export function timeseriesQueryOptions(params: TimeseriesParams) {
  return queryOptions({
    queryKey: analyticsHistoryKeys.timeseries(params),
    queryFn: async ({ signal }) =>
      trustBody<TimeseriesResult>(
        await apiRequest(`/analytics/timeseries${toSearch(params)}`, { signal }),
      ),
  })
}

export function planTargetsQueryOptions() {
  return queryOptions({
    queryKey: analyticsHistoryKeys.targets(),
    queryFn: async ({ signal }) =>
      trustBody<PlanTargetsResult>(await apiRequest('/analytics/targets', { signal })),
  })
}
