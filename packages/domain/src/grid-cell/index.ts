export * from './grid-code'
export * from './grid-cell'
