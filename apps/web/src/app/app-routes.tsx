import { LoadingState } from '@cityops/ui'
import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { useT } from '../i18n'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'

// The map view pulls in MapLibre (~1 MB): split it so the shell and menus paint first.
const OverviewPage = lazy(() => import('../features/overview/overview-page'))

function PageLoading() {
  const t = useT()
  return (
    <div className="page-center">
      <LoadingState label={t('map.loading')} />
    </div>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <Suspense fallback={<PageLoading />}>
              <OverviewPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
