import type { Role } from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, trustBody } from './http'
import { queryKeys } from './query-keys'

/** A user as administration sees it (docs/API.md `AdminUser`; `lastLoginAt` may be absent). */
export type AdminUser = {
  id: string
  username: string
  displayName: string
  role: Role
  departmentCode: string | null
  active: boolean
  lastLoginAt?: string | null
  mfaEnabled?: boolean
}

export function adminUsersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.admin.users(),
    queryFn: async ({ signal }) =>
      trustBody<{ items: AdminUser[] }>(await apiRequest('/admin/users', { signal })).items,
  })
}

export type UserCreate = {
  username: string
  displayName: string
  role: Role
  departmentCode?: string
  password: string
}

export type UserPatch = {
  displayName?: string
  role?: Role
  departmentCode?: string | null
  active?: boolean
}

export async function createUser(input: UserCreate): Promise<AdminUser> {
  return trustBody<AdminUser>(await apiRequest('/admin/users', { method: 'POST', body: input }))
}

export async function updateUser(id: string, patch: UserPatch): Promise<AdminUser> {
  return trustBody<AdminUser>(
    await apiRequest(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  )
}

export async function resetUserPassword(id: string, password: string): Promise<void> {
  await apiRequest(`/admin/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: { password },
  })
}
