import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { queryKeys } from '../../api/query-keys'
import type { Me } from '../../api/session'

// setTimeout cannot wait longer than 2^31 - 1 ms (about 24.8 days).
const MAX_DELAY_MS = 2 ** 31 - 1
const GRACE_MS = 1_000

/**
 * Asks /api/me again just after the session would expire, so an idle screen goes to the login
 * page on time (等保 timeout logout) instead of showing stale data until the next click.
 * Not a poll: the BFF counts every request as activity, and polling would keep sessions alive.
 */
export function useSessionExpiry(me: Me | null | undefined): void {
  const queryClient = useQueryClient()
  const idle = me?.session.idleExpiresAt
  const absolute = me?.session.absoluteExpiresAt
  useEffect(() => {
    if (!idle || !absolute) return
    const at = Math.min(Date.parse(idle), Date.parse(absolute))
    if (!Number.isFinite(at)) return
    const delay = Math.min(Math.max(at - Date.now() + GRACE_MS, GRACE_MS), MAX_DELAY_MS)
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.session.me() })
    }, delay)
    return () => clearTimeout(timer)
  }, [idle, absolute, queryClient])
}
