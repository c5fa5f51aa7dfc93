import { EnvReading } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { validateItems } from './batch'
import { envReadingFastPath } from './env-reading-fast-path'

const ok = { stationCode: '1316A', observedAt: '2026-11-20T09:00:00+08:00' }
const ITEMS: unknown[] = [
  { ...ok, concentrations: { pm25: 35, no2: 40 } },
  { ...ok, noiseLeqDbA: 55.5 },
  { ...ok, waterLevelM: -3 },
  { ...ok, concentrations: {}, noiseLeqDbA: 0 },
  { ...ok, concentrations: { pm25: 35 }, extra: 'stripped' },
  { ...ok, observedAt: '2026-11-20T01:00:00Z', concentrations: { so2_24h: 900 } },
  { ...ok, concentrations: { pm25: 35, bogus: 1 } },
  { ...ok, concentrations: { pm25: -1 } },
  { ...ok, concentrations: { pm25: 100_001 } },
  { ...ok, concentrations: { pm25: '35' } },
  { ...ok, concentrations: { pm25: undefined } },
  { ...ok, concentrations: [35] },
  { ...ok, concentrations: {} },
  { ...ok },
  { ...ok, noiseLeqDbA: 201 },
  { ...ok, waterLevelM: Number.NaN },
  { ...ok, waterLevelM: Number.POSITIVE_INFINITY },
  { ...ok, stationCode: 'bad code', noiseLeqDbA: 50 },
  { ...ok, stationCode: 'x'.repeat(33), noiseLeqDbA: 50 },
  { ...ok, observedAt: 'yesterday', noiseLeqDbA: 50 },
  { ...ok, observedAt: '2026-11-20T09:00:00', noiseLeqDbA: 50 },
  { ...ok, observedAt: '2026-02-30T09:00:00Z', noiseLeqDbA: 50 },
  { ...ok, observedAt: 1_700_000_000_000, noiseLeqDbA: 50 },
  JSON.parse(
    '{"stationCode":"1316A","observedAt":"2026-11-20T09:00:00Z","concentrations":{"__proto__":1}}',
  ),
  null,
  'reading',
  [ok],
]

describe('the fast path for plainly valid env readings', () => {
  it.each(ITEMS.map((item, i) => [i, item]))('item %i: accepted as the schema would', (_, item) => {
    const fast = envReadingFastPath()(item)
    const schema = EnvReading.safeParse(item)
    if (fast === null) return // the schema decides, with its own message
    expect(schema.success).toBe(true)
    expect(fast).toStrictEqual(schema.data)
  })

  it('takes the common reading without the schema', () => {
    expect(envReadingFastPath()(ITEMS[0])).not.toBeNull()
    expect(envReadingFastPath()(ITEMS[1])).not.toBeNull()
  })

  it('gives validateItems the same results and messages as the schema alone', () => {
    const slow = validateItems(ITEMS, EnvReading)
    const fast = validateItems(ITEMS, EnvReading, envReadingFastPath())
    expect(fast).toStrictEqual(slow)
  })
})
