import { z } from 'zod'
import { IsoDateTime } from '../common'
import { INCIDENT_CATEGORIES, INCIDENT_GRADES, INCIDENT_STATUSES } from '../incident'

// The row listings behind the thematic maps (issue #7): the same filters as the choropleth, so
// a leader can check a shaded district's number against the rows it counts.

/** A district (6-digit) or township (9-digit) code, as the choropleth's areas are keyed. */
export const AreaCode = z
  .string()
  .regex(/^\d{6}(\d{3})?$/, '区域代码为 6 位区县或 9 位乡镇街道代码 / area is a 6- or 9-digit code')

export const MAX_LIST_LIMIT = 500

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)

// The choropleth spells the filters incidentCategory / incidentGrade; the list's own names are
// category / grade. Either works; both at once must agree.
const ALIASES = [
  ['incidentCategory', 'category'],
  ['incidentGrade', 'grade'],
] as const

function mergeAliases(query: unknown, ctx: z.RefinementCtx): unknown {
  if (!query || typeof query !== 'object') return query
  const merged: Record<string, unknown> = { ...query }
  for (const [alias, name] of ALIASES) {
    if (!(alias in merged)) continue
    const value = merged[alias]
    delete merged[alias]
    if (name in merged && merged[name] !== value) {
      ctx.addIssue({
        code: 'custom',
        path: [alias],
        message: `${alias} 与 ${name} 不一致 / ${alias} and ${name} disagree; give one of them`,
      })
    }
    merged[name] = value
  }
  return merged
}

export const ListIncidentsQuery = z.preprocess(
  mergeAliases,
  z
    .object({
      from: IsoDateTime.optional(),
      to: IsoDateTime.optional(),
      category: z
        .enum(INCIDENT_CATEGORIES, {
          error: `事件类别须为 ${INCIDENT_CATEGORIES.join('、')} 之一 / category must be one of ${INCIDENT_CATEGORIES.join(', ')}`,
        })
        .optional(),
      grade: z
        .enum(INCIDENT_GRADES, {
          error: '等级须为 I、II、III、IV 之一 / grade must be I, II, III or IV',
        })
        .optional(),
      status: commaList
        .pipe(
          z
            .array(
              z.enum(INCIDENT_STATUSES, {
                error: `状态须为 ${INCIDENT_STATUSES.join('、')} / status must be among ${INCIDENT_STATUSES.join(', ')}`,
              }),
            )
            .min(1),
        )
        .optional(),
      district: z
        .string()
        .regex(/^\d{6}$/, '区县代码为 6 位数字 / district is 6 digits')
        .optional(),
      area: AreaCode.optional(),
      limit: z.coerce
        .number({ error: `limit 须为 1–${MAX_LIST_LIMIT} / limit is 1–${MAX_LIST_LIMIT}` })
        .int()
        .min(1, `limit 至少为 1 / limit is at least 1`)
        .max(MAX_LIST_LIMIT, `limit 至多 ${MAX_LIST_LIMIT} / limit is at most ${MAX_LIST_LIMIT}`)
        .default(100),
      offset: z.coerce
        .number({ error: 'offset 须为非负整数 / offset is a whole number ≥ 0' })
        .int()
        .min(0, 'offset 须为非负整数 / offset is a whole number ≥ 0')
        .default(0),
    })
    .superRefine((q, ctx) => {
      if (q.from && q.to && !(Date.parse(q.to) > Date.parse(q.from))) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: '结束时间须晚于开始时间 / to must be later than from',
        })
      }
    }),
)
export type ListIncidentsQuery = z.output<typeof ListIncidentsQuery>
