import { z } from 'zod'
import { DomainError } from '../errors'
import { INCIDENT_GRADES, INCIDENT_GRADE_STYLES, type IncidentGrade } from './incident-grade'
import { canTransitionIncident, type IncidentStatus } from './incident'

// Commands on an existing incident. Each carries the version the sender last saw: a change
// made in between is refused (optimistic concurrency, DOMAIN.md "Delivery, consistency").

const ExpectedVersion = z.number().int().min(1)

/**
 * 定级调整: a new grade of the four in 国家突发公共事件总体应急预案 (DOMAIN.md §2.5), up as
 * the event develops or down after assessment, always with the reason.
 */
export const RegradeIncidentCommand = z.object({
  expectedVersion: ExpectedVersion,
  grade: z.enum(INCIDENT_GRADES),
  reason: z
    .string()
    .trim()
    .min(1, '请说明定级调整理由 / Give the reason for the new grade')
    .max(500),
})
export type RegradeIncidentCommand = z.infer<typeof RegradeIncidentCommand>

/** 结束: closing needs a summary of what happened and what was done. */
export const CloseIncidentCommand = z.object({
  expectedVersion: ExpectedVersion,
  summary: z.string().trim().min(1, '请填写处置总结 / Give a closing summary').max(4000),
})
export type CloseIncidentCommand = z.infer<typeof CloseIncidentCommand>

/** What the rules look at: the incident's current status, grade and version. */
export interface IncidentActionTarget {
  id: string
  status: IncidentStatus
  grade: IncidentGrade
  version: number
}

function assertVersion(target: IncidentActionTarget, expectedVersion: number) {
  if (target.version !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `事件 ${target.id} 已被修改（当前版本 ${target.version}）/ Incident ${target.id} has changed since version ${expectedVersion} (now ${target.version}); reload it and try again.`,
      { currentVersion: target.version },
    )
  }
}

/** Throws a DomainError unless `command` may regrade `target`. */
export function assertRegradable(target: IncidentActionTarget, command: RegradeIncidentCommand) {
  assertVersion(target, command.expectedVersion)
  if (target.status === 'closed') {
    throw new DomainError(
      'CONFLICT',
      `事件 ${target.id} 已结束，不能调整等级 / Incident ${target.id} is closed and cannot be regraded.`,
    )
  }
  if (target.grade === command.grade) {
    const label = INCIDENT_GRADE_STYLES[command.grade].roman
    throw new DomainError(
      'VALIDATION',
      `事件 ${target.id} 已是${label} / Incident ${target.id} already has grade ${command.grade}.`,
    )
  }
}

/** Throws a DomainError unless `target` may be closed now (INCIDENT_STATUS_TRANSITIONS). */
export function assertClosable(target: IncidentActionTarget, command: CloseIncidentCommand) {
  assertVersion(target, command.expectedVersion)
  if (!canTransitionIncident(target.status, 'closed')) {
    throw new DomainError(
      'CONFLICT',
      `事件 ${target.id} 当前状态为 ${target.status}，不能结束 / Incident ${target.id} cannot be closed while ${target.status}.`,
    )
  }
}
