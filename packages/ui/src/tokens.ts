// The one source of design tokens. `tokens.css` is generated from this file
// (`npm run tokens --workspace @cityops/ui`); a test fails when the two drift apart.

export const THEMES = ['wall', 'desk'] as const
export type ThemeName = (typeof THEMES)[number]

export const FONT_FAMILY_SANS =
  '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif'
export const FONT_FAMILY_MONO =
  '"Noto Sans Mono CJK SC", "Sarasa Mono SC", ui-monospace, "Cascadia Mono", Consolas, monospace'

/** 突发事件分级 (国家突发公共事件总体应急预案): never show the colour without its label. */
export const INCIDENT_GRADES = [
  {
    grade: 1,
    roman: 'Ⅰ',
    labelZh: 'Ⅰ级 特别重大',
    labelEn: 'Grade I · Particularly serious',
    color: '#D32F2F',
    onColor: '#FFFFFF',
  },
  {
    grade: 2,
    roman: 'Ⅱ',
    labelZh: 'Ⅱ级 重大',
    labelEn: 'Grade II · Serious',
    color: '#F57C00',
    onColor: '#000000',
  },
  {
    grade: 3,
    roman: 'Ⅲ',
    labelZh: 'Ⅲ级 较大',
    labelEn: 'Grade III · Relatively serious',
    color: '#FBC02D',
    onColor: '#000000',
  },
  {
    grade: 4,
    roman: 'Ⅳ',
    labelZh: 'Ⅳ级 一般',
    labelEn: 'Grade IV · General',
    color: '#1976D2',
    onColor: '#FFFFFF',
  },
] as const

/** AQI levels and colours of HJ 633-2012 Appendix A (RGB given there, hex here). */
export const AQI_LEVELS = [
  {
    level: 1,
    min: 0,
    max: 50,
    labelZh: '优',
    labelEn: 'Good',
    color: '#00E400',
    onColor: '#000000',
  },
  {
    level: 2,
    min: 51,
    max: 100,
    labelZh: '良',
    labelEn: 'Moderate',
    color: '#FFFF00',
    onColor: '#000000',
  },
  {
    level: 3,
    min: 101,
    max: 150,
    labelZh: '轻度污染',
    labelEn: 'Lightly polluted',
    color: '#FF7E00',
    onColor: '#000000',
  },
  {
    level: 4,
    min: 151,
    max: 200,
    labelZh: '中度污染',
    labelEn: 'Moderately polluted',
    color: '#FF0000',
    onColor: '#FFFFFF',
  },
  {
    level: 5,
    min: 201,
    max: 300,
    labelZh: '重度污染',
    labelEn: 'Heavily polluted',
    color: '#99004C',
    onColor: '#FFFFFF',
  },
  {
    level: 6,
    min: 301,
    max: null,
    labelZh: '严重污染',
    labelEn: 'Severely polluted',
    color: '#7E0023',
    onColor: '#FFFFFF',
  },
] as const

export type ColorTokens = {
  readonly bg: string
  readonly surface: string
  readonly surfaceRaised: string
  readonly border: string
  readonly text: string
  readonly textMuted: string
  readonly accent: string
  readonly accentText: string
  readonly onAccent: string
  readonly ok: string
  readonly warn: string
  readonly danger: string
  readonly info: string
  readonly focus: string
  readonly overlay: string
}

/** Map colours: MapLibre cannot read CSS variables, so the map style reads these. */
export type MapColorTokens = {
  readonly background: string
  readonly cityFill: string
  readonly cityLine: string
  readonly districtFill: string
  readonly districtLine: string
  readonly townshipLine: string
  readonly river: string
  readonly road: string
  readonly labelText: string
  readonly labelHalo: string
  readonly minorLabelText: string
  readonly stationFill: string
  readonly stationStroke: string
  /** Station marker before readings arrive: deliberately outside the AQI palette. */
  readonly aqiFill: string
  readonly aqiStroke: string
}

export type TypeScale = {
  readonly min: string
  readonly sm: string
  readonly base: string
  readonly lg: string
  readonly xl: string
  readonly xxl: string
}

export type ThemeTokens = {
  readonly colorScheme: 'dark' | 'light'
  readonly color: ColorTokens
  readonly map: MapColorTokens
  readonly fontSize: TypeScale
  /** Map label sizes in CSS px at 1920 px width; the map scales nothing by itself. */
  readonly mapLabelSize: { readonly district: number; readonly minor: number }
}

// At 1920 px wide the wall text is exactly `px`; wider walls (4K) scale it up with the viewport.
const fluid = (px: number): string => `max(${px}px, ${Number((px / 19.2).toFixed(4))}vw)`

export const THEME_TOKENS = {
  wall: {
    colorScheme: 'dark',
    color: {
      bg: '#070D1A',
      surface: '#0E1729',
      surfaceRaised: '#15213A',
      border: '#2B3B5C',
      text: '#EEF3FB',
      textMuted: '#AEBBD2',
      accent: '#4DA3FF',
      accentText: '#8CC4FF',
      onAccent: '#04111F',
      ok: '#3DDC84',
      warn: '#FFB23F',
      danger: '#FF6B6B',
      info: '#5AB0FF',
      focus: '#FFD54A',
      overlay: 'rgba(7, 13, 26, 0.78)',
    },
    map: {
      background: '#050A14',
      cityFill: '#0B1528',
      cityLine: '#6FB6FF',
      districtFill: '#12223D',
      districtLine: '#4F7DB8',
      townshipLine: '#24385C',
      river: '#2E6FA8',
      road: '#3A4C6E',
      labelText: '#EEF3FB',
      labelHalo: '#050A14',
      minorLabelText: '#AEBBD2',
      stationFill: '#0E1729',
      stationStroke: '#EEF3FB',
      aqiFill: '#4DD0E1',
      aqiStroke: '#050A14',
    },
    fontSize: {
      min: fluid(20),
      sm: fluid(20),
      base: fluid(22),
      lg: fluid(26),
      xl: fluid(32),
      xxl: fluid(40),
    },
    mapLabelSize: { district: 22, minor: 16 },
  },
  desk: {
    colorScheme: 'light',
    color: {
      bg: '#F3F5F9',
      surface: '#FFFFFF',
      surfaceRaised: '#FFFFFF',
      border: '#CDD5E1',
      text: '#121A2B',
      textMuted: '#46536A',
      accent: '#1560D4',
      accentText: '#0F4FB0',
      onAccent: '#FFFFFF',
      ok: '#1B7A47',
      warn: '#9A5800',
      danger: '#C42B2B',
      info: '#1560D4',
      focus: '#1560D4',
      overlay: 'rgba(255, 255, 255, 0.9)',
    },
    map: {
      background: '#E9EDF2',
      cityFill: '#F7F8FA',
      cityLine: '#1560D4',
      districtFill: '#FFFFFF',
      districtLine: '#7C8DA8',
      townshipLine: '#C9D1DD',
      river: '#7FB2E0',
      road: '#B5BFCD',
      labelText: '#121A2B',
      labelHalo: '#FFFFFF',
      minorLabelText: '#46536A',
      stationFill: '#FFFFFF',
      stationStroke: '#121A2B',
      aqiFill: '#00838F',
      aqiStroke: '#FFFFFF',
    },
    fontSize: {
      min: '13px',
      sm: '13px',
      base: '15px',
      lg: '18px',
      xl: '22px',
      xxl: '28px',
    },
    mapLabelSize: { district: 15, minor: 12 },
  },
} as const satisfies Record<ThemeName, ThemeTokens>

// Theme-independent tokens. Spacing is in rem: the root font size follows the theme's base
// size, so the wall's spacing grows with its text.
export const SHARED_TOKENS = {
  space: {
    '0': '0',
    '1': '0.25rem',
    '2': '0.5rem',
    '3': '0.75rem',
    '4': '1rem',
    '5': '1.5rem',
    '6': '2rem',
    '7': '3rem',
  },
  radius: { sm: '4px', md: '8px', lg: '12px', pill: '999px' },
  font: { sans: FONT_FAMILY_SANS, mono: FONT_FAMILY_MONO },
  fontWeight: { regular: '400', medium: '500', bold: '700' },
  lineHeight: { tight: '1.2', body: '1.5' },
  focusRing: { width: '3px', offset: '2px' },
  headerHeight: '4rem',
  zIndex: { map: '0', overlay: '10', header: '20', banner: '30', modal: '40' },
} as const
