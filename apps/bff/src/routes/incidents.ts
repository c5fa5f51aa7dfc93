import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { readJson } from '../http/http-error'
import { buildCapAlert, incidentToCap } from '../ingest/cap'
import { createIncident, CreateIncidentInput } from '../services/incidents/create-incident'
import { findIncident } from '../services/incidents/find-incident'
import { incidents } from '../db/schema'
import { eq } from 'drizzle-orm'
import { HttpError } from '../http/http-error'

export const incidentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/', guard(deps, { kind: 'permission', permission: 'incident.create' }), async (c) => {
      const input = await readJson(c, CreateIncidentInput)
      const { actor, address } = personOf(c)
      const created = await createIncident(
        deps.database.db,
        { actor, address, source: 'manual' },
        input,
        deps.clock(),
      )
      return c.json(created, 201)
    })
    // OASIS CAP 1.2 export of one incident, for partner systems and publishing channels.
    .get(
      '/:id/cap',
      guard(deps, {
        kind: 'permission',
        permission: 'incident.read',
        target: async (c) => {
          const [row] = await deps.database.db
            .select({ departments: incidents.departments })
            .from(incidents)
            .where(eq(incidents.id, c.req.param('id') ?? ''))
          return { departmentCodes: row?.departments ?? [] }
        },
      }),
      async (c) => {
        const incident = await findIncident(deps.database.db, c.req.param('id'))
        if (!incident) throw new HttpError(404, '没有这个事件 / No such incident.')
        const xml = buildCapAlert(incidentToCap(incident, { sentAt: deps.clock() }))
        return c.body(xml, 200, { 'Content-Type': 'application/cap+xml; charset=utf-8' })
      },
    )
