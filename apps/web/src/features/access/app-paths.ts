import { can, userActor } from '@cityops/domain'
import type { Permission, Role, UserActor } from '@cityops/domain'
import type { Me } from '../../api/session'

export const LOGIN_PATH = '/login'

// Each page and the permission it is for: the nav shows a page only when the policy allows
// it, and the page checks again (the BFF has the last word on every request).
export const PAGES = {
  overview: { path: '/', permission: 'wall.view' },
  thematic: { path: '/thematic', permission: 'thematic.view' },
  incidents: { path: '/incidents', permission: 'incident.read' },
  dispatch: { path: '/dispatch', permission: 'case.dispatch' },
  field: { path: '/field', permission: 'case.verify' },
  intake: { path: '/intake', permission: 'case.accept' },
  shift: { path: '/shift', permission: 'case.file' },
  users: { path: '/admin/users', permission: 'user.manage' },
  departments: { path: '/admin/departments', permission: 'department.manage' },
  apiKeys: { path: '/admin/api-keys', permission: 'apiKey.manage' },
  planTargets: { path: '/admin/targets', permission: 'caseCategory.manage' },
  audit: { path: '/audit', permission: 'audit.read' },
} as const satisfies Record<string, { path: string; permission: Permission }>

export type PageName = keyof typeof PAGES

export const departmentPath = (code: string) => `/departments/${encodeURIComponent(code)}`

export const actorOf = (me: Me): UserActor => userActor(me.user)

// A department desk is for the department's own people: whoever may dispose its cases.
export const canWorkForDepartment = (actor: UserActor, code: string) =>
  can(actor, 'case.dispose', { departmentCodes: [code] })

// Where each role lands after login. Not a permission rule: which page is "theirs".
const ROLE_HOMES: Record<Role, (me: Me) => string> = {
  operator: () => PAGES.overview.path,
  leader: () => PAGES.thematic.path,
  dispatcher: () => PAGES.dispatch.path,
  inspector: () => PAGES.field.path,
  intake: () => PAGES.intake.path,
  shiftLead: () => PAGES.shift.path,
  admin: () => PAGES.users.path,
  // A handler without a department is a broken account; the overview will say it is forbidden.
  handler: (me) =>
    me.user.departmentCode ? departmentPath(me.user.departmentCode) : PAGES.overview.path,
}

export const homePath = (me: Me): string => ROLE_HOMES[me.user.role](me)

/** Whether the policy lets `actor` open an app path (pathname only); unknown paths: no. */
export function canOpenPath(actor: UserActor, pathname: string): boolean {
  const department = /^\/departments\/([a-z0-9-]+)\/?$/.exec(pathname)
  if (department?.[1]) return can(actor, 'case.read', { departmentCodes: [department[1]] })
  return Object.values(PAGES).some((p) => p.path === pathname && can(actor, p.permission))
}

const PROBE_ORIGIN = 'http://cityops.invalid'

/** `next` as an in-app path (path, query, hash), or null when it points elsewhere. */
export function sameAppPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null
  let url: URL
  try {
    url = new URL(next, PROBE_ORIGIN)
  } catch {
    return null
  }
  if (url.origin !== PROBE_ORIGIN || url.pathname === LOGIN_PATH) return null
  return `${url.pathname}${url.search}${url.hash}`
}

/** After login: `next` when it is an in-app path the user may open, else the role's home. */
export function landingPath(me: Me, next: string | null): string {
  const path = sameAppPath(next)
  if (path && canOpenPath(actorOf(me), new URL(path, PROBE_ORIGIN).pathname)) return path
  return homePath(me)
}
