import type { LiveEvent } from '@cityops/domain'

export interface StreamPlan {
  /** Events per second, on an even schedule. */
  rate: number
  /** Socket messages per second: the events due since the last message go in one batch. */
  messagesPerSecond: number
  /** Events before the measured window starts (not measured). */
  warmupEvents: number
  /** Quiet time after the last event, inside the window, for the last frames and tiles. */
  settleMs: number
}

export interface StreamStats {
  /** Messages and events inside the measured window. */
  messages: number
  events: number
  /** How late the latest message of the window left (a busy main thread delays timers). */
  maxLateMs: number
  windowStart: number
  windowEnd: number
}

/**
 * Delivers `events` as the BFF's paced live stream would: every 1/messagesPerSecond s, one
 * batch of all events due by then. A slow page gets bigger batches, never fewer events.
 */
export function runStream(
  events: readonly LiveEvent[],
  plan: StreamPlan,
  deliver: (batch: LiveEvent[]) => void,
) {
  let sent = 0
  let messages = 0
  let maxLateMs = 0
  let warmupMessages = 0
  let windowStart = Number.NaN
  const startedAt = performance.now()
  const interval = 1000 / plan.messagesPerSecond
  let onWarm: (t: number) => void = () => undefined
  let onDone: (s: StreamStats) => void = () => undefined
  const warmedUp = new Promise<number>((resolve) => (onWarm = resolve))
  const finished = new Promise<StreamStats>((resolve) => (onDone = resolve))

  const tick = (i: number) => {
    const now = performance.now()
    if (!Number.isNaN(windowStart))
      maxLateMs = Math.max(maxLateMs, now - (startedAt + i * interval))
    // the warm-up boundary falls between two messages
    const due = Math.min(events.length, Math.floor(((now - startedAt) / 1000) * plan.rate))
    const upTo = sent < plan.warmupEvents ? Math.min(due, plan.warmupEvents) : due
    if (upTo > sent) {
      deliver(events.slice(sent, upTo))
      sent = upTo
      messages += 1
    }
    if (sent >= plan.warmupEvents && Number.isNaN(windowStart)) {
      windowStart = performance.now()
      warmupMessages = messages
      onWarm(windowStart)
    }
    if (sent < events.length) {
      const next = startedAt + (i + 1) * interval
      setTimeout(() => tick(i + 1), Math.max(0, next - performance.now()))
      return
    }
    setTimeout(() => {
      onDone({
        messages: messages - warmupMessages,
        events: sent - plan.warmupEvents,
        maxLateMs,
        windowStart,
        windowEnd: performance.now(),
      })
    }, plan.settleMs)
  }
  setTimeout(() => tick(0), 0)
  return { warmedUp, finished }
}
