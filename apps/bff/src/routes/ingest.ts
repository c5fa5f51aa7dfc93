import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { readJson } from '../http/http-error'
import { EnvironmentBatch, ingestEnvironment } from '../services/ingest/ingest-environment'
import { ingestTraffic, TrafficBatch } from '../services/ingest/ingest-traffic'
import { CAP_ERROR_HTTP_STATUS, CapError } from '../ingest/cap'
import { HttpError } from '../http/http-error'
import { personOrKey } from '../http/guard'
import { receiveCapAlert } from '../services/cap/receive-cap-alert'

/** Machine feeds (API keys with ingest.* scopes). 400 only when nothing in the batch was usable. */
export const ingestRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/environment',
      guard(deps, { kind: 'permission', permission: 'ingest.environment' }),
      async (c) => {
        const summary = await ingestEnvironment(
          deps.database.db,
          await readJson(c, EnvironmentBatch),
          deps.clock(),
        )
        return c.json(summary, summary.invalid === summary.results.length ? 400 : 200)
      },
    )
    .post(
      '/traffic',
      guard(deps, { kind: 'permission', permission: 'ingest.traffic' }),
      async (c) => {
        const summary = await ingestTraffic(
          deps.database.db,
          await readJson(c, TrafficBatch),
          deps.clock(),
        )
        return c.json(summary, summary.invalid === summary.results.length ? 400 : 200)
      },
    )
    // OASIS CAP 1.2 XML in the body (application/cap+xml, application/xml or text/xml).
    .post('/cap', guard(deps, { kind: 'permission', permission: 'ingest.cap' }), async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer())
      if (body.length === 0) {
        throw new HttpError(
          400,
          '请求体为空，应为 CAP 1.2 XML / The body is empty: send a CAP 1.2 XML message.',
        )
      }
      try {
        const receipt = await receiveCapAlert(deps.database.db, personOrKey(c), body, deps.clock())
        return c.json(receipt, receipt.duplicate ? 200 : 201)
      } catch (error) {
        if (!(error instanceof CapError)) throw error
        throw new HttpError(CAP_ERROR_HTTP_STATUS[error.code], error.message, {
          code: error.code,
          path: error.path ?? null,
        })
      }
    })
