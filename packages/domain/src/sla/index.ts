export * from './china-holidays'
export * from './working-calendar'
export * from './deadline'
