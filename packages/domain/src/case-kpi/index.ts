export * from './case-kpi'
