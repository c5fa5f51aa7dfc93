export * from './indicators'
export * from './queries'
export * from './results'
export * from './plan-targets'
