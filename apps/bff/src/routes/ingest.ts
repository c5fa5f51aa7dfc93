import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { readJson } from '../http/http-error'
import { EnvironmentBatch, ingestEnvironment } from '../services/ingest/ingest-environment'
import { ingestTraffic, TrafficBatch } from '../services/ingest/ingest-traffic'

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
