import type { Department, DepartmentKind } from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, trustBody } from './http'
import { queryKeys } from './query-keys'

/** A department as the BFF lists it (a database row: no district is null, not absent). */
export type DepartmentItem = {
  code: string
  name: string
  nameEn: string
  kind: DepartmentKind
  districtCode?: string | null
  active?: boolean
}

/** `GET /api/departments/:code`; open work per department arrives with the dispatch issue. */
export type DepartmentDetail = { department: DepartmentItem; activeHandlers: number }

export function departmentsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.departments.list(),
    queryFn: async ({ signal }) =>
      trustBody<{ items: DepartmentItem[] }>(await apiRequest('/departments', { signal })).items,
  })
}

/** `GET /api/departments/:code`; a handler of another department gets the BFF's 403. */
export function departmentQueryOptions(code: string) {
  return queryOptions({
    queryKey: queryKeys.departments.detail(code),
    queryFn: async ({ signal }) =>
      trustBody<DepartmentDetail>(
        await apiRequest(`/departments/${encodeURIComponent(code)}`, { signal }),
      ),
  })
}

export type DepartmentCreate = Pick<Department, 'code' | 'name' | 'nameEn' | 'kind'> & {
  districtCode?: string
}
export type DepartmentPatch = { name?: string; nameEn?: string; active?: boolean }

export async function createDepartment(input: DepartmentCreate): Promise<void> {
  await apiRequest('/admin/departments', { method: 'POST', body: input })
}

export async function updateDepartment(code: string, patch: DepartmentPatch): Promise<void> {
  await apiRequest(`/admin/departments/${encodeURIComponent(code)}`, {
    method: 'PATCH',
    body: patch,
  })
}
