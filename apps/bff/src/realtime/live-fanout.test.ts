import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveEvent, LiveTopic } from '@cityops/domain'
import type { EventListener } from '../live/event-pump'
import type { StoredEvent } from '../live/append-events'
import { LiveFanout, type FanoutSocket, type LiveView } from './live-fanout'
import { createRng } from '../simulator/models/rng'

// An in-process event source standing in for the node's EventPump, and sockets that record
// what they receive directly and through the rooms they have joined.
class Source {
  position = 0
  private listeners = new Set<EventListener>()
  subscribe(listener: EventListener) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  publish(topics: LiveTopic[]) {
    const batch = topics.map((topic) => stored(++this.position, topic))
    for (const l of this.listeners) l(batch)
    return batch
  }
}

class Recorder implements FanoutSocket {
  rooms = new Set<string>()
  messages: LiveEvent[][] = []
  emit(_event: 'events', batch: LiveEvent[]) {
    this.messages.push(batch)
  }
  join(room: string) {
    this.rooms.add(room)
  }
  leave(room: string) {
    this.rooms.delete(room)
  }
  get seqs() {
    return this.messages.flat().map((e) => e.seq)
  }
}

const stored = (seq: number, topic: LiveTopic): StoredEvent => ({
  seq,
  topic,
  type: 'test.changed',
  entityId: `e${seq}`,
  version: 1,
  at: new Date('2026-11-20T00:00:00Z'),
  data: null,
  departments: null,
  lng: null,
  lat: null,
})

const view = (topics: LiveTopic[]): LiveView => ({
  key: topics.join(','),
  filter: (e) => topics.includes(e.topic),
})
const INCIDENTS = view(['incidents'])
const BOTH = view(['incidents', 'cases'])

function setup() {
  const source = new Source()
  const sockets: Recorder[] = []
  const roomEmits: string[] = []
  const fanout = new LiveFanout({
    pump: source,
    // one message per 100 ms, no burst: the batch boundaries are easy to reason about
    pacing: { perSecond: 10, burst: 1 },
    roomEmit: (room, batch) => {
      roomEmits.push(room)
      for (const s of sockets) if (s.rooms.has(room)) s.messages.push(batch)
    },
  })
  const socket = () => {
    const s = new Recorder()
    sockets.push(s)
    return s
  }
  return { source, fanout, socket, roomEmits }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('LiveFanout', () => {
  it('sends one broadcast per batch to every client of the same view', async () => {
    const { source, fanout, socket, roomEmits } = setup()
    const clients = [socket(), socket(), socket()]
    for (const s of clients) fanout.open(s, INCIDENTS, 0).share()
    expect(fanout.groupCount).toBe(1)
    source.publish(['incidents', 'cases', 'incidents'])
    await vi.advanceTimersByTimeAsync(150)
    expect(roomEmits).toHaveLength(1)
    for (const s of clients) expect(s.seqs).toEqual([1, 3])
  })

  it('keeps views apart and drops a view nobody watches', async () => {
    const { source, fanout, socket } = setup()
    const a = socket()
    const b = socket()
    fanout.open(a, INCIDENTS, 0).share()
    const feedB = fanout.open(b, BOTH, 0)
    feedB.share()
    expect(fanout.groupCount).toBe(2)
    source.publish(['cases', 'incidents'])
    await vi.advanceTimersByTimeAsync(150)
    expect(a.seqs).toEqual([2])
    expect(b.seqs).toEqual([1, 2])
    feedB.close()
    expect(fanout.groupCount).toBe(1)
  })

  it('lets a client join a busy view at a batch boundary without gap or duplicate', async () => {
    const { source, fanout, socket } = setup()
    const early = socket()
    fanout.open(early, INCIDENTS, 0).share()
    source.publish(['incidents'])
    await Promise.resolve() // 1 leaves at once: the pacer had a token
    source.publish(['incidents']) // 2 waits for the next token
    const late = socket()
    const feed = fanout.open(late, INCIDENTS, source.position)
    feed.share()
    expect(feed.shared).toBe(false) // the group still holds 2 for its members
    source.publish(['incidents']) // 3: the late client must get it exactly once
    await vi.advanceTimersByTimeAsync(150)
    expect(feed.shared).toBe(true)
    source.publish(['incidents'])
    await vi.advanceTimersByTimeAsync(150)
    expect(early.seqs).toEqual([1, 2, 3, 4])
    expect(late.seqs).toEqual([3, 4])
  })

  it('gives a client that changes view what it was owed, then the new view', async () => {
    const { source, fanout, socket } = setup()
    const s = socket()
    const feed = fanout.open(s, INCIDENTS, 0)
    feed.share()
    source.publish(['incidents'])
    source.publish(['incidents', 'cases']) // 2 is pending in the group
    feed.changeView(BOTH)
    feed.share()
    source.publish(['cases'])
    await vi.advanceTimersByTimeAsync(300)
    expect(s.seqs).toEqual([1, 2, 4])
  })

  it('delivers every visible event once and in order under random joins, changes and leaves', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const stream = createRng(`fanout-${seed}`)
      const random = () => stream.next()
      const { source, fanout, socket } = setup()
      const log: StoredEvent[] = []
      interface Watcher {
        socket: Recorder
        feed: ReturnType<LiveFanout['open']>
        // (from, to, view): events in (from, to] visible in `view` are owed to the client
        spans: { from: number; to: number; view: LiveView }[]
        open: boolean
      }
      const watchers: Watcher[] = []
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T
      for (let step = 0; step < 120; step++) {
        const r = random()
        if (r < 0.4) {
          const n = 1 + Math.floor(random() * 3)
          log.push(
            ...source.publish(
              Array.from({ length: n }, () => pick<LiveTopic>(['incidents', 'cases'])),
            ),
          )
        } else if (r < 0.55) {
          const v = pick([INCIDENTS, BOTH])
          const s = socket()
          const feed = fanout.open(s, v, source.position)
          feed.share()
          watchers.push({
            socket: s,
            feed,
            spans: [{ from: source.position, to: Infinity, view: v }],
            open: true,
          })
        } else if (r < 0.65) {
          const w = watchers.filter((x) => x.open)
          if (w.length) {
            const x = pick(w)
            const v = pick([INCIDENTS, BOTH])
            const last = x.spans.at(-1)
            if (last && last.view.key !== v.key) {
              last.to = source.position
              x.spans.push({ from: source.position, to: Infinity, view: v })
            }
            x.feed.changeView(v)
            x.feed.share()
          }
        } else if (r < 0.7) {
          const w = watchers.filter((x) => x.open)
          if (w.length) {
            const x = pick(w)
            await vi.advanceTimersByTimeAsync(200) // let it receive what it is owed before it leaves
            x.feed.close()
            x.open = false
            const last = x.spans.at(-1)
            if (last) last.to = source.position
          }
        } else await vi.advanceTimersByTimeAsync(Math.floor(random() * 120))
      }
      await vi.advanceTimersByTimeAsync(500)
      for (const w of watchers) {
        const expected = log
          .filter((e) => w.spans.some((s) => e.seq > s.from && e.seq <= s.to && s.view.filter(e)))
          .map((e) => e.seq)
        expect(w.socket.seqs, `seed ${seed}`).toEqual(expected)
      }
      for (const w of watchers) w.feed.close()
      expect(fanout.groupCount).toBe(0)
    }
  })
})
