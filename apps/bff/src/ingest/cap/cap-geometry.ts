import type { LinearRing, LngLat } from '@cityops/domain'
import { quoteForMessage } from './cap-error'
import type { CapCircle, CapWarning } from './cap-schema'

// CAP 1.2 §3.2.4: polygon = whitespace-delimited WGS 84 "lat,lon" pairs, at least 4, first =
// last; circle = "lat,lon radius" with the radius in km. Bad shapes are dropped with a
// warning rather than refusing the whole alert: one stray polygon must not hide a public
// warning from the operators.

const isLat = (v: number): boolean => Number.isFinite(v) && v >= -90 && v <= 90
const isLng = (v: number): boolean => Number.isFinite(v) && v >= -180 && v <= 180

interface Problem {
  zh: string
  en: string
}
type PairResult = { ok: LngLat } | { problem: Problem }

function readPair(token: string): PairResult {
  const parts = token.split(',')
  const lat = Number(parts[0])
  const lng = Number(parts[1])
  const shown = quoteForMessage(token)
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '' || Number.isNaN(lat + lng)) {
    return { problem: { zh: `坐标 ${shown} 不是"纬度,经度"`, en: `${shown} is not "lat,lon"` } }
  }
  if (isLat(lat) && isLng(lng)) return { ok: [lng, lat] }
  if (isLat(lng) && isLng(lat)) {
    return {
      problem: {
        zh: `坐标 ${shown} 疑似经纬度颠倒（CAP 为"纬度,经度"）`,
        en: `${shown} looks like lon,lat (CAP wants lat,lon)`,
      },
    }
  }
  return { problem: { zh: `坐标 ${shown} 超出范围`, en: `${shown} is out of range` } }
}

const dropped = (path: string, what: 'polygon' | 'circle', p: Problem): CapWarning => ({
  path,
  message: `已忽略该${what === 'polygon' ? '多边形' : '圆'}：${p.zh} / dropped ${what}: ${p.en}`,
})

// Splits on whitespace but re-joins "34.7, 113.6" (space after the comma). No regex with a
// leading \s* here: on a long run of spaces that backtracks quadratically.
function tokens(text: string): string[] {
  const out: string[] = []
  for (const part of text.trim().split(/\s+/)) {
    const last = out.at(-1)
    if (last !== undefined && (last.endsWith(',') || part.startsWith(',')))
      out[out.length - 1] = last + part
    else if (part !== '') out.push(part)
  }
  return out
}

/** Parses one `<polygon>`; returns a closed ring or undefined (with a warning). */
export function readCapPolygon(
  text: string,
  path: string,
  warnings: CapWarning[],
): LinearRing | undefined {
  const ring: LngLat[] = []
  for (const token of tokens(text)) {
    const pair = readPair(token)
    if ('problem' in pair) {
      warnings.push(dropped(path, 'polygon', pair.problem))
      return undefined
    }
    ring.push(pair.ok)
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push(first)
    warnings.push({ path, message: '多边形未闭合，已自动闭合 / polygon was not closed; closed it' })
  }
  const distinct = new Set(ring.map(([lng, lat]) => `${lng},${lat}`)).size
  if (ring.length < 4 || distinct < 3) {
    const zh = `闭合后只有 ${distinct} 个不同的点（至少 3 个，共 4 对坐标）`
    const en = `${distinct} distinct points after closing (need 3, i.e. 4 pairs)`
    warnings.push(dropped(path, 'polygon', { zh, en }))
    return undefined
  }
  return ring
}

/** Parses one `<circle>`; radius 0 is kept as a point (with a note). */
export function readCapCircle(
  text: string,
  path: string,
  warnings: CapWarning[],
): CapCircle | undefined {
  const [centre = '', radiusText = '', ...extra] = tokens(text)
  const pair = readPair(centre)
  const radiusKm = Number(radiusText)
  if ('problem' in pair || extra.length > 0 || radiusText === '' || !(radiusKm >= 0)) {
    const shown = quoteForMessage(text)
    const why =
      'problem' in pair
        ? pair.problem
        : { zh: `${shown} 不是"纬度,经度 半径公里"`, en: `${shown} is not "lat,lon radiusKm"` }
    warnings.push(dropped(path, 'circle', why))
    return undefined
  }
  if (radiusKm === 0) {
    warnings.push({
      path,
      message: '圆半径为 0，按点处理 / circle radius is 0; treated as a point',
    })
  }
  return { center: pair.ok, radiusKm }
}

// Six decimals ≈ 0.1 m; never exponent notation (the XSD decimal type has none).
export function formatDecimal(value: number, digits = 6): string {
  const text = value.toFixed(digits).replace(/\.?0+$/, '')
  return text === '-0' ? '0' : text
}

const formatPair = ([lng, lat]: LngLat): string => `${formatDecimal(lat)},${formatDecimal(lng)}`

/** Writes a ring as CAP "lat,lon" pairs, closing it if needed. */
export function formatCapPolygon(ring: readonly LngLat[]): string {
  const first = ring[0]
  const last = ring[ring.length - 1]
  const closed =
    first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring
  return closed.map(formatPair).join(' ')
}

export function formatCapCircle(circle: CapCircle): string {
  return `${formatPair(circle.center)} ${formatDecimal(circle.radiusKm, 3)}`
}
