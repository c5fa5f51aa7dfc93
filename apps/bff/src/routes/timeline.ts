import { EntityId, TIMELINE_TOPICS, type Permission, type TimelineTopic } from '@cityops/domain'
import { Hono, type Context } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOrKey } from '../http/guard'
import { HttpError } from '../http/http-error'
import { readTimeline } from '../services/timeline/read-timeline'

const NOUN: Record<TimelineTopic, string> = {
  incidents: 'incident',
  cases: 'case',
  alerts: 'alarm or alert',
}

/**
 * One entity's story for the detail panel, read from the event log. Each topic is its own
 * route so the matrix test sees its permission (the live topic's); events are then filtered
 * per event like live push, and an entity with nothing visible is 404, never 403.
 */
export const timelineRoutes = (deps: AppDeps) => {
  const read = (topic: TimelineTopic) => async (c: Context<AppEnv>) => {
    const id = EntityId.safeParse(c.req.param('id'))
    if (!id.success)
      throw new HttpError(400, '对象编号须为 1–64 个字符 / The id must be 1–64 characters.')
    const timeline = await readTimeline(deps.database.db, personOrKey(c).actor, topic, id.data)
    if (!timeline)
      throw new HttpError(
        404,
        `没有编号为 ${id.data} 的对象 / There is no ${NOUN[topic]} ${id.data}.`,
      )
    return c.json(timeline)
  }
  const permission = (p: Permission) => guard(deps, { kind: 'permission', permission: p })
  return new Hono<AppEnv>()
    .get('/incidents/:id', permission('incident.read'), read('incidents'))
    .get('/cases/:id', permission('case.read'), read('cases'))
    .get('/alerts/:id', permission('alert.read'), read('alerts'))
    .get('/:topic/:id', guard(deps, { kind: 'authenticated' }), (c) => {
      throw new HttpError(
        400,
        `没有“${c.req.param('topic')}”的时间线，可用 ${TIMELINE_TOPICS.join('、')} / There is no timeline for topic "${c.req.param('topic')}": use ${TIMELINE_TOPICS.join(', ')}.`,
      )
    })
}
