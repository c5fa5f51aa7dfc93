import { describe, expect, it } from 'vitest'
import type { Actor } from '../access'
import { DomainError } from '../errors'
import { ROLES, type Role } from '../user'
import {
  allowedAssignmentActions,
  allowedIncidentActions,
  applyIncidentAction,
  canTransitionIncident,
  INCIDENT_COMMAND_TYPES,
  INCIDENT_WORKFLOW_RULES,
  ASSIGNMENT_STEPS,
  canTransitionAssignment,
  type IncidentActionResult,
  type WorkflowIncident,
} from './index'

const T = '2026-11-20T10:00:00+08:00'
const FIRE = 'xfzd'
const EMS = 'ji120'

const actor = (role: Role, departmentCode: string | null = null): Actor => ({
  kind: 'user',
  userId: `u-${role}-${departmentCode ?? 'city'}`,
  role,
  departmentCode,
})
const operator = actor('operator')
const shiftLead = actor('shiftLead')
const fireHandler = actor('handler', FIRE)
const emsHandler = actor('handler', EMS)

const fresh = (): WorkflowIncident => ({
  id: 'inc-1',
  status: 'reported',
  grade: 'IV',
  version: 1,
  departments: [],
  assignments: [],
})

let ids = 0
function run(incident: WorkflowIncident, input: Record<string, unknown>, who: Actor | null) {
  return applyIncidentAction(incident, input, who, { now: T, newAssignmentId: `as-${++ids}` })
}
function ok(incident: WorkflowIncident, input: Record<string, unknown>, who: Actor | null) {
  const result = run(incident, input, who)
  if (result instanceof DomainError) throw new Error(`${result.code}: ${result.message}`)
  return result
}
const codeOf = (r: IncidentActionResult | DomainError) => (r instanceof DomainError ? r.code : 'ok')

function assigned(...codes: string[]) {
  let incident = fresh()
  for (const departmentCode of codes)
    incident = ok(incident, { type: 'assign', departmentCode }, operator).next
  return incident
}
const idOf = (incident: WorkflowIncident, code: string) =>
  incident.assignments.find((a) => a.departmentCode === code)?.id ?? 'missing'

describe('incident commands', () => {
  it.each([
    ['grade without a reason', { type: 'grade', grade: 'III', reason: ' ' }, ['reason']],
    ['grade V', { type: 'grade', grade: 'V', reason: 'r' }, ['grade']],
    [
      'assign a malformed department',
      { type: 'assign', departmentCode: 'FIRE!' },
      ['departmentCode'],
    ],
    [
      'assign the same unit twice',
      { type: 'assign', departmentCode: FIRE, unitIds: ['u1', 'u1'] },
      ['unitIds'],
    ],
    ['acknowledge without an assignment', { type: 'acknowledge' }, ['assignmentId']],
    ['close without a summary', { type: 'close', summary: '' }, ['summary']],
    ['an unknown action', { type: 'teleport' }, ['type']],
  ])('%s is VALIDATION naming the field', (_label, input, path) => {
    const result = run(fresh(), input, operator)
    expect(result).toBeInstanceOf(DomainError)
    const error = result as DomainError
    expect(error.code).toBe('VALIDATION')
    expect((error.details as { path: PropertyKey[] }[])[0]?.path).toEqual(path)
  })
})

describe('assignments', () => {
  it('walks notified → acknowledged → enRoute → onScene → finished, stamping each time', () => {
    let incident = assigned(FIRE)
    expect(incident.status).toBe('responding')
    expect(incident.departments).toEqual([FIRE])
    const id = idOf(incident, FIRE)
    for (const type of ['acknowledge', 'enRoute', 'onScene', 'finish'] as const) {
      const before = incident.assignments[0]
      const result = ok(incident, { type, assignmentId: id, note: '完成' }, fireHandler)
      expect(result.assignment?.status).toBe(ASSIGNMENT_STEPS[type].to)
      expect(result.assignment?.[ASSIGNMENT_STEPS[type].at]).toBe(T)
      expect(canTransitionAssignment(before?.status ?? 'finished', ASSIGNMENT_STEPS[type].to)).toBe(
        true,
      )
      expect(result.next.version).toBe(incident.version + 1)
      incident = result.next
    }
    expect(incident.status).toBe('resolved')
    expect(incident.assignments[0]?.note).toBe('完成')
  })

  it('refuses skipping a stage and repeating one (CONFLICT with the status)', () => {
    const incident = assigned(FIRE)
    const id = idOf(incident, FIRE)
    const skip = run(incident, { type: 'onScene', assignmentId: id }, fireHandler)
    expect(codeOf(skip)).toBe('CONFLICT')
    expect((skip as DomainError).details).toMatchObject({ assignmentStatus: 'notified' })
    const acked = ok(incident, { type: 'acknowledge', assignmentId: id }, fireHandler).next
    expect(codeOf(run(acked, { type: 'acknowledge', assignmentId: id }, fireHandler))).toBe(
      'CONFLICT',
    )
  })

  it("lets a handler move only its own department's assignment", () => {
    const incident = assigned(FIRE, EMS)
    const fire = idOf(incident, FIRE)
    expect(codeOf(run(incident, { type: 'acknowledge', assignmentId: fire }, emsHandler))).toBe(
      'FORBIDDEN',
    )
    for (const who of [operator, shiftLead, actor('dispatcher'), actor('leader')])
      expect(codeOf(run(incident, { type: 'acknowledge', assignmentId: fire }, who))).toBe(
        'FORBIDDEN',
      )
    expect(codeOf(run(incident, { type: 'acknowledge', assignmentId: fire }, fireHandler))).toBe(
      'ok',
    )
    const [fireAssignment, emsAssignment] = incident.assignments
    if (!fireAssignment || !emsAssignment) throw new Error('two assignments expected')
    expect(allowedAssignmentActions(incident, fireAssignment, fireHandler)).toEqual(['acknowledge'])
    expect(allowedAssignmentActions(incident, emsAssignment, fireHandler)).toEqual([])
  })

  it('an unknown assignment id is a field error', () => {
    const result = run(assigned(FIRE), { type: 'acknowledge', assignmentId: 'nope' }, fireHandler)
    expect(codeOf(result)).toBe('VALIDATION')
  })

  it('refuses a second open assignment of one department, allows one after it finished', () => {
    let incident = assigned(FIRE)
    const again = run(incident, { type: 'assign', departmentCode: FIRE }, operator)
    expect(codeOf(again)).toBe('CONFLICT')
    expect((again as DomainError).details).toEqual({ reason: 'alreadyAssigned' })
    const id = idOf(incident, FIRE)
    for (const type of ['acknowledge', 'enRoute', 'onScene', 'finish'])
      incident = ok(incident, { type, assignmentId: id }, fireHandler).next
    expect(incident.status).toBe('resolved')
    const reopened = ok(incident, { type: 'assign', departmentCode: FIRE }, shiftLead).next
    expect(reopened.status).toBe('responding')
    expect(reopened.departments).toEqual([FIRE])
    expect(reopened.assignments).toHaveLength(2)
  })
})

describe('grading and closing', () => {
  it('grades up and down with the reason; the same grade is a field error', () => {
    const up = ok(fresh(), { type: 'grade', grade: 'II', reason: '火势蔓延' }, operator)
    expect(up.facts).toEqual({ previousGrade: 'IV', gradeReason: '火势蔓延', isEscalation: true })
    const down = ok(up.next, { type: 'grade', grade: 'III', reason: '已控制' }, shiftLead)
    expect(down.facts).toMatchObject({ isEscalation: false })
    expect(codeOf(run(fresh(), { type: 'grade', grade: 'IV', reason: 'r' }, operator))).toBe(
      'VALIDATION',
    )
    expect(codeOf(run(fresh(), { type: 'grade', grade: 'I', reason: 'r' }, fireHandler))).toBe(
      'FORBIDDEN',
    )
  })

  it('closes only when every assignment is finished, with a summary', () => {
    let incident = assigned(FIRE, EMS)
    const early = run(incident, { type: 'close', summary: '结束' }, operator)
    expect(codeOf(early)).toBe('CONFLICT')
    expect((early as DomainError).message).toContain('2 assignment(s) are not finished')
    expect(allowedIncidentActions(incident, operator)).not.toContain('close')
    for (const [code, who] of [
      [FIRE, fireHandler],
      [EMS, emsHandler],
    ] as const) {
      for (const type of ['acknowledge', 'enRoute', 'onScene', 'finish'])
        incident = ok(incident, { type, assignmentId: idOf(incident, code) }, who).next
    }
    expect(incident.status).toBe('resolved')
    expect(allowedIncidentActions(incident, operator)).toContain('close')
    const closed = ok(incident, { type: 'close', summary: '明火扑灭，伤员送医' }, shiftLead)
    expect(closed.next.status).toBe('closed')
    expect(closed.facts).toEqual({ summary: '明火扑灭，伤员送医' })
    for (const type of INCIDENT_COMMAND_TYPES)
      expect(allowedIncidentActions(closed.next, operator)).not.toContain(type)
  })

  it('the trusted feed (no actor) follows the state rules only', () => {
    expect(codeOf(run(fresh(), { type: 'close', summary: '误报' }, null))).toBe('ok')
    expect(codeOf(run(assigned(FIRE), { type: 'close', summary: 's' }, null))).toBe('CONFLICT')
  })
})

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

describe('random action sequences by random actors', () => {
  const ACTORS = [
    ...ROLES.map((role) => actor(role)),
    fireHandler,
    emsHandler,
    actor('handler', 'gaj110'),
  ]
  const DEPTS = [FIRE, EMS, 'gaj110']

  // Violations are collected rather than asserted one by one: thousands of expect() calls
  // are what makes a property test slow.
  it('never reach an illegal state, and close only with everything finished', () => {
    let closedRuns = 0
    const violations: string[] = []
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed)
      let incident = fresh()
      for (let step = 0; step < 150; step++) {
        const type = pick(r, INCIDENT_COMMAND_TYPES)
        const target = pick(r, [...incident.assignments, null])
        // mostly the right department's handler, so whole lifecycles happen too
        const who = target && r() < 0.6 ? actor('handler', target.departmentCode) : pick(r, ACTORS)
        const input = {
          type,
          assignmentId: target?.id ?? 'ghost',
          departmentCode: pick(r, DEPTS),
          grade: pick(r, ['I', 'II', 'III', 'IV']),
          reason: '理由',
          summary: pick(r, ['总结', '']),
        }
        const allowed = allowedIncidentActions(incident, who)
        const result = run(incident, input, who)
        if (result instanceof DomainError) continue
        const next = result.next
        const open = next.assignments.filter((a) => a.status !== 'finished')
        const checks: [boolean, string][] = [
          [allowed.includes(type), 'applied an action allowedIncidentActions did not offer'],
          [
            next.status === incident.status || canTransitionIncident(incident.status, next.status),
            `moved ${incident.status} → ${next.status}`,
          ],
          [next.version === incident.version + 1, 'version did not advance by one'],
          // responding exactly while some department is still at work; closed with none
          [
            next.status === 'closed'
              ? open.length === 0
              : (next.status === 'responding') === open.length > 0,
            `${next.status} with ${open.length} open assignments`,
          ],
          [
            next.assignments.every((a) => next.departments.includes(a.departmentCode)),
            'an assigned department is not involved',
          ],
        ]
        for (const [ok, what] of checks)
          if (!ok) violations.push(`seed ${seed} step ${step} ${type}: ${what}`)
        incident = next
      }
      if (incident.status === 'closed' && incident.assignments.length > 0) closedRuns++
    }
    expect(violations).toEqual([])
    expect(closedRuns).toBeGreaterThan(0) // closings after whole assignment lifecycles happen
  }, 60_000)

  it('every rule stays within the transition table', () => {
    for (const type of INCIDENT_COMMAND_TYPES) {
      const { from, to } = INCIDENT_WORKFLOW_RULES[type]
      for (const status of from)
        if (to !== null && to !== status) expect(canTransitionIncident(status, to)).toBe(true)
    }
  })
})
