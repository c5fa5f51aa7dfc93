import {
  ARTERIAL_SPEED_TARGET_KMH,
  AQI_POLLUTANT_LABELS,
  GOOD_AIR_DAYS_TARGET,
  HOTLINE_LINES,
  INCIDENT_GRADES,
  aqiLevelInfo,
  trafficIndexBand,
  type WallKpis,
} from '@cityops/domain'
import type { ReactNode } from 'react'
import { pickLabel, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import type { LiveKpis } from './live-kpis'

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || !Number.isFinite(n) ? null : n.toFixed(digits)
const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? null : `${(n * 100).toFixed(1)}%`

/**
 * The strip across the top of the wall, each figure against its target where the plan sets
 * one. Live figures come from the layers the wall holds (updated every second); history the
 * wall does not hold (good-air days, today's closures, calls in the last hour) from the server.
 */
export function KpiStrip({ live, server }: { live: LiveKpis | null; server: WallKpis | null }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const none = t('kpi.none')
  const speed = live?.arterialSpeedKmh ?? null
  const speedMet = speed !== null ? speed > ARTERIAL_SPEED_TARGET_KMH : null
  const aqi = live?.cityAqi ?? null
  const aqiInfo = aqi !== null ? aqiLevelInfo(aqi) : null
  const tpi = live?.trafficIndex ?? null
  const tpiBand = tpi !== null ? trafficIndexBand(Math.min(10, Math.max(0, tpi))) : null
  const goodDays = server?.air?.goodDays ?? null
  const primary = live?.primaryPollutants ?? []
  return (
    <section className="wall-kpis" aria-label={t('kpi.strip')} data-testid="kpi-strip">
      <Kpi
        label={t('kpi.incidents')}
        value={fmt(live?.activeIncidents) ?? none}
        testId="kpi-incidents"
      >
        <span className="wall-kpi__grades">
          {INCIDENT_GRADES.map((g, i) => (
            <span
              key={g}
              className={`wall-kpi__grade wall-kpi__grade--${i + 1}`}
              data-testid={`kpi-grade-${g}`}
            >
              {t('kpi.gradeShort', { grade: g })} {live?.incidentsByGrade[g] ?? 0}
            </span>
          ))}
        </span>
      </Kpi>
      <Kpi
        label={t('kpi.traffic')}
        value={fmt(tpi, 1) ?? none}
        sub={tpiBand ? pickLabel(locale, tpiBand) : t('kpi.noData')}
        testId="kpi-traffic"
      />
      <Kpi
        label={t('kpi.arterialSpeed')}
        value={fmt(speed, 1) ?? none}
        unit="km/h"
        sub={t('kpi.speedTarget', { target: ARTERIAL_SPEED_TARGET_KMH })}
        tone={speedMet === null ? undefined : speedMet ? 'ok' : 'warn'}
        testId="kpi-speed"
      />
      <Kpi
        label={t('kpi.aqi')}
        value={fmt(aqi) ?? none}
        badge={
          aqiInfo
            ? {
                text: pickLabel(locale, { zh: aqiInfo.category, en: aqiInfo.categoryEn }),
                color: aqiInfo.color,
                onColor: aqiInfo.textColor,
              }
            : undefined
        }
        sub={
          primary.length
            ? t('kpi.primary', {
                pollutants: primary.map((p) => AQI_POLLUTANT_LABELS[p].label).join('、'),
              })
            : t('kpi.noPrimary')
        }
        testId="kpi-aqi"
      />
      <Kpi
        label={t('kpi.goodDays')}
        value={goodDays ? String(goodDays.goodDays) : none}
        sub={t('kpi.goodDaysTarget', { target: goodDays?.target ?? GOOD_AIR_DAYS_TARGET })}
        tone={
          goodDays && goodDays.assessedDays - goodDays.goodDays > 365 - goodDays.target
            ? 'warn'
            : undefined
        }
        testId="kpi-good-days"
      />
      <Kpi
        label={t('kpi.cases')}
        value={fmt(live?.openCases) ?? none}
        sub={t('kpi.overdue', { count: live?.overdueCases ?? 0 })}
        tone={live && live.overdueCases > 0 ? 'warn' : undefined}
        testId="kpi-cases"
      >
        <span className="wall-kpi__pair">
          {t('kpi.closure')} {pct(server?.cases?.closureRate) ?? none} · {t('kpi.onTime')}{' '}
          {pct(server?.cases?.onTimeClosureRate) ?? none}
        </span>
      </Kpi>
      <Kpi
        label={t('kpi.calls')}
        value={server ? String(server.calls.total) : none}
        testId="kpi-calls"
      >
        <span className="wall-kpi__calls">
          {HOTLINE_LINES.map((line) => (
            <span key={line}>
              {line} <strong>{server?.calls.byLine[line] ?? 0}</strong>
            </span>
          ))}
        </span>
      </Kpi>
    </section>
  )
}

function Kpi({
  label,
  value,
  unit,
  sub,
  tone,
  badge,
  testId,
  children,
}: {
  label: string
  value: string
  unit?: string
  sub?: string
  tone?: 'ok' | 'warn'
  badge?: { text: string; color: string; onColor: string }
  testId: string
  children?: ReactNode
}) {
  return (
    <div className="wall-kpi" data-tone={tone} data-testid={testId}>
      <span className="wall-kpi__label">{label}</span>
      <span className="wall-kpi__value">
        <span data-testid={`${testId}-value`}>{value}</span>
        {unit ? <span className="wall-kpi__unit">{unit}</span> : null}
        {badge ? (
          <span
            className="wall-kpi__badge"
            style={{ background: badge.color, color: badge.onColor }}
          >
            {badge.text}
          </span>
        ) : null}
      </span>
      {sub ? <span className="wall-kpi__sub">{sub}</span> : null}
      {children}
    </div>
  )
}
