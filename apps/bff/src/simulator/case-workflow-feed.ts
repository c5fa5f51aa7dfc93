import { routeDepartment, userActor, type Role } from '@cityops/domain'
import { like, or, inArray } from 'drizzle-orm'
import type { Database } from '../db/client'
import { users } from '../db/schema'
import { runCaseAction } from '../services/case-workflow/run-case-action'
import type { Who } from '../services/case-workflow/write-case-action'
import type { SimulatedCase } from './case-feed'
import { hashString } from './models'
import type { SimulatedCity } from './simulated-city'
import { TimeQueue } from './time-queue'
import {
  planCaseWorkflow,
  type CaseFacts,
  type PlannedStep,
  type StepContext,
} from './case-workflow-plan'

export interface CaseWorkflowResult {
  actions: number
  closed: number
  failed: { id: string; error: string }[]
}

export interface CaseWorkflowFeed {
  /** False when the demo accounts that act are missing (no demo mode): nothing is planned. */
  readonly isReady: boolean
  plan(cases: readonly CaseFacts[]): void
  /** Applies every planned step due before `until`, oldest first, at its own time. */
  applyDue(db: Database, until: Date): Promise<CaseWorkflowResult>
}

interface Pending {
  key: string
  caseId: string
  steps: PlannedStep[]
  index: number
  at: Date
  ctx: StepContext
}

const ROLE_ACCOUNTS = ['intake', 'inspector', 'shiftlead', 'dispatcher']

/**
 * Works the simulated cases through the real workflow as the seeded demo accounts (受理员,
 * 监督员, 值班长, 派遣员, handler-<dept>), each action at its historical time. A case whose
 * step is refused (a person changed it meanwhile, an account is missing) stops there.
 */
export async function createCaseWorkflowFeed(
  db: Database,
  seed: string,
): Promise<CaseWorkflowFeed> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      departmentCode: users.departmentCode,
    })
    .from(users)
    .where(or(inArray(users.username, ROLE_ACCOUNTS), like(users.username, 'handler-%')))
  const actors = new Map<string, Who>(
    rows.map((u) => [
      u.username,
      { actor: userActor({ ...u, role: u.role as Role }), address: null },
    ]),
  )
  const queue = new TimeQueue<Pending>()
  const isReady = ROLE_ACCOUNTS.every((name) => actors.has(name))
  return {
    isReady,
    plan(cases) {
      if (!isReady) return
      for (const c of cases) {
        // a department without a demo handler (inactive, renamed) leaves it to the city bureau
        const department = actors.has(`handler-${c.department}`) ? c.department : 'cgj'
        const steps = planCaseWorkflow(seed, { ...c, department })
        const ctx: StepContext = { dispatchedAt: null, deadline: null }
        const first = steps[0]
        if (first)
          queue.push({ key: c.id, caseId: c.id, steps, index: 0, at: first.at(c.at, ctx), ctx })
      }
    },
    async applyDue(db2, until) {
      const result: CaseWorkflowResult = { actions: 0, closed: 0, failed: [] }
      for (;;) {
        const next = queue.peek()
        if (!next || next.at.getTime() >= until.getTime()) return result
        queue.pop()
        const step = next.steps[next.index]
        if (!step) continue
        const who = actors.get(step.user)
        if (!who) {
          result.failed.push({ id: next.caseId, error: `no demo account ${step.user}` })
          continue
        }
        try {
          const command = step.command(next.ctx)
          const { case: view } = await runCaseAction(db2, who, next.caseId, command, next.at)
          result.actions++
          if (command.type === 'dispatch') next.ctx.dispatchedAt = next.at
          next.ctx.deadline = view.deadline ? new Date(view.deadline) : null
          if (view.status === 'CLOSED') result.closed++
        } catch (error) {
          result.failed.push({ id: next.caseId, error: String(error) })
          continue
        }
        const following = next.steps[next.index + 1]
        if (following) {
          queue.push({ ...next, index: next.index + 1, at: following.at(next.at, next.ctx) })
        }
      }
    },
  }
}

/** What the workflow plan needs of a simulated report: channel, suggested department, grid. */
export function caseFacts(city: SimulatedCity, c: SimulatedCase): CaseFacts {
  const { kind, categoryCode, location, reporter } = c.value
  const district = city.geo.districts.codeAt(location)
  // 14 digits: 街道 (9) + community (3) + grid (2), GB/T 30428.1 practice (DOMAIN.md §2.1) [U]
  const township = city.geo.townships.codeAt(location) ?? `${district ?? '410102'}000`
  const n = hashString(`${c.id}/grid`)
  const gridCode = `${township}${String(1 + (n % 20)).padStart(3, '0')}${String(1 + ((n >>> 8) % 30)).padStart(2, '0')}`
  return {
    id: c.id,
    at: c.at,
    kind,
    channel: reporter === 'inspector' ? 'inspector' : 'wechat',
    department: (district && routeDepartment(kind, categoryCode, district)) || 'cgj',
    gridCode,
  }
}
