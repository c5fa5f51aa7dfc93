import { useQuery } from '@tanstack/react-query'
import { healthQueryOptions } from '../../api/health'
import { useT } from '../../i18n'
import { toHealthView } from './health-view'
import type { HealthView } from './health-view'

/** The polled /api/health result as a badge view plus a manual refetch. */
export function useHealth(): HealthView & { refetch: () => void } {
  const t = useT()
  const query = useQuery(healthQueryOptions())
  return {
    ...toHealthView({ data: query.data, isError: query.isError }, t),
    refetch: () => void query.refetch(),
  }
}
