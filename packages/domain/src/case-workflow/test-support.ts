import type { Actor } from '../access'
import { ROLES } from '../user'
import type { Role } from '../user'
import { newWorkflowCase } from './workflow-case'
import type { WorkflowCase } from './workflow-case'

// Shared by the workflow tests: handlers belong to DEPT, everyone else works city-wide.
export const DEPT = 'cg-410102'
export const OTHER_DEPT = 'cg-410105'

export function actorFor(role: Role, departmentCode: string | null = DEPT): Actor {
  return {
    kind: 'user',
    userId: `u-${role}`,
    role,
    departmentCode: role === 'handler' ? departmentCode : null,
  }
}

export const ALL_ACTORS: Actor[] = [
  ...ROLES.map((r) => actorFor(r)),
  actorFor('handler', OTHER_DEPT),
]

export function reported(channel = 'hotline'): WorkflowCase {
  return newWorkflowCase({
    id: 'case-1',
    channel,
    reportedAt: '2026-03-02T09:00:00+08:00',
    categoryCode: '0101',
    gridCode: '41010200100101',
  })
}
