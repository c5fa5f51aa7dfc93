import { userActor } from '@cityops/domain'
import type { UserActor } from '@cityops/domain'
import { createContext, useContext } from 'react'
import type { Me } from '../../api/session'

/**
 * The signed-in user, provided by RequireSession from the /api/me query. A context (not one
 * more useQuery per component) so everything below sees the same answer in the same render,
 * including the render in which a 401 empties the query and RequireSession redirects.
 */
export const SignedInContext = createContext<Me | null>(null)

export function useSignedIn(): { me: Me; actor: UserActor } {
  const me = useContext(SignedInContext)
  if (!me) throw new Error('useSignedIn() needs <RequireSession> above it')
  return { me, actor: userActor(me.user) }
}
