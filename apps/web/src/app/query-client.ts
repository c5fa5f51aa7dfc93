import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A wall display has no user refocusing it; polling and socket events keep data fresh.
        refetchOnWindowFocus: false,
      },
    },
  })
}
