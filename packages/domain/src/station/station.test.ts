import { describe, it, expect } from 'vitest'
import { Station } from './index'

// 1322A 市监测站 as in /work/shared/geo/poi/zhengzhou_aqi_stations_cnemc.geojson.
const air = {
  code: '1322A',
  name: '市监测站',
  kind: 'air',
  location: { type: 'Point', coordinates: [113.60532, 34.74838] },
}

describe('Station', () => {
  it('accepts an air station without a noise zone', () => {
    expect(Station.safeParse(air).success).toBe(true)
  })

  it.each([
    ['noise station with zone', { kind: 'noise', noiseZone: '4a' }, true],
    ['noise station without zone', { kind: 'noise' }, false],
    ['air station with zone', { noiseZone: '2' }, false],
    ['unknown zone', { kind: 'noise', noiseZone: '5' }, false],
    ['unknown kind', { kind: 'soil' }, false],
    ['bad code', { code: '13 22' }, false],
    [
      'location outside WGS84 range',
      { location: { type: 'Point', coordinates: [213.6, 34.75] } },
      false,
    ],
  ])('%s → valid %s', (_label, patch, ok) => {
    expect(Station.safeParse({ ...air, ...patch }).success).toBe(ok)
  })
})
