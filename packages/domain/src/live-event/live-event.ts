import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'

export const LIVE_TOPICS = [
  'incidents',
  'cases',
  'traffic',
  'environment',
  'units',
  'alerts',
] as const
export type LiveTopic = (typeof LIVE_TOPICS)[number]

// `entity.verb` in the past tense (incident.created, case.dispatched); a changed payload gets a
// versioned name (incident.createdV2) instead of a silent change. Irregular verbs are avoided
// (issued, not sent) so the rule stays checkable.
export const LiveEventType = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z]*ed(V[2-9]|V[1-9]\d+)?$/,
    'Event type must be entity.verbPastTense',
  )
export type LiveEventType = z.infer<typeof LiveEventType>

export const LiveEvent = z.object({
  seq: z.number().int().min(1), // gap-free per stream: clients resume from the last seq seen
  topic: z.enum(LIVE_TOPICS),
  type: LiveEventType,
  id: EntityId, // id of the entity that changed
  version: z.number().int().min(1), // entity version after the change
  at: IsoDateTime,
  data: z.unknown(),
})
export type LiveEvent = z.infer<typeof LiveEvent>
