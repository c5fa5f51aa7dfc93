import { useT } from '../../i18n'
import type { LegendRow } from './legend-model'
import type { DisplayMode } from './thematic-url'

export type SizeStep = { label: string; radius: number }

type Props = {
  title: string
  period: string
  comparePeriod: string | null
  dataTime: string
  rows: readonly LegendRow[] | null
  mode: DisplayMode
  sizes: readonly SizeStep[]
  isCompare: boolean
}

/** One row per class (swatch, range, number of areas), the no-data row, then the mode's key. */
export function ThematicLegend(props: Props) {
  const { rows, mode, sizes } = props
  const t = useT()
  const classRows = rows?.slice(0, -1) ?? []
  const noData = rows?.at(-1)
  return (
    <section className="thematic-legend" aria-label={t('thematic.legend')} data-testid="legend">
      <h2 className="thematic-legend__title">{props.title}</h2>
      <p className="thematic-legend__period">{props.period}</p>
      {props.comparePeriod ? (
        <p className="thematic-legend__period">{props.comparePeriod}</p>
      ) : null}
      {rows === null ? (
        <ul className="thematic-legend__rows" aria-busy="true">
          {[0, 1, 2, 3, 4].map((i) => (
            <li key={i} className="thematic-legend__row thematic-skeleton" />
          ))}
        </ul>
      ) : (
        <ul className="thematic-legend__rows">
          {classRows.map((row) => (
            <li
              key={row.upper}
              className="thematic-legend__row"
              data-testid="legend-class"
              data-break={String(row.upper)}
            >
              <span className="thematic-legend__swatch" style={{ background: row.color }} />
              <span className="thematic-legend__range">{row.label}</span>
              <span className="thematic-legend__count">
                {t('thematic.legend.count', { count: row.count })}
              </span>
            </li>
          ))}
          {noData ? (
            <li className="thematic-legend__row" data-testid="legend-no-data">
              <span
                className="thematic-legend__swatch thematic-legend__swatch--none"
                style={{ background: noData.color }}
              />
              <span className="thematic-legend__range">{noData.label}</span>
              <span className="thematic-legend__count">
                {t('thematic.legend.count', { count: noData.count })}
              </span>
            </li>
          ) : null}
        </ul>
      )}
      {props.isCompare ? (
        <p className="thematic-legend__note">{t('thematic.legend.compareNote')}</p>
      ) : null}
      {mode === 'heatmap' ? (
        <div className="thematic-legend__heat">
          <span className="thematic-legend__heat-bar" aria-hidden="true" />
          <span>{t('thematic.legend.heat')}</span>
        </div>
      ) : null}
      {mode === 'symbols' && sizes.length > 0 ? (
        <div className="thematic-legend__sizes" data-testid="legend-sizes">
          <span className="thematic-legend__sizes-title">{t('thematic.legend.size')}</span>
          <ul>
            {sizes.map((s) => (
              <li key={s.label}>
                <span
                  className="thematic-legend__circle"
                  style={{ width: s.radius * 2, height: s.radius * 2 }}
                />
                <span>{s.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="thematic-legend__time">{props.dataTime}</p>
    </section>
  )
}
