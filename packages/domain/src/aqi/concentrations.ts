import { z } from 'zod'

// Keys of the AQI indicators. For the daily report so2/no2/co/pm10/pm25 are 24-hour means;
// for the hourly (real-time) report they are 1-hour means. o3_1h is the (daily max) 1-hour
// value, o3_8h the (daily max) 8-hour moving mean. µg/m³, except CO in mg/m³.
export const AQI_POLLUTANTS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_1h', 'o3_8h'] as const
export type AqiPollutant = (typeof AQI_POLLUTANTS)[number]

export const AQI_POLLUTANT_LABELS = {
  pm25: { label: 'PM2.5', unit: 'µg/m³' },
  pm10: { label: 'PM10', unit: 'µg/m³' },
  so2: { label: 'SO₂', unit: 'µg/m³' },
  no2: { label: 'NO₂', unit: 'µg/m³' },
  co: { label: 'CO', unit: 'mg/m³' },
  o3_1h: { label: 'O₃ (1h)', unit: 'µg/m³' },
  o3_8h: { label: 'O₃ (8h)', unit: 'µg/m³' },
} as const satisfies Record<AqiPollutant, { label: string; unit: string }>

const concentration = z.number().min(0).max(100_000)

// `so2_24h` is not an AQI indicator of its own: the hourly report needs it only as the
// fallback when the 1-hour SO₂ exceeds 800 µg/m³ (HJ 633-2012 Table 1, footnote 2).
export const AqiConcentrations = z.strictObject({
  pm25: concentration.optional(),
  pm10: concentration.optional(),
  so2: concentration.optional(),
  no2: concentration.optional(),
  co: concentration.optional(),
  o3_1h: concentration.optional(),
  o3_8h: concentration.optional(),
  so2_24h: concentration.optional(),
})
export type AqiConcentrations = z.infer<typeof AqiConcentrations>

export const AQI_REPORTS = ['daily', 'hourly'] as const
export type AqiReport = (typeof AQI_REPORTS)[number]
