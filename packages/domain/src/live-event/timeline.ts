import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import type { LIVE_TOPICS } from './live-event'
import { LiveEventType } from './live-event'

// Topics whose entities have a lifecycle worth a timeline. Readings and positions (traffic,
// environment, units) are series, not stories: they have their own layers.
export const TIMELINE_TOPICS = [
  'incidents',
  'cases',
  'alerts',
] as const satisfies readonly (typeof LIVE_TOPICS)[number][]
export type TimelineTopic = (typeof TIMELINE_TOPICS)[number]

/** Who made an audited change; displayName is null for API keys and the system. */
export const TimelineActor = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  role: z.string().nullable(),
})

export const TimelineEntry = z.object({
  seq: z.number().int().min(1),
  type: LiveEventType,
  at: IsoDateTime,
  version: z.number().int().min(1),
  data: z.unknown(),
  /** From the audit entry written in the same transaction; null when the change is not audited. */
  actor: TimelineActor.nullable(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

export const Timeline = z.object({
  topic: z.enum(TIMELINE_TOPICS),
  id: EntityId,
  entries: z.array(TimelineEntry),
  /** True when there were more than TIMELINE_MAX_ENTRIES: the oldest ones are returned. */
  hasMore: z.boolean(),
})
export type Timeline = z.infer<typeof Timeline>

export const TIMELINE_MAX_ENTRIES = 500
