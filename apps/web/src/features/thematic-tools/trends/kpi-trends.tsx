import type { KpiTrendsProps } from './types'

export function KpiTrends(props: KpiTrendsProps) {
  return <section data-testid="kpi-trends" data-from={props.from} data-to={props.to} />
}
