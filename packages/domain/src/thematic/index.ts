export * from './classification'
export * from './color-ramps'
