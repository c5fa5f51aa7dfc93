import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'
import { queryRows } from '../src/db/query-rows'
import { schedulePruning } from '../src/live/prune-events'
import { CASE_ACTION_KEYS } from '../src/services/idempotency/action-key-stores'
import { createIncident } from '../src/services/incidents/create-incident'
import { caseDriver } from './support/case-driver'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// ACTION_KEY_RETENTION_HOURS: Idempotency-Key answers of both workflows are pruned with the
// event log; inside the window a retry still gets the stored answer.

const HOUR = 3_600_000
const FIRE = {
  title: '仓库起火',
  description: '',
  category: 'fire' as const,
  grade: 'IV' as const,
  location: [113.68, 34.78] as [number, number],
  crs: 'WGS84' as const,
  departments: [],
}

describe('ACTION_KEY_RETENTION_HOURS', () => {
  const load = (env: Record<string, string>) => loadConfig({ INIT_CWD: '/srv', ...env }, 'test')
  it('keeps keys 72 hours unless told otherwise, and at least an hour', () => {
    expect(load({}).actionKeyRetentionHours).toBe(72)
    expect(load({ ACTION_KEY_RETENTION_HOURS: '24' }).actionKeyRetentionHours).toBe(24)
    expect(() => load({ ACTION_KEY_RETENTION_HOURS: '0' })).toThrow(/at least 1/)
  })
})

describe.each(DRIVERS)('action key retention on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  const cookies = new Map<string, string>()
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  }, 60_000)
  afterAll(() => t?.dispose())

  const db = () => t.handle.db
  async function act(user: string, path: string, body: Record<string, unknown>, key: string) {
    const session = cookies.get(user) ?? (await loginAs(env.app, user))
    cookies.set(user, session)
    const init = asBrowser(session, 'POST', body)
    const headers = { ...(init.headers as Record<string, string>), 'idempotency-key': key }
    const res = await env.app.request(`${path}/actions`, { ...init, headers })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const newCase = async () => `/api/cases/${(await caseDriver(t, env).report()).id}`
  const newIncident = async () => {
    const who = { actor: null, address: null, source: '119' as const }
    const made = await createIncident(db(), who, FIRE, env.clock.now)
    return `/api/incidents/${made.incident.id}`
  }
  const keysIn = async (table: 'case_action_keys' | 'incident_action_keys') =>
    (await queryRows<{ key: string }>(db(), sql`select key from ${sql.identifier(table)}`)).map(
      (r) => r.key,
    )
  // sessions time out over hours; log in again at the new time
  const moveClock = (to: Date) => {
    env.clock.now = to
    cookies.clear()
  }
  const ACCEPT = { action: 'accept', expectedVersion: 1 }
  const GRADE = { action: 'grade', expectedVersion: 1, grade: 'III', reason: '火势扩大' }

  it('prunes keys of both workflows past the retention; newer ones still replay', async () => {
    const start = env.clock.now
    const oldCases = [await newCase(), await newCase()]
    for (const [i, path] of oldCases.entries()) {
      expect((await act('intake', path, ACCEPT, `old-case-${i}`)).status).toBe(200)
    }
    const oldIncident = await newIncident()
    expect((await act('operator', oldIncident, GRADE, 'old-incident')).status).toBe(200)
    moveClock(new Date(start.getTime() + 9 * HOUR))
    const keptCase = await newCase()
    const caseAnswer = await act('intake', keptCase, ACCEPT, 'kept-case')
    // the pruning runs 80 h after the first actions: 71 h after the kept case's
    moveClock(new Date(start.getTime() + 80 * HOUR))
    const keptIncident = await newIncident()
    const incidentAnswer = await act('operator', keptIncident, GRADE, 'kept-incident')
    expect([caseAnswer.status, incidentAnswer.status]).toEqual([200, 200])

    const lines: string[] = []
    const pruned = new Promise<void>((resolve) => {
      const stop = schedulePruning(
        db(),
        { eventHours: 10_000, actionKeyHours: 72 },
        () => env.clock.now,
        (line) => {
          lines.push(line)
          if (!line.startsWith('action keys:')) return
          stop()
          resolve()
        },
        HOUR,
      )
    })
    await pruned
    expect(lines).toEqual(['action keys: pruned 3 Idempotency-Keys older than 72 h'])
    expect(await keysIn('case_action_keys')).toEqual(['kept-case'])
    expect(await keysIn('incident_action_keys')).toEqual(['kept-incident'])

    // inside the window a retry is answered from the store, not applied again
    expect(await act('intake', keptCase, ACCEPT, 'kept-case')).toEqual(caseAnswer)
    expect(await act('operator', keptIncident, GRADE, 'kept-incident')).toEqual(incidentAnswer)
    // past it the key is forgotten: the old request is applied afresh and its version is stale
    expect(await act('intake', oldCases[0] ?? '', ACCEPT, 'old-case-0')).toMatchObject({
      status: 409,
      body: { code: 'STALE_VERSION' },
    })
  }, 60_000)

  it('deletes a backlog in slices until none is left', async () => {
    const old = new Date('2026-01-01T00:00:00Z')
    const keys = Array.from({ length: 5 }, (_, i) => `backlog-${i}`)
    await db().transaction(async (tx) => {
      for (const key of keys) {
        const ref = CASE_ACTION_KEYS.refOf('u-backlog', key, 'case-x', { key })
        await CASE_ACTION_KEYS.store(tx, ref, 'case-x', { ok: key }, old)
      }
    })
    const cutoff = new Date(old.getTime() + HOUR)
    expect(await CASE_ACTION_KEYS.prune(db(), cutoff, 2)).toBe(5)
    expect((await keysIn('case_action_keys')).filter((k) => k.startsWith('backlog-'))).toEqual([])
  })
})
