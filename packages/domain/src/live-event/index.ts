export * from './live-event'
