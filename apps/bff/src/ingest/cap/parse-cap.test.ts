import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)

describe('parseCapAlert on realistic alerts', () => {
  it('reads a Chinese red rainstorm warning for Zhengzhou with two languages and a polygon', () => {
    const alert = parseCapAlert(fixture('valid/zhengzhou-rainstorm-red.xml'))
    expect(alert).toMatchObject({
      identifier: '41010041600000_20250720093000_1',
      sender: '410100@12379.cn',
      sent: '2025-07-20T09:30:00+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      code: ['GB/T 35965.1-2018'],
      references: [],
      signed: false,
      warnings: [],
    })
    expect(alert.infos.map((i) => i.language)).toEqual(['zh-CN', 'en-US'])
    const zh = alert.infos[0]
    expect(zh).toMatchObject({
      category: ['Met'],
      event: '暴雨',
      responseType: ['Shelter', 'Avoid'],
      urgency: 'Immediate',
      severity: 'Extreme',
      certainty: 'Likely',
      headline: '郑州市气象台发布暴雨红色预警信号',
      expires: '2025-07-21T09:30:00+08:00',
      eventCode: [{ valueName: '预警类别', value: '暴雨' }],
      parameter: [{ valueName: '预警级别', value: '红色' }],
    })
    const area = zh?.areas[0]
    expect(area?.geocodes).toEqual([{ valueName: 'GB/T 2260', value: '410100' }])
    // CAP "lat,lon" pairs become GeoJSON [lng, lat]; the ring stays closed.
    expect(area?.polygons[0]?.[0]).toEqual([113.55, 34.85])
    expect(area?.polygons[0]?.at(-1)).toEqual([113.55, 34.85])
    expect(area?.polygons[0]).toHaveLength(6)
  })

  it('reads a US NWS-style alert with a cap: prefix and flags (not verifies) its signature', () => {
    const alert = parseCapAlert(fixture('valid/nws-tornado-warning.xml'))
    expect(alert.signed).toBe(true)
    expect(alert.sent).toBe('2025-05-06T17:42:00-05:00')
    const info = alert.infos[0]
    expect(info?.language).toBe('en-US')
    expect(info?.eventCode).toContainEqual({ valueName: 'SAME', value: 'TOR' })
    expect(info?.parameter[0]).toEqual({
      valueName: 'VTEC',
      value: '/O.NEW.KOUN.TO.W.0042.250506T2242Z-250506T2315Z/',
    })
    expect(info?.description?.startsWith('At 541 PM CDT')).toBe(true)
    expect(info?.areas[0]?.polygons[0]?.[0]).toEqual([-97.46, 35.14])
    expect(info?.areas[0]?.geocodes.map((g) => g.valueName)).toEqual(['SAME', 'UGC'])
  })

  it('parses the references of an Update into sender, identifier and sent', () => {
    const alert = parseCapAlert(fixture('valid/zhengzhou-rainstorm-update.xml'))
    expect(alert.msgType).toBe('Update')
    expect(alert.references).toEqual([
      {
        sender: '410100@12379.cn',
        identifier: '41010041600000_20250720093000_1',
        sent: '2025-07-20T09:30:00+08:00',
      },
    ])
    expect(alert.infos[0]?.severity).toBe('Severe')
  })

  it('parses a Cancel that references both earlier messages and has a geocode-only area', () => {
    const alert = parseCapAlert(fixture('valid/zhengzhou-rainstorm-cancel.xml'))
    expect(alert.msgType).toBe('Cancel')
    expect(alert.note).toBe('降雨已基本结束，解除暴雨预警。')
    expect(alert.references.map((r) => r.identifier)).toEqual([
      '41010041600000_20250720093000_1',
      '41010041600000_20250720150000_1',
    ])
    expect(alert.infos[0]?.responseType).toEqual(['AllClear'])
    expect(alert.infos[0]?.areas[0]).toMatchObject({ polygons: [], circles: [] })
  })

  it('decodes a GBK-encoded alert (declared encoding="GBK") through GB18030', () => {
    const bytes = fixture('valid/zhengzhou-jinshui-rainstorm-blue.gbk.xml')
    expect(bytes.includes(Buffer.from('金水区', 'utf8'))).toBe(false)
    const alert = parseCapAlert(bytes)
    expect(alert.infos[0]?.headline).toBe('金水区发布暴雨蓝色预警信号')
    expect(alert.infos[0]?.areas[0]?.circles).toEqual([{ center: [113.68, 34.8], radiusKm: 5 }])
  })

  it('accepts the same document as a string and as bytes', () => {
    const bytes = fixture('valid/zhengzhou-rainstorm-red.xml')
    expect(parseCapAlert(bytes.toString('utf8'))).toEqual(parseCapAlert(bytes))
  })
})
