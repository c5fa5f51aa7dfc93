export * from './road-segment'
