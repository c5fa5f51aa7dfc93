import os from 'node:os'
import path from 'node:path'
import { createApp, type AppDeps } from '../../src/app'
import type { DatabaseHandle } from '../../src/db/client'
import { createLiveHub } from '../../src/realtime/live-hub'
import { diskEvidenceStore } from '../../src/services/evidence/disk-evidence-store'

// Photos of tests that do not choose a folder: created only when a test uploads one.
const TEST_EVIDENCE_DIR = path.join(os.tmpdir(), `cityops-test-evidence-${process.pid}`)

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
    evidence: { store: diskEvidenceStore(TEST_EVIDENCE_DIR), maxBytes: 10 * 1024 * 1024 },
    ...overrides,
  }
  return { app: createApp(deps), deps, clock }
}
