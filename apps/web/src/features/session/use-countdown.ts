import { useCallback, useEffect, useState } from 'react'

type Countdown = { secondsLeft: number; start: (seconds: number) => void }

/** A seconds countdown started from an event (e.g. a 429's retryAfterSeconds), ticking each second. */
export function useCountdown(): Countdown {
  const [span, setSpan] = useState<{ now: number; until: number } | null>(null)
  const start = useCallback((seconds: number) => {
    const now = Date.now()
    setSpan({ now, until: now + seconds * 1000 })
  }, [])
  const isRunning = span !== null && span.now < span.until
  useEffect(() => {
    if (!isRunning) return
    const timer = setInterval(() => {
      setSpan((s) => (s === null ? s : { ...s, now: Date.now() }))
    }, 1000)
    return () => clearInterval(timer)
  }, [isRunning])
  const secondsLeft = span === null ? 0 : Math.max(0, Math.ceil((span.until - span.now) / 1000))
  return { secondsLeft, start }
}
