import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  CASE_STATES,
  CASE_STATE_LABELS,
  CASE_STATE_TRANSITIONS,
  CityCase,
  canTransitionCase,
  isTerminalCaseState,
  parseComponentId,
} from './index'

const base = {
  id: 'case-1',
  kind: 'component',
  categoryCode: '0101',
  componentId: '4101050101000001',
  gridCode: '41010500200301',
  status: 'DISPATCHED',
  deadline: '2026-03-03T17:00:00+08:00',
  responsibleDepartment: 'cg-410105',
  location: { type: 'Point', coordinates: [113.68, 34.78] },
  description: '上水井盖破损',
  reportedAt: '2026-03-02T09:00:00+08:00',
  updatedAt: '2026-03-02T09:30:00+08:00',
  version: 3,
}

describe('CityCase', () => {
  it('accepts a component case', () => {
    expect(CityCase.parse(base)).toEqual(base)
  })

  it('accepts an event case without componentId and with null deadline/department', () => {
    const { componentId: _omit, ...rest } = base
    const event = {
      ...rest,
      kind: 'event',
      status: 'REPORTED',
      deadline: null,
      responsibleDepartment: null,
    }
    expect(CityCase.safeParse(event).success).toBe(true)
  })

  it.each([
    ['component id whose category differs', { componentId: '4101050102000001' }],
    ['component id with unknown admin prefix', { componentId: '3205080101000001' }],
    ['component id of 15 digits', { componentId: '410105010100001' }],
    ['event with a component id', { kind: 'event' }],
    ['3-digit category', { categoryCode: '101' }],
    ['grid code with unknown prefix', { gridCode: '41010700200301' }],
    ['unknown status', { status: 'OPEN' }],
    ['deadline without offset', { deadline: '2026-03-03T17:00:00' }],
  ])('rejects %s', (_label, patch) => {
    expect(CityCase.safeParse({ ...base, ...patch }).success).toBe(false)
  })
})

describe('parseComponentId', () => {
  it('splits admin, 大类, 小类 and sequence', () => {
    expect(parseComponentId('4101050101000001')).toEqual({
      admin: '410105',
      major: '01',
      minor: '01',
      categoryCode: '0101',
      sequence: '000001',
    })
  })

  it('rejects the Suzhou example (admin 320508 is not in Zhengzhou)', () => {
    expectDomainError(() => parseComponentId('3205080101000001'), 'VALIDATION')
  })
})

describe('case state machine', () => {
  it('has a row and a label for every state', () => {
    expect(Object.keys(CASE_STATE_TRANSITIONS).sort()).toEqual([...CASE_STATES].sort())
    expect(Object.keys(CASE_STATE_LABELS).sort()).toEqual([...CASE_STATES].sort())
  })

  it.each([
    ['REPORTED', 'ACCEPTED', true],
    ['REPORTED', 'FILED', false],
    ['ACCEPTED', 'FILED', true],
    ['VERIFIED', 'NOT_FILED', true],
    ['FILED', 'DISPATCHED', true],
    ['DISPATCHED', 'RETURNED', true],
    ['RETURNED', 'DISPATCHED', true],
    ['DISPATCHED', 'SUSPENDED', true],
    ['SUSPENDED', 'DISPATCHED', true],
    ['DISPATCHED', 'CLOSED', false],
    ['DISPOSED', 'CHECKING', true],
    ['CHECKING', 'DISPATCHED', true],
    ['CHECKING', 'CLOSED', true],
    ['CLOSED', 'DISPATCHED', false],
  ] as const)('%s → %s allowed = %s', (from, to, ok) => {
    expect(canTransitionCase(from, to)).toBe(ok)
  })

  it('terminal states are INVALID, NOT_FILED and CLOSED', () => {
    expect(CASE_STATES.filter(isTerminalCaseState)).toEqual(['INVALID', 'NOT_FILED', 'CLOSED'])
  })
})
