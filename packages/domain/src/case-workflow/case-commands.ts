import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { CategoryCode } from '../city-case'
import { DepartmentCode } from '../department'
import { GridCode } from '../grid-cell'

// The 数字城管 workflow commands (DOMAIN.md §2.1 "Proposed state machine"; GB/T 30428.8 /
// CJ/T 315 立案、处置与结案). One schema per action; `type` names the action.

const Reason = (zh: string, en: string) =>
  z.string().trim().min(1, `${zh} / ${en}`).max(1000, `理由过长 / Reason is too long`)

// 督办 levels as commonly used locally (一般 / 重点 / 挂牌督办) [U: not from a national text].
export const SUPERVISION_LEVELS = ['routine', 'key', 'listed'] as const
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number]
export const SUPERVISION_LEVEL_LABELS = {
  routine: '一般督办',
  key: '重点督办',
  listed: '挂牌督办',
} as const satisfies Record<SupervisionLevel, string>

const plain = <T extends string>(type: T) => z.object({ type: z.literal(type) })

export const AcceptCase = plain('accept')
export const InvalidateCase = z.object({
  type: z.literal('invalidate'),
  reason: Reason('请说明作废理由', 'Give the reason the report is invalid'),
  duplicateOf: EntityId.optional(), // a duplicate links to the case it repeats
})
export const VerifyCase = plain('verify')
export const FileCase = z.object({
  type: z.literal('file'),
  categoryCode: CategoryCode.optional(),
  gridCode: GridCode.optional(),
})
export const NotFileCase = z.object({
  type: z.literal('notFile'),
  reason: Reason('请说明不予立案理由', 'Give the reason not to file'),
})
export const DispatchCase = z.object({
  type: z.literal('dispatch'),
  departmentCode: DepartmentCode,
})
export const RequestReturn = z.object({
  type: z.literal('requestReturn'),
  reason: Reason(
    '请说明回退理由（非本部门职责等）',
    'Give the reason for the return (e.g. not our remit)',
  ),
})
export const ApproveReturn = plain('approveReturn')
export const RejectReturn = plain('rejectReturn')
export const RequestExtension = z.object({
  type: z.literal('requestExtension'),
  until: IsoDateTime,
  reason: Reason('请说明延期理由', 'Give the reason for the extension'),
})
export const ApproveExtension = plain('approveExtension')
export const RejectExtension = plain('rejectExtension')
export const RequestSuspension = z.object({
  type: z.literal('requestSuspension'),
  reason: Reason('请提交挂账书面说明', 'Give the written explanation for suspension'),
})
export const ApproveSuspension = plain('approveSuspension')
// Not in the original list, but an approval step needs a refusal (DOMAIN.md §2.1 挂账 "once checked").
export const RejectSuspension = plain('rejectSuspension')
export const ResumeCase = plain('resume')
export const DisposeCase = z.object({
  type: z.literal('dispose'),
  note: z.string().trim().min(1, '请填写处置情况 / Describe what was done').max(4000),
  evidenceIds: z.array(EntityId).max(20, '证据最多 20 项 / At most 20 evidence items').optional(),
})
export const AssignCheck = z.object({
  type: z.literal('assignCheck'),
  inspector: EntityId.optional(),
})
export const CheckPass = plain('checkPass')
export const CheckFail = z.object({
  type: z.literal('checkFail'),
  reason: Reason('请说明核查不通过的原因', 'Give the reason the check failed'),
})
export const CloseCase = plain('close')
export const SuperviseCase = z.object({
  type: z.literal('supervise'),
  level: z.enum(SUPERVISION_LEVELS, { error: '督办级别无效 / Unknown supervision level' }),
  note: z.string().trim().min(1, '请填写督办意见 / Give the supervision note').max(1000),
})

export const CaseCommand = z.discriminatedUnion('type', [
  AcceptCase,
  InvalidateCase,
  VerifyCase,
  FileCase,
  NotFileCase,
  DispatchCase,
  RequestReturn,
  ApproveReturn,
  RejectReturn,
  RequestExtension,
  ApproveExtension,
  RejectExtension,
  RequestSuspension,
  ApproveSuspension,
  RejectSuspension,
  ResumeCase,
  DisposeCase,
  AssignCheck,
  CheckPass,
  CheckFail,
  CloseCase,
  SuperviseCase,
])
export type CaseCommand = z.infer<typeof CaseCommand>
export type CaseCommandType = CaseCommand['type']
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>

/** Every workflow action name, in lifecycle order. */
export const CASE_COMMAND_TYPES: readonly CaseCommandType[] = CaseCommand.options.map(
  (o) => o.shape.type.value,
)
