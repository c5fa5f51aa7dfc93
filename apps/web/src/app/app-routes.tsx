import { can } from '@cityops/domain'
import { LoadingState } from '@cityops/ui'
import { lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { PAGES, RequirePermission, homePath } from '../features/access'
import type { PageName } from '../features/access'
import { ApiKeysPage, DepartmentsPage, UsersPage } from '../features/admin'
import AuditPage from '../features/audit/audit-page'
import DepartmentPage from '../features/department/department-page'
import { RequireSession, useSignedIn } from '../features/session'
import LoginPage from '../features/session/login-page'
import { loadWallPage } from '../features/wall/load-wall-page'
import { DispatchPage, FieldPage, IntakePage, ShiftPage } from '../features/work'
import { useT } from '../i18n'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'

// The wall pulls in MapLibre (~1 MB): split it so the shell and menus paint first.
const OverviewPage = lazy(loadWallPage)
// The thematic map (MapLibre, echarts) in its own chunk, so the wall's does not grow.
const ThematicPage = lazy(() => import('../features/thematic/thematic-page'))
const PlanTargetsPage = lazy(() => import('../features/admin/plan-targets-page'))
const IncidentsPage = lazy(() => import('../features/incidents/incidents-page'))

function PageLoading() {
  const t = useT()
  return (
    <div className="page-center">
      <LoadingState label={t('map.loading')} />
    </div>
  )
}

/** `/`: the overview for roles that watch the wall; everyone else goes to their own home. */
function IndexPage() {
  const { me, actor } = useSignedIn()
  const home = homePath(me)
  if (!can(actor, PAGES.overview.permission) && home !== PAGES.overview.path) {
    return <Navigate to={home} replace />
  }
  return (
    <RequirePermission permission={PAGES.overview.permission}>
      <Suspense fallback={<PageLoading />}>
        <OverviewPage />
      </Suspense>
    </RequirePermission>
  )
}

const guarded = (page: PageName, element: ReactNode) => (
  <RequirePermission permission={PAGES[page].permission}>{element}</RequirePermission>
)

// Paths without the leading slash, as nested routes take them.
const at = (page: PageName) => PAGES[page].path.slice(1)

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<IndexPage />} />
          <Route
            path={at('thematic')}
            element={guarded(
              'thematic',
              <Suspense fallback={<PageLoading />}>
                <ThematicPage />
              </Suspense>,
            )}
          />
          <Route
            path={at('incidents')}
            element={guarded(
              'incidents',
              <Suspense fallback={<PageLoading />}>
                <IncidentsPage />
              </Suspense>,
            )}
          />
          <Route path={at('dispatch')} element={guarded('dispatch', <DispatchPage />)} />
          <Route path={at('field')} element={guarded('field', <FieldPage />)} />
          <Route path={at('intake')} element={guarded('intake', <IntakePage />)} />
          <Route path={at('shift')} element={guarded('shift', <ShiftPage />)} />
          <Route path="departments/:code" element={<DepartmentPage />} />
          <Route path={at('users')} element={guarded('users', <UsersPage />)} />
          <Route path={at('departments')} element={guarded('departments', <DepartmentsPage />)} />
          <Route path={at('apiKeys')} element={guarded('apiKeys', <ApiKeysPage />)} />
          <Route
            path={at('planTargets')}
            element={guarded(
              'planTargets',
              <Suspense fallback={<PageLoading />}>
                <PlanTargetsPage />
              </Suspense>,
            )}
          />
          <Route path={at('audit')} element={guarded('audit', <AuditPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
