import { describe, it, expect } from 'vitest'
import { CASE_ACTION_STATES, ROLE_PERMISSIONS, CASE_ACTION_PERMISSIONS } from '../access'
import type { CaseActionStates } from '../access'
import type { CaseState } from '../city-case'
import { ROLES } from '../user'
import { CASE_COMMAND_TYPES } from './case-commands'
import { CASE_WORKFLOW_RULES } from './workflow-rules'
import type { WorkflowRule } from './workflow-rules'

// Who may take each workflow action, straight from ROLE_PERMISSIONS (role-matrix.test.ts is
// the per-permission picture; this is the per-action one). Handlers: own department only.
const WHO = {
  accept: ['intake'],
  invalidate: ['intake'],
  verify: ['inspector'],
  file: ['shiftLead'],
  notFile: ['shiftLead'],
  dispatch: ['dispatcher'],
  requestReturn: ['handler'],
  approveReturn: ['dispatcher'],
  rejectReturn: ['dispatcher'],
  requestExtension: ['handler'],
  approveExtension: ['shiftLead', 'dispatcher'],
  rejectExtension: ['shiftLead', 'dispatcher'],
  requestSuspension: ['handler'],
  approveSuspension: ['dispatcher'],
  rejectSuspension: ['dispatcher'],
  resume: ['dispatcher'],
  dispose: ['handler'],
  assignCheck: ['intake'],
  checkPass: ['inspector'],
  checkFail: ['inspector'],
  close: ['shiftLead'],
  supervise: ['leader'],
}

describe('workflow actions ↔ identity policy', () => {
  it.each(CASE_COMMAND_TYPES)('%s', (type) => {
    const permission = CASE_ACTION_PERMISSIONS[CASE_WORKFLOW_RULES[type].permission]
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission))).toEqual(WHO[type])
  })

  it('each action stays within the states its access/case-actions verb declares', () => {
    const outside = CASE_COMMAND_TYPES.filter((type) => {
      const rule: WorkflowRule = CASE_WORKFLOW_RULES[type]
      const verb: CaseActionStates = CASE_ACTION_STATES[rule.permission]
      const isFromOk = rule.from.every((s: CaseState) => verb.from.includes(s))
      return !isFromOk || (rule.to !== null && !verb.to.includes(rule.to))
    })
    expect(outside).toEqual([])
  })
})
