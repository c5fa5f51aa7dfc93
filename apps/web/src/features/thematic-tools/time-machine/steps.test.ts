import { describe, expect, it } from 'vitest'
import { withoutActor } from './decision-log'
import { caseReported, decision, incident } from './replay-fixtures'
import {
  byTime,
  decisionsUpTo,
  defaultStepUnit,
  frameAt,
  stepGrid,
  stepIndexOf,
  stepWindow,
} from './steps'

const FROM = '2026-11-20T00:00:00+08:00'

describe('time machine steps', () => {
  it('steps by the hour up to two days and by the day beyond', () => {
    expect(defaultStepUnit(FROM, '2026-11-22T00:00:00+08:00')).toBe('hour')
    expect(defaultStepUnit(FROM, '2026-11-22T00:00:01+08:00')).toBe('day')
    expect(stepGrid(FROM, '2026-11-21T00:00:00+08:00', 'hour').count).toBe(24)
    expect(stepGrid(FROM, '2026-12-20T00:00:00+08:00', 'day').count).toBe(30)
  })

  it('ends the last step at `to` when the range is not whole steps', () => {
    const grid = stepGrid(FROM, '2026-11-20T02:30:00+08:00', 'hour')
    expect(grid.count).toBe(3)
    const last = stepWindow(grid, 2)
    expect(new Date(last.fromMs).toISOString()).toBe('2026-11-19T18:00:00.000Z')
    expect(new Date(last.toMs).toISOString()).toBe('2026-11-19T18:30:00.000Z')
  })

  it('ends a range that reaches into the future with the step that holds now', () => {
    const today = stepGrid(
      FROM,
      '2026-11-21T00:00:00+08:00',
      'hour',
      Date.parse('2026-11-20T08:52:13+08:00'),
    )
    expect(today.count).toBe(9)
    expect(new Date(today.toMs).toISOString()).toBe('2026-11-20T01:00:00.000Z')
    const past = stepGrid(FROM, '2026-11-21T00:00:00+08:00', 'hour', Date.parse('2026-12-01'))
    expect(past.count).toBe(24)
    const startOfDay = stepGrid(FROM, '2026-11-21T00:00:00+08:00', 'day', Date.parse(FROM))
    expect(startOfDay.count).toBe(1)
  })

  it('finds the step of a time, clamped to the range', () => {
    const grid = stepGrid(FROM, '2026-11-21T00:00:00+08:00', 'hour')
    expect(stepIndexOf(grid, Date.parse('2026-11-20T05:59:59+08:00'))).toBe(5)
    expect(stepIndexOf(grid, Date.parse('2026-11-20T06:00:00+08:00'))).toBe(6)
    expect(stepIndexOf(grid, Date.parse('2026-11-19T00:00:00+08:00'))).toBe(0)
    expect(stepIndexOf(grid, Date.parse('2026-11-22T00:00:00+08:00'))).toBe(23)
  })

  it('puts an item in the step that starts at its time (half-open steps)', () => {
    const items = byTime([
      caseReported('2026-11-20T02:00:00+08:00', 'c2'),
      incident('2026-11-20T01:59:59+08:00', 'i1'),
      incident('2026-11-20T01:00:00+08:00', 'i0'),
    ])
    const grid = stepGrid(FROM, '2026-11-21T00:00:00+08:00', 'hour')
    const frame = frameAt(grid, items, 1)
    expect(frame.items.map((i) => i.subjectId)).toEqual(['i0', 'i1'])
    expect(frame.windowFrom).toBe('2026-11-19T17:00:00.000Z')
    expect(frame.windowTo).toBe('2026-11-19T18:00:00.000Z')
    expect(frame.at).toBe(frame.windowTo)
    expect(frameAt(grid, items, 2).items.map((i) => i.subjectId)).toEqual(['c2'])
  })

  it('lists the decisions before a time, newest first, without reported items', () => {
    const items = byTime([
      decision('2026-11-20T03:00:00+08:00', 'd3', '三', 'three'),
      incident('2026-11-20T01:30:00+08:00', 'i1'),
      decision('2026-11-20T01:00:00+08:00', 'd1', '一', 'one'),
      decision('2026-11-20T02:00:00+08:00', 'd2', '二', 'two'),
    ])
    const ids = decisionsUpTo(items, Date.parse('2026-11-20T03:00:00+08:00')).map(
      (i) => i.subjectId,
    )
    expect(ids).toEqual(['d2', 'd1'])
  })
})

describe('decision summaries', () => {
  it('drop the actor the entry already shows', () => {
    const name = '应急值守员（演示）'
    expect(withoutActor(`${name}（应急值守员）定级 IV → III`, name)).toBe('定级 IV → III')
    expect(withoutActor(`${name} 派遣`, name)).toBe('派遣')
    expect(withoutActor('Dispatched to cgj', 'Li')).toBe('Dispatched to cgj')
    expect(withoutActor(name, name)).toBe(name)
  })
})
