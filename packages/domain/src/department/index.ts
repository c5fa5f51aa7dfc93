export * from './department'
export * from './departments-data'
