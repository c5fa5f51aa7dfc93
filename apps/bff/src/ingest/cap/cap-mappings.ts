import type { IncidentCategory, IncidentGrade, IncidentStatus } from '@cityops/domain'
import type {
  CapCategory,
  CapCertainty,
  CapResponseType,
  CapSeverity,
  CapUrgency,
} from './cap-enums'

// Our design decisions (DOMAIN.md §2.3 "Mappings"), not a standard: one table per direction
// so a city can change a row without touching logic.

/** Grades Ⅰ–Ⅳ (red/orange/yellow/blue, DOMAIN.md §2.5) ↔ CAP severity. */
export const GRADE_TO_SEVERITY = {
  I: 'Extreme',
  II: 'Severe',
  III: 'Moderate',
  IV: 'Minor',
} as const satisfies Record<IncidentGrade, CapSeverity>

// `Unknown` has no grade; Ⅳ (the lowest) keeps it visible without escalating it.
export const SEVERITY_TO_GRADE = {
  Extreme: 'I',
  Severe: 'II',
  Moderate: 'III',
  Minor: 'IV',
  Unknown: 'IV',
} as const satisfies Record<CapSeverity, IncidentGrade>

// CAP 1.2 §3.2.2 category meanings: Met "Meteorological (inc. flood)", CBRNE "Chemical,
// Biological, Radiological, Nuclear or High-Yield Explosive", Safety "General emergency and
// public safety", Infra "Utility, telecommunication, other non-transport infrastructure".
export const CATEGORY_TO_CAP = {
  fire: ['Fire'],
  trafficAccident: ['Transport'],
  medical: ['Health'],
  publicSecurity: ['Security'],
  flood: ['Met'],
  gasLeak: ['Safety'],
  powerOutage: ['Infra'],
  hazardousChemicals: ['CBRNE'],
  environmentalPollution: ['Env'],
  other: ['Other'],
} as const satisfies Record<IncidentCategory, readonly CapCategory[]>

// Broad CAP categories need the event text to pick one of ours; no match → the fallback.
const KEYWORD_RULES: readonly (readonly [CapCategory, RegExp, IncidentCategory])[] = [
  ['Met', /暴雨|内涝|积水|洪|rain|flood/i, 'flood'],
  ['Geo', /内涝|积水|洪|flood/i, 'flood'],
  ['Safety', /燃气|天然气|煤气|\bgas\b/i, 'gasLeak'],
  ['Infra', /停电|断电|电力|power|electric/i, 'powerOutage'],
]

const DIRECT: Partial<Record<CapCategory, IncidentCategory>> = {
  Fire: 'fire',
  Transport: 'trafficAccident',
  Health: 'medical',
  Security: 'publicSecurity',
  CBRNE: 'hazardousChemicals',
  Env: 'environmentalPollution',
}

/** The first CAP category that maps to one of ours decides; `text` is event + headline. */
export function incidentCategoryFromCap(
  categories: readonly CapCategory[],
  text: string,
): IncidentCategory {
  for (const category of categories) {
    const direct = DIRECT[category]
    if (direct) return direct
    const rule = KEYWORD_RULES.find(([cap, pattern]) => cap === category && pattern.test(text))
    if (rule) return rule[2]
  }
  return 'other'
}

/** Urgency, certainty and response from our lifecycle status (§3.2.2 definitions). */
export const STATUS_TO_CAP = {
  reported: { urgency: 'Immediate', certainty: 'Likely', responseType: [] },
  confirmed: { urgency: 'Immediate', certainty: 'Observed', responseType: [] },
  responding: { urgency: 'Immediate', certainty: 'Observed', responseType: [] },
  resolved: { urgency: 'Past', certainty: 'Observed', responseType: ['AllClear'] },
  closed: { urgency: 'Past', certainty: 'Observed', responseType: ['AllClear'] },
} as const satisfies Record<
  IncidentStatus,
  { urgency: CapUrgency; certainty: CapCertainty; responseType: readonly CapResponseType[] }
>
