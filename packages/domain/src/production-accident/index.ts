export * from './production-accident-grade'
