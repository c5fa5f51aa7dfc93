export * from './reference'
export * from './identity'
export * from './live'
export * from './cap'
