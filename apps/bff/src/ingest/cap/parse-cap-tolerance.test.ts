import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCapAlert } from './parse-cap'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/cap/', import.meta.url))
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}${name}`)
const RED = fixture('valid/zhengzhou-rainstorm-red.xml').toString('utf8')

describe('tolerance real feeds need', () => {
  const sloppy = parseCapAlert(fixture('sloppy/sloppy-geometry.xml'))
  const warningAt = (path: string) => sloppy.warnings.find((w) => w.path === path)?.message

  it('reads through a BOM, padded values, a Z time and unknown elements', () => {
    expect(sloppy.identifier).toBe('41010041600000_20250720093000_2')
    expect(sloppy.sender).toBe('410100@12379.cn')
    expect(sloppy.status).toBe('Actual')
    expect(sloppy.infos[0]?.category).toEqual(['Met'])
    expect(sloppy.sent).toBe('2025-07-20T01:30:00.250Z')
    expect(warningAt('alert/sent')).toContain('§3.3.2')
    expect(sloppy.infos.map((i) => i.language)).toEqual(['zh-CN', 'en-US'])
  })

  it('keeps CDATA text literally', () => {
    expect(sloppy.infos[0]?.description).toBe('雨量 > 50 毫米 & 局地内涝；<注意> 避让')
  })

  it('closes open polygons, drops short, swapped and out-of-range ones with warnings', () => {
    const area = sloppy.infos[0]?.areas[0]
    expect(area?.polygons).toEqual([
      [
        [113.6, 34.8],
        [113.7, 34.8],
        [113.7, 34.7],
        [113.6, 34.7],
        [113.6, 34.8],
      ],
      [
        [113.62, 34.75],
        [113.64, 34.76],
        [113.65, 34.74],
        [113.62, 34.75],
      ],
    ])
    expect(warningAt('alert/info[1]/area[1]/polygon[1]')).toBeUndefined() // empty <polygon/>
    expect(warningAt('alert/info[1]/area[1]/polygon[2]')).toContain('closed it')
    expect(warningAt('alert/info[1]/area[1]/polygon[3]')).toContain('dropped polygon')
    expect(warningAt('alert/info[1]/area[1]/polygon[4]')).toContain('looks like lon,lat')
    expect(warningAt('alert/info[1]/area[1]/polygon[5]')).toContain('out of range')
    expect(warningAt('alert/info[1]/area[1]/polygon[6]')).toBeUndefined() // "lat, lon" spacing
  })

  it('keeps a zero-radius circle as a point and drops a circle without radius', () => {
    expect(sloppy.infos[0]?.areas[0]?.circles).toEqual([
      { center: [113.65, 34.75], radiusKm: 0 },
      { center: [113.66, 34.76], radiusKm: 2.5 },
    ])
    expect(warningAt('alert/info[1]/area[1]/circle[1]')).toContain('treated as a point')
    expect(warningAt('alert/info[1]/area[1]/circle[2]')).toContain('dropped circle')
  })

  it('ignores whitespace before the declaration and CRLF line ends', () => {
    const crlf = `\n  ${RED.replace(/\n/g, '\r\n')}`
    expect(parseCapAlert(crlf).infos[0]?.event).toBe('暴雨')
  })

  it('decodes character references and predefined entities', () => {
    const alert = parseCapAlert(
      RED.replace('<source>郑州市气象台', '<source>&#x90D1;&#24030; &lt;A&amp;B&gt;'),
    )
    expect(alert.source).toBe('郑州 <A&B>')
  })

  it('warns when an Update or Cancel carries no references', () => {
    const alert = parseCapAlert(RED.replace('<msgType>Alert', '<msgType>Update'))
    expect(alert.warnings.map((w) => w.path)).toContain('alert/references')
  })

  it('accepts any prefix, and a default namespace declared again on a child', () => {
    const ns = 'urn:oasis:names:tc:emergency:cap:1.2'
    const prefixed = RED.replace(`<alert xmlns="${ns}">`, `<c:alert xmlns:c="${ns}">`)
      .replace('</alert>', '</c:alert>')
      .replace(/<(\/?)(identifier|sender|sent|status|msgType|source|scope|code)>/g, '<$1c:$2>')
      .replace(/<info>/g, `<info xmlns="${ns}">`)
    const alert = parseCapAlert(prefixed)
    expect(alert.identifier).toBe('41010041600000_20250720093000_1')
    expect(alert.infos).toHaveLength(2)
  })

  it('does not read un-namespaced children of a prefixed root (they are not CAP)', () => {
    const mixed = RED.replace('<alert xmlns=', '<c:alert xmlns:c=').replace(
      '</alert>',
      '</c:alert>',
    )
    expect(() => parseCapAlert(mixed)).toThrow(/alert\/identifier/)
  })

  it('defaults a missing <language> to en-US (XSD default)', () => {
    expect(parseCapAlert(RED.replace('<language>zh-CN</language>', '')).infos[0]?.language).toBe(
      'en-US',
    )
  })
})
