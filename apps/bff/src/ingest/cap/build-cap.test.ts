import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCapAlert } from './build-cap'
import { CapError } from './cap-error'
import type { CapAlertInput, CapAreaInput, CapInfoInput } from './cap-schema'
import { formatCapDateTime } from './cap-time'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)
const VALID = [
  'zhengzhou-rainstorm-red.xml',
  'zhengzhou-rainstorm-update.xml',
  'zhengzhou-rainstorm-cancel.xml',
  'zhengzhou-jinshui-rainstorm-blue.gbk.xml',
  'nws-tornado-warning.xml',
]

const MINIMAL: CapAlertInput = {
  identifier: 'cityops-test-1',
  sender: 'cityops@zhengzhou.gov.cn',
  sent: '2025-07-20T09:30:00+08:00',
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
}

describe('buildCapAlert', () => {
  it.each(VALID)('round-trips %s without losing data', (name) => {
    const parsed = parseCapAlert(fixture(`valid/${name}`))
    const again = parseCapAlert(buildCapAlert(parsed))
    expect({ ...again, signed: parsed.signed }).toEqual(parsed)
  })

  it('escapes markup so hostile text stays text', () => {
    const headline = `<script>alert("x")</script> & ]]> 'q'`
    const xml = buildCapAlert({
      ...MINIMAL,
      note: '<!DOCTYPE x>',
      infos: [
        {
          category: ['Other'],
          event: 'e',
          urgency: 'Unknown',
          severity: 'Unknown',
          certainty: 'Unknown',
          headline,
        },
      ],
    })
    expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt;')
    expect(xml).not.toContain('<!DOCTYPE')
    const back = parseCapAlert(xml)
    expect(back.infos[0]?.headline).toBe(headline)
    expect(back.note).toBe('<!DOCTYPE x>')
  })

  it('drops characters XML 1.0 cannot carry', () => {
    const xml = buildCapAlert({ ...MINIMAL, note: 'a\u0000b\u0007c\uFFFEd' })
    expect(parseCapAlert(xml).note).toBe('abcd')
  })

  it('writes date-times in the XSD form, converting Z and milliseconds to +08:00', () => {
    const xml = buildCapAlert({ ...MINIMAL, sent: '2025-07-20T01:30:00.999Z' })
    expect(xml).toContain('<sent>2025-07-20T09:30:00+08:00</sent>')
    expect(formatCapDateTime('2025-07-20T09:30:00-00:00')).toBe('2025-07-20T09:30:00-00:00')
    expect(formatCapDateTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01T00:00:00+08:00')
    expect(formatCapDateTime('2025-07-20T01:30:00Z', -300)).toBe('2025-07-19T20:30:00-05:00')
  })

  it('writes polygons as closed "lat,lon" rings and circles as "lat,lon radius"', () => {
    const xml = buildCapAlert({
      ...MINIMAL,
      infos: [
        {
          category: ['Met'],
          event: 'e',
          urgency: 'Immediate',
          severity: 'Minor',
          certainty: 'Observed',
          areas: [
            {
              areaDesc: 'a',
              polygons: [
                [
                  [113.6, 34.8],
                  [113.7, 34.8],
                  [113.7, 34.7],
                  [113.6, 34.8],
                ],
              ],
              circles: [{ center: [113.65, 34.75], radiusKm: 1.5 }],
            },
          ],
        },
      ],
    })
    expect(xml).toContain('<polygon>34.8,113.6 34.8,113.7 34.7,113.7 34.8,113.6</polygon>')
    expect(xml).toContain('<circle>34.75,113.65 1.5</circle>')
  })

  it('refuses input the schema refuses, naming the element (an open ring, a bad enum)', () => {
    const info: CapInfoInput = {
      category: ['Met'],
      event: 'e',
      urgency: 'Immediate',
      severity: 'Minor',
      certainty: 'Observed',
    }
    const open: CapAreaInput = {
      areaDesc: 'a',
      polygons: [
        [
          [113.6, 34.8],
          [113.7, 34.8],
          [113.7, 34.7],
          [113.6, 34.7],
        ],
      ],
    }
    expect(() => buildCapAlert({ ...MINIMAL, infos: [{ ...info, areas: [open] }] })).toThrow(
      /alert\/info\[1\]\/area\[1\]\/polygon\[1\]/,
    )
    expect(() => buildCapAlert({ ...MINIMAL, identifier: 'has space' })).toThrow(CapError)
    expect(() => buildCapAlert({ ...MINIMAL, infos: [{ ...info, language: 'zh CN' }] })).toThrow(
      /alert\/info\[1\]\/language/,
    )
  })
})
