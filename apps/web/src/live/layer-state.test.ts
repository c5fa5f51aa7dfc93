import type { LiveEvent } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { LayerState } from './layer-state'

const ev = (seq: number, type: string, id: string, version: number, data: unknown): LiveEvent => ({
  seq,
  topic: 'incidents',
  type,
  id,
  version,
  at: '2026-11-23T02:00:00.000Z',
  data,
})

const incident = (status: string, grade = 'IV') => ({
  id: 'i1',
  grade,
  status,
  title: '金水区 火灾',
  category: 'fire',
  location: [113.66, 34.76],
  reportedAt: '2026-11-23T01:59:00.000Z',
})

describe('LayerState', () => {
  it('applies only events after its snapshot, and hands over changes once per frame', () => {
    const layer = new LayerState('incidents')
    layer.load({
      seq: 10,
      features: [
        {
          id: 'i0',
          geometry: { type: 'Point', coordinates: [113.6, 34.7] },
          properties: { grade: 'III', version: 1, reportedAt: '2026-11-23T01:00:00Z' },
        },
      ],
    })
    expect(layer.takeChanges()).toMatchObject({ reset: true })
    expect(layer.apply(ev(9, 'incident.created', 'i1', 1, incident('reported')))).toBe(false)
    expect(layer.apply(ev(11, 'incident.created', 'i1', 1, incident('reported')))).toBe(true)
    expect(layer.apply(ev(12, 'incident.regraded', 'i1', 2, incident('reported', 'II')))).toBe(true)
    const changes = layer.takeChanges()
    expect(changes.reset).toBe(false)
    expect(changes.upserts.map((f) => [f.id, f.properties.grade, f.properties.version])).toEqual([
      ['i1', 'II', 2],
    ])
    expect(changes.upserts[0]?.geometry).toEqual({ type: 'Point', coordinates: [113.66, 34.76] })
    expect(layer.takeChanges()).toEqual({ reset: false, upserts: [], removes: [] })
  })

  it('removes a closed incident and ignores an older version arriving late', () => {
    const layer = new LayerState('incidents')
    layer.load({ seq: 0, features: [] })
    layer.takeChanges()
    layer.apply(ev(1, 'incident.created', 'i1', 1, incident('reported')))
    layer.apply(ev(3, 'incident.closed', 'i1', 3, incident('closed')))
    expect(layer.features.has('i1')).toBe(false)
    expect(layer.takeChanges()).toEqual({ reset: false, upserts: [], removes: ['i1'] })
    const stale = new LayerState('incidents')
    stale.load({ seq: 0, features: [] })
    stale.apply(ev(5, 'incident.regraded', 'i1', 4, incident('reported', 'I')))
    expect(stale.apply(ev(6, 'incident.created', 'i1', 1, incident('reported')))).toBe(false)
    expect(stale.features.get('i1')?.properties.grade).toBe('I')
  })

  it('moves a reading onto a known link and tracks the newest data time', () => {
    const layer = new LayerState('traffic')
    layer.load({
      seq: 0,
      features: [
        {
          id: 'L1',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.6, 34.7],
              [113.61, 34.7],
            ],
          },
          properties: { roadClass: 'arterial', speedKmh: null, observedAt: null, version: 0 },
        },
      ],
    })
    const reading = {
      ...ev(1, 'trafficReading.recorded', 'L1', 1, {
        speedKmh: 18,
        congestionLevel: 4,
        observedAt: '2026-11-23T02:05:00.000Z',
      }),
      topic: 'traffic' as const,
    }
    expect(layer.apply(reading)).toBe(true)
    expect(layer.features.get('L1')?.properties).toMatchObject({ speedKmh: 18, congestionLevel: 4 })
    expect(layer.newestDataAt).toBe(Date.parse('2026-11-23T02:05:00.000Z'))
    const unknown = { ...reading, seq: 2, id: 'L9' }
    expect(layer.apply(unknown)).toBe(false)
  })
})
