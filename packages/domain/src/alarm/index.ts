export * from './alarm'
export * from './alarm-rules'
