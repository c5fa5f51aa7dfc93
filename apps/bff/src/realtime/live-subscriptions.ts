import {
  LIVE_TOPIC_PERMISSIONS,
  listScope,
  Subscription,
  type LiveTopic,
  type SubscribeAck,
} from '@cityops/domain'
import type { Database } from '../db/client'
import { logRange, readEventsAfter } from '../live/read-events'
import { liveView, type ClientFeed, type LiveFanout } from './live-fanout'
import type { LiveSocket } from './socket-server'

const REPLAY_PAGE = 1000

/**
 * The subscribe protocol of docs/LIVE.md for one socket: filters by permission, department
 * and bbox; replays from the database after `since`, then continues live without gap or
 * duplicate; sends `resync` when `since` is older than the retained log. Once level with the
 * live stream, the socket shares its view's stream with every other socket of the same view.
 */
export function serveSubscriptions(
  socket: LiveSocket,
  db: Database,
  fanout: LiveFanout,
  since: number | null,
) {
  const actor = socket.data.actor
  let feed: ClientFeed | null = null

  socket.on('subscribe', async (raw: unknown, ack: (result: SubscribeAck) => void) => {
    const reply = typeof ack === 'function' ? ack : () => undefined
    const parsed = Subscription.safeParse(raw)
    if (!parsed.success)
      return reply({ ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') })
    const allowed = parsed.data.topics.filter(
      (t) => listScope(actor, LIVE_TOPIC_PERMISSIONS[t]).kind !== 'none',
    )
    const denied = parsed.data.topics.filter((t) => !allowed.includes(t))
    const view = liveView(actor, allowed, parsed.data.bbox ?? null)
    const isFirst = feed === null
    if (!feed) feed = fanout.open(socket, view, since ?? fanout.pumpPosition)
    else feed.changeView(view)
    const resumedFrom = isFirst && since !== null ? since : null
    if (resumedFrom !== null) await replay(feed, resumedFrom, allowed)
    if (socket.connected) feed.share()
    reply({ ok: true, topics: allowed, deniedTopics: denied, resumedFrom })
  })

  socket.on('disconnect', () => {
    feed?.close()
  })

  async function replay(s: ClientFeed, from: number, topics: LiveTopic[]) {
    s.holdLive()
    const upTo = fanout.pumpPosition
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
