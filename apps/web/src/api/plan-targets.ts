import type { CaseGoals, PlanTarget } from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, trustBody } from './http'

/** `GET /api/admin/plan-targets`: the stored case goals (version 0 = the built-in defaults). */
export type StoredPlanTargets = {
  goals: CaseGoals
  version: number
  updatedAt: string | null
  updatedBy: string | null
  targets: PlanTarget[]
}

export const planTargetsKey = ['admin', 'plan-targets'] as const

export function adminPlanTargetsQueryOptions() {
  return queryOptions({
    queryKey: planTargetsKey,
    queryFn: async ({ signal }) =>
      trustBody<StoredPlanTargets>(await apiRequest('/admin/plan-targets', { signal })),
  })
}

/** `PUT /api/admin/plan-targets`: 409 when someone saved in between (the BFF says so). */
export async function savePlanTargets(
  expectedVersion: number,
  goals: CaseGoals,
): Promise<StoredPlanTargets> {
  return trustBody<StoredPlanTargets>(
    await apiRequest('/admin/plan-targets', { method: 'PUT', body: { expectedVersion, goals } }),
  )
}
