import { Table } from '@cityops/ui'
import { useT } from '../../i18n'
import type { KpiRow } from './use-kpis'

/** The city's values against the plan's targets, as the briefing lists them. */
export function KpiTable({ rows }: { rows: readonly KpiRow[] }) {
  const t = useT()
  return (
    <Table caption={t('thematic.kpis')} data-testid="kpi-table" className="thematic-kpis">
      <thead>
        <tr>
          <th scope="col">{t('thematic.indicator')}</th>
          <th scope="col">{t('thematic.kpi.value')}</th>
          <th scope="col">{t('thematic.kpi.target')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.indicator}>
            <th scope="row">{row.label}</th>
            <td className="thematic-table__number">{row.value}</td>
            <td>
              {row.target ?? '—'}
              {row.met === null ? null : (
                <span className={row.met ? 'thematic-kpis__met' : 'thematic-kpis__missed'}>
                  {row.met ? ` ✓ ${t('thematic.kpi.met')}` : ` ✗ ${t('thematic.kpi.notMet')}`}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
