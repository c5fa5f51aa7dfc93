import { LIVE_TOPICS, type LiveTopic } from '@cityops/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { describeIssues, HttpError, issueList } from '../http/http-error'
import { toLiveEvent } from '../live/append-events'
import { logRange, readEventsAfter } from '../live/read-events'
import { isVisible } from '../realtime/client-stream'

const EventsQuery = z.object({
  since: z.coerce.number().int().min(0, 'since 不能为负 / since must be ≥ 0'),
  topics: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(LIVE_TOPICS)).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
})

/** The event log over HTTP, for catch-up and integrations; filtered exactly like live push. */
export const eventRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', guard(deps, { kind: 'authenticated' }), async (c) => {
    const parsed = EventsQuery.safeParse(c.req.query())
    if (!parsed.success)
      throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
    const { since, limit } = parsed.data
    const topics: LiveTopic[] = parsed.data.topics ?? [...LIVE_TOPICS]
    const actor = c.get('actor')
    if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
    const range = await logRange(deps.database.db)
    if (range.oldest !== null ? since < range.oldest - 1 : since < range.latest) {
      throw new HttpError(
        410,
        '请求的事件已超出保留期，请重新加载快照 / These events are past the retention window: reload the snapshots.',
        {
          reason: 'resync',
          oldestSeq: range.oldest,
        },
      )
    }
    const rows = await readEventsAfter(deps.database.db, { since, topics, limit })
    const set = new Set(topics)
    const visible = rows.filter((e) => isVisible(actor, set, null, e)).map(toLiveEvent)
    const nextSince =
      rows.length === limit ? (rows.at(-1)?.seq ?? since) : Math.max(since, range.latest)
    return c.json({ events: visible, nextSince, latestSeq: range.latest })
  })
