export * from './speed-bands'
export * from './traffic-index'
