import { describe, expect, it } from 'vitest'
import type { LiveEvent } from '@cityops/domain'
import type { StoredEvent } from '../live/append-events'
import { ClientStream } from './client-stream'

const stored = (seq: number, topic: StoredEvent['topic'], entityId: string): StoredEvent => ({
  seq,
  topic,
  type: 'test.recorded',
  entityId,
  version: seq,
  at: new Date('2026-11-20T00:00:00Z'),
  data: null,
  departments: null,
  lng: null,
  lat: null,
})

describe('ClientStream batching', () => {
  it('keeps only the newest reading per entity but every incident change, in seq order', () => {
    const sent: LiveEvent[][] = []
    const stream = new ClientStream(
      (b) => sent.push(b),
      () => true,
      0,
    )
    stream.offer([
      stored(1, 'traffic', 'L1'),
      stored(2, 'incidents', 'I1'),
      stored(3, 'traffic', 'L2'),
      stored(4, 'traffic', 'L1'),
      stored(5, 'incidents', 'I1'),
      stored(6, 'traffic', 'L1'),
    ])
    stream.flush()
    expect(sent.map((b) => b.map((e) => `${e.seq}:${e.id}`))).toEqual([
      ['2:I1', '3:L2', '5:I1', '6:L1'],
    ])
    stream.close()
  })

  it('skips what it has already taken and advances over invisible events', () => {
    const sent: LiveEvent[][] = []
    const stream = new ClientStream(
      (b) => sent.push(b),
      (e) => e.topic === 'incidents',
      3,
    )
    stream.offer([
      stored(2, 'incidents', 'old'),
      stored(4, 'traffic', 'L1'),
      stored(5, 'incidents', 'new'),
    ])
    stream.flush()
    expect(stream.cursor).toBe(5)
    expect(sent.flat().map((e) => e.seq)).toEqual([5])
    stream.close()
  })
})
