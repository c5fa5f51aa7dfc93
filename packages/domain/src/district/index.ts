export * from './district'
