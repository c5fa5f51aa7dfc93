import { INCIDENT_CATEGORY_LABELS, TIMELINE_TOPICS, type TimelineTopic } from '@cityops/domain'
import { Button, EmptyState, ErrorState, LoadingState, Panel } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { fetchTimeline } from '../../api/wall'
import { formatDateTime, pickLabel, useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import type { LiveFeed } from '../../live/live-feed'
import type { MapTopic } from '../../live/live-feature'
import { useAppStore } from '../../stores/app-store'

const TOPIC_LABEL: Record<MapTopic, MessageKey> = {
  incidents: 'layers.incidents',
  traffic: 'layers.traffic',
  environment: 'layers.environment',
  cases: 'layers.cases',
  units: 'layers.units',
}

// Properties worth a line, in this order (each has a `detail.prop.*` label); the rest are internal.
const SHOWN = [
  'title',
  'grade',
  'category',
  'status',
  'source',
  'departments',
  'callSign',
  'type',
  'name',
  'roadClass',
  'speedKmh',
  'congestionLevel',
  'requestNumber',
  'categoryCode',
  'deadline',
  'reportedAt',
  'observedAt',
  'updatedAt',
]

const isTimelineTopic = (t: string): t is TimelineTopic =>
  (TIMELINE_TOPICS as readonly string[]).includes(t)

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join('、')
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * The clicked feature: its current state from the live layer, and for incidents and cases the
 * timeline of its changes from the event log (who did what, when). Esc or the button closes it.
 */
export function DetailPanel({
  feed,
  selected,
  onClose,
}: {
  feed: LiveFeed | null
  selected: { topic: MapTopic; id: string }
  onClose: () => void
}) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const feature = feed?.layers[selected.topic].features.get(selected.id)
  const timelineTopic = isTimelineTopic(selected.topic) ? selected.topic : null
  const timeline = useQuery({
    queryKey: ['timeline', selected.topic, selected.id],
    queryFn: () => fetchTimeline(timelineTopic as TimelineTopic, selected.id),
    enabled: timelineTopic !== null,
  })
  const props: Record<string, unknown> = feature?.properties ?? {}
  const title =
    typeof props.title === 'string'
      ? props.title
      : typeof props.callSign === 'string'
        ? props.callSign
        : typeof props.name === 'string'
          ? props.name
          : selected.id
  return (
    <Panel
      title={`${t(TOPIC_LABEL[selected.topic])} · ${title}`}
      className="wall-detail"
      data-testid="detail-panel"
      isScrollable
      actions={
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label={t('detail.close')}
          data-testid="detail-close"
        >
          ✕
        </Button>
      }
    >
      {!feature ? <p className="wall-detail__gone">{t('detail.gone')}</p> : null}
      <dl className="wall-detail__props">
        {SHOWN.filter((k) => props[k] !== undefined && props[k] !== null && k !== 'title').map(
          (k) => (
            <div key={k} className="wall-detail__prop">
              <dt>{t(`detail.prop.${k}` as MessageKey)}</dt>
              <dd>
                {k === 'category' &&
                typeof props[k] === 'string' &&
                props[k] in INCIDENT_CATEGORY_LABELS
                  ? pickLabel(
                      locale,
                      INCIDENT_CATEGORY_LABELS[props[k] as keyof typeof INCIDENT_CATEGORY_LABELS],
                    )
                  : k.endsWith('At') || k === 'deadline'
                    ? formatDateTime(locale, String(props[k]))
                    : show(props[k])}
              </dd>
            </div>
          ),
        )}
      </dl>
      {timelineTopic ? (
        <section className="wall-detail__timeline" aria-label={t('detail.timeline')}>
          <h3>{t('detail.timeline')}</h3>
          {timeline.isPending ? (
            <LoadingState label={t('detail.loading')} />
          ) : timeline.isError ? (
            <ErrorState title={t('detail.failed', { message: timeline.error.message })} />
          ) : timeline.data.entries.length === 0 ? (
            <EmptyState title={t('detail.empty')} />
          ) : (
            <ol className="wall-detail__entries" data-testid="timeline">
              {timeline.data.entries.map((e) => (
                <li key={e.seq} data-testid="timeline-entry">
                  <time>{formatDateTime(locale, e.at)}</time> <strong>{e.type}</strong>
                  {e.actor?.displayName ? ` · ${e.actor.displayName}` : ''}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </Panel>
  )
}
