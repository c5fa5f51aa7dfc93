export * from './env-reading'
