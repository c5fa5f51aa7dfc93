import { LIVE_TOPICS, type LiveEvent, type LiveTopic } from '@cityops/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { LiveFeed, type ConnectionState } from './live-feed'

const NO_SNAPSHOT = () => Promise.resolve(null)
const INVALIDATE_EVERY_MS = 1000

/**
 * Keeps a desk's queries fresh from the live socket: for each animation frame with events of
 * `topics`, invalidates the query keys that start with the topic (`['cases', …]` for `cases`)
 * and hands the events to `onEvents`. Each time the socket is (again) live it invalidates them
 * all, since nothing says what changed before the subscription. Returns the connection state for an
 * offline banner. One socket per mounted desk, through the wall's `LiveFeed` client.
 */
export function useLiveInvalidation(
  topics: readonly LiveTopic[],
  onEvents?: (events: LiveEvent[]) => void,
): ConnectionState {
  const queryClient = useQueryClient()
  const [connection, setConnection] = useState<ConnectionState>('connecting')
  const onEventsRef = useRef(onEvents)
  useEffect(() => {
    onEventsRef.current = onEvents
  })
  const topicList = topics.join(',')

  useEffect(() => {
    const names = topicList.split(',')
    const watched = LIVE_TOPICS.filter((t) => names.includes(t))
    // A busy stream would refetch every frame: the first change refetches at once, the ones
    // after it at most once a second (a desk shows decisions, not readings).
    const due = new Set<LiveTopic>()
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastFlush = 0
    const flush = () => {
      timer = null
      lastFlush = Date.now()
      for (const topic of due) void queryClient.invalidateQueries({ queryKey: [topic] })
      due.clear()
    }
    const invalidate = (topic: LiveTopic) => {
      due.add(topic)
      timer ??= setTimeout(flush, Math.max(0, lastFlush + INVALIDATE_EVERY_MS - Date.now()))
    }
    const feed = new LiveFeed({
      topics: watched,
      fetchSnapshot: NO_SNAPSHOT,
      onConnection: (state) => {
        setConnection(state)
        // Events between the first fetch (or a disconnect) and the subscription are not replayed.
        if (state === 'live') {
          watched.forEach((t) => due.add(t))
          flush()
        }
      },
    })
    const off = feed.onFrame(({ events }) => {
      if (events.length === 0) return
      const changed = new Set(events.map((e) => e.topic))
      watched.filter((t) => changed.has(t)).forEach(invalidate)
      onEventsRef.current?.(events)
    })
    void feed.start()
    const offline = () => feed.goOffline()
    const online = () => feed.goOnline()
    window.addEventListener('offline', offline)
    window.addEventListener('online', online)
    return () => {
      off()
      window.removeEventListener('offline', offline)
      window.removeEventListener('online', online)
      feed.stop()
      if (timer) clearTimeout(timer)
    }
  }, [queryClient, topicList])

  return connection
}
