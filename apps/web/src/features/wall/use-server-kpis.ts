import type { WallKpis } from '@cityops/domain'
import { useQuery } from '@tanstack/react-query'
import { fetchWallKpis } from '../../api/wall'

// The server's figures cover history the wall does not hold (good-air days this year, today's
// closures, calls in the last hour); a short refresh keeps them current enough for a wall.
const REFRESH_MS = 30_000

export function useServerKpis(): WallKpis | null {
  const { data } = useQuery({
    queryKey: ['kpis', 'wall'],
    queryFn: fetchWallKpis,
    refetchInterval: REFRESH_MS,
  })
  return data ?? null
}
