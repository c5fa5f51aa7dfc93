export * from './wall-kpis'
