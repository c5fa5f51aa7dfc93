export * from './live-event'
export * from './timeline'
