import type { ApiKeyScope } from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, trustBody } from './http'
import { queryKeys } from './query-keys'

/** An API key without its secret; `prefix` lets people recognise it. */
export type ApiKey = {
  id: string
  name: string
  prefix?: string
  scopes: ApiKeyScope[]
  departmentCode: string | null
  createdAt?: string
  lastUsedAt?: string | null
  revokedAt?: string | null
}

export type ApiKeyCreated = ApiKey & { key: string }

export type ApiKeyCreate = { name: string; scopes: ApiKeyScope[]; departmentCode?: string }

export function apiKeysQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.admin.apiKeys(),
    queryFn: async ({ signal }) =>
      trustBody<{ items: ApiKey[] }>(await apiRequest('/admin/api-keys', { signal })).items,
  })
}

/** The answer is the only time the secret is shown. */
export async function createApiKey(input: ApiKeyCreate): Promise<ApiKeyCreated> {
  return trustBody<ApiKeyCreated>(
    await apiRequest('/admin/api-keys', { method: 'POST', body: input }),
  )
}

export async function revokeApiKey(id: string): Promise<void> {
  await apiRequest(`/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
