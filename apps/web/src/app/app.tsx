import { QueryClientProvider } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import { BrowserRouter } from 'react-router'
import { AppErrorFallback } from './app-error-fallback'
import { AppRoutes } from './app-routes'
import { ErrorBoundary } from './error-boundary'

type AppProps = { queryClient: QueryClient }

/** Providers: error boundary, Query cache, router. Theme and locale live in the zustand store. */
export function App({ queryClient }: AppProps) {
  return (
    <ErrorBoundary fallback={<AppErrorFallback />}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  )
}
