import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from '../../api/query-keys'
import type { Me } from '../../api/session'

// Kept across a change of user: server health, and the session queries themselves (they are
// overwritten here; removing them would strand the components observing them).
const SESSION_INDEPENDENT: ReadonlySet<unknown> = new Set(['health', 'session'])

/** Drops every cached answer that belonged to the previous user, then records the new one. */
export function resetSession(client: QueryClient, me: Me | null): void {
  client.removeQueries({ predicate: (q) => !SESSION_INDEPENDENT.has(q.queryKey[0]) })
  client.setQueryData(queryKeys.session.me(), me)
}
