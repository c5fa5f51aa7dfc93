export * from './china-datums'
export * from './to-wgs84'
