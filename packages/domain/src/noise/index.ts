export * from './noise-limits'
