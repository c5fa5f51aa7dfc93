import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, searchFromView, viewFromSearch, type ThematicView } from './thematic-url'
import { previousWindow, resolveWindow } from './time-range'

describe('thematic view in the URL', () => {
  it('keeps the plain /thematic plain', () => {
    expect(searchFromView(DEFAULT_VIEW).toString()).toBe('')
    expect(viewFromSearch(new URLSearchParams())).toEqual(DEFAULT_VIEW)
  })

  it('round-trips every field', () => {
    const view: ThematicView = {
      indicator: 'cases.closureRate',
      level: 'township',
      method: 'manual',
      classes: 4,
      breaks: '0.5,0.8,0.9',
      ramp: 'viridis',
      range: 'custom',
      from: '2026-11-01T08:00',
      to: '2026-11-20T18:30',
      incidentCategory: '',
      incidentGrade: '',
      caseCategory: '0101',
      mode: 'symbols',
      compare: 'custom',
      compareFrom: '2026-10-01T00:00',
      compareTo: '2026-10-20T00:00',
      sort: 'change',
      dir: 'asc',
    }
    const search = searchFromView(view)
    expect(search.get('indicator')).toBe('cases.closureRate')
    expect(search.get('caseCategory')).toBe('0101')
    expect(viewFromSearch(new URLSearchParams(search.toString()))).toEqual(view)
  })

  it('falls back to defaults for unknown values and drops filters the indicator ignores', () => {
    const view = viewFromSearch(
      new URLSearchParams(
        'indicator=incidents.sum&level=province&classes=12&range=year&from=yesterday' +
          '&mode=3d&caseCategory=0101&incidentGrade=V',
      ),
    )
    expect(view).toEqual(DEFAULT_VIEW)
    const incidents = viewFromSearch(new URLSearchParams('incidentGrade=II&caseCategory=0101'))
    expect(incidents.incidentGrade).toBe('II')
    expect(incidents.caseCategory).toBe('')
  })
})

describe('time windows (Beijing time)', () => {
  // 2026-11-23 01:30 in Beijing is still 2026-11-22 in UTC.
  const now = Date.parse('2026-11-22T17:30:00Z')

  it('counts the Beijing day, not the UTC day', () => {
    expect(resolveWindow('today', { from: '', to: '' }, now)).toEqual({
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    })
    expect(resolveWindow('7d', { from: '', to: '' }, now)?.from).toBe('2026-11-17T00:00:00+08:00')
  })

  it('reads custom inputs as Beijing time and refuses an end before the start', () => {
    expect(
      resolveWindow('custom', { from: '2026-11-01T08:00', to: '2026-11-02T09:30' }, now),
    ).toEqual({ from: '2026-11-01T08:00:00+08:00', to: '2026-11-02T09:30:00+08:00' })
    expect(
      resolveWindow('custom', { from: '2026-11-02T08:00', to: '2026-11-01T08:00' }, now),
    ).toBeNull()
    expect(resolveWindow('custom', { from: '', to: '2026-11-01T08:00' }, now)).toBeNull()
  })

  it('compares with the period of the same length just before', () => {
    expect(
      previousWindow({ from: '2026-11-17T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' }),
    ).toEqual({ from: '2026-11-10T00:00:00+08:00', to: '2026-11-17T00:00:00+08:00' })
  })
})
