import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, useLocation } from 'react-router'
import { AppRoutes } from '../app/app-routes'
import { createQueryClient } from '../app/query-client'

/** Prints where the router is, so tests can check redirects and `?next=`. */
function LocationProbe() {
  const { pathname, search } = useLocation()
  return <output data-testid="location">{`${pathname}${search}`}</output>
}

/** The app's own QueryClient (with its 401 handling), fresh per test, retries off. */
export function testQueryClient() {
  const client = createQueryClient()
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } })
  return client
}

/** Renders the whole route tree at `path`, or `children` inside the same providers. */
export function renderApp(path: string, children?: ReactNode) {
  const client = testQueryClient()
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        {children ?? <AppRoutes />}
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { ...result, client }
}
