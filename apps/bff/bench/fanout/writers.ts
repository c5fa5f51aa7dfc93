import { openDatabase, type DatabaseHandle } from '../../src/db/client'
import { appendEvents } from '../../src/live/append-events'
import { postEnvironment } from '../ingest/ingest-client'
import { runPaced, type PacedRun } from '../support/pace'
import { benchStationCode, nowMs, PROBE_TYPE, probeData } from './payloads'

/** Produces events in the BFF's event log at a given rate. */
export interface EventWriter {
  readonly description: string
  /** Writes `rate` events per second for `seconds`; resolves with how many were committed. */
  run(rate: number, seconds: number): Promise<PacedRun & { events: number }>
  close(): Promise<void>
}

/**
 * PostgreSQL: this process appends events itself, one transaction per event, exactly as a
 * service would (`appendEvents` in the writing transaction); the BFF's pump is woken by NOTIFY.
 */
export async function postgresProbeWriter(url: string): Promise<EventWriter> {
  const handle: DatabaseHandle = await openDatabase({ driver: 'postgres', url })
  let n = 0
  return {
    description: 'appendEvents from the bench process (1 event per transaction, topic incidents)',
    async run(rate, seconds) {
      const paced = await runPaced(rate, seconds, () =>
        handle.db.transaction(async (tx) => {
          const sentAt = nowMs()
          n += 1
          await appendEvents(
            tx,
            [
              {
                topic: 'incidents',
                type: PROBE_TYPE,
                entityId: `probe-${n}`,
                version: 1,
                data: probeData(sentAt),
              },
            ],
            new Date(sentAt),
          )
        }),
      )
      return { ...paced, events: paced.ticks }
    },
    close: () => handle.close(),
  }
}

// The write limiter allows an API key 20 requests at once, then 5 per second.
const INGEST_REQUESTS_PER_SECOND = 4

/**
 * PGlite (the BFF owns the data dir): readings through `POST /api/ingest/environment` with the
 * demo key, 4 requests per second, each reading for a different bench station so that the
 * per-station coalescing of the environment topic never merges two of them.
 */
export function ingestWriter(url: string, stations: number): EventWriter {
  let next = 0
  return {
    description: `POST /api/ingest/environment (${INGEST_REQUESTS_PER_SECOND} requests/s, one station per reading)`,
    async run(rate, seconds) {
      const perRequest = Math.max(1, Math.round(rate / INGEST_REQUESTS_PER_SECOND))
      let events = 0
      const paced = await runPaced(INGEST_REQUESTS_PER_SECOND, seconds, async () => {
        const observedAt = new Date(Math.floor(nowMs())).toISOString()
        const readings = Array.from({ length: perRequest }, () => ({
          stationCode: benchStationCode(next++ % stations),
          observedAt,
          noiseLeqDbA: 55,
        }))
        events += (await postEnvironment(url, 'bench-fanout', readings)).stored
      })
      return { ...paced, events }
    },
    close: async () => undefined,
  }
}
