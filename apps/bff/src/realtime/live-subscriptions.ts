import {
  LIVE_TOPIC_PERMISSIONS,
  listScope,
  Subscription,
  type LiveTopic,
  type SubscribeAck,
} from '@cityops/domain'
import type { Database } from '../db/client'
import type { EventPump } from '../live/event-pump'
import { logRange, readEventsAfter } from '../live/read-events'
import { ClientStream, isVisible } from './client-stream'
import type { LiveSocket } from './socket-server'

const REPLAY_PAGE = 1000

/**
 * The subscribe protocol of docs/LIVE.md for one socket: filters by permission, department
 * and bbox; replays from the database after `since`, then continues live without gap or
 * duplicate; sends `resync` when `since` is older than the retained log.
 */
export function serveSubscriptions(
  socket: LiveSocket,
  db: Database,
  pump: EventPump,
  since: number | null,
) {
  const actor = socket.data.actor
  let stream: ClientStream | null = null
  let unsubscribe: (() => void) | null = null

  socket.on('subscribe', async (raw: unknown, ack: (result: SubscribeAck) => void) => {
    const reply = typeof ack === 'function' ? ack : () => undefined
    const parsed = Subscription.safeParse(raw)
    if (!parsed.success)
      return reply({ ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') })
    const allowed = parsed.data.topics.filter(
      (t) => listScope(actor, LIVE_TOPIC_PERMISSIONS[t]).kind !== 'none',
    )
    const denied = parsed.data.topics.filter((t) => !allowed.includes(t))
    const topics = new Set<LiveTopic>(allowed)
    const filter = (e: Parameters<typeof isVisible>[3]) =>
      isVisible(actor, topics, parsed.data.bbox ?? null, e)
    const isFirst = stream === null
    if (!stream) {
      stream = new ClientStream(
        (batch) => socket.emit('events', batch),
        filter,
        since ?? pump.position,
      )
      unsubscribe = pump.subscribe((events) => stream?.offer(events))
    }
    stream.setFilter(filter)
    const resumedFrom = isFirst && since !== null ? since : null
    if (resumedFrom !== null) await replay(stream, resumedFrom, allowed)
    reply({ ok: true, topics: allowed, deniedTopics: denied, resumedFrom })
  })

  socket.on('disconnect', () => {
    unsubscribe?.()
    stream?.close()
  })

  async function replay(s: ClientStream, from: number, topics: LiveTopic[]) {
    s.holdLive()
    const upTo = pump.position
    try {
      const range = await logRange(db)
      const pruned = range.oldest === null ? from < upTo : from < range.oldest - 1
      if (from < upTo && pruned) {
        socket.emit('resync', { oldestSeq: range.oldest ?? upTo + 1, latestSeq: upTo })
        return
      }
      let cursor = from
      while (cursor < upTo) {
        const page = await readEventsAfter(db, {
          since: cursor,
          until: upTo,
          topics,
          limit: REPLAY_PAGE,
        })
        if (page.length === 0) break
        s.replay(page)
        cursor = page.at(-1)?.seq ?? upTo
      }
    } finally {
      s.releaseLive(upTo)
    }
  }
}
