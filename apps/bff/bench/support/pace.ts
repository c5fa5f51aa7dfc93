import { nowMs } from '../fanout/payloads'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface PacedRun {
  ticks: number
  startedAt: number
  endedAt: number
}

/**
 * Calls `onTick` `ticksPerSecond × seconds` times on an even schedule (late ticks run at once,
 * so a slow tick does not lower the rate), and gives up once 3× the planned time has passed.
 */
export async function runPaced(
  ticksPerSecond: number,
  seconds: number,
  onTick: (i: number) => unknown,
): Promise<PacedRun> {
  const total = Math.round(ticksPerSecond * seconds)
  const startedAt = nowMs()
  const deadline = startedAt + seconds * 3000
  let ticks = 0
  for (let i = 0; i < total && nowMs() < deadline; i++) {
    const wait = startedAt + (i * 1000) / ticksPerSecond - nowMs()
    if (wait > 0.5) await sleep(wait)
    await onTick(i)
    ticks += 1
  }
  return { ticks, startedAt, endedAt: nowMs() }
}
