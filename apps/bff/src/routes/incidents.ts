import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { describeIssues, issueList, readJson } from '../http/http-error'
import { buildCapAlert, incidentToCap } from '../ingest/cap'
import { createIncident, CreateIncidentInput } from '../services/incidents/create-incident'
import { findIncident } from '../services/incidents/find-incident'
import { incidents } from '../db/schema'
import { eq } from 'drizzle-orm'
import { HttpError } from '../http/http-error'
import { idempotencyKeyOf } from '../services/idempotency/action-keys'
import { applyIncidentActionRequest } from '../services/incidents/apply-incident-action'
import { getIncident } from '../services/incidents/get-incident'
import { suggestUnits, UnitSuggestionQuery } from '../services/incidents/suggest-units'
import { listIncidents } from '../services/incidents/list-incidents'
import { ListIncidentsQuery, listScope } from '@cityops/domain'

export const incidentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    // The rows behind the thematic maps' incident counts, with the choropleth's filter names.
    .get('/', guard(deps, { kind: 'permission', permission: 'incident.read' }), async (c) => {
      const query = ListIncidentsQuery.parse(c.req.query())
      const actor = c.get('actor')
      if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
      return c.json(await listIncidents(deps.database.db, listScope(actor, 'incident.read'), query))
    })
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
    // Department scoping in the service: another department's incident is 404 (ids do not leak).
    .get('/:id', guard(deps, { kind: 'permission', permission: 'incident.read' }), async (c) => {
      const actor = c.get('actor')
      if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
      return c.json(await getIncident(deps.database.db, actor, c.req.param('id')))
    })
    // The workflow (docs/WORKFLOWS.md), the same contract as cases; a person acts, never a key.
    .post(
      '/:id/actions',
      guard(deps, { kind: 'permission', permission: 'incident.read' }),
      async (c) => {
        const key = idempotencyKeyOf(c.req.header('idempotency-key'))
        const body: unknown = await c.req.json().catch(() => {
          throw new HttpError(400, '请求体不是有效的 JSON / The request body is not valid JSON.')
        })
        const { actor, address } = personOf(c)
        const request = { incidentId: c.req.param('id'), idempotencyKey: key, body }
        return c.json(
          await applyIncidentActionRequest(
            deps.database.db,
            { actor, address },
            request,
            deps.clock(),
          ),
        )
      },
    )
    // Nearest available units of the needed types, for whoever assigns.
    .get(
      '/:id/unit-suggestions',
      guard(deps, { kind: 'permission', permission: 'incident.assign' }),
      async (c) => {
        const parsed = UnitSuggestionQuery.safeParse(c.req.query())
        if (!parsed.success) {
          throw new HttpError(400, describeIssues(parsed.error), {
            issues: issueList(parsed.error),
          })
        }
        return c.json(await suggestUnits(deps.database.db, c.req.param('id'), parsed.data))
      },
    )
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
