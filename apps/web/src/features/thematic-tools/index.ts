// The leader's decision-support tools for the thematic map page (issue #7): the time machine
// with its decision log, the KPI trend charts against the plan's targets, and the briefing export.
export { TimeMachine } from './time-machine/time-machine'
export type { TimeMachineFrame, TimeMachineProps } from './time-machine/types'
export { KpiTrends } from './trends/kpi-trends'
export type { KpiTrendsProps } from './trends/types'
export { BriefingExport } from './briefing/briefing-export'
export { renderBriefingPdf } from './briefing/render-pdf'
export { renderBriefingPng } from './briefing/render-png'
export { BRIEFING_SIZE } from './briefing/types'
export type { BriefingExportProps, BriefingSnapshot } from './briefing/types'
