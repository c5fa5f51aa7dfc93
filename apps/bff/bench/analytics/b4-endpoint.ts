import type { ChoroplethResult } from '@cityops/domain'
import type { DatabaseHandle } from '../../src/db/client'
import { seedDemoAccounts } from '../../src/services/users/seed-demo-accounts'
import { asBrowser, loginAs } from '../../test/support/sessions'
import { testApp } from '../../test/support/test-app'
import { B4_LEVELS, type B4Level } from './b4-measure'
import { summarizeLatency, type LatencySummary } from './latency-summary'

// The same map once more through the app: GET /api/analytics/choropleth as the leader's
// browser asks for it (session, guard, query parsing, JSON), in-process with app.request, so
// what the service measurement leaves out is visible. No background jobs run here: the SLA
// watch would otherwise start escalating the history's overdue cases.

export interface B4EndpointResult {
  indicator: 'incidents.count'
  level: B4Level
  latency: LatencySummary
}

export async function measureEndpoint(
  handle: DatabaseHandle,
  window: { from: string; to: string },
  rounds: number,
): Promise<B4EndpointResult[]> {
  await seedDemoAccounts(handle.db, new Date())
  const { app } = testApp(handle)
  const cookie = await loginAs(app, 'leader')
  const results: B4EndpointResult[] = []
  for (const level of B4_LEVELS) {
    const params = new URLSearchParams({ indicator: 'incidents.count', level, ...window })
    const get = async () => {
      const res = await app.request(`/api/analytics/choropleth?${params}`, asBrowser(cookie))
      if (res.status !== 200) throw new Error(`B4 endpoint: ${res.status} ${await res.text()}`)
      const body = (await res.json()) as ChoroplethResult
      if (body.areas.length === 0) throw new Error('B4 endpoint: no areas')
    }
    await get()
    const ms: number[] = []
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now()
      await get()
      ms.push(performance.now() - t0)
    }
    results.push({ indicator: 'incidents.count', level, latency: summarizeLatency(ms) })
  }
  return results
}
