import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { DepartmentCode } from '../department'
import { Point } from '../geo'
import { GridCode } from '../grid-cell'
import { CASE_KINDS, CategoryCode, ComponentId } from './case-codes'
import { CASE_STATES } from './case-status'

// A 数字城管 case about a 部件 (component) or 事件 (event).
export const CityCase = z
  .object({
    id: EntityId,
    kind: z.enum(CASE_KINDS),
    categoryCode: CategoryCode,
    componentId: ComponentId.optional(),
    gridCode: GridCode,
    status: z.enum(CASE_STATES),
    deadline: IsoDateTime.nullable(), // 处置时限, set when dispatched
    responsibleDepartment: DepartmentCode.nullable(),
    location: Point,
    description: z.string().max(4000),
    reportedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int().min(1),
  })
  .refine((c) => c.kind === 'component' || c.componentId === undefined, {
    message: 'Only component cases carry a componentId',
    path: ['componentId'],
  })
  .refine((c) => c.componentId === undefined || c.componentId.slice(6, 10) === c.categoryCode, {
    message: "componentId's 大类+小类 digits must equal categoryCode",
    path: ['componentId'],
  })
export type CityCase = z.infer<typeof CityCase>
