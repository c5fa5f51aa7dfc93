import { EmptyState, ErrorState, LoadingState, Table } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { caseKpisQueryOptions } from '../../api/cases'
import { isNotFound } from '../../api/errors'
import { useT } from '../../i18n'
import { useCaseNames } from '../cases/use-case-names'

const DAY_MS = 86_400_000
const KPI_DAYS = 30

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

/** 综合评价 per department over the last 30 days (formulas: DOMAIN.md, computed by the BFF). */
export function KpiTable() {
  const t = useT()
  // Fixed when the tab opens, so the key (and the numbers) do not move on every render.
  const [range] = useState(() => {
    const to = new Date()
    return { from: new Date(to.getTime() - KPI_DAYS * DAY_MS).toISOString(), to: to.toISOString() }
  })
  const kpis = useQuery(caseKpisQueryOptions('department', range.from, range.to))
  const names = useCaseNames()
  if (kpis.isPending) return <LoadingState label={t('shift.kpi.loading')} />
  if (kpis.isError)
    return (
      <ErrorState
        title={isNotFound(kpis.error) ? t('shift.kpi.unavailable') : t('shift.kpi.error')}
        description={isNotFound(kpis.error) ? undefined : kpis.error.message}
      />
    )
  if (kpis.data.rows.length === 0)
    return <EmptyState title={t('shift.kpi.empty')} description={t('shift.kpi.emptyHint')} />
  return (
    <Table caption={t('shift.kpi.title', { days: KPI_DAYS })} data-testid="kpi-table">
      <thead>
        <tr>
          <th scope="col">{t('shift.kpi.department')}</th>
          <th scope="col">{t('shift.kpi.due')}</th>
          <th scope="col">{t('shift.kpi.closed')}</th>
          <th scope="col">{t('shift.kpi.closureRate')}</th>
          <th scope="col">{t('shift.kpi.onTimeRate')}</th>
          <th scope="col">{t('shift.kpi.reworkRate')}</th>
          <th scope="col">{t('shift.kpi.returnRate')}</th>
          <th scope="col">{t('shift.kpi.avgHours')}</th>
        </tr>
      </thead>
      <tbody>
        {kpis.data.rows.map((r) => (
          <tr key={r.code} data-testid={`kpi-row-${r.code}`}>
            <th scope="row">
              {names.departments.some((d) => d.code === r.code) ? names.department(r.code) : r.name}
            </th>
            <td>{r.due}</td>
            <td>{r.closed}</td>
            <td>{percent(r.closureRate)}</td>
            <td>{percent(r.onTimeRate)}</td>
            <td>{percent(r.reworkRate)}</td>
            <td>{percent(r.returnRate)}</td>
            <td>{r.avgHandlingHours === null ? '—' : r.avgHandlingHours.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
