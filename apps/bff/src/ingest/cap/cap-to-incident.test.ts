import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Point, Polygon } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { isInZhengzhouBox } from '../../../test/fixtures/cap/incidents'
import { capToIncidentDraft } from './cap-to-incident'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const parseFixture = (name: string) => parseCapAlert(readFileSync(`${FIXTURES}${name}`))
const RED = readFileSync(`${FIXTURES}valid/zhengzhou-rainstorm-red.xml`, 'utf8')
const options = { isInsideJurisdiction: isInZhengzhouBox }

describe('capToIncidentDraft', () => {
  it('drafts a grade Ⅰ flood from the red rainstorm polygon, located at its centroid', () => {
    const result = capToIncidentDraft(parseFixture('valid/zhengzhou-rainstorm-red.xml'), options)
    if (result.kind !== 'incident') throw new Error(result.reason)
    const { draft } = result
    expect(draft).toMatchObject({
      title: '郑州市气象台发布暴雨红色预警信号',
      source: 'CAP',
      category: 'flood',
      grade: 'I',
      address: '郑州市区（中原区、二七区、管城回族区、金水区、惠济区）及中牟县',
      districtCode: null, // 410100 is the city itself, not a district
      reportedAt: '2025-07-20T09:30:00+08:00',
      cap: {
        ref: {
          sender: '410100@12379.cn',
          identifier: '41010041600000_20250720093000_1',
          sent: '2025-07-20T09:30:00+08:00',
        },
        msgType: 'Alert',
        references: [],
      },
    })
    expect(draft.description).toContain('停止集会')
    const [lng, lat] = draft.location.coordinates
    expect(lng).toBeGreaterThan(113.55)
    expect(lng).toBeLessThan(114.05)
    expect(lat).toBeGreaterThan(34.65)
    expect(lat).toBeLessThan(34.88)
  })

  it('uses a circle centre and a district geocode', () => {
    const result = capToIncidentDraft(
      parseFixture('valid/zhengzhou-jinshui-rainstorm-blue.gbk.xml'),
      options,
    )
    expect(result).toMatchObject({
      kind: 'incident',
      draft: {
        grade: 'IV',
        districtCode: '410105',
        location: { type: 'Point', coordinates: [113.68, 34.8] },
      },
    })
  })

  it('hands an Update its references for the caller to link', () => {
    const result = capToIncidentDraft(parseFixture('valid/zhengzhou-rainstorm-update.xml'), options)
    if (result.kind !== 'incident') throw new Error(result.reason)
    expect(result.draft.grade).toBe('II')
    expect(result.draft.cap.msgType).toBe('Update')
    expect(result.draft.cap.references[0]?.identifier).toBe('41010041600000_20250720093000_1')
  })

  it('keeps geocode-only areas (the Cancel) and foreign areas as alerts only', () => {
    expect(
      capToIncidentDraft(parseFixture('valid/zhengzhou-rainstorm-cancel.xml'), options),
    ).toEqual({
      kind: 'alertOnly',
      reason: 'noArea',
    })
    expect(capToIncidentDraft(parseFixture('valid/nws-tornado-warning.xml'), options)).toEqual({
      kind: 'alertOnly',
      reason: 'outsideJurisdiction',
    })
  })

  it('keeps exercises, tests and acknowledgements out of the incident list', () => {
    const exercise = parseCapAlert(RED.replace('<status>Actual', '<status>Exercise'))
    expect(capToIncidentDraft(exercise, options)).toEqual({
      kind: 'alertOnly',
      reason: 'notActual',
    })
    const ack = parseCapAlert(RED.replace('<msgType>Alert', '<msgType>Ack'))
    expect(capToIncidentDraft(ack, options)).toEqual({ kind: 'alertOnly', reason: 'notAnEvent' })
  })

  it('passes polygons as GeoJSON Polygons and circles as Points to the jurisdiction check', () => {
    const seen: (Point | Polygon)[] = []
    const spy = (geometry: Point | Polygon) => {
      seen.push(geometry)
      return false
    }
    capToIncidentDraft(parseFixture('valid/zhengzhou-rainstorm-red.xml'), {
      isInsideJurisdiction: spy,
    })
    capToIncidentDraft(parseFixture('valid/zhengzhou-jinshui-rainstorm-blue.gbk.xml'), {
      isInsideJurisdiction: spy,
    })
    expect(seen.map((g) => g.type)).toEqual(['Polygon', 'Polygon', 'Point'])
  })

  it('prefers the Chinese <info> and maps severity Unknown to grade Ⅳ', () => {
    const zhLast = RED.replace('<language>zh-CN</language>', '<language>fr-FR</language>')
      .replace('<language>en-US</language>', '<language>zh-Hans</language>')
      .replace('<severity>Extreme</severity>', '<severity>Unknown</severity>')
    const result = capToIncidentDraft(parseCapAlert(zhLast), options)
    if (result.kind !== 'incident') throw new Error(result.reason)
    expect(result.draft.title).toBe('Red rainstorm warning for Zhengzhou')
    expect(result.draft.grade).toBe('I') // the zh-Hans info (second) still says Extreme
    const unknown = parseCapAlert(
      RED.replace(/<severity>Extreme<\/severity>/g, '<severity>Unknown</severity>'),
    )
    const second = capToIncidentDraft(unknown, options)
    expect(second.kind === 'incident' && second.draft.grade).toBe('IV')
  })
})
