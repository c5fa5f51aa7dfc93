import { INCIDENT_CATEGORIES, type IncidentGrade } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { closingTime, incidentLifecycle, lifecycleRng } from './incident-lifecycle'
import { callsBetween } from './incident-model'
import { CLOSE_MEDIAN_MIN, ESCALATION_PROBABILITY } from './incident-tables'
import { HOUR_MS } from './local-time'
import type { PointSampler } from './point-process'
import { createRng } from './rng'

const samplePoint: PointSampler = (_kind, rng) => [113.6 + rng.uniform(0, 0.1), 34.75]
const rng = createRng('lifecycle-test')
const T = new Date('2026-11-18T10:00:00+08:00')
const minutesAfter = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 60_000
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const plans = (grade: IncidentGrade, n = 4000, category = 'fire' as const) =>
  Array.from({ length: n }, (_, i) =>
    incidentLifecycle(lifecycleRng(rng, `k${i}`), { category, grade, reportedAt: T }),
  )

describe('incidentLifecycle', () => {
  it.each(INCIDENT_CATEGORIES)('closes %s around its median duration', (category) => {
    const minutes = Array.from({ length: 1500 }, (_, i) =>
      minutesAfter(closingTime(lifecycleRng(rng, `c${i}`), category, 'IV', T), T),
    )
    const ratio = median(minutes) / CLOSE_MEDIAN_MIN[category]
    expect(ratio).toBeGreaterThan(0.9)
    expect(ratio).toBeLessThan(1.1)
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(10)
  })

  it('escalates a small share one grade up, some minutes later and before the close', () => {
    for (const grade of ['IV', 'III'] as const) {
      const list = plans(grade)
      const escalated = list.filter((p) => p.escalation !== null)
      const share = escalated.length / list.length
      // Some escalations would come after the close and are dropped, so a little below p.
      expect(share).toBeLessThanOrEqual(ESCALATION_PROBABILITY[grade] + 0.01)
      expect(share).toBeGreaterThan(ESCALATION_PROBABILITY[grade] * 0.5)
      for (const p of escalated) {
        expect(p.escalation?.grade).toBe(grade === 'IV' ? 'III' : 'II')
        expect(minutesAfter(p.escalation?.at ?? T, T)).toBeGreaterThanOrEqual(5)
        expect(p.escalation?.at.getTime()).toBeLessThan(p.closesAt.getTime())
      }
    }
    expect(plans('II', 500).every((p) => p.escalation === null)).toBe(true)
  })

  it('gives graver grades longer durations from the same draw', () => {
    const key = lifecycleRng(rng, 'same')
    const iv = minutesAfter(closingTime(key, 'fire', 'IV', T), T)
    const ii = minutesAfter(closingTime(key, 'fire', 'II', T), T)
    expect(ii).toBeCloseTo(iv * 4, 0)
  })

  it('can be recomputed from a stored incident: key, category, grade and report time', () => {
    const calls = callsBetween(T, new Date(T.getTime() + 6 * HOUR_MS), rng, { samplePoint })
    expect(calls.length).toBeGreaterThan(100)
    for (const call of calls) {
      const { category, grade } = call.value
      const again = incidentLifecycle(lifecycleRng(rng, call.key), {
        category,
        grade,
        reportedAt: call.at,
      })
      expect(again).toEqual({ escalation: call.value.escalation, closesAt: call.value.closesAt })
      // After an escalation the stored grade is the new one; its closing time is the plan's.
      const now = call.value.escalation?.grade ?? grade
      expect(closingTime(lifecycleRng(rng, call.key), category, now, call.at)).toEqual(
        call.value.closesAt,
      )
      expect(call.value.closesAt.getTime()).toBeGreaterThan(call.at.getTime())
    }
  })
})
