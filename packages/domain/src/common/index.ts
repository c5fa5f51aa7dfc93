export * from './iso-date-time'
