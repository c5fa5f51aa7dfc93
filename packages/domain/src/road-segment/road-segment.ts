import { z } from 'zod'
import { EntityId } from '../common'
import { LineString, lineStringLengthM } from '../geo'

// CJJ 37 urban road classes; GB/T 33171 speed bands are keyed by them (see traffic/).
export const ROAD_CLASSES = ['expressway', 'arterial', 'secondary', 'branch'] as const
export type RoadClass = (typeof ROAD_CLASSES)[number]

export const ROAD_CLASS_LABELS = {
  expressway: { zh: '快速路', en: 'Expressway' },
  arterial: { zh: '主干路', en: 'Arterial' },
  secondary: { zh: '次干路', en: 'Secondary' },
  branch: { zh: '支路', en: 'Branch' },
} as const satisfies Record<RoadClass, { zh: string; en: string }>

export const RoadSegment = z.object({
  id: EntityId,
  name: z.string().min(1),
  roadClass: z.enum(ROAD_CLASSES),
  geometry: LineString,
})
export type RoadSegment = z.infer<typeof RoadSegment>

/** Geodesic length of the segment in metres (the weight used by network indicators). */
export function segmentLengthM(segment: RoadSegment): number {
  return lineStringLengthM(segment.geometry)
}
