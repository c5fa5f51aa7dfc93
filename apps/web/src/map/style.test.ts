import { describe, expect, it } from 'vitest'
import { LIVE_LAYER_IDS } from './live-layers'
import { LAYER_IDS } from './layers'
import { SOURCE_IDS } from './sources'
import { buildStyle } from './style'

describe('built-in map style', () => {
  const style = buildStyle({ theme: 'wall', locale: 'zh-CN' })
  const layer = (id: string) => style.layers.find((l) => l.id === id)

  it('contains every exported layer id, once, with labels over the data and incidents on top', () => {
    const ids = style.layers.map((l) => l.id)
    const live: string[] = Object.values(LIVE_LAYER_IDS).flat()
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...Object.values(LAYER_IDS), ...live].sort())
    const onTop = LIVE_LAYER_IDS.incidents.length
    expect(ids.slice(-onTop)).toEqual([...LIVE_LAYER_IDS.incidents])
    expect(ids.at(-onTop - 1)).toBe(LAYER_IDS.districtsLabel)
    expect(ids.indexOf(LAYER_IDS.townshipsLabel)).toBeGreaterThan(ids.indexOf('live-units-circle'))
  })

  it('loads only same-origin assets under /basemap', () => {
    const origin = window.location.origin
    expect(style.glyphs).toBe(`${origin}/basemap/fonts/{fontstack}/{range}.pbf`)
    expect(style.sprite).toBe(`${origin}/basemap/sprites/protomaps-v4/dark`)
    for (const id of Object.values(SOURCE_IDS)) {
      const source = style.sources[id]
      expect(source?.type).toBe('geojson')
      expect(source && 'data' in source ? source.data : '').toMatch(
        new RegExp(`^${origin}/basemap/data/.+\\.geojson$`),
      )
    }
  })

  it('uses the light sprite for the desk theme', () => {
    expect(buildStyle({ theme: 'desk', locale: 'en' }).sprite).toMatch(/protomaps-v4\/light$/)
  })

  it('draws roads without the stop-skipping chords', () => {
    const roads = layer(LAYER_IDS.roadsLine)
    expect(roads && 'filter' in roads ? roads.filter : undefined).toEqual([
      '==',
      ['get', 'skips_stops'],
      false,
    ])
  })

  it('labels districts in Chinese, or in English by adcode', () => {
    const zh = layer(LAYER_IDS.districtsLabel)
    expect(zh?.type === 'symbol' ? zh.layout?.['text-field'] : undefined).toEqual(['get', 'name'])
    const enStyle = buildStyle({ theme: 'wall', locale: 'en' })
    const en = enStyle.layers.find((l) => l.id === LAYER_IDS.districtsLabel)
    const field = JSON.stringify(en?.type === 'symbol' ? en.layout?.['text-field'] : null)
    expect(field).toContain('"410102":"Zhongyuan"')
    expect(field).toContain('["get","name"]')
  })
})
