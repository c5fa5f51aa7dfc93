import { describe, expect, it } from 'vitest'
import { parseWallUrl, wallSearch } from './wall-url'

describe('wall URL state', () => {
  it('restores camera, hidden layers, kiosk and tour from a link', () => {
    expect(parseWallUrl('?c=113.66,34.76&z=12.5&hide=units,cases,bogus&kiosk=1&tour=30')).toEqual({
      view: { center: [113.66, 34.76], zoom: 12.5 },
      hidden: ['units', 'cases'],
      kiosk: true,
      tour: 30,
    })
  })

  it('ignores what it cannot trust', () => {
    expect(parseWallUrl('?c=abc&z=12&tour=1')).toEqual({
      view: null,
      hidden: [],
      kiosk: false,
      tour: null,
    })
    expect(parseWallUrl('?c=200,34&z=9').view).toBeNull()
  })

  it('writes its own parameters and keeps the others', () => {
    const s = wallSearch('?kiosk=1', {
      view: { center: [113.6612345, 34.7], zoom: 11 },
      hidden: ['units'],
    })
    expect(s).toBe('?kiosk=1&c=113.66123%2C34.70000&z=11.00&hide=units')
    expect(parseWallUrl(s).hidden).toEqual(['units'])
    expect(wallSearch(s, { hidden: [] })).not.toContain('hide')
  })
})
