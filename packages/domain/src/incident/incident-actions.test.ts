import { describe, expect, it } from 'vitest'
import { isDomainError } from '../errors'
import {
  assertClosable,
  assertRegradable,
  CloseIncidentCommand,
  RegradeIncidentCommand,
  type IncidentActionTarget,
} from './index'

const open: IncidentActionTarget = { id: 'inc-1', status: 'reported', grade: 'IV', version: 3 }

const codeOf = (run: () => void) => {
  try {
    run()
    return 'ok'
  } catch (error) {
    return isDomainError(error) ? error.code : 'other'
  }
}

describe('incident action commands', () => {
  it('need a version, a grade and a reason, or a summary', () => {
    expect(
      RegradeIncidentCommand.parse({ expectedVersion: 1, grade: 'III', reason: ' 火势蔓延 ' }),
    ).toEqual({ expectedVersion: 1, grade: 'III', reason: '火势蔓延' })
    for (const bad of [
      { expectedVersion: 0, grade: 'III', reason: 'x' },
      { expectedVersion: 1, grade: 'V', reason: 'x' },
      { expectedVersion: 1, grade: 'III', reason: '  ' },
    ])
      expect(RegradeIncidentCommand.safeParse(bad).success).toBe(false)
    expect(CloseIncidentCommand.safeParse({ expectedVersion: 2, summary: '' }).success).toBe(false)
    expect(CloseIncidentCommand.safeParse({ expectedVersion: 2, summary: '已处置' }).success).toBe(
      true,
    )
  })
})

describe('assertRegradable', () => {
  it.each([
    ['escalation one grade', open, { expectedVersion: 3, grade: 'III', reason: 'r' }, 'ok'],
    [
      'downgrade after assessment',
      { ...open, grade: 'II' },
      { expectedVersion: 3, grade: 'IV', reason: 'r' },
      'ok',
    ],
    ['stale version', open, { expectedVersion: 2, grade: 'III', reason: 'r' }, 'CONFLICT'],
    [
      'closed incident',
      { ...open, status: 'closed' },
      { expectedVersion: 3, grade: 'III', reason: 'r' },
      'CONFLICT',
    ],
    ['same grade', open, { expectedVersion: 3, grade: 'IV', reason: 'r' }, 'VALIDATION'],
  ] as const)('%s → %s', (_label, target, command, expected) => {
    expect(codeOf(() => assertRegradable(target, command))).toBe(expected)
  })
})

describe('assertClosable', () => {
  it.each([
    ['reported (false alarm)', 'reported', 'ok'],
    ['confirmed', 'confirmed', 'ok'],
    ['resolved', 'resolved', 'ok'],
    ['responding: resolve first', 'responding', 'CONFLICT'],
    ['already closed', 'closed', 'CONFLICT'],
  ] as const)('%s → %s', (_label, status, expected) => {
    const command = { expectedVersion: 3, summary: '处置完毕' }
    expect(codeOf(() => assertClosable({ ...open, status }, command))).toBe(expected)
  })

  it('refuses a stale version and says which version is current', () => {
    try {
      assertClosable(open, { expectedVersion: 1, summary: 's' })
      expect.unreachable()
    } catch (error) {
      expect(isDomainError(error) && error.details).toEqual({ currentVersion: 3 })
    }
  })
})
