import { Hono } from 'hono'
import type { DatabaseHandle } from './db/client'
import { authenticate } from './http/authenticate'
import type { AppEnv } from './http/context'
import { errorResponse } from './http/http-error'
import { evidenceBodyLimit, isEvidenceUpload } from './http/evidence-body-limit'
import { jsonBodyLimit, originCheck, securityHeaders, writeRateLimit } from './http/security'
import type { CookieSecurity } from './http/session-cookie'
import { staticSite } from './http/startup-gate'
import type { LiveHub } from './realtime/live-hub'
import { adminRoutes } from './routes/admin'
import { analyticsHistoryRoutes } from './routes/analytics-history'
import { alarmRoutes } from './routes/alarms'
import { analyticsRoutes } from './routes/analytics'
import { auditRoutes } from './routes/audit'
import { authRoutes } from './routes/auth'
import { departmentRoutes } from './routes/departments'
import { eventRoutes } from './routes/events'
import { healthRoutes } from './routes/health'
import { incidentRoutes } from './routes/incidents'
import { ingestRoutes } from './routes/ingest'
import { kpiRoutes } from './routes/kpis'
import { layerRoutes } from './routes/layers'
import { meRoutes } from './routes/me'
import { caseRoutes } from './routes/cases'
import { caseCategoryRoutes } from './routes/case-categories'
import { caseEvidenceRoutes, evidenceRoutes } from './routes/evidence'
import type { EvidenceStore } from './services/evidence/evidence-store'
import { timelineRoutes } from './routes/timeline'
import { open311Errors, open311Routes } from './routes/open311'

export interface AppDeps {
  database: DatabaseHandle
  version: string
  /** Folders served at `/` in production: the built SPA first, then public/. Null in tests. */
  staticRoots: { webDistDir: string; publicDir: string } | null
  clock: () => Date
  live: LiveHub
  demoAccounts: boolean
  requireMfa: boolean
  allowedOrigins: readonly string[]
  cookieSecure: CookieSecurity
  trustProxy: boolean
  /** Writes per actor: a burst and a sustained rate per second. */
  writeLimit: { burst: number; perSecond: number }
  /** Case photos: where the bytes live and the largest accepted (EVIDENCE_DIR, EVIDENCE_MAX_BYTES). */
  evidence: { store: EvidenceStore; maxBytes: number }
}

const API_BODY_LIMIT_BYTES = 64 * 1024
const INGEST_BODY_LIMIT_BYTES = 8 * 1024 * 1024

/** Builds the HTTP app from its dependencies; nothing here reads the environment. */
export function createApp(deps: AppDeps) {
  const small = jsonBodyLimit(API_BODY_LIMIT_BYTES)
  const large = jsonBodyLimit(INGEST_BODY_LIMIT_BYTES)
  const photo = evidenceBodyLimit(deps.evidence.maxBytes)
  const api = new Hono<AppEnv>()
    // gateways send batches of thousands of readings; people send forms, and photos
    .use((c, next) =>
      c.req.path.startsWith('/api/ingest/')
        ? large(c, next)
        : isEvidenceUpload(c.req.method, c.req.path)
          ? photo(c, next)
          : small(c, next),
    )
    .use(authenticate(deps))
    .use(originCheck(deps.allowedOrigins))
    .use(writeRateLimit({ ...deps.writeLimit, clock: deps.clock }))
    .route('/health', healthRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/me', meRoutes(deps))
    .route('/departments', departmentRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/audit', auditRoutes(deps))
    .route('/incidents', incidentRoutes(deps))
    .route('/layers', layerRoutes(deps))
    .route('/events', eventRoutes(deps))
    .route('/ingest', ingestRoutes(deps))
    .route('/cases', caseRoutes(deps))
    .route('/cases', caseEvidenceRoutes(deps))
    .route('/evidence', evidenceRoutes(deps))
    .route('/case-categories', caseCategoryRoutes(deps))
    .route('/alarms', alarmRoutes(deps))
    .route('/kpis', kpiRoutes(deps))
    .route('/timeline', timelineRoutes(deps))
    .route('/analytics', analyticsHistoryRoutes(deps))
    .route('/analytics', analyticsRoutes(deps))

  const app = new Hono<AppEnv>()
  app.use('*', securityHeaders())
  app.route('/api', api)
  // Open311 GeoReport v2 for partner apps: the same body limit and authentication as /api, no
  // origin check (its only write accepts API keys, never cookies), errors in Open311's format.
  const open311 = new Hono<AppEnv>()
    .use(open311Errors())
    .use(small)
    .use(authenticate(deps))
    .route('/', open311Routes(deps))
  app.route('/open311/v2', open311)
  app.all('/api/*', (c) => c.json({ error: `No API endpoint ${c.req.method} ${c.req.path}.` }, 404))
  if (deps.staticRoots) app.route('/', staticSite(deps.staticRoots))
  app.notFound((c) => c.text('Not found', 404))
  app.onError((error, c) => {
    const known = errorResponse(error, c)
    if (known) return known
    console.error(`cityops: unhandled error on ${c.req.method} ${c.req.path}:`, error)
    return c.json(
      {
        error:
          '服务器内部错误，已记录 / The server could not complete this request; it has been logged.',
      },
      500,
    )
  })
  return app
}

export type AppType = ReturnType<typeof createApp>
