import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { readJson } from '../http/http-error'
import { createIncident, CreateIncidentInput } from '../services/incidents/create-incident'

export const incidentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post(
    '/',
    guard(deps, { kind: 'permission', permission: 'incident.create' }),
    async (c) => {
      const input = await readJson(c, CreateIncidentInput)
      const { actor, address } = personOf(c)
      const created = await createIncident(
        deps.database.db,
        { actor, address, source: 'manual' },
        input,
        deps.clock(),
      )
      return c.json(created, 201)
    },
  )
