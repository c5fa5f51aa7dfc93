import { describe, it, expect } from 'vitest'
import type { Actor } from '../access'
import { CASE_STATES, canTransitionCase, isTerminalCaseState } from '../city-case'
import { DomainError } from '../errors'
import { CASE_COMMAND_TYPES } from './case-commands'
import type { CaseCommandType } from './case-commands'
import { CHINA_2026, caseClock, workingCalendar } from '../sla'
import { allowedActions, applyCaseAction } from './case-workflow'
import type { WorkflowCase } from './workflow-case'
import { actorFor, ALL_ACTORS, DEPT, OTHER_DEPT, reported } from './test-support'

// fast-check is not a dependency: a seeded mulberry32 keeps failures reproducible.
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

function randomCommand(r: () => number, type: CaseCommandType): Record<string, unknown> {
  const reason = pick(r, ['理由', '', '非本部门职责'])
  const fields: Record<string, Record<string, unknown>> = {
    invalidate: { reason, duplicateOf: pick(r, [undefined, 'case-0', 'case-1']) },
    file: { categoryCode: pick(r, [undefined, '0101', '12']) },
    notFile: { reason },
    dispatch: { departmentCode: pick(r, [DEPT, OTHER_DEPT, 'BAD CODE']) },
    requestReturn: { reason },
    requestExtension: {
      reason,
      until: pick(r, ['2026-03-01T09:00:00+08:00', '2026-04-01T09:00:00+08:00', 'soon']),
    },
    requestSuspension: { reason },
    dispose: { note: pick(r, ['已处置', '']), evidenceIds: pick(r, [undefined, ['m-1']]) },
    checkFail: { reason },
    supervise: { level: pick(r, ['routine', 'key', 'nope']), note: '请加快' },
  }
  return { type, ...fields[type] }
}

const T = '2026-03-02T10:00:00+08:00'
const CAL = workingCalendar({ years: [CHINA_2026] })
const FILED_OR_LATER = [
  'FILED',
  'DISPATCHED',
  'RETURNED',
  'SUSPENDED',
  'DISPOSED',
  'CHECKING',
  'CLOSED',
]
const DEPT_STATES = ['DISPATCHED', 'DISPOSED', 'CHECKING', 'SUSPENDED']

function checkInvariants(c: WorkflowCase, applied: number, reworks: number) {
  expect(CASE_STATES).toContain(c.status)
  expect(c.version).toBe(1 + applied)
  expect(c.reworkCount).toBe(reworks)
  for (const n of [c.dispatchCount, c.returnCount, c.extensionCount])
    expect(n).toBeGreaterThanOrEqual(0)
  if (c.pending !== null) expect(c.status).toBe('DISPATCHED')
  expect(c.suspendedAt !== null).toBe(c.status === 'SUSPENDED')
  if (DEPT_STATES.includes(c.status)) expect(c.responsibleDepartment).not.toBeNull()
  if (FILED_OR_LATER.includes(c.status)) expect(c.deadline).not.toBeNull()
  if (isTerminalCaseState(c.status)) {
    for (const actor of ALL_ACTORS) expect(allowedActions(c, actor)).toEqual([])
  }
}

const visited = new Set<string>()

describe('random action sequences by random actors', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i stays legal', (seed) => {
    const r = rng(seed)
    let c = reported(pick(r, ['inspector', 'hotline', 'wechat']))
    let applied = 0
    let reworks = 0
    let nowMs = Date.parse(T)
    const clock = caseClock(
      pick(r, [
        { amount: 4, unit: 'workHours' },
        { amount: 2, unit: 'workDays' },
        { amount: 12, unit: 'hours' },
      ] as const),
      CAL,
      { isPausedWhileSuspended: r() < 0.5, isRestartedOnReturn: r() < 0.5 },
    )
    for (let i = 0; i < 400; i++) {
      const actor: Actor = pick(r, ALL_ACTORS)
      // Mostly offered actions (to go deep), sometimes anything (to probe the refusals).
      const offered = allowedActions(c, actor)
      const type = offered.length > 0 && r() < 0.8 ? pick(r, offered) : pick(r, CASE_COMMAND_TYPES)
      nowMs += Math.floor(r() * 240) * 60_000 // up to 4 h between actions
      const now = new Date(nowMs).toISOString()
      const result = applyCaseAction(c, randomCommand(r, type), actor, now, clock)
      if (result instanceof DomainError) {
        // An offered action only fails on its fields, never on state or policy.
        if (offered.includes(type)) expect(['VALIDATION', 'CONFLICT']).toContain(result.code)
        // …and the field checks that need the case: self-duplicate, extension before the deadline.
        if (result.code === 'CONFLICT' && offered.includes(type)) {
          expect(['invalidate', 'requestExtension', 'file']).toContain(type)
        }
        continue
      }
      expect(offered).toContain(type)
      const { next, audit } = result
      expect(next.status === c.status || canTransitionCase(c.status, next.status)).toBe(true)
      expect(audit).toMatchObject({ from: c.status, to: next.status, action: type })
      if (type === 'checkFail') reworks++
      applied++
      c = next
      visited.add(c.status)
      checkInvariants(c, applied, reworks)
    }
  })

  it('between them the runs visited every state (CLOSED included)', () => {
    expect([...visited].sort()).toEqual([...CASE_STATES].sort())
  })
})

// The legal paths to 结案 (DOMAIN.md §2.1 "Proposed state machine" and its 回退/延期/挂账/返工 rows).
type Step = [Parameters<typeof actorFor>[0], Record<string, unknown>]
const FRONT = (channel: string): Step[] => [
  ['intake', { type: 'accept' }],
  ...(channel === 'inspector' ? [] : [['inspector', { type: 'verify' }] as Step]),
  ['shiftLead', { type: 'file' }],
  ['dispatcher', { type: 'dispatch', departmentCode: DEPT }],
]
const BACK: Step[] = [
  ['handler', { type: 'dispose', note: '已处置', evidenceIds: ['m-1'] }],
  ['intake', { type: 'assignCheck', inspector: 'u-inspector' }],
  ['inspector', { type: 'checkPass' }],
  ['shiftLead', { type: 'close' }],
]
const PATHS: [string, string, Step[]][] = [
  ['inspector report, no 核实', 'inspector', []],
  ['public report with 核实', 'hotline', []],
  [
    'one 返工',
    'inspector',
    [
      ['handler', { type: 'dispose', note: '已处置' }],
      ['intake', { type: 'assignCheck' }],
      ['inspector', { type: 'checkFail', reason: '未处置到位' }],
    ],
  ],
  [
    '回退 + re-派遣',
    'wechat',
    [
      ['handler', { type: 'requestReturn', reason: '非本部门职责' }],
      ['dispatcher', { type: 'approveReturn' }],
      ['dispatcher', { type: 'dispatch', departmentCode: DEPT }],
    ],
  ],
  [
    '延期 approved',
    'inspector',
    [
      [
        'handler',
        { type: 'requestExtension', until: '2026-04-01T17:30:00+08:00', reason: '等材料' },
      ],
      ['shiftLead', { type: 'approveExtension' }],
    ],
  ],
  [
    '挂账 + resume',
    'hotline',
    [
      ['handler', { type: 'requestSuspension', reason: '需协调' }],
      ['dispatcher', { type: 'approveSuspension' }],
      ['dispatcher', { type: 'resume' }],
    ],
  ],
]

describe('every legal path reaches CLOSED', () => {
  it.each(PATHS)('%s', (_name, channel, middle) => {
    let c = reported(channel)
    for (const [role, action] of [...FRONT(channel), ...middle, ...BACK]) {
      const r = applyCaseAction(c, action, actorFor(role), T)
      if (r instanceof DomainError) throw r
      c = r.next
    }
    expect(c.status).toBe('CLOSED')
    expect(c.version).toBe(1 + FRONT(channel).length + middle.length + BACK.length)
  })
})
