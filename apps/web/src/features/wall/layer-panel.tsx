import { AQI_LEVELS, INCIDENT_GRADES, Panel } from '@cityops/ui'
import { UNIT_TYPES, UNIT_TYPE_LABELS } from '@cityops/domain'
import { pickLabel, useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { MAP_TOPICS, type MapTopic } from '../../live/live-feature'
import { useWallLive } from '../../live/wall-store'
import { CONGESTION_COLORS, UNIT_COLORS } from '../../map/live-layers'
import { formatAge, STALE_AFTER_MS } from './format-age'

const TOPIC_LABEL: Record<MapTopic, MessageKey> = {
  incidents: 'layers.incidents',
  traffic: 'layers.traffic',
  environment: 'layers.environment',
  cases: 'layers.cases',
  units: 'layers.units',
}

const CONGESTION_LABELS = [
  { zh: '畅通', en: 'Free' },
  { zh: '基本畅通', en: 'Basically free' },
  { zh: '轻度拥堵', en: 'Light' },
  { zh: '中度拥堵', en: 'Moderate' },
  { zh: '严重拥堵', en: 'Severe' },
]

export function isStale(topic: MapTopic, newestDataAt: number | null, now: number) {
  const limit = STALE_AFTER_MS[topic]
  return limit !== null && newestDataAt !== null && now - newestDataAt > limit
}

/** Toggles with each layer's size and the age of its newest data (stale past a threshold). */
export function LayerPanel({
  hidden,
  onToggle,
  now,
}: {
  hidden: readonly MapTopic[]
  onToggle: (topic: MapTopic, visible: boolean) => void
  now: number
}) {
  const t = useT()
  const layers = useWallLive((s) => s.layers)
  const visible = (topic: MapTopic) => !hidden.includes(topic)
  return (
    <Panel title={t('layers.title')} className="wall-layers" data-testid="layer-panel">
      <ul className="wall-layers__list">
        {MAP_TOPICS.map((topic) => {
          const info = layers[topic]
          const stale = isStale(topic, info.newestDataAt, now)
          return (
            <li key={topic} className="wall-layers__item" data-stale={stale || undefined}>
              <label className="wall-layers__toggle">
                <input
                  type="checkbox"
                  checked={visible(topic)}
                  onChange={(e) => onToggle(topic, e.currentTarget.checked)}
                  data-testid={`layer-toggle-${topic}`}
                  aria-label={t('layers.show', { name: t(TOPIC_LABEL[topic]) })}
                />
                <span>{t(TOPIC_LABEL[topic])}</span>
              </label>
              <span className="wall-layers__meta" data-testid={`layer-age-${topic}`}>
                {info.loaded ? t('layers.count', { count: info.count }) : '…'}
                {' · '}
                {stale ? <strong className="wall-layers__stale">{t('layers.stale')}</strong> : null}
                {info.newestDataAt !== null
                  ? t('layers.age', { age: formatAge(t, now - info.newestDataAt) })
                  : t('layers.noData')}
              </span>
            </li>
          )
        })}
      </ul>
    </Panel>
  )
}

/** What the colours mean, for the layers that are shown. */
export function Legend({ hidden }: { hidden: readonly MapTopic[] }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const visible = (topic: MapTopic) => !hidden.includes(topic)
  return (
    <section className="wall-legend" data-testid="legend" aria-label={t('legend.title')}>
      {visible('incidents') ? (
        <LegendRow title={t('legend.grade')}>
          {INCIDENT_GRADES.map((g) => (
            <Swatch
              key={g.grade}
              color={g.color}
              label={locale === 'zh-CN' ? `${g.roman}级` : `Grade ${g.roman}`}
            />
          ))}
        </LegendRow>
      ) : null}
      {visible('traffic') ? (
        <LegendRow title={t('legend.congestion')}>
          {CONGESTION_COLORS.map((c, i) => (
            <Swatch
              key={c}
              color={c}
              label={pickLabel(locale, CONGESTION_LABELS[i] ?? { zh: '', en: '' })}
              line
            />
          ))}
        </LegendRow>
      ) : null}
      {visible('environment') ? (
        <LegendRow title={t('legend.aqi')}>
          {AQI_LEVELS.map((l) => (
            <Swatch
              key={l.level}
              color={l.color}
              label={locale === 'zh-CN' ? l.labelZh : l.labelEn}
            />
          ))}
          <Swatch color="#B38CFF" label={t('legend.noise')} />
          <Swatch color="#4DA3FF" label={t('legend.water')} />
        </LegendRow>
      ) : null}
      {visible('units') ? (
        <LegendRow title={t('legend.units')}>
          {UNIT_TYPES.map((u) => (
            <Swatch key={u} color={UNIT_COLORS[u]} label={pickLabel(locale, UNIT_TYPE_LABELS[u])} />
          ))}
        </LegendRow>
      ) : null}
      {visible('cases') ? (
        <LegendRow title={t('legend.cases')}>
          <Swatch color="#8CC4FF" label={t('layers.cases')} />
          <Swatch color="#8CC4FF" ring="#FF3B3B" label={t('legend.overdue')} />
        </LegendRow>
      ) : null}
    </section>
  )
}

function LegendRow({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="wall-legend__row">
      <span className="wall-legend__title">{title}</span>
      <span className="wall-legend__items">{children}</span>
    </div>
  )
}

function Swatch({
  color,
  label,
  line,
  ring,
}: {
  color: string
  label: string
  line?: boolean
  ring?: string
}) {
  return (
    <span className="wall-legend__item">
      <span
        aria-hidden
        className={line ? 'wall-legend__swatch wall-legend__swatch--line' : 'wall-legend__swatch'}
        style={{ background: color, boxShadow: ring ? `0 0 0 3px ${ring}` : undefined }}
      />
      {label}
    </span>
  )
}
