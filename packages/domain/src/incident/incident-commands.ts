import { z } from 'zod'
import { EntityId } from '../common'
import { DepartmentCode } from '../department'
import { INCIDENT_GRADES } from './incident-grade'

// The incident workflow commands (issue #6 "Emergency incidents"); `type` names the action.
// Grading follows DOMAIN.md §2.5 (Ⅰ–Ⅳ, always with the reason).

const Text = (max: number, zh: string, en: string) =>
  z.string().trim().min(1, `${zh} / ${en}`).max(max, `内容过长 / Too long (at most ${max})`)

const assignmentStep = <T extends string>(type: T) =>
  z.object({
    type: z.literal(type),
    assignmentId: z
      .string({ error: '请指明调派 assignmentId / Name the assignmentId' })
      .min(1, '请指明调派 assignmentId / Name the assignmentId')
      .max(64),
  })

export const GradeIncident = z.object({
  type: z.literal('grade'),
  grade: z.enum(INCIDENT_GRADES, {
    error: '等级须为 I、II、III 或 IV / Grade must be I, II, III or IV',
  }),
  reason: Text(500, '请说明定级理由', 'Give the reason for the grade'),
})
export const AssignIncident = z.object({
  type: z.literal('assign'),
  departmentCode: z.string({ error: '请指明部门 / Name the departmentCode' }).pipe(DepartmentCode),
  unitIds: z
    .array(EntityId)
    .max(20, '一次最多调派 20 辆 / At most 20 units at once')
    .refine((ids) => new Set(ids).size === ids.length, '车辆重复 / A unit is listed twice')
    .default([]),
})
export const AcknowledgeAssignment = assignmentStep('acknowledge')
export const DepartAssignment = assignmentStep('enRoute')
export const ArriveAssignment = assignmentStep('onScene')
export const FinishAssignment = assignmentStep('finish').extend({
  note: z.string().trim().max(2000, '内容过长 / Too long (at most 2000)').optional(),
})
export const CloseIncident = z.object({
  type: z.literal('close'),
  summary: Text(4000, '请填写处置总结', 'Give a closing summary'),
})

export const IncidentCommand = z.discriminatedUnion(
  'type',
  [
    GradeIncident,
    AssignIncident,
    AcknowledgeAssignment,
    DepartAssignment,
    ArriveAssignment,
    FinishAssignment,
    CloseIncident,
  ],
  { error: '未知的事件操作 / Unknown incident action' },
)
export type IncidentCommand = z.infer<typeof IncidentCommand>
export type IncidentCommandType = IncidentCommand['type']

export const INCIDENT_COMMAND_TYPES = [
  'grade',
  'assign',
  'acknowledge',
  'enRoute',
  'onScene',
  'finish',
  'close',
] as const satisfies readonly IncidentCommandType[]

export const ASSIGNMENT_COMMAND_TYPES = [
  'acknowledge',
  'enRoute',
  'onScene',
  'finish',
] as const satisfies readonly IncidentCommandType[]
export type AssignmentCommandType = (typeof ASSIGNMENT_COMMAND_TYPES)[number]

export function isAssignmentCommandType(type: string): type is AssignmentCommandType {
  const all: readonly string[] = ASSIGNMENT_COMMAND_TYPES
  return all.includes(type)
}
