import { z } from 'zod'
import { LIVE_TOPICS } from '../live-event'
import type { LiveTopic, LiveEvent } from '../live-event'

// The socket.io protocol of docs/LIVE.md, as types both ends share.

/** [minLng, minLat, maxLng, maxLat] in WGS84. */
export const Bbox = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
  ])
  .refine(
    ([w, s, e, n]) => w <= e && s <= n,
    'bbox must be [west, south, east, north] with west ≤ east and south ≤ north',
  )
export type Bbox = z.infer<typeof Bbox>

export const Subscription = z.object({
  topics: z
    .array(z.enum(LIVE_TOPICS))
    .min(1, 'subscribe to at least one topic')
    .max(LIVE_TOPICS.length),
  bbox: Bbox.optional(),
})
export type Subscription = z.infer<typeof Subscription>

/** Handshake `auth`: the last seq the client has applied, to resume from. */
export const HandshakeAuth = z.object({ since: z.number().int().min(0).optional() })

// Readings and positions may be coalesced in a batch (only the newest per entity is sent);
// incident, case and alert changes are state changes and are never dropped.
export const COALESCED_TOPICS: readonly LiveTopic[] = ['traffic', 'environment', 'units']

export type SubscribeAck =
  | { ok: true; topics: LiveTopic[]; deniedTopics: LiveTopic[]; resumedFrom: number | null }
  | { ok: false; error: string }

export interface ServerToClientEvents {
  events: (batch: LiveEvent[]) => void
  /** `since` is older than the retained log: reload snapshots, then resubscribe. */
  resync: (info: { oldestSeq: number; latestSeq: number }) => void
}

export interface ClientToServerEvents {
  subscribe: (subscription: Subscription, ack: (result: SubscribeAck) => void) => void
}
