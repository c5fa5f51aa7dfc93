export * from './incident-category'
export * from './incident-grade'
export * from './incident'
export * from './incident-actions'
