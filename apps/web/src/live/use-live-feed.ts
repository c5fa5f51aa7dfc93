import { LIVE_TOPICS } from '@cityops/domain'
import { useEffect, useState } from 'react'
import { apiFetch, readJson } from '../api/http'
import { ApiError, parseProblem } from '../api/errors'
import type { LayerSnapshot } from './layer-state'
import { LiveFeed } from './live-feed'
import type { MapTopic } from './live-feature'
import { fetchOpenAlarms, fetchRecentEvents } from '../api/wall'
import { loadAlarms, seedTicker, noteConnection, noteFrame, resetWallLive } from './wall-store'

async function fetchSnapshot(topic: MapTopic): Promise<LayerSnapshot | null> {
  const response = await apiFetch(`/layers/${topic}`)
  if (response.status === 403) return null // not this role's layer: the wall shows the others
  const body = await readJson(response)
  if (!response.ok) throw new ApiError(response.status, parseProblem(body))
  return body as LayerSnapshot
}

/**
 * Starts the wall's live feed while the component using it is mounted (one per page), and
 * mirrors it into the wall store frame by frame. Going offline in the browser closes the
 * socket at once; coming back resumes from the last seq, so the server replays the gap.
 */
export function useLiveFeed(): { feed: LiveFeed | null; error: string | null } {
  const [state, setState] = useState<{ feed: LiveFeed | null; error: string | null }>({
    feed: null,
    error: null,
  })
  useEffect(() => {
    resetWallLive()
    const feed = new LiveFeed({
      topics: LIVE_TOPICS,
      fetchSnapshot,
      onConnection: noteConnection,
    })
    const off = feed.onFrame((frame) => noteFrame(feed, frame))
    let cancelled = false
    feed
      .start()
      .then(async () => {
        if (cancelled) return
        setState({ feed, error: null })
        // Alarms the wall must show even if they were raised before it opened.
        const [{ items }, recent] = await Promise.all([
          fetchOpenAlarms(),
          fetchRecentEvents(['incidents', 'cases', 'alerts'], feed.lastSeq ?? 0),
        ])
        if (cancelled) return
        loadAlarms(items)
        seedTicker(recent)
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setState({ feed: null, error: error instanceof Error ? error.message : String(error) })
      })
    const offline = () => feed.goOffline()
    const online = () => feed.goOnline()
    window.addEventListener('offline', offline)
    window.addEventListener('online', online)
    return () => {
      cancelled = true
      off()
      window.removeEventListener('offline', offline)
      window.removeEventListener('online', online)
      feed.stop()
    }
  }, [])
  return state
}
