export * from './audit-entry'
