import { describe, expect, it } from 'vitest'
import { CASE_STATES, type CaseState } from '../city-case'
import { ROLES, type Role } from '../user'
import type { Actor } from './actor'
import { canAddCaseEvidence, EVIDENCE_UPLOAD_STATES, evidenceUploadDenial } from './case-evidence'

const user = (role: Role, departmentCode: string | null = null): Actor => ({
  kind: 'user',
  userId: 'u1',
  role,
  departmentCode: role === 'handler' ? (departmentCode ?? 'cgj') : null,
})
const at = (status: CaseState, responsibleDepartment: string | null = 'cgj') => ({
  status,
  responsibleDepartment,
})

describe('who may add evidence to a case', () => {
  it('lets each role upload exactly in its own states', () => {
    const allowed = ROLES.flatMap((role) =>
      CASE_STATES.filter((s) => canAddCaseEvidence(user(role), at(s))).map((s) => `${role}:${s}`),
    )
    expect(allowed.sort()).toEqual(
      [
        'inspector:REPORTED',
        'inspector:ACCEPTED',
        'inspector:CHECKING',
        'intake:REPORTED',
        'intake:ACCEPTED',
        'shiftLead:ACCEPTED',
        'shiftLead:VERIFIED',
        'shiftLead:CHECKING',
        'handler:DISPATCHED',
      ].sort(),
    )
    expect(Object.keys(EVIDENCE_UPLOAD_STATES).sort()).toEqual([...ROLES].sort())
  })

  it('refuses a handler of another department as if the case did not exist', () => {
    expect(evidenceUploadDenial(user('handler', 'sthjj'), at('DISPATCHED', 'cgj'))).toBe(
      'notReadable',
    )
    expect(evidenceUploadDenial(user('handler', 'cgj'), at('DISPATCHED', 'cgj'))).toBeNull()
  })

  it('tells a reader whose step it is not apart from one who cannot see the case', () => {
    expect(evidenceUploadDenial(user('handler', 'cgj'), at('DISPOSED', 'cgj'))).toBe('notNow')
    expect(evidenceUploadDenial(user('operator'), at('DISPATCHED'))).toBe('notNow')
    expect(evidenceUploadDenial(user('admin'), at('REPORTED', null))).toBe('notReadable')
  })

  it('never lets an API key upload, even one that reads cases', () => {
    const key: Actor = { kind: 'apiKey', keyId: 'k1', scopes: ['case.read'], departmentCode: null }
    expect(evidenceUploadDenial(key, at('REPORTED', null))).toBe('notAPerson')
  })
})
