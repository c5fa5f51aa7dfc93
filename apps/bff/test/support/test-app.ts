import { createApp, type AppDeps } from '../../src/app'
import type { DatabaseHandle } from '../../src/db/client'
import { createLiveHub } from '../../src/realtime/live-hub'

/** The real app on a test database; `clock` can be moved to test timeouts. */
export function testApp(database: DatabaseHandle, overrides: Partial<AppDeps> = {}) {
  const clock = { now: new Date('2026-11-20T02:00:00Z') }
  const deps: AppDeps = {
    database,
    version: '9.9.9',
    staticRoots: null,
    clock: () => clock.now,
    live: createLiveHub(),
    demoAccounts: true,
    requireMfa: false,
    allowedOrigins: [],
    cookieSecure: 'auto',
    trustProxy: false,
    writeLimit: { burst: 1000, perSecond: 1000 },
    ...overrides,
  }
  return { app: createApp(deps), deps, clock }
}
