import { DomainError, parseOrThrow } from '../errors'
import { IsoDateTime } from '../common'
import { AQI_STANDARDS, AQI_STANDARD_IDS } from './breakpoints'
import type { AqiStandardId } from './breakpoints'

/**
 * The AQI standard in force at an instant. Instants before HJ 633-2012's national start
 * (2016-01-01) still get HJ633-2012: key cities reported with it from 2013 on.
 */
export function aqiStandardAt(at: string): AqiStandardId {
  const instant = Date.parse(parseOrThrow(IsoDateTime, at, 'timestamp'))
  if (Number.isNaN(instant)) throw new DomainError('VALIDATION', `Invalid timestamp ${at}`)
  let current: AqiStandardId = 'HJ633-2012'
  for (const id of AQI_STANDARD_IDS) {
    if (Date.parse(AQI_STANDARDS[id].effectiveFrom) <= instant) current = id
  }
  return current
}
