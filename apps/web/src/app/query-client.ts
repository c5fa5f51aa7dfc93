import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, isSessionEnded } from '../api/errors'
import { queryKeys } from '../api/query-keys'

// The BFF answers this 403 to everything until a required second factor is enrolled.
const isMfaEnrollmentRequired = (error: unknown) =>
  error instanceof ApiError &&
  error.status === 403 &&
  error.problem.reason === 'mfaEnrollmentRequired'

/**
 * One reaction to session problems for every query and mutation: a 401 empties the signed-in
 * user, which sends the app to /login?next=… (see RequireSession); a pending MFA enrollment
 * refetches /api/me so the enrollment screen comes up.
 */
export function onSessionProblem(client: QueryClient, error: unknown): void {
  if (isSessionEnded(error)) client.setQueryData(queryKeys.session.me(), null)
  else if (isMfaEnrollmentRequired(error))
    void client.invalidateQueries({ queryKey: queryKeys.session.me() })
}

// A 4xx will not change by asking again; the network or a 5xx might.
const retry = (failures: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && failures < 2

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionProblem(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionProblem(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A wall display has no user refocusing it; polling and socket events keep data fresh.
        refetchOnWindowFocus: false,
        retry,
      },
    },
  })
  return client
}
