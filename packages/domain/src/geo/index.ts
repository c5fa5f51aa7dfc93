export * from './geometry'
export * from './distance'
