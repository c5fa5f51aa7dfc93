export * from './station'
