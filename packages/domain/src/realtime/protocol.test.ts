import { describe, expect, it } from 'vitest'
import { Subscription } from './protocol'

describe('Subscription', () => {
  it('accepts topics with an optional WGS84 bbox', () => {
    expect(
      Subscription.parse({ topics: ['incidents', 'units'], bbox: [113.5, 34.6, 113.9, 34.9] }),
    ).toEqual({
      topics: ['incidents', 'units'],
      bbox: [113.5, 34.6, 113.9, 34.9],
    })
  })

  it.each([
    ['no topics', { topics: [] }],
    ['unknown topic', { topics: ['weather'] }],
    ['inverted bbox', { topics: ['cases'], bbox: [113.9, 34.6, 113.5, 34.9] }],
    ['latitude out of range', { topics: ['cases'], bbox: [113.5, -95, 113.9, 34.9] }],
  ])('rejects %s', (_label, value) => {
    expect(Subscription.safeParse(value).success).toBe(false)
  })
})
