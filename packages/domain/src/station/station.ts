import { z } from 'zod'
import { Point } from '../geo'
import { NOISE_ZONES } from '../noise'

export const STATION_KINDS = ['air', 'noise', 'water'] as const
export type StationKind = (typeof STATION_KINDS)[number]

// Codes follow the monitoring network's own ids, e.g. CNEMC "1316A" for air stations.
export const StationCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'Station code: 1–32 of A-Z, a-z, 0-9, _ or -')
export type StationCode = z.infer<typeof StationCode>

export const Station = z
  .object({
    code: StationCode,
    name: z.string().min(1),
    kind: z.enum(STATION_KINDS),
    location: Point,
    // A noise station is judged against its GB 3096-2008 functional-zone limits.
    noiseZone: z.enum(NOISE_ZONES).optional(),
  })
  .refine((s) => (s.kind === 'noise') === (s.noiseZone !== undefined), {
    message: 'noiseZone is required for noise stations and not allowed for others',
    path: ['noiseZone'],
  })
export type Station = z.infer<typeof Station>
