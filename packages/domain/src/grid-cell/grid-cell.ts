import { z } from 'zod'
import { KnownAdminCode } from '../district'
import { Polygon } from '../geo'
import { GridCode } from './grid-code'

// 单元网格: the unit every case is located in and every KPI is aggregated to.
export const GridCell = z
  .object({
    code: GridCode,
    name: z.string().min(1),
    districtCode: KnownAdminCode,
    boundary: Polygon.nullable(),
  })
  .refine((g) => g.code.startsWith(g.districtCode), {
    message: 'Grid code must start with its districtCode',
    path: ['districtCode'],
  })
export type GridCell = z.infer<typeof GridCell>
