export * from './traffic-reading'
