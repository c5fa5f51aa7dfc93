import { z } from 'zod'

// What B2's page (apps/web/bench/b2.ts, window.__b2) takes and returns; the page is another
// program, so its answers are parsed rather than trusted.

export interface B2PageParams {
  path: 'ours' | 'naive'
  features: number
  rate: number
  messagesPerSecond: number
  warmupSeconds: number
  seconds: number
  settleMs: number
  seed: number
}

export const B2Setup = z.object({ drawn: z.number(), events: z.number(), renderer: z.string() })

const Span = z.object({ start: z.number(), duration: z.number() })

export const B2PageResult = z.object({
  messages: z.number(),
  events: z.number(),
  maxLateMs: z.number(),
  windowStart: z.number(),
  windowEnd: z.number(),
  longTasks: z.array(Span),
  frames: z.number(),
  maxFrameGapMs: z.number(),
})
export type B2PageResult = z.infer<typeof B2PageResult>

export const B2Verify = z.object({
  sourceFeatures: z.number(),
  isLastEventInSource: z.boolean(),
  pageLongTasks: z.array(Span),
})

/** Chrome's Performance.getMetrics, as name → value. */
export const CdpMetrics = z
  .object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) })
  .transform(({ metrics }) => new Map(metrics.map((m) => [m.name, m.value])))
