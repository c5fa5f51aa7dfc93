/**
 * Simulated time = start + real elapsed × speed, starting at the real instant it is made:
 * at speed 1 the demo city runs on the wall clock; at 60 an hour passes in a minute.
 */
export function createSimClock(realClock: () => Date, speed: number): () => Date {
  const start = realClock().getTime()
  return () => new Date(start + (realClock().getTime() - start) * speed)
}
