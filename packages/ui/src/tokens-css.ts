import { AQI_LEVELS, INCIDENT_GRADES, SHARED_TOKENS, THEME_TOKENS, THEMES } from './tokens'
import type { ThemeName } from './tokens'

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

const declarations = (prefix: string, group: Readonly<Record<string, string>>): string[] =>
  Object.entries(group).map(([key, value]) => `  --${prefix}-${kebab(key)}: ${value};`)

function themeBlock(theme: ThemeName): string {
  const t = THEME_TOKENS[theme]
  // The wall is the default theme, so it also applies before `data-theme` is set.
  const selector = theme === 'wall' ? `:root,\n[data-theme='wall']` : `[data-theme='${theme}']`
  const lines = [
    `  color-scheme: ${t.colorScheme};`,
    ...declarations('color', t.color),
    ...declarations('map', t.map),
    ...declarations('font-size', t.fontSize),
  ]
  return `${selector} {\n${lines.join('\n')}\n}`
}

function sharedBlock(): string {
  const s = SHARED_TOKENS
  const lines = [
    ...declarations('space', s.space),
    ...declarations('radius', s.radius),
    ...declarations('font', s.font),
    ...declarations('font-weight', s.fontWeight),
    ...declarations('line-height', s.lineHeight),
    ...declarations('focus-ring', s.focusRing),
    `  --header-height: ${s.headerHeight};`,
    ...declarations('z', s.zIndex),
    ...INCIDENT_GRADES.flatMap((g) => [
      `  --color-grade-${g.grade}: ${g.color};`,
      `  --color-on-grade-${g.grade}: ${g.onColor};`,
    ]),
    ...AQI_LEVELS.flatMap((a) => [
      `  --color-aqi-${a.level}: ${a.color};`,
      `  --color-on-aqi-${a.level}: ${a.onColor};`,
    ]),
  ]
  return `:root {\n${lines.join('\n')}\n}`
}

/** The exact text of `tokens.css`. */
export function renderTokensCss(): string {
  const header =
    '/* Generated from src/tokens.ts by scripts/generate-tokens-css.ts. Do not edit. */'
  return [header, sharedBlock(), ...THEMES.map(themeBlock)].join('\n\n') + '\n'
}
