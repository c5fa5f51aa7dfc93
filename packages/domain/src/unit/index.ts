export * from './unit'
