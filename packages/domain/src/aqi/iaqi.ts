import { IAQI_STEPS } from './breakpoints'
import type { BreakpointRow } from './breakpoints'

// Floating-point slack before ceil, so that e.g. 50/35·35 = 50.000000000000007 stays 50.
const CEIL_EPSILON = 1e-9

export type IaqiOutcome =
  { kind: 'value'; iaqi: number; isCapped: boolean } | { kind: 'aboveTable'; tableTopIaqi: number }

/**
 * HJ 633-2012 §4.2 formula: IAQI = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C − BP_Lo) + IAQI_Lo,
 * rounded up to an integer. A value on a breakpoint takes the lower band's top.
 * Above the last breakpoint the IAQI is capped at 500 ("爆表"); above a truncated row
 * (null breakpoints) the caller must apply the footnote rule instead.
 */
export function computeIaqi(concentration: number, row: BreakpointRow): IaqiOutcome {
  for (let i = 1; i < IAQI_STEPS.length; i++) {
    const hi = row[i]
    const lo = row[i - 1]
    const iaqiHi = IAQI_STEPS[i]
    const iaqiLo = IAQI_STEPS[i - 1]
    if (hi === undefined || lo === undefined || iaqiHi === undefined || iaqiLo === undefined) break
    if (hi === null || lo === null) return { kind: 'aboveTable', tableTopIaqi: iaqiLo }
    if (concentration <= hi) {
      const raw = iaqiLo + ((iaqiHi - iaqiLo) * (concentration - lo)) / (hi - lo)
      return { kind: 'value', iaqi: Math.ceil(raw - CEIL_EPSILON), isCapped: false }
    }
  }
  return { kind: 'value', iaqi: 500, isCapped: true }
}
