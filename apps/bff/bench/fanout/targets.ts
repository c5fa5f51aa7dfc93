import type { ChildProcess } from 'node:child_process'
import { latestSeq, type BenchBff } from '../support/bff'
import { request } from '../support/ipc'
import type { FanoutTarget } from './measure-round'
import { RawRan } from './messages'
import { BENCH_STATIONS } from './payloads'
import type { EventWriter } from './writers'

/** The BFF: events come from the writer; the round's size is read back from the event log. */
export function cityopsTarget(
  bff: BenchBff,
  fleet: ChildProcess,
  clients: number,
  writer: EventWriter,
  cookie: string,
): FanoutTarget {
  return {
    name: 'cityops',
    pid: bff.pid,
    fleet,
    clients,
    base: () => latestSeq(bff.url, cookie),
    write: (rate, seconds) => writer.run(rate, seconds),
    async produced(base, written) {
      const logged = (await latestSeq(bff.url, cookie)) - base
      if (logged !== written) log(`note: the log grew by ${logged}, the writer wrote ${written}`)
      return logged
    },
  }
}

/** The baseline: the raw server makes and emits its own events. */
export function rawTarget(
  raw: ChildProcess,
  fleet: ChildProcess,
  clients: number,
  payload: 'probe' | 'envReading',
): FanoutTarget {
  const pid = raw.pid
  if (pid === undefined) throw new Error('the raw server has no pid')
  return {
    name: 'raw',
    pid,
    fleet,
    clients,
    base: async () => 0,
    write: async (rate, seconds) => {
      const message = { kind: 'run', rate, seconds, payload, stations: BENCH_STATIONS }
      const ran = await request(raw, message, RawRan, seconds * 4000 + 10_000, 'raw run')
      return {
        ticks: ran.events,
        events: ran.events,
        startedAt: ran.startedAt,
        endedAt: ran.endedAt,
      }
    },
    produced: async (_base, written) => written,
  }
}

const log = (message: string) => console.log(`bench B1: ${message}`)
