import type { ReplayItem } from '@cityops/domain'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { replayQueryOptions } from '../../../api/analytics-history'
import { byTime } from './steps'

export type ReplayState =
  | { status: 'loading'; pages: number; items: number; progress: number }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'ready'; items: ReplayItem[] }

/**
 * Every replay page of [from, to): the time machine needs the whole range to scrub freely.
 * Progress is how far the newest loaded item reaches into the range (pages come oldest first).
 */
export function useReplay(from: string, to: string): ReplayState {
  const query = useInfiniteQuery(replayQueryOptions(from, to))
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query
  const pages = query.data?.pages
  const pageCount = pages?.length ?? 0

  // Following the cursor is synchronising with the server page by page, so it lives here. The
  // page count is a dependency: a fast page may never show isFetchingNextPage in a commit.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage, pageCount])

  const items = useMemo(() => byTime(pages?.flatMap((p) => p.items) ?? []), [pages])

  if (query.isError) {
    return { status: 'error', error: query.error, retry: () => void query.refetch() }
  }
  if (!pages || hasNextPage) {
    return {
      status: 'loading',
      pages: pageCount,
      items: items.length,
      progress: reach(items, from, to),
    }
  }
  return { status: 'ready', items }
}

function reach(sorted: readonly ReplayItem[], from: string, to: string): number {
  const last = sorted.at(-1)
  if (!last) return 0
  const span = Date.parse(to) - Date.parse(from)
  const done = (Date.parse(last.at) - Date.parse(from)) / span
  return Math.max(0, Math.min(1, done))
}
