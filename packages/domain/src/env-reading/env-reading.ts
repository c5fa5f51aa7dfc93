import { z } from 'zod'
import { AqiConcentrations } from '../aqi'
import { IsoDateTime } from '../common'
import { StationCode } from '../station'

// One observation from one station. Air stations fill `concentrations` (AQI keys, see aqi/),
// noise stations `noiseLeqDbA`, water stations `waterLevelM`; any mix is allowed.
export const EnvReading = z
  .object({
    stationCode: StationCode,
    observedAt: IsoDateTime,
    concentrations: AqiConcentrations.optional(),
    noiseLeqDbA: z.number().min(0).max(200).optional(),
    // Water level may be below the gauge datum, hence no lower bound of 0.
    waterLevelM: z.number().min(-100).max(10_000).optional(),
  })
  .refine(
    (r) =>
      r.noiseLeqDbA !== undefined ||
      r.waterLevelM !== undefined ||
      Object.values(r.concentrations ?? {}).some((v) => v !== undefined),
    { message: 'A reading needs at least one measurement' },
  )
export type EnvReading = z.infer<typeof EnvReading>
