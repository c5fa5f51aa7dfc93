import type { IncidentCategory, IncidentGrade, IncidentSource } from '@cityops/domain'
import type { Weighted } from './rng'

export const CALL_SOURCES = [
  '110',
  '119',
  '120',
  '122',
  '12345',
] as const satisfies readonly IncidentSource[]
export type CallSource = (typeof CALL_SOURCES)[number]

// [U] Calls per weekday that become an item on the command map, for a city of ~13 million.
// Raw volumes are far higher (110 takes thousands of calls a day, 12345 tens of thousands);
// most are advice, duplicates or handled on the phone. These are demo choices, not data.
export const DAILY_CALL_RATES = {
  '110': 300,
  '119': 40,
  '120': 400,
  '122': 250,
  '12345': 2000,
} as const satisfies Record<CallSource, number>

// [U] Weekend volume relative to a weekday: fewer commuters (122) and office hours (12345).
export const WEEKEND_FACTOR = {
  '110': 1.05,
  '119': 1,
  '120': 0.95,
  '122': 0.85,
  '12345': 0.7,
} as const satisfies Record<CallSource, number>

// [U] Relative volume by local hour 0–23 (normalised when used). Night is low everywhere;
// 110 peaks in the evening, 119 in the afternoon (cooking, heat), 120 in the morning
// (the elderly), 122 at both rush hours, 12345 in office hours.
export const HOURLY_PROFILE = {
  '110': [
    0.8, 0.6, 0.45, 0.35, 0.3, 0.35, 0.5, 0.75, 0.95, 1.05, 1.1, 1.15, 1.1, 1.05, 1.1, 1.15, 1.2,
    1.25, 1.3, 1.35, 1.4, 1.45, 1.3, 1.05,
  ],
  '119': [
    0.5, 0.4, 0.35, 0.3, 0.3, 0.35, 0.5, 0.7, 0.9, 1.1, 1.3, 1.45, 1.5, 1.45, 1.4, 1.35, 1.3, 1.25,
    1.2, 1.15, 1.05, 0.95, 0.8, 0.65,
  ],
  '120': [
    0.55, 0.45, 0.4, 0.38, 0.4, 0.5, 0.8, 1.25, 1.5, 1.45, 1.35, 1.25, 1.15, 1.1, 1.1, 1.1, 1.1,
    1.15, 1.2, 1.2, 1.15, 1.05, 0.9, 0.7,
  ],
  '122': [
    0.3, 0.2, 0.15, 0.12, 0.12, 0.2, 0.5, 1.6, 2.1, 1.5, 1.1, 1.05, 1.1, 1, 1, 1.1, 1.3, 1.8, 2.2,
    1.6, 1.1, 0.8, 0.6, 0.45,
  ],
  '12345': [
    0.1, 0.05, 0.04, 0.03, 0.03, 0.05, 0.2, 0.7, 1.5, 1.9, 1.9, 1.7, 1.3, 1.4, 1.7, 1.8, 1.7, 1.5,
    1.2, 1, 0.9, 0.7, 0.4, 0.2,
  ],
} as const satisfies Record<CallSource, readonly number[]>

const w = (value: IncidentCategory, weight: number): Weighted<IncidentCategory> => ({
  value,
  weight,
})

// [U] What each line mostly hears, in the domain's incident categories.
export const CATEGORY_WEIGHTS = {
  '110': [
    w('publicSecurity', 70),
    w('other', 18),
    w('trafficAccident', 6),
    w('environmentalPollution', 2.5),
    w('medical', 2),
    w('fire', 1),
    w('gasLeak', 0.5),
  ],
  '119': [
    w('fire', 70),
    w('other', 16),
    w('gasLeak', 8),
    w('flood', 4),
    w('hazardousChemicals', 2),
  ],
  '120': [w('medical', 94), w('trafficAccident', 6)],
  '122': [w('trafficAccident', 92), w('other', 8)],
  '12345': [
    w('other', 60),
    w('environmentalPollution', 18),
    w('powerOutage', 8),
    w('flood', 6),
    w('publicSecurity', 6),
    w('gasLeak', 2),
  ],
} as const satisfies Record<CallSource, readonly Weighted<IncidentCategory>[]>

// [U] A normal day: nearly everything is Ⅳ 一般, a handful Ⅲ 较大, Ⅱ 重大 about once a
// fortnight at default volumes, Ⅰ 特别重大 never (a scenario injects it explicitly).
export const GRADE_WEIGHTS: readonly Weighted<IncidentGrade>[] = [
  { value: 'IV', weight: 0.985 },
  { value: 'III', weight: 0.0145 },
  { value: 'II', weight: 0.0005 },
  { value: 'I', weight: 0 },
]

// [U] Chance that an incident is later upgraded one grade (fire spreads, more casualties).
export const ESCALATION_PROBABILITY = {
  IV: 0.02,
  III: 0.08,
  II: 0,
  I: 0,
} as const satisfies Record<IncidentGrade, number>
export const ESCALATION_MEAN_DELAY_MIN = 45

// [U] Minutes from report to close on the command map, by category: the median of a
// log-normal with spread CLOSE_LOG_SD (so about 1 in 6 takes 1.8× the median or more).
// Street-level calls (a crash, an ambulance run) clear within the hour or two; floods, power
// cuts and 12345 work orders (mostly `other`, `environmentalPollution`) take hours to a day.
export const CLOSE_MEDIAN_MIN = {
  fire: 90,
  trafficAccident: 45,
  medical: 60,
  publicSecurity: 60,
  flood: 360,
  gasLeak: 120,
  powerOutage: 240,
  hazardousChemicals: 240,
  environmentalPollution: 1440,
  other: 600,
} as const satisfies Record<IncidentCategory, number>
export const CLOSE_LOG_SD = 0.6
export const CLOSE_MIN_MIN = 10
// [U] A graver incident takes longer: Ⅲ twice, Ⅱ four times, Ⅰ eight times the Ⅳ duration.
export const GRADE_DURATION_FACTOR = {
  IV: 1,
  III: 2,
  II: 4,
  I: 8,
} as const satisfies Record<IncidentGrade, number>
