import { z } from 'zod'
import { IsoDateTime } from '../common'
import { INCIDENT_CATEGORIES, INCIDENT_GRADES } from '../incident'
import { ClassificationMethod, MAX_CLASSES, MIN_CLASSES } from '../thematic'
import { AreaLevel, IndicatorIdSchema } from './indicators'

// Query strings of the analytics endpoints (all GET). Times are ISO 8601 with an offset;
// windows are half-open [from, to).

/** The longest window one request may aggregate: a year and a day (leap years, edges). */
export const MAX_WINDOW_DAYS = 367

const window = {
  from: IsoDateTime,
  to: IsoDateTime,
}

const checkWindow = <T extends { from: string; to: string }>(q: T, ctx: z.RefinementCtx) => {
  const from = Date.parse(q.from)
  const to = Date.parse(q.to)
  if (!(to > from)) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: '结束时间须晚于开始时间 / to must be later than from',
    })
  } else if (to - from > MAX_WINDOW_DAYS * 86_400_000) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `时间范围至多 ${MAX_WINDOW_DAYS} 天 / The window may span at most ${MAX_WINDOW_DAYS} days`,
    })
  }
}

const numberList = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((x) => x.trim())
  const values = parts.map(Number)
  if (parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v))) {
    ctx.addIssue({
      code: 'custom',
      message: '界值须为逗号分隔的数字 / breaks must be numbers separated by commas',
    })
    return z.NEVER
  }
  return values
})

/** Filters some indicators understand (see IndicatorDefinition.filters); others ignore none: they reject. */
const filters = {
  incidentCategory: z.enum(INCIDENT_CATEGORIES).optional(),
  incidentGrade: z.enum(INCIDENT_GRADES).optional(),
  caseCategory: z
    .string()
    .regex(
      /^\d{2}(\d{2})?$/,
      '类别为 2 位大类或 4 位小类代码 / caseCategory is a 2- or 4-digit code',
    )
    .optional(),
}

export const ChoroplethQuery = z
  .object({
    indicator: IndicatorIdSchema,
    level: AreaLevel.default('district'),
    ...window,
    method: ClassificationMethod.default('quantile'),
    classes: z.coerce.number().int().min(MIN_CLASSES).max(MAX_CLASSES).default(5),
    /** Manual breaks (method=manual): ascending upper bounds, comma-separated. */
    breaks: numberList.optional(),
    ...filters,
  })
  .superRefine(checkWindow)
  .superRefine((q, ctx) => {
    if (q.method === 'manual' && !q.breaks) {
      ctx.addIssue({
        code: 'custom',
        path: ['breaks'],
        message:
          '手动分级须给出 breaks，如 breaks=10,20,50 / method=manual needs breaks, e.g. breaks=10,20,50',
      })
    }
  })
export type ChoroplethQuery = z.output<typeof ChoroplethQuery>

export const TIME_BUCKETS = ['hour', 'day', 'week', 'month'] as const
export type TimeBucket = (typeof TIME_BUCKETS)[number]

export const TimeseriesQuery = z
  .object({
    indicator: IndicatorIdSchema,
    ...window,
    bucket: z.enum(TIME_BUCKETS).default('day'),
    /** One area (district or township code); the whole city when left out. */
    area: z
      .string()
      .regex(
        /^\d{6}(\d{3})?$/,
        '区域代码为 6 位区县或 9 位乡镇街道代码 / area is a 6- or 9-digit code',
      )
      .optional(),
    ...filters,
  })
  .superRefine(checkWindow)
export type TimeseriesQuery = z.output<typeof TimeseriesQuery>

export const ReplayQuery = z
  .object({
    ...window,
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .superRefine(checkWindow)
export type ReplayQuery = z.output<typeof ReplayQuery>

export const AreasQuery = z.object({ level: AreaLevel.default('district') })
export type AreasQuery = z.output<typeof AreasQuery>
