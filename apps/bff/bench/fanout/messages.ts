import { LIVE_TOPICS } from '@cityops/domain'
import { z } from 'zod'

// The IPC protocol between the bench runner and its two children (client fleet, raw server).
// Strictly request → reply, one request outstanding at a time.

export const FleetRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('connect'),
    url: z.string(),
    cookies: z.array(z.string()),
    clients: z.number().int().positive(),
    concurrency: z.number().int().positive(),
    topics: z.array(z.enum(LIVE_TOPICS)),
  }),
  z.object({
    kind: z.literal('begin'),
    base: z.number().int().min(0),
    capacity: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('progress') }),
  z.object({ kind: z.literal('end'), expected: z.number().int().min(0) }),
  z.object({ kind: z.literal('close') }),
])
export type FleetRequest = z.infer<typeof FleetRequest>

export const LatencySummary = z.object({
  samples: z.number(),
  p50: z.number(),
  p99: z.number(),
  mean: z.number(),
  max: z.number(),
})
export type LatencySummary = z.infer<typeof LatencySummary>

export const FleetConnected = z.object({
  kind: z.literal('connected'),
  connected: z.number(),
  failed: z.number(),
  ms: z.number(),
  firstError: z.string().nullable(),
})
export const FleetAck = z.object({ kind: z.literal('ok') })
export const FleetProgress = z.object({ kind: z.literal('progress'), delivered: z.number() })
export const FleetResult = z.object({
  kind: z.literal('result'),
  clients: z.number(),
  delivered: z.number(),
  lost: z.number(),
  duplicated: z.number(),
  stray: z.number(),
  disconnects: z.number(),
  latency: LatencySummary,
  firstInBatch: LatencySummary,
  batches: z.number(),
  cpuMs: z.number(),
  wallMs: z.number(),
})
export type FleetResult = z.infer<typeof FleetResult>

export const RawRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('run'),
    rate: z.number().positive(),
    seconds: z.number().positive(),
    payload: z.enum(['probe', 'envReading']),
    stations: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('close') }),
])
export type RawRequest = z.infer<typeof RawRequest>

export const RawListening = z.object({ kind: z.literal('listening'), port: z.number() })
export const RawRan = z.object({
  kind: z.literal('ran'),
  events: z.number(),
  startedAt: z.number(),
  endedAt: z.number(),
})
