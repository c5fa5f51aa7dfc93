export * from './china-datums'
export * from './to-wgs84'
export * from './crs-name'
