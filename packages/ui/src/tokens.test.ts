// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderTokensCss } from './tokens-css'
import { AQI_LEVELS, THEME_TOKENS } from './tokens'

const tokensCss = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8')

// Prettier may re-wrap lines and lower-case hex colours; neither changes the CSS.
const normalise = (css: string) => css.replace(/\s+/g, '').replaceAll('"', "'").toLowerCase()

describe('design tokens', () => {
  it('tokens.css is generated from tokens.ts (run `npm run tokens -w @cityops/ui`)', () => {
    expect(normalise(tokensCss)).toBe(normalise(renderTokensCss()))
  })

  it('uses the HJ 633 Appendix A AQI colours', () => {
    expect(AQI_LEVELS.map((l) => l.color)).toEqual([
      '#00E400',
      '#FFFF00',
      '#FF7E00',
      '#FF0000',
      '#99004C',
      '#7E0023',
    ])
  })

  it('keeps wall text at least 20px and desk base text at least 14px', () => {
    for (const size of Object.values(THEME_TOKENS.wall.fontSize)) {
      const px = Number(/^max\((\d+)px,/.exec(size)?.[1])
      expect(px).toBeGreaterThanOrEqual(20)
    }
    expect(Number.parseFloat(THEME_TOKENS.desk.fontSize.base)).toBeGreaterThanOrEqual(14)
  })

  it('declares no web font', () => {
    expect(tokensCss).not.toMatch(/@font-face|@import|url\(/)
  })
})
