import { describe, expect, it } from 'vitest'
import { GOOD_AIR_DAYS_TARGET, HOTLINE_LINES, WallKpis } from './index'

const sample = {
  seq: 42,
  at: '2026-11-20T02:00:00.000Z',
  scope: { kind: 'all' },
  incidents: { activeByGrade: { I: 0, II: 1, III: 2, IV: 5 }, activeTotal: 8 },
  calls: {
    from: '2026-11-20T01:00:00.000Z',
    to: '2026-11-20T02:00:00.000Z',
    byLine: { '110': 3, '119': 1, '120': 2, '122': 0, '12345': 4 },
    total: 10,
  },
  traffic: {
    tpi: 3.1,
    tpiLevel: 2,
    arterialSpeedKmh: 38.2,
    arterialSpeedTargetKmh: 40,
    isArterialTargetMet: false,
    segments: 120,
    observedAt: '2026-11-20T01:59:00.000Z',
  },
  air: {
    now: {
      observedAt: '2026-11-20T01:00:00.000Z',
      aqi: 80,
      level: 2,
      category: '良',
      categoryEn: 'Good',
      color: '#FFFF00',
      primaryPollutants: ['pm10'],
      standard: 'HJ633-2012',
      stations: 8,
    },
    goodDays: { year: 2026, goodDays: 250, assessedDays: 320, target: GOOD_AIR_DAYS_TARGET },
  },
  cases: {
    open: 12,
    overdue: 0,
    dueToday: 0,
    closedToday: 0,
    closedOnTimeToday: 0,
    closureRate: null,
    onTimeClosureRate: null,
  },
}

describe('WallKpis', () => {
  it('accepts a full snapshot and one with the thematic and case sections withheld', () => {
    expect(WallKpis.parse(sample)).toEqual(sample)
    const scoped = {
      ...sample,
      scope: { kind: 'departments', codes: ['cgj'] },
      traffic: null,
      air: null,
      cases: null,
    }
    expect(WallKpis.parse(scoped)).toEqual(scoped)
  })

  it('rejects a rate above 1 and a missing hotline', () => {
    expect(
      WallKpis.safeParse({ ...sample, cases: { ...sample.cases, closureRate: 1.2 } }).success,
    ).toBe(false)
    const { '122': _dropped, ...byLine } = sample.calls.byLine
    expect(WallKpis.safeParse({ ...sample, calls: { ...sample.calls, byLine } }).success).toBe(
      false,
    )
  })

  it('knows the five hotlines', () => {
    expect(HOTLINE_LINES).toEqual(['110', '119', '120', '122', '12345'])
  })
})
