import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { readReplay } from '../src/services/history/read-replay'
import { caseFacts, createCaseWorkflowFeed } from '../src/simulator/case-workflow-feed'
import { planCaseWorkflow } from '../src/simulator/case-workflow-plan'
import { prepareSimulatedCity } from '../src/simulator/simulated-city'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The history backfill works its simulated cases through the real workflow (the same write as
// POST /api/cases/:id/actions) as the demo accounts, at historical times. A sample of ten days
// of reports keeps this quick; seed:history does every report the same way.

const FROM = new Date('2026-11-06T00:00:00+08:00')
const TO = new Date('2026-11-20T17:30:00+08:00')

describe.each(DRIVERS)('simulated case workflow on %s', { timeout: 600_000 }, (driver) => {
  let t: TestDatabase
  let reported = 0
  let worked: Awaited<ReturnType<Awaited<ReturnType<typeof createCaseWorkflowFeed>>['applyDue']>>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    const city = await prepareSimulatedCity(t.handle.db, 'workflow')
    const workflow = await createCaseWorkflowFeed(t.handle.db, 'workflow')
    expect(workflow.isReady).toBe(true)
    const sample = city.cases.casesBetween(FROM, TO).filter((_, i) => i % 40 === 0)
    const written = await city.cases.write(t.handle.db, sample)
    expect(written.failed).toEqual([])
    reported = written.created
    workflow.plan(sample.map((c) => caseFacts(city, c)))
    worked = await workflow.applyDue(t.handle.db, TO)
  }, 600_000)
  afterAll(() => t?.dispose())

  const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    (await queryRows<T>(t.handle.db, query))[0]

  it('closes most cases, on time or late, with returns, extensions and rework', async () => {
    expect(worked.failed).toEqual([])
    expect(reported).toBeGreaterThan(60)
    const states = await queryRows<{ status: string; n: number }>(
      t.handle.db,
      sql`select status, count(*)::int as n from city_cases group by status`,
    )
    const count = (s: string) => states.find((r) => r.status === s)?.n ?? 0
    expect(count('CLOSED')).toBe(worked.closed)
    expect(count('CLOSED') / reported).toBeGreaterThan(0.6)
    expect(count('INVALID') + count('NOT_FILED')).toBeGreaterThan(0)
    // reports of the last hours are still being worked at the end of the window
    expect(reported - count('CLOSED') - count('INVALID') - count('NOT_FILED')).toBeGreaterThan(0)

    const timing = await one<{ onTime: number; late: number; reworked: number }>(
      sql`select count(*) filter (where updated_at <= deadline)::int as "onTime",
            count(*) filter (where updated_at > deadline)::int as late,
            count(*) filter (where rework_count > 0)::int as reworked
          from city_cases where status = 'CLOSED'`,
    )
    expect(timing?.onTime).toBeGreaterThan(timing?.late ?? 0)
    expect(timing?.late).toBeGreaterThan(0)
    expect(timing?.reworked).toBeGreaterThan(0)
    const actions = await queryRows<{ action: string }>(
      t.handle.db,
      sql`select distinct action from case_actions`,
    )
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'accept',
        'verify',
        'file',
        'dispatch',
        'approveReturn',
        'approveExtension',
        'dispose',
        'checkFail',
        'checkPass',
        'close',
      ]),
    )
    // every action is the real write: its audit entry and its event, at the action's time
    const written = await one<{ missingAudit: number; missingEvent: number }>(
      sql`select
            count(*) filter (where not exists (select 1 from audit_log a where a.object_id = ca.case_id
              and a.action = 'case.' || ca.action and a.at = ca.at))::int as "missingAudit",
            count(*) filter (where not exists (select 1 from events e where e.entity_id = ca.case_id
              and e.version = ca.version))::int as "missingEvent"
          from case_actions ca`,
    )
    expect(written).toEqual({ missingAudit: 0, missingEvent: 0 })
  })

  it('shows the decisions in the replay with the demo accounts as actors', async () => {
    const page = await readReplay(t.handle.db, {
      from: FROM.toISOString(),
      to: TO.toISOString(),
      limit: 1000,
    })
    const decisions = page.items.filter((i) => i.kind === 'decision')
    expect(decisions.length).toBeGreaterThan(400)
    const roles = new Set(decisions.map((d) => d.actor?.role))
    expect([...roles].sort()).toEqual(['dispatcher', 'handler', 'inspector', 'intake', 'shiftLead'])
    const dispatch = decisions.find((d) => d.category === 'dispatch')
    expect(dispatch?.actor?.name).toBe('派遣员（演示）')
    expect(dispatch?.summary.zh).toMatch(/^派遣员（演示）（派遣员）派遣至 /)
  })
})

describe('the case workflow plan', () => {
  it('is the same script for the same seed and case, another for another seed', () => {
    const facts = {
      id: 'sim-x-42',
      at: new Date('2026-11-18T09:00:00+08:00'),
      kind: 'event' as const,
      channel: 'wechat',
      department: 'cgj',
      gridCode: '41010500100101',
    }
    const script = (seed: string) => {
      const ctx = { dispatchedAt: facts.at, deadline: new Date('2026-11-19T09:00:00+08:00') }
      let at = facts.at
      return planCaseWorkflow(seed, facts).map((s) => {
        at = s.at(at, ctx)
        return `${s.user} ${s.command(ctx).type} ${at.toISOString()}`
      })
    }
    expect(script('a')).toEqual(script('a'))
    expect(script('a')).not.toEqual(script('b'))
  })
})
