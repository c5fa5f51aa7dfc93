import type { UnitType } from '../unit'
import type { IncidentCategory } from './incident-category'

// [U] Which vehicles an incident of a category usually needs first, for the unit suggestion
// when the operator names no types; a plausible default, not a national rule.
export const INCIDENT_CATEGORY_UNIT_TYPES = {
  fire: ['fire', 'ambulance'],
  trafficAccident: ['trafficPolice', 'ambulance'],
  medical: ['ambulance'],
  publicSecurity: ['police'],
  flood: ['municipal'],
  gasLeak: ['fire'],
  powerOutage: ['municipal'],
  hazardousChemicals: ['fire', 'ambulance'],
  environmentalPollution: ['sanitation'],
  other: ['police'],
} as const satisfies Record<IncidentCategory, readonly UnitType[]>
