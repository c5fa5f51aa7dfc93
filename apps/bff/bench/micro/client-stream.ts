import type { LiveTopic } from '@cityops/domain'
import type { StoredEvent } from '../../src/live/append-events'
import { ClientStream } from '../../src/realtime/client-stream'
import { nowMs } from '../fanout/payloads'
import { median } from '../support/table'

// M1: the per-client cost of one batching window in which N distinct entities changed, for a
// topic that is never coalesced and for one that is (traffic: N ≈ the 2,818 road links).
export interface ClientStreamResult {
  topic: LiveTopic
  entities: number
  msPerClient: number
}

const SIZES = [1000, 2818, 5000]
const RUNS = 7

function events(topic: LiveTopic, n: number): StoredEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    topic,
    type: 'benchProbe.emitted',
    entityId: `entity-${i}`,
    version: 1,
    at: new Date(),
    data: { speedKmh: 30 },
    departments: null,
    lng: 113.65,
    lat: 34.75,
  }))
}

/** One client's window: the pump's pages of ≤ 1,000 events offered, then one flush. */
function window(list: StoredEvent[]): number {
  const started = nowMs()
  const stream = new ClientStream(
    () => undefined,
    () => true,
    0,
  )
  for (let i = 0; i < list.length; i += 1000) stream.offer(list.slice(i, i + 1000))
  stream.flush()
  return nowMs() - started
}

export function runClientStreamMicro(): ClientStreamResult[] {
  const results: ClientStreamResult[] = []
  for (const topic of ['incidents', 'traffic'] as const) {
    for (const entities of SIZES) {
      const list = events(topic, entities)
      window(list) // warm-up
      const ms = median(Array.from({ length: RUNS }, () => window(list)))
      results.push({ topic, entities, msPerClient: ms })
    }
  }
  return results
}
