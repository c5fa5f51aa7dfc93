export * from './township'
