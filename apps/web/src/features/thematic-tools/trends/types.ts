export type KpiTrendsProps = {
  from: string
  to: string
  /** One district or township code; the whole city when left out. */
  area?: string
}
