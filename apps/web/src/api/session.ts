import { ROLES } from '@cityops/domain'
import type { Role } from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { ApiError, isNotFound } from './errors'
import { apiRequest, trustBody } from './http'
import { queryKeys } from './query-keys'

export type DepartmentRef = { code: string; name: string; nameEn: string }

/** `GET /api/me` (docs/API.md). */
export type Me = {
  user: {
    id: string
    username: string
    displayName: string
    role: Role
    departmentCode: string | null
    department: DepartmentRef | null
  }
  permissions: string[]
  mfa: { enabled: boolean; required: boolean }
  session: { idleExpiresAt: string; absoluteExpiresAt: string }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

// Role drives every screen, so an answer without a known role is refused rather than guessed.
function toMe(body: unknown): Me {
  const me = trustBody<Me>(body)
  if (typeof me !== 'object' || me === null || !isRole(me.user?.role)) {
    throw new Error('The server answered /api/me without a known role')
  }
  return me
}

/** The signed-in user, or null when there is no session (401 is "logged out", not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return toMe(await apiRequest('/me', { signal }))
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    // Changes only through login, logout and the account dialogs, which update it themselves.
    staleTime: Infinity,
  })
}

export type DemoAccount = { username: string; role: Role; departmentCode: string | null }
export type DemoInfo = { demo: boolean; accounts: DemoAccount[] }

const NO_DEMO: DemoInfo = { demo: false, accounts: [] }

/** `GET /api/auth/demo`; a server without the endpoint is simply not in demo mode. */
export async function fetchDemoInfo(signal?: AbortSignal): Promise<DemoInfo> {
  try {
    const info = trustBody<Partial<DemoInfo> | undefined>(
      await apiRequest('/auth/demo', { signal }),
    )
    if (info?.demo !== true || !Array.isArray(info.accounts)) return NO_DEMO
    return { demo: true, accounts: info.accounts.filter((a) => isRole(a.role)) }
  } catch (error) {
    if (isNotFound(error)) return NO_DEMO
    throw error
  }
}

export function demoInfoQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session.demo(),
    queryFn: ({ signal }) => fetchDemoInfo(signal),
    staleTime: Infinity,
    retry: false,
  })
}

export type LoginInput = { username: string; password: string; totp?: string }

export async function login(input: LoginInput): Promise<Me> {
  return toMe(await apiRequest('/auth/login', { method: 'POST', body: input }))
}

export async function logout(): Promise<void> {
  await apiRequest('/auth/logout', { method: 'POST' })
}

export type PasswordChange = { currentPassword: string; newPassword: string }

export async function changePassword(input: PasswordChange): Promise<void> {
  await apiRequest('/me/password', { method: 'POST', body: input })
}

export type MfaSetup = { secret: string; otpauthUrl: string }

export async function setupMfa(): Promise<MfaSetup> {
  return trustBody<MfaSetup>(await apiRequest('/me/mfa/setup', { method: 'POST' }))
}

export async function enableMfa(code: string): Promise<void> {
  await apiRequest('/me/mfa/enable', { method: 'POST', body: { code } })
}

export async function disableMfa(code: string): Promise<void> {
  await apiRequest('/me/mfa/disable', { method: 'POST', body: { code } })
}
