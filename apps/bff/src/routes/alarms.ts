import { AcknowledgeAlarmCommand, ListAlarmsQuery } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { describeIssues, HttpError, issueList, readJson } from '../http/http-error'
import { acknowledgeAlarm } from '../services/alarms/acknowledge-alarm'
import { listAlarms } from '../services/alarms/list-alarms'

// Alarms are city-wide (no department): reading follows the `alerts` live topic (alert.read).
export const alarmRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'permission', permission: 'alert.read' }), async (c) => {
      const parsed = ListAlarmsQuery.safeParse(c.req.query())
      if (!parsed.success)
        throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
      return c.json(await listAlarms(deps.database.db, parsed.data))
    })
    .post(
      '/:id/acknowledge',
      guard(deps, { kind: 'permission', permission: 'alarm.acknowledge' }),
      async (c) => {
        const input = await readJson(c, AcknowledgeAlarmCommand)
        const { actor, address } = personOf(c)
        const { alarm } = await acknowledgeAlarm(
          deps.database.db,
          { actor, address },
          c.req.param('id'),
          input,
          deps.clock(),
        )
        return c.json(alarm)
      },
    )
