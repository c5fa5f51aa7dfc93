import { describe, expect, it } from 'vitest'
import type { LiveFeature } from '../../live/live-feature'
import { computeLiveKpis, lineLengthM } from './live-kpis'

const point = (id: string, properties: Record<string, unknown>): LiveFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [113.6, 34.7] },
  properties: { id, ...properties },
})
const NOW = Date.parse('2026-11-23T10:00:00Z')

describe('live KPIs', () => {
  it('measures a link: 0.01° of longitude at 34.7°N is about 915 m', () => {
    expect(
      lineLengthM([
        [113.6, 34.7],
        [113.61, 34.7],
      ]),
    ).toBeGreaterThan(910)
    expect(
      lineLengthM([
        [113.6, 34.7],
        [113.61, 34.7],
      ]),
    ).toBeLessThan(920)
  })

  it('counts incidents by grade and last-hour calls, overdue cases, and the arterial speed', () => {
    const link = (id: string, speedKmh: number, roadClass: string): LiveFeature => ({
      type: 'Feature',
      id,
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.6, 34.7],
          [113.61, 34.7],
        ],
      },
      properties: { id, speedKmh, roadClass },
    })
    const k = computeLiveKpis(
      {
        incidents: [
          point('a', { grade: 'I', source: '119', reportedAt: '2026-11-23T09:30:00Z' }),
          point('b', { grade: 'IV', source: '110', reportedAt: '2026-11-23T07:00:00Z' }),
          point('c', { grade: 'IV', source: '110', reportedAt: '2026-11-23T09:59:00Z' }),
        ],
        // two equal-length arterials at 60 and 20 km/h: harmonic mean 30, not 40
        traffic: [link('L1', 60, 'arterial'), link('L2', 20, 'arterial'), link('L3', 5, 'branch')],
        environment: [],
        cases: [
          point('x', { deadline: '2026-11-23T09:00:00Z' }),
          point('y', { deadline: '2026-11-24T09:00:00Z' }),
        ],
      },
      NOW,
    )
    expect(k.incidentsByGrade).toEqual({ I: 1, II: 0, III: 0, IV: 2 })
    expect(k.callsLastHour['119']).toBe(1)
    expect(k.callsLastHour['110']).toBe(1)
    expect(k.arterialSpeedKmh).toBeCloseTo(30, 5)
    expect(k.openCases).toBe(2)
    expect(k.overdueCases).toBe(1)
    expect(k.cityAqi).toBeNull()
  })

  it('computes the city AQI from the air stations’ latest concentrations (HJ 633-2012)', () => {
    const station = (id: string, pm25: number) =>
      point(id, {
        kind: 'air',
        observedAt: '2026-11-23T09:00:00Z',
        latest: { concentrations: { pm25, pm10: 50, no2: 20, so2: 5, co: 0.5, o3_1h: 40 } },
      })
    // mean PM2.5 = 115 µg/m³ → IAQI 150 (the 115 breakpoint), primary pollutant PM2.5
    const k = computeLiveKpis(
      {
        incidents: [],
        traffic: [],
        environment: [station('s1', 100), station('s2', 130)],
        cases: [],
      },
      NOW,
    )
    expect(k.cityAqi).toBe(150)
    expect(k.primaryPollutants).toEqual(['pm25'])
  })
})
