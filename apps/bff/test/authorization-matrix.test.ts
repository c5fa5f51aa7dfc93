import { can, ROLES, type Actor, type Role } from '@cityops/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isGuard, type Access } from '../src/http/guard'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, type TestDatabase } from './support/test-databases'

// Generated from the app's own route table: every API route × every role × own/other
// department. A route registered without a guard fails the first test.

const OWN = 'cgj' // the department of the handler account used below
const OTHER = 'sthjj'
const ACCOUNT: Record<Role, string> = {
  inspector: 'inspector',
  intake: 'intake',
  shiftLead: 'shiftlead',
  dispatcher: 'dispatcher',
  handler: `handler-${OWN}`,
  operator: 'operator',
  leader: 'leader',
  admin: 'admin',
}

interface RouteEntry {
  method: string
  path: string
  access: Access
}

let t: TestDatabase
let env: ReturnType<typeof testApp>
const cookies = new Map<Role, string>()

beforeAll(async () => {
  t = await createTestDatabase('pglite')
  env = testApp(t.handle)
})
afterAll(() => t?.dispose())

function apiRoutes() {
  const guarded = (path: string) => path.startsWith('/api/') || path.startsWith('/open311/')
  const entries = env.app.routes.filter((r) => guarded(r.path) && r.method !== 'ALL')
  const byKey = new Map<string, { method: string; path: string; guards: Access[] }>()
  for (const r of entries) {
    const key = `${r.method} ${r.path}`
    const entry = byKey.get(key) ?? { method: r.method, path: r.path, guards: [] }
    if (isGuard(r.handler)) entry.guards.push(r.handler.access)
    byKey.set(key, entry)
  }
  return [...byKey.values()]
}

function concretePath(path: string, department: string) {
  return path.replace(':code', department).replace(':id', '00000000-0000-4000-8000-000000000000')
}

const actorFor = (role: Role): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  role,
  departmentCode: role === 'handler' ? OWN : null,
})

// Routes addressed by department code target that department; routes addressed by an object
// id get a made-up id here, i.e. an object with no departments — as a missing object would.
function expectedAllowed(
  access: Access,
  role: Role | null,
  department: string,
  path: string,
): boolean {
  if (access.kind === 'public') return true
  if (!role) return false
  if (access.kind === 'authenticated') return true
  const departments = path.includes(':code') ? [department] : []
  const target = access.target ? { departmentCodes: departments } : undefined
  return can(actorFor(role), access.permission, target)
}

// The reviewed policy of every route. Adding a route means adding its line here.
const EXPECTED_POLICY: Record<string, string> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/demo': 'public',
  'GET /api/me': 'authenticated',
  'POST /api/me/password': 'self.changePassword',
  'POST /api/me/mfa/setup': 'self.manageMfa',
  'POST /api/me/mfa/enable': 'self.manageMfa',
  'POST /api/me/mfa/disable': 'self.manageMfa',
  'GET /api/departments': 'authenticated',
  'GET /api/case-categories': 'authenticated',
  'GET /api/departments/:code': 'case.read@department',
  'GET /api/departments/:code/incident-assignments': 'incident.read@department',
  'GET /api/admin/users': 'user.manage',
  'POST /api/admin/users': 'user.manage',
  'PATCH /api/admin/users/:id': 'user.manage',
  'POST /api/admin/users/:id/password': 'user.manage',
  'POST /api/admin/departments': 'department.manage',
  'PATCH /api/admin/departments/:code': 'department.manage',
  'GET /api/admin/api-keys': 'apiKey.manage',
  'POST /api/admin/api-keys': 'apiKey.manage',
  'DELETE /api/admin/api-keys/:id': 'apiKey.manage',
  // 处置时限 configuration: category limits are reference data
  'GET /api/admin/case-sla': 'caseCategory.manage',
  'PUT /api/admin/case-sla': 'caseCategory.manage',
  'GET /api/admin/plan-targets': 'caseCategory.manage',
  'PUT /api/admin/plan-targets': 'caseCategory.manage',
  'GET /api/analytics/replay': 'thematic.view',
  'GET /api/analytics/targets': 'thematic.view',
  'GET /api/audit': 'audit.read',
  'GET /api/audit/export.csv': 'audit.export',
  'GET /api/incidents': 'incident.read',
  'POST /api/incidents': 'incident.create',
  'GET /api/layers/incidents': 'incident.read',
  'GET /api/layers/traffic': 'thematic.view',
  'GET /api/layers/environment': 'thematic.view',
  'GET /api/layers/units': 'unit.read',
  'GET /api/layers/cases': 'case.read',
  'GET /api/events': 'authenticated',
  'POST /api/ingest/environment': 'ingest.environment',
  'POST /api/ingest/traffic': 'ingest.traffic',
  'POST /api/ingest/cap': 'ingest.cap',
  'GET /api/incidents/:id/cap': 'incident.read@department',
  'GET /api/incidents/:id': 'incident.read',
  'POST /api/incidents/:id/actions': 'incident.read',
  'GET /api/incidents/:id/unit-suggestions': 'incident.assign',
  'GET /api/cases': 'case.read',
  'POST /api/cases': 'case.report',
  // scoped in the service (another department's case is 404); the workflow action's own
  // role/department check is the domain's applyCaseAction (403), see case-actions.test.ts
  'GET /api/cases/:id': 'case.read',
  'POST /api/cases/:id/actions': 'case.read',
  // case photos: scoped in the service like the case (404); who may add them when is the
  // domain's evidenceUploadDenial (403), see evidence.test.ts
  'GET /api/cases/:id/evidence': 'case.read',
  'POST /api/cases/:id/evidence': 'case.read',
  'GET /api/evidence/:id': 'case.read',
  // scoped in the service like the case (404 outside the department)
  'GET /api/cases/:id/suggestion': 'case.read',
  // the operations wall: alarms are city-wide, read like the alerts live topic
  'GET /api/alarms': 'alert.read',
  'POST /api/alarms/:id/acknowledge': 'alarm.acknowledge',
  // handlers get their departments' figures; sections needing other permissions are null
  'GET /api/kpis/wall': 'incident.read',
  // 综合评价: handlers get their department's rows only
  'GET /api/kpis/cases': 'case.read',
  // an entity's events, filtered per event like live push (other departments' → 404)
  'GET /api/timeline/incidents/:id': 'incident.read',
  'GET /api/timeline/cases/:id': 'case.read',
  'GET /api/timeline/alerts/:id': 'alert.read',
  'GET /api/timeline/:topic/:id': 'authenticated',
  // the thematic map (#7): city-wide aggregates, like the traffic and environment layers
  'GET /api/analytics/indicators': 'thematic.view',
  'GET /api/analytics/choropleth': 'thematic.view',
  'GET /api/analytics/timeseries': 'thematic.view',
  'GET /api/analytics/areas': 'thematic.view',
  // Open311 GeoReport v2: public reads (no reporter data), writes by API key only
  'GET /open311/v2/services.json': 'public',
  'GET /open311/v2/services/:file': 'public',
  'POST /open311/v2/requests.json': 'ingest.open311',
  'GET /open311/v2/requests.json': 'public',
  'GET /open311/v2/requests/:file': 'public',
  'GET /open311/v2/tokens/:file': 'public',
}

const describeAccess = (a: Access) =>
  a.kind === 'permission' ? `${a.permission}${a.target ? '@department' : ''}` : a.kind

describe('authorization matrix', () => {
  it('every API route declares exactly one access policy, the reviewed one', () => {
    const routes = apiRoutes()
    const unguarded = routes
      .filter((r) => r.guards.length !== 1)
      .map((r) => `${r.method} ${r.path}`)
    expect(unguarded).toEqual([])
    const declared = Object.fromEntries(
      routes.map((r) => [
        `${r.method} ${r.path}`,
        r.guards[0] ? describeAccess(r.guards[0]) : 'none',
      ]),
    )
    expect(declared).toEqual(EXPECTED_POLICY)
  })

  it('allows and denies every route for every role and department as the policy says', async () => {
    const routes: RouteEntry[] = apiRoutes().flatMap((r) =>
      r.guards[0] ? [{ ...r, access: r.guards[0] }] : [],
    )
    const mismatches: string[] = []
    for (const route of routes) {
      if (route.path === '/api/auth/logout' || route.path === '/api/auth/login') continue // below
      const departments = route.path.includes(':code') ? [OWN, OTHER] : [OWN]
      for (const role of [null, ...ROLES] as const) {
        for (const department of departments) {
          const cookie = role ? await cookieFor(role) : null
          const body = route.method === 'GET' ? undefined : {}
          const res = await env.app.request(
            concretePath(route.path, department),
            asBrowser(cookie, route.method, body),
          )
          const allowed = expectedAllowed(route.access, role, department, route.path)
          const denied = res.status === 401 || res.status === 403
          if (allowed === denied) {
            mismatches.push(
              `${route.method} ${route.path} as ${role ?? 'anonymous'} (${department}): ${res.status}, expected ${allowed ? 'allowed' : 'denied'}`,
            )
          }
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('lets anyone log in and only a logged-in user log out', async () => {
    const anonymous = await env.app.request('/api/auth/logout', asBrowser(null, 'POST', {}))
    expect(anonymous.status).toBe(401)
    const cookie = await loginAs(env.app, 'inspector')
    expect((await env.app.request('/api/auth/logout', asBrowser(cookie, 'POST', {}))).status).toBe(
      204,
    )
  })
})

async function cookieFor(role: Role) {
  const existing = cookies.get(role)
  if (existing) return existing
  const cookie = await loginAs(env.app, ACCOUNT[role])
  cookies.set(role, cookie)
  return cookie
}
