import { describe, expect, it } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { COLOR_RAMPS, RAMP_KIND, rampColors } from './color-ramps'

// Relative luminance (WCAG 2.x definition) to check that sequential ramps run light → dark
// and that the diverging ramp is lightest in the middle.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

describe('colour ramps', () => {
  it('spot-checks published values', () => {
    // ColorBrewer 2.0 Blues, 5 classes; matplotlib viridis sampled at 0, 64, 128, 192, 255
    expect(rampColors('blues', 5)).toEqual(['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'])
    expect(rampColors('viridis', 5)).toEqual([
      '#440154',
      '#3b528b',
      '#21918c',
      '#5ec962',
      '#fde725',
    ])
    expect(rampColors('puOr', 3)).toEqual(['#f1a340', '#f7f7f7', '#998ec3'])
  })

  it.each(COLOR_RAMPS)(
    '%s has k distinct hex colours for k = 2…9, ordered by lightness',
    (ramp) => {
      for (let k = 2; k <= 9; k++) {
        const colors = rampColors(ramp, k)
        expect(colors).toHaveLength(k)
        expect(new Set(colors).size).toBe(k)
        colors.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/))
        const l = colors.map(luminance)
        if (RAMP_KIND[ramp] === 'sequential') {
          // ColorBrewer runs light → dark; viridis runs dark → light
          const sign = ramp === 'viridis' ? 1 : -1
          l.forEach((x, i) => i > 0 && expect(sign * (x - (l[i - 1] as number))).toBeGreaterThan(0))
        } else if (k % 2 === 1) {
          expect(Math.max(...l)).toBe(l[(k - 1) / 2])
        }
      }
    },
  )

  it('returns a copy the caller may change', () => {
    rampColors('oranges', 3).reverse()
    expect(rampColors('oranges', 3)[0]).toBe('#fee6ce')
  })

  it.each([
    ['blues', 1],
    ['blues', 10],
    ['rainbow', 5],
  ])('rejects %s with %s classes', (ramp, k) => {
    expectDomainError(() => rampColors(ramp as never, k), 'VALIDATION')
  })
})
