import { listScope } from '@cityops/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../app'
import { CASE_CHANNELS } from '../db/schema'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { HttpError, readJson } from '../http/http-error'
import { applyCaseActionRequest } from '../services/case-workflow/apply-case-action'
import { getCase } from '../services/case-workflow/get-case'
import { suggestDispatch } from '../services/case-dispatch/suggest-dispatch'
import { loadCaseSla } from '../services/case-sla/sla-settings'
import { idempotencyKeyOf } from '../services/idempotency/action-keys'
import { listCases, ListCasesQuery } from '../services/cases/list-cases'
import { ReportCaseInput } from '../services/cases/case-input'
import { reportCase } from '../services/cases/report-case'

// Staff report through the app; Open311 reports come in through /open311/v2 only.
const StaffCaseInput = ReportCaseInput.omit({ channel: true }).extend({
  channel: z.enum(CASE_CHANNELS).exclude(['open311']).optional(),
})

/** 数字城管 cases: inspectors and the intake desk report, everyone with case.read lists. */
export const caseRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'permission', permission: 'case.read' }), async (c) => {
      const query = ListCasesQuery.parse(c.req.query())
      const actor = c.get('actor')
      if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
      const { db } = deps.database
      const { config } = await loadCaseSla(db)
      return c.json(await listCases(db, listScope(actor, 'case.read'), query, config, deps.clock()))
    })
    .post('/', guard(deps, { kind: 'permission', permission: 'case.report' }), async (c) => {
      const input = await readJson(c, StaffCaseInput)
      const { actor, address } = personOf(c)
      // An inspector's report is always an inspector report; the intake desk names the channel.
      const channel = actor.role === 'inspector' ? 'inspector' : (input.channel ?? 'hotline')
      const reporter = actor.role === 'inspector' ? { userId: actor.userId } : input.reporter
      const created = await reportCase(
        deps.database.db,
        { actor, address },
        { ...input, channel, reporter },
        deps.clock(),
      )
      return c.json(created, 201)
    })
    // Department scoping in the service: another department's case is 404, so ids do not leak.
    .get('/:id', guard(deps, { kind: 'permission', permission: 'case.read' }), async (c) => {
      const actor = c.get('actor')
      if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
      const { db } = deps.database
      const { config } = await loadCaseSla(db)
      return c.json(await getCase(db, actor, c.req.param('id'), config, deps.clock()))
    })
    // 派遣 suggestion with reasons and probable duplicates (any state: intake uses it too)
    .get(
      '/:id/suggestion',
      guard(deps, { kind: 'permission', permission: 'case.read' }),
      async (c) => {
        const actor = c.get('actor')
        if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
        return c.json(
          await suggestDispatch(deps.database.db, actor, c.req.param('id'), deps.clock()),
        )
      },
    )
    // The workflow (docs/WORKFLOWS.md): the domain decides; a person acts, never an API key.
    .post(
      '/:id/actions',
      guard(deps, { kind: 'permission', permission: 'case.read' }),
      async (c) => {
        const key = idempotencyKeyOf(c.req.header('idempotency-key'))
        const body: unknown = await c.req.json().catch(() => {
          throw new HttpError(400, '请求体不是有效的 JSON / The request body is not valid JSON.')
        })
        const { actor, address } = personOf(c)
        const request = { caseId: c.req.param('id'), idempotencyKey: key, body }
        const { db } = deps.database
        const { config } = await loadCaseSla(db) // the 处置时限 in force when the action applies
        return c.json(
          await applyCaseActionRequest(db, { actor, address }, request, deps.clock(), config),
        )
      },
    )
