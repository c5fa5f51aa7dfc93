// IAQI breakpoints (µg/m³; CO mg/m³). Each array lines up with IAQI_STEPS; null = "no IAQI is
// computed above the previous breakpoint" (footnotes 2 and 3 of Table 1).
export const IAQI_STEPS = [0, 50, 100, 150, 200, 300, 400, 500] as const

export const AQI_STANDARD_IDS = ['HJ633-2012', 'HJ633-2026'] as const
export type AqiStandardId = (typeof AQI_STANDARD_IDS)[number]

export const BREAKPOINT_INDICATORS = [
  'so2_24h',
  'so2_1h',
  'no2_24h',
  'no2_1h',
  'pm10_24h',
  'co_24h',
  'co_1h',
  'o3_1h',
  'o3_8h',
  'pm25_24h',
] as const
export type BreakpointIndicator = (typeof BREAKPOINT_INDICATORS)[number]

export type BreakpointRow = readonly [0, number, number, number, number, ...(number | null)[]]

// HJ 633-2012 Table 1 (DOMAIN.md §2.4) [C: identical in ≥ 6 independent implementations].
export const HJ633_2012_BREAKPOINTS = {
  so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  so2_1h: [0, 150, 500, 650, 800, null, null, null], // footnote 2: > 800 → use the 24-hour mean
  no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
  co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 160, 215, 265, 800, null, null], // footnote 3: > 800 → use the 1-hour value
  pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
} as const satisfies Record<BreakpointIndicator, BreakpointRow>

// HJ 633-2026 [U, provisional]: the official text was not read. Reported changes (caiyunapp/
// aqi-hub and others, DOMAIN.md §2.4) are PM2.5 24h 75 → 60 and PM10 24h 150 → 120 at IAQI 100,
// with every other row unchanged. One draft tracker gives PM2.5 IAQI-50 as 30, not 35.
export const HJ633_2026_BREAKPOINTS = {
  ...HJ633_2012_BREAKPOINTS,
  pm25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  pm10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
} as const satisfies Record<BreakpointIndicator, BreakpointRow>

export const AQI_BREAKPOINTS = {
  'HJ633-2012': HJ633_2012_BREAKPOINTS,
  'HJ633-2026': HJ633_2026_BREAKPOINTS,
} as const satisfies Record<AqiStandardId, Record<BreakpointIndicator, BreakpointRow>>

// Versioned by effective date so every stored AQI can say which rules produced it. HJ 633-2012
// took effect 2016-01-01 [V]; the 2026 date (2026-03-01) is [C] from code sources only.
export const AQI_STANDARDS = {
  'HJ633-2012': { effectiveFrom: '2016-01-01T00:00:00+08:00', isProvisional: false },
  'HJ633-2026': { effectiveFrom: '2026-03-01T00:00:00+08:00', isProvisional: true },
} as const satisfies Record<AqiStandardId, { effectiveFrom: string; isProvisional: boolean }>
