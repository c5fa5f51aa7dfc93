import { Alarm, LiveEvent, Timeline, WallKpis, type TimelineTopic } from '@cityops/domain'
import { z } from 'zod'
import { apiRequest } from './http'

const AlarmList = z.object({ seq: z.number(), items: z.array(Alarm) })

/** Open (unacknowledged) alarms, newest first, with the log position they include. */
export async function fetchOpenAlarms(): Promise<z.infer<typeof AlarmList>> {
  return AlarmList.parse(await apiRequest('/alarms?state=open'))
}

export async function acknowledgeAlarm(alarm: Alarm): Promise<Alarm> {
  return Alarm.parse(
    await apiRequest(`/alarms/${encodeURIComponent(alarm.id)}/acknowledge`, {
      method: 'POST',
      body: { expectedVersion: alarm.version },
    }),
  )
}

export async function fetchWallKpis(): Promise<WallKpis> {
  return WallKpis.parse(await apiRequest('/kpis/wall'))
}

export async function fetchTimeline(topic: TimelineTopic, id: string): Promise<Timeline> {
  return Timeline.parse(await apiRequest(`/timeline/${topic}/${encodeURIComponent(id)}`))
}

const EventPage = z.object({ events: z.array(LiveEvent), latestSeq: z.number() })

/** The last changes of some topics before `beforeSeq` (for the ticker of a wall just opened). */
export async function fetchRecentEvents(topics: readonly string[], beforeSeq: number) {
  const since = Math.max(0, beforeSeq - 2000)
  const page = EventPage.parse(
    await apiRequest(`/events?since=${since}&topics=${topics.join(',')}&limit=1000`),
  )
  return page.events.filter((e) => e.seq <= beforeSeq)
}
