import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'

// GB/T 33171 five-level segment state; 1 is free flow, 5 is severe congestion.
export const CONGESTION_LEVELS = [1, 2, 3, 4, 5] as const
export type CongestionLevel = (typeof CONGESTION_LEVELS)[number]

export const CONGESTION_LEVEL_LABELS = {
  1: { zh: '畅通', en: 'Free flow' },
  2: { zh: '基本畅通', en: 'Basically free flow' },
  3: { zh: '轻度拥堵', en: 'Light congestion' },
  4: { zh: '中度拥堵', en: 'Moderate congestion' },
  5: { zh: '严重拥堵', en: 'Severe congestion' },
} as const satisfies Record<CongestionLevel, { zh: string; en: string }>

export const CongestionLevel = z.literal(CONGESTION_LEVELS)

export const TrafficReading = z.object({
  segmentId: EntityId,
  observedAt: IsoDateTime,
  speedKmh: z.number().min(0).max(250),
  congestionLevel: CongestionLevel,
})
export type TrafficReading = z.infer<typeof TrafficReading>
