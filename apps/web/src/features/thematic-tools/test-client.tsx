import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createQueryClient } from '../../app/query-client'

// Like test/render-app's testQueryClient (the app's client, retries off, fresh per test),
// without importing the route tree: these components are tested on their own.
export function TestQuery({ children }: { children: ReactNode }) {
  const client = createQueryClient()
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
