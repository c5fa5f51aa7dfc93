import { useRef } from 'react'
import { newIdempotencyKey } from '../../api/cases'
import { useCaseAction } from '../cases/use-case-action'

/**
 * 派遣 of one case to a department in one step (a suggestion's button, the `d` key). Each
 * case-and-department intent keeps its Idempotency-Key until it succeeds, so pressing again
 * after a lost answer cannot dispatch twice.
 */
export function useDispatchTo(caseId: string) {
  const mutation = useCaseAction(caseId)
  const keys = useRef(new Map<string, string>())
  const dispatchTo = (departmentCode: string, expectedVersion: number) => {
    const key = keys.current.get(departmentCode) ?? newIdempotencyKey()
    keys.current.set(departmentCode, key)
    mutation.mutate(
      { request: { action: 'dispatch', expectedVersion, departmentCode }, idempotencyKey: key },
      { onSuccess: () => keys.current.delete(departmentCode) },
    )
  }
  return { dispatchTo, mutation }
}
